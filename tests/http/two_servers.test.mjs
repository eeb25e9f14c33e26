// Issue 10: FLIS as several stateless servers on one database. Two flis-server processes share it behind
// nginx as the load balancer (round robin): a session made on one works on the other, a case one writes
// the other reads, and each scheduled job runs on one of them at a time — the holder of its lease
// (Store::claim_job), counted per server in flis_scheduled_job_runs_total. The harness runs this on SQLite
// and on PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareDatabase, signIn, startSim } from './server.mjs';
import { epDraft, epWorker, filedApplication } from './ep_fixtures.mjs';
import { served, startTwoServers } from './two_servers.mjs';

const at = '2026-06-01T10:00';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// {job: runs} from a server's Prometheus text.
function jobRuns(text) {
  const out = {};
  for (const m of text.matchAll(/^flis_scheduled_job_runs_total\{job="([^"]+)"\} (\d+)/gm)) out[m[1]] = Number(m[2]);
  return out;
}

test('two servers on one database: sessions and cases are shared, each scheduled job runs on one server, each outbox call is delivered once', async () => {
  const db = await prepareDatabase({ at });
  const sim = await startSim({ at });
  const args = ['--job-period', '1', '--registry-url', sim.url, '--relay-idle-ms', '100'];
  const { a, b, lb, stop } = await startTwoServers({ at, db, args });
  try {
    // Through the balancer: a session, and an application drafted, documented and filed over several
    // requests that land on either server. Its apostilled diploma puts one call to the МИД in the outbox
    // (EP-27-1).
    const ksm = await signIn(lb.url, 'employer.ksm');
    const indian = { ...epWorker, surname: 'Sharma', given_name: 'Ravi', patronymic: '', citizenship: 'IN',
      passport_number: 'Z7654321', passport_issuer: 'Government of India', residence_country: 'IN',
      departure_country: 'IN', education_document: { number: 'DIP-IN-2012-33190', issuing_country: 'IN',
        issued_on: '2012-05-30', authentication: 'apostille', apostille_number: 'IN-AP-2024-771203' } };
    const filed = await filedApplication(ksm, { ...epDraft, workers: [indian] });
    const auth = { headers: { Authorization: `Bearer ${ksm.token}` } };
    for (let i = 0; i < 6; i++) {
      const r = await fetch(`${lb.url}/api/v1/cases/${filed.id}`, auth);
      assert.equal(r.status, 200);
      assert.equal((await r.json()).state, 'registered');
    }
    const route = '/api/v1/cases/{id}';
    assert.ok(served(await a.metrics(), route) > 0 && served(await b.metrics(), route) > 0, 'both servers answered');

    // Both servers' relays watch the outbox; the simulator receives the call once.
    const key = `${filed.id}/apostille/1`;
    const callOf = async () => (await sim.admin('GET', 'calls?system=apostille')).data.calls
      .find((c) => c.idempotency_key === key && c.operation === 'check_request');
    let call;
    for (let i = 0; i < 60 && !call; i++) {
      call = await callOf();
      if (!call) await sleep(100);
    }
    assert.ok(call, `the call ${key} never reached the simulator`);
    await sleep(1500); // time for a second delivery, were there one
    const again = await callOf();
    assert.deepEqual([again.received, again.applied], [1, 1]);

    // Signed out on one server, refused on the other at once.
    const out = await fetch(`${b.url}/api/v1/auth/sign-out`, { method: 'POST', ...auth });
    assert.equal(out.status, 204);
    assert.equal((await fetch(`${a.url}/api/v1/cases/${filed.id}`, auth)).status, 401);

    // Both run their job loops every second; each job runs on one of them only.
    await sleep(3000);
    const ra = jobRuns(await a.metrics());
    const rb = jobRuns(await b.metrics());
    const jobs = new Set([...Object.keys(ra), ...Object.keys(rb)]);
    assert.ok(jobs.size >= 5, JSON.stringify({ ra, rb }));
    for (const job of jobs) assert.ok(!(ra[job] > 0 && rb[job] > 0), `${job} ran on both: ${ra[job]} and ${rb[job]}`);
    // The holder renews its leases and runs its jobs period after period.
    assert.ok(Math.max(...Object.values(ra), ...Object.values(rb)) >= 2, JSON.stringify({ ra, rb }));
  } finally {
    await stop();
    await sim.stop();
    try {
      await db.verify();
    } finally {
      await db.remove();
    }
  }
});
