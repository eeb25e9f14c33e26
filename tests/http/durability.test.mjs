// Every acknowledged write survives kill -9; SIGTERM lets in-flight requests finish and exits 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, prepareDatabase, signIn } from './server.mjs';

const at = '2026-06-01T10:00';

const applicant = { full_name: 'Durable Test', passport_number: 'D0000001', citizenship: 'DE', phone: '+7 700 000 0000' };  // drafts need no IIN yet

test('acknowledged case creations survive kill -9 of the server', async () => {
  // One database for both servers: the second reads what the first acknowledged.
  const db = await prepareDatabase({ at });
  let server = await startServer({ at, db });
  const foreigner = await signIn(server.url, 'sato');
  const list = await (await fetch(`${server.url}/api/v1/reference/se_profession`)).json();
  const code = list.entries[0].code;
  const acknowledged = [];
  const create = () => foreigner.post('/api/v1/self-employment/applications',
    { kind: 'issue', region: '750000000', profession_code: code, applicant });
  for (let i = 0; i < 10; i++) {
    const r = await create();
    assert.equal(r.status, 201);
    acknowledged.push(r.data.id);
  }
  // Then a burst, killed while requests are still in flight: whatever was answered 201 must persist.
  let answered = 0;
  const burst = [];
  for (let i = 0; i < 60; i++) {
    burst.push(create().then((r) => {
      if (r.status === 201) acknowledged.push(r.data.id);
      if (++answered === 5) server.child.kill('SIGKILL');
    }).catch(() => {}));
  }
  await Promise.all(burst);
  const { signal } = await server.exited;
  assert.equal(signal, 'SIGKILL');
  assert.ok(acknowledged.length > 0);

  server = await startServer({ at, db });
  const again = await signIn(server.url, 'sato');
  for (const id of acknowledged) {
    const r = await again.get(`/api/v1/cases/${id}`);
    assert.equal(r.status, 200, id);
    assert.equal(r.data.state, 'draft');
    assert.equal(r.data.timeline.length, 1);  // the case and its audit event were written together
  }
  await server.stop();
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
