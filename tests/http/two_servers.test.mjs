// Issue 10: FLIS as several stateless servers on one database. Two flis-server processes share it: a session
// made on one works on the other, a case one writes the other reads, and each scheduled job runs on one of
// them at a time — the holder of its lease (Store::claim_job), counted per server in
// flis_scheduled_job_runs_total. The harness runs this on SQLite and on PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareDatabase, seDraft, signIn, startServer } from './server.mjs';

const at = '2026-06-01T10:00';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// {job: runs} from a server's Prometheus text.
function jobRuns(text) {
  const out = {};
  for (const m of text.matchAll(/^flis_scheduled_job_runs_total\{job="([^"]+)"\} (\d+)/gm)) out[m[1]] = Number(m[2]);
  return out;
}

test('two servers on one database: sessions and cases are shared, each scheduled job runs on one server', async () => {
  const db = await prepareDatabase({ at });
  const a = await startServer({ at, db, args: ['--job-period', '1'] });
  const b = await startServer({ at, db, args: ['--job-period', '1'] });
  try {
    // A session made on one server works on the other; a case made on one is read on the other.
    const chen = await signIn(a.url, 'chen');
    const made = await seDraft(a.url, chen);
    const read = await fetch(`${b.url}/api/v1/cases/${made.id}`, { headers: { Authorization: `Bearer ${chen.token}` } });
    assert.equal(read.status, 200);
    assert.equal((await read.json()).id, made.id);
    // Signed out on one, refused on the other at once.
    const out = await fetch(`${b.url}/api/v1/auth/sign-out`, { method: 'POST',
      headers: { Authorization: `Bearer ${chen.token}` } });
    assert.equal(out.status, 204);
    const after = await fetch(`${a.url}/api/v1/cases/${made.id}`, { headers: { Authorization: `Bearer ${chen.token}` } });
    assert.equal(after.status, 401);

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
    await b.stop();
    await a.stop();
    try {
      await db.verify();
    } finally {
      await db.remove();
    }
  }
});
