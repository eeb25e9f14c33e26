// Issue 10 item 1: a case read answers from a kept view while nothing changed (ETag → 304), and sessions
// and actors are kept per process while a sign-out or a role change still takes effect at once — on
// another server of the same database too. Two flis-servers share one database here (SQLite file or
// PostgreSQL schema), as production runs several behind one load balancer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer, signIn, pdfBytes, bin, seDraft } from './server.mjs';

const run = promisify(execFile);
const at = '2026-10-21T10:00';
let a, b;
before(async () => {
  a = await startServer({ at });
  b = await startServer({ at, db: a.db });  // a second process on the same database
});
after(async () => {
  await b.stop();
  await a.stop();
});

const flis = (...args) => run(`${bin}/flis`, ['--db', a.db.url, '--key', a.db.key, ...args]);

async function read(url, token, etag) {
  const headers = { Authorization: `Bearer ${token}` };
  if (etag) headers['If-None-Match'] = etag;
  const res = await fetch(url, { headers });
  return { status: res.status, etag: res.headers.get('etag'), cache: res.headers.get('cache-control'), body: await res.text() };
}

test('a case read carries an ETag; If-None-Match answers 304 until the case changes, on either server', async () => {
  const chen = await signIn(a.url, 'chen');
  const c = await seDraft(a.url, chen);
  const path = `/api/v1/cases/${c.id}`;
  const first = await read(`${a.url}${path}`, chen.token);
  assert.equal(first.status, 200);
  assert.match(first.etag, /^"[0-9a-f]{32}"$/);
  assert.equal(first.cache, 'private, no-cache');
  // The kept view is byte for byte what a fresh build gives: the other server builds its own.
  const other = await read(`${b.url}${path}`, chen.token);
  assert.equal(other.body, first.body);
  assert.equal(other.etag, first.etag);
  for (const server of [a, b]) {
    const again = await read(`${server.url}${path}`, chen.token, first.etag);
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    assert.equal(again.etag, first.etag);
  }
  assert.equal((await read(`${a.url}${path}`, chen.token, `"other", ${first.etag}`)).status, 304);
  assert.equal((await read(`${a.url}${path}`, chen.token, '"other"')).status, 200);
  // A change through server B: server A's kept view is stale at once.
  const uploaded = await fetch(`${b.url}/api/v1/self-employment/applications/${c.id}/files?doc_type=application`, {
    method: 'POST', body: pdfBytes('application'), headers: { Authorization: `Bearer ${chen.token}`, 'Content-Type': 'application/pdf' } });
  assert.equal(uploaded.status, 201);
  const changed = await read(`${a.url}${path}`, chen.token, first.etag);
  assert.equal(changed.status, 200);
  assert.notEqual(changed.etag, first.etag);
  assert.equal(JSON.parse(changed.body).files.length, 1);
  assert.equal(JSON.parse(changed.body).version, JSON.parse(first.body).version + 1);
});

test('a sign-out on one server ends the session on the other at once', async () => {
  const officer = await signIn(a.url, 'officer.astana');
  const inbox = (await officer.get('/api/v1/cases')).data.cases;
  const path = `/api/v1/cases/${inbox[0].id}`;
  // Both servers now keep the session and the view.
  for (const server of [a, b]) {
    assert.equal((await read(`${server.url}${path}`, officer.token)).status, 200);
    assert.equal((await read(`${server.url}/api/v1/me`, officer.token)).status, 200);
  }
  const out = await fetch(`${b.url}/api/v1/auth/sign-out`, { method: 'POST', headers: { Authorization: `Bearer ${officer.token}` } });
  assert.equal(out.status, 204);
  for (const server of [a, b]) {
    const me = await read(`${server.url}/api/v1/me`, officer.token);
    assert.equal(me.status, 401, me.body);
    assert.equal(JSON.parse(me.body).code, 'auth.session_expired');
    assert.equal((await read(`${server.url}${path}`, officer.token)).status, 401);
  }
});

test('a role change (flis user set-role) reaches both servers\' kept sessions and views at once', async () => {
  const head = await signIn(a.url, 'head.astana');
  const inbox = (await head.get('/api/v1/cases')).data.cases;
  const path = `/api/v1/cases/${inbox[0].id}`;
  const me = await read(`${a.url}/api/v1/me`, head.token);
  const before = JSON.parse(me.body);
  for (const server of [a, b]) assert.equal((await read(`${server.url}${path}`, head.token)).status, 200);
  // Moved to Almaty's body: Astana's cases are no longer theirs.
  await flis('user', 'set-role', 'head.astana', before.role, '--provider-body', 'leb-750000000', '--region', '750000000');
  for (const server of [a, b]) {
    const now = JSON.parse((await read(`${server.url}/api/v1/me`, head.token)).body);
    assert.equal(now.provider_body, 'leb-750000000');
    const gone = await read(`${server.url}${path}`, head.token);
    assert.equal(gone.status, 404, gone.body);
    assert.equal(JSON.parse(gone.body).code, 'case.not_found');
  }
  await flis('user', 'set-role', 'head.astana', before.role, '--provider-body', before.provider_body, '--region', before.region);
  for (const server of [a, b]) assert.equal((await read(`${server.url}${path}`, head.token)).status, 200);
});

test('a case list is the same bytes on both servers and shows a change made through the other at once', async () => {
  const chen = await signIn(a.url, 'chen');
  const list = async (server) => (await read(`${server.url}/api/v1/cases`, chen.token)).body;
  // Drafted and changed through server B (one clock: the two servers' demo clocks started apart), read on A.
  const c = await seDraft(b.url, chen);
  const first = await list(a);
  assert.equal(await list(a), first);  // the second read answers from the kept summaries
  assert.equal(await list(b), first);
  const shown = () => JSON.parse(first).cases.find((x) => x.id === c.id);
  assert.ok(shown());
  // A new draft and a change of the first (its updated_at, in seconds) through server B: both at once on A.
  await seDraft(b.url, chen);
  // updated_at is in whole seconds of B's clock: wait until B's /healthz tells a later second than the
  // draft's, so that the change is one the summary can show (a fixed 1.1 s sleep once fell short in CI).
  const drafted = Date.parse(shown().updated_at);
  for (let i = 0; i < 50; i += 1) {
    const now = Date.parse((await (await fetch(`${b.url}/healthz`)).json()).now);
    if (now >= drafted + 1000) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const uploaded = await fetch(`${b.url}/api/v1/self-employment/applications/${c.id}/files?doc_type=application`, {
    method: 'POST', body: pdfBytes('application'), headers: { Authorization: `Bearer ${chen.token}`, 'Content-Type': 'application/pdf' } });
  assert.equal(uploaded.status, 201);
  const after = await list(a);
  assert.equal(after, await list(b));
  assert.equal(JSON.parse(after).cases.length, JSON.parse(first).cases.length + 1);
  const changed = JSON.parse(after).cases.find((x) => x.id === c.id);
  assert.notEqual(changed.updated_at, shown().updated_at, `the list on A after the upload through B: ${after}`);
});

test('the public quota balance is the same bytes on both servers, read after read', async () => {
  for (const year of [2026, 2027]) {
    const path = `/api/v1/quota/${year}/balance`;
    const first = await (await fetch(`${a.url}${path}`)).text();
    assert.equal(await (await fetch(`${a.url}${path}`)).text(), first);
    assert.equal(await (await fetch(`${b.url}${path}`)).text(), first);
    const kind = await (await fetch(`${a.url}${path}?kind=seasonal`)).text();
    assert.equal(kind, await (await fetch(`${b.url}${path}?kind=seasonal`)).text());
    assert.ok(JSON.parse(kind).balances.every((x) => x.kind === 'seasonal'));
  }
});
