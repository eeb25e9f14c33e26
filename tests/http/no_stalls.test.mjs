// Issue 10, no stalls: the handlers run on their own pool, apart from the server's I/O threads, so an external
// system that answers after 5 s holds up only the requests that wait for it. Six employers' pre-checks wait on
// ГБД ЮЛ (the simulator's legal_entities, 5 s latency) — more than the server's 4 I/O threads — while
// /healthz and a case read are answered at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { epBase, epDraft, startEpServer } from './ep_fixtures.mjs';

const at = '2026-06-01T10:00';

test('a slow external system stalls no other request', async () => {
  const world = await startEpServer(at, ['employer.ksm']);
  const [ksm] = world.users;
  try {
    const draft = await ksm.post(epBase, epDraft);
    assert.equal(draft.status, 201, JSON.stringify(draft.data));
    assert.ok((await world.sim.admin('PUT', 'faults/legal_entities', { latency_ms: 5000 })).status < 300);
    let slowDone = 0;
    const slow = Array.from({ length: 6 }, () =>
      ksm.post('/api/v1/employer-permits/pre-check', epDraft).then((r) => { slowDone += 1; return r; }));
    await new Promise((r) => setTimeout(r, 300)); // the pre-checks are waiting on ГБД ЮЛ now
    const health = await fetch(`${world.server.url}/healthz`);
    assert.equal(health.status, 200);
    const read = await ksm.get(`/api/v1/cases/${draft.data.id}`);
    assert.equal(read.status, 200);
    assert.equal(slowDone, 0, 'answered while every slow request still waits, not after them');
    for (const r of await Promise.all(slow)) assert.equal(r.status, 200);
  } finally {
    await world.sim.admin('DELETE', 'faults');
    await world.stop();
  }
});
