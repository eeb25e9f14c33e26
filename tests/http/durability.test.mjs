// Every acknowledged write survives kill -9 under load — of flis-server (SQLite and PostgreSQL) and of the
// PostgreSQL server itself — and SIGTERM lets in-flight requests finish and exits 0. On PostgreSQL the
// file runs a server of its own with production's durability settings (fsync, synchronous_commit and
// full_page_writes on, startPostgres): the shared test server runs with fsync=off, which proves nothing
// here, and the second test crashes the server it writes to.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareDatabase, signIn, startPostgres, startServer, testStore } from './server.mjs';

const at = '2026-06-01T10:00';
const clients = 16;
const onPg = testStore === 'postgresql';

const applicant = { full_name: 'Durable Test', passport_number: 'D0000001', citizenship: 'DE', phone: '+7 700 000 0000' };  // drafts need no IIN yet
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let pg;  // on PostgreSQL: this file's own server, fsync on
before(async () => {
  if (!onPg) return;
  pg = await startPostgres({ fsync: true });
  assert.equal(await pg.settings(), 'fsync=on, synchronous_commit=on, full_page_writes=on');
});
after(async () => {
  if (pg) await pg.stop();
});

// A database of this test's own and a server on it, with a foreigner creating SE drafts.
async function setUp() {
  const db = await prepareDatabase({ at, pgServer: pg?.url });
  const server = await startServer({ at, db });
  const foreigner = await signIn(server.url, 'sato');
  const list = await (await fetch(`${server.url}/api/v1/reference/se_profession`)).json();
  const code = list.entries[0].code;
  const create = () => foreigner.post('/api/v1/self-employment/applications',
    { kind: 'issue', region: '750000000', profession_code: code, applicant });
  return { db, server, create };
}

// `clients` concurrent clients, each creating a case as soon as its last one was answered, until stop().
// Every id answered 201 is in `acknowledged`; `reached(n)` waits until n more have been acknowledged.
function load(create) {
  const acknowledged = [];
  const refused = new Map();  // status (or 'network') → count
  const odd = [];  // answers other than 201 and 503
  let stopped = false;
  const loops = Array.from({ length: clients }, async () => {
    while (!stopped) {
      try {
        const r = await create();
        if (r.status === 201) {
          acknowledged.push(r.data.id);
        } else {
          refused.set(r.status, (refused.get(r.status) ?? 0) + 1);
          if (r.status !== 503) odd.push(`${r.status} ${JSON.stringify(r.data)}`);
          await sleep(20);
        }
      } catch {
        refused.set('network', (refused.get('network') ?? 0) + 1);
        await sleep(20);
      }
    }
  });
  return {
    acknowledged,
    refused,
    odd,
    async reached(n, timeoutMs = 15000) {
      const target = acknowledged.length + n;
      for (let waited = 0; acknowledged.length < target; waited += 10) {
        if (waited > timeoutMs) throw new Error(`${acknowledged.length} of ${target} creations acknowledged after ${timeoutMs} ms`);
        await sleep(10);
      }
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

const report = (writers) => `${writers.acknowledged.length} acknowledged, refused: ${
  JSON.stringify(Object.fromEntries(writers.refused))}${writers.odd.length ? `; ${writers.odd.slice(0, 3).join('; ')}` : ''}`;

// Every acknowledged case is there as a draft with its one audit event (written in the same commit).
async function assertAllThere(url, acknowledged) {
  const again = await signIn(url, 'sato');
  for (const id of acknowledged) {
    const r = await again.get(`/api/v1/cases/${id}`);
    assert.equal(r.status, 200, id);
    assert.equal(r.data.state, 'draft', id);
    assert.equal(r.data.timeline.length, 1, id);
  }
}

test('acknowledged case creations survive kill -9 of the server under 16 writing clients', async (t) => {
  // One database for both servers: the second reads what the first acknowledged.
  const { db, server, create } = await setUp();
  const writers = load(create);
  await writers.reached(3 * clients);
  // Killed while every client has a request in flight: whatever was answered 201 must persist.
  server.child.kill('SIGKILL');
  const { signal } = await server.exited;
  await writers.stop();
  assert.equal(signal, 'SIGKILL');
  assert.ok(writers.acknowledged.length >= 3 * clients);
  t.diagnostic(report(writers));

  const restarted = await startServer({ at, db });
  await assertAllThere(restarted.url, writers.acknowledged);
  await restarted.stop();
  await db.verify();
  await db.remove();
});

test('acknowledged case creations survive kill -9 of the PostgreSQL server under 16 writing clients', { skip: !onPg && 'PostgreSQL only' }, async (t) => {
  const { db, server, create } = await setUp();
  try {
    const writers = load(create);
    await writers.reached(3 * clients);
    await pg.crash();  // the postmaster and every backend, mid-commit
    const before = writers.acknowledged.length;
    await sleep(500);  // the clients go on writing to a server without its database
    await pg.restart();
    // The same flis-server writes again once PostgreSQL is back (its pool reconnects) ...
    await writers.reached(clients, 30000);
    await writers.stop();
    assert.ok(before >= 3 * clients);
    t.diagnostic(`${before} acknowledged before the crash; ${report(writers)}`);
    // A request the server cannot store is 503: never a 400 blaming the input (the reference look-ups of
    // validation once read an unreachable database as "code not in the list") and never a 500.
    assert.deepEqual(writers.odd, [], 'answers other than 201 and 503 while PostgreSQL was down');
    // ... and every creation it acknowledged, before the crash, while the database was down or after
    // it came back, is there with its audit event.
    await assertAllThere(server.url, writers.acknowledged);
  } finally {
    await server.stop();
  }
  await db.verify();
  await db.remove();
});

test('SIGTERM: graceful shutdown exits 0', async () => {
  const server = await startServer({ at });
  // A kept-alive connection is open when the signal arrives; the server closes it and exits cleanly.
  assert.equal((await fetch(`${server.url}/api/v1/calendar/2026`)).status, 200);
  const { code, signal } = await server.stop('SIGTERM');
  assert.deepEqual([code, signal], [0, null]);
});
