// Time you can set: a demo server's clock starts at --clock-at and ticks on, the demo data seeded at
// the same date lead up to it, and every demo page and /healthz say what the time is; outside demo
// mode neither flis-server nor the database tools move time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { bin, prepareDatabase, startServer, signIn } from './server.mjs';

const run = promisify(execFile);

test('demo clock: /healthz and every portal page tell the set time; the seed files Petrov\'s case that day', async () => {
  // A Monday after the New Year holidays, far from the real date of any run.
  const server = await startServer({ at: '2026-01-05T10:00' });
  try {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    assert.equal(health.status, 'ok');
    assert.equal(health.demo, true);
    assert.equal(health.clock.set, true);
    // Ticking from 10:00 Kazakhstan time (UTC+5, I-1): within minutes.
    assert.match(health.clock.now, /^2026-01-05T10:0\d:\d\d\+05:00$/);
    const home = await (await fetch(`${server.url}/?lang=en`)).text();
    assert.match(home, /data-testid="demo-clock">Demo system; its date and time: 05\.01\.2026 10:0\d</);

    const petrov = await signIn(server.url, 'petrov');
    const own = (await petrov.get('/api/v1/cases')).data.cases;
    const registered = own.filter((c) => c.state === 'registered');
    assert.equal(registered.length, 1, JSON.stringify(own));
    assert.equal(registered[0].registered_on, '2026-01-05');
  } finally {
    await server.stop();
  }
});

// The clock ticks on from --clock-at rather than standing still, so a deadline is crossed by starting
// the server again, on the same database, at a later date: there its scheduled job finds what is due.
test('SE-23: restarted after a certificate\'s last day, the server\'s expiry job ends it', async () => {
  const at = '2026-06-01T10:00';
  const db = await prepareDatabase({ at });
  try {
    let server = await startServer({ at, db });
    let chen = await signIn(server.url, 'chen');
    const [issued] = (await chen.get('/api/v1/cases?state=issued')).data.cases;
    assert.ok(issued, 'the demo seed issued Chen a certificate');
    const { certificate } = (await chen.get(`/api/v1/cases/${issued.id}`)).data;
    assert.ok(certificate.valid_to > '2026-06-01', certificate.valid_to);
    await server.stop();

    const dayAfter = new Date(`${certificate.valid_to}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    server = await startServer({ at: `${dayAfter.toISOString().slice(0, 10)}T10:00`, db });
    chen = await signIn(server.url, 'chen');
    let after;
    for (let i = 0; i < 100; i++) {  // the job's first run is at start
      after = (await chen.get(`/api/v1/cases/${issued.id}`)).data;
      if (after.state === 'expired') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(after.state, 'expired');
    assert.equal(after.certificate.status, 'expired');
    assert.ok(after.timeline.at(-1).rule_ids.includes('SE-23'), JSON.stringify(after.timeline.at(-1)));
    await server.stop();
    await db.verify();
  } finally {
    await db.remove();
  }
});

test('a production start never moves time: --clock-at and --clock-offset need --demo', async () => {
  for (const clock of [['--clock-at', '2026-01-05T10:00'], ['--clock-offset', '-30d']]) {
    const refused = await run(`${bin}/flis-server`, ['--listen', '127.0.0.1:0', '--db', 'sqlite::memory:', ...clock])
      .then(() => null, (e) => e);
    assert.ok(refused, `flis-server ${clock.join(' ')} without --demo must not start`);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /clock\.demo_only/);
  }
  const malformed = await run(`${bin}/flis-server`,
    ['--listen', '127.0.0.1:0', '--db', 'sqlite::memory:', '--demo', '--clock-at', '5 January']).then(() => null, (e) => e);
  assert.equal(malformed?.code, 2);
  assert.match(malformed.stderr, /clock\.bad_time/);
});
