// Issue 10, no stalls: the handlers run on their own pool, apart from the server's I/O threads, so an external
// system that answers after 5 s holds up only the requests that wait for it. Six employers' pre-checks wait on
// ГБД ЮЛ (the simulator's legal_entities, 5 s latency) — more than the server's 4 I/O threads — while
// /healthz and a case read are answered at once, their p99 within 2× of what it is without the fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { epBase, epDraft, startEpServer } from './ep_fixtures.mjs';

const at = '2026-06-01T10:00';

// The 99th percentile, in ms, of `count` sequential calls of `call` (each must answer 200): the median of three
// rounds, so that one burst of scheduler noise on a loaded 2-core machine (the simulator, node and other test
// files share it) spoils one round, not the figure.
async function p99(count, call) {
  const rounds = [];
  for (let round = 0; round < 3; round += 1) {
    const times = [];
    for (let i = 0; i < count; i += 1) {
      const started = performance.now();
      const r = await call();
      assert.equal(r.status, 200);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    rounds.push(times[Math.ceil(0.99 * count) - 1]);
  }
  return rounds.sort((a, b) => a - b)[1];
}

test('a slow external system stalls no other request', async (t) => {
  const world = await startEpServer(at, ['employer.ksm']);
  const [ksm] = world.users;
  try {
    const draft = await ksm.post(epBase, epDraft);
    assert.equal(draft.status, 201, JSON.stringify(draft.data));
    const health = () => fetch(`${world.server.url}/healthz`);
    const caseRead = () => ksm.get(`/api/v1/cases/${draft.data.id}`);
    await p99(20, caseRead);  // warm: the case view is cached, connections are open
    const before = { health: await p99(100, health), read: await p99(100, caseRead) };
    assert.ok((await world.sim.admin('PUT', 'faults/legal_entities', { latency_ms: 5000 })).status < 300);
    let slowDone = 0;
    const slow = Array.from({ length: 6 }, () =>
      ksm.post('/api/v1/employer-permits/pre-check', epDraft).then((r) => { slowDone += 1; return r; }));
    await new Promise((r) => setTimeout(r, 300)); // the pre-checks are waiting on ГБД ЮЛ now
    const during = { health: await p99(100, health), read: await p99(100, caseRead) };
    assert.equal(slowDone, 0, 'answered while every slow request still waits, not after them');
    // Issue 10: within 2× of the p99 without the fault. Below 2.5 ms a loopback p99 is timer and
    // scheduler noise (a 2-core CI machine also runs the simulator and node), so the bound is then 5 ms.
    for (const what of ['health', 'read']) {
      const bound = Math.max(2 * before[what], 5);
      assert.ok(during[what] <= bound,
        `${what}: p99 ${during[what].toFixed(2)} ms with the slow registry, ${before[what].toFixed(2)} ms without`);
    }
    t.diagnostic(`p99 (ms) without/with the 5 s registry: healthz ${before.health.toFixed(2)}/${during.health.toFixed(2)}, case read ${before.read.toFixed(2)}/${during.read.toFixed(2)}`);
    for (const r of await Promise.all(slow)) assert.equal(r.status, 200);
  } finally {
    await world.sim.admin('DELETE', 'faults');
    await world.stop();
  }
});
