// Issue 10: the quota race through both servers is exact. Two flis-server processes on one database behind
// nginx (round robin); Almaty's LEB gives Alatau district N units of the labour-immigrant quota (I-15), two
// households offer agreements of intent to thirteen immigrants, and the immigrants sign all of them at once
// through the balancer — each signature holds one unit of the district's quota (LI-12, I-16). Exactly N
// are signed; every other signature is refused li.quota_exhausted (LI-20, I-17) and leaves its agreement
// as it was; the public balance then shows the N units held and none more, and the ledger adds up (flis
// audit verify). Races with N fresh units follow until both servers have held some. The harness runs
// this on SQLite and on PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { almaty, prepareDatabase, signIn } from './server.mjs';
import { served, startTwoServers } from './two_servers.mjs';

const at = '2026-11-16T10:00';
const base = '/api/v1/labour-immigrants';
const alatau = '751210000';
const districtKey = `2026/${almaty}/${alatau}/labour_immigrant`;
const route = `${base}/agreements/{id}/signature`;
// Units left in the district, and signatures racing for them.
const units = 12;
const racers = 48;
// The demo's foreigners (app/demo_seed.cpp): every one may sign an agreement of intent.
const immigrants = ['aliyev', 'chen', 'kowalska', 'kaya', 'sharma', 'petrov', 'tashiev', 'nguyen', 'sato',
  'rakhimov', 'safarova', 'toktogulov', 'karimov.b'];

const workplace = (n) => ({ work_address: `ул. Рыскулова, ${n}`, district: alatau, cadastral_number: '20:321:045:118',
  phone: '+77010000000' });
const passport = (n) => ({ surname: `Иммигрант${n}`, given_name: 'Тест', birth_date: '1990-01-01', citizenship: 'UZ',
  passport_number: `FA${String(7000000 + n)}`, passport_issued_on: '2021-03-01', phone: '+998901234567',
  permanent_address: 'Ташкент', temporary_address: `Алматы, ул. Рыскулова, ${n}` });

// Alatau's and Almaty's own labour-immigrant rows of the public balance (QT-19).
async function balances(url) {
  const r = await fetch(`${url}/api/v1/quota/2026/balance?region=${almaty}&kind=labour_immigrant`);
  assert.equal(r.status, 200);
  const rows = (await r.json()).balances;
  const pick = (b) => b && { allocated: b.allocated, reserved: b.reserved, consumed: b.consumed, available: b.available };
  return { district: pick(rows.find((b) => b.district === alatau)), region: pick(rows.find((b) => !b.district)) };
}

// Signatures on the route each server answered, by status.
async function signatures(server) {
  const text = await server.metrics();
  return { ok: served(text, route, { method: 'POST', status: 200 }),
    refused: served(text, route, { method: 'POST', status: 409 }) };
}

test('LI-12 LI-20 I-15 I-16 I-17: signatures racing through two servers hold exactly the units left, the rest are refused and write nothing', async (t) => {
  const db = await prepareDatabase({ at });
  const servers = await startTwoServers({ at, db });
  const { a, b, lb } = servers;
  try {
    const [officer, aigerim, omarov, ...people] = await Promise.all(
      ['officer.almaty', 'employer.aigerim', 'employer.omarov', ...immigrants].map((l) => signIn(lb.url, l)));
    const before = await balances(lb.url);
    assert.equal(before.district, undefined, 'Alatau has no quota of its own in the demo');

    // One race: the LEB gives Alatau `units` more units (I-15), the households offer `racers` agreements
    // spread over the immigrants, and all are signed at once through the balancer.
    let held = 0;  // units the district holds before the round
    const race = async (round) => {
      const given = await officer.post('/api/v1/quota/2026/district-allocations',
        { district: alatau, units, reasons: 'Алатауский район: заявки домохозяйств' });
      assert.equal(given.status, 201, JSON.stringify(given.data));
      const start = await balances(lb.url);
      assert.deepEqual(start.district, { allocated: held + units, reserved: held, consumed: 0, available: units });
      assert.equal(start.region.allocated, before.region.allocated - held - units);

      const offered = [];
      for (let i = 0; i < racers; i += 8) {
        offered.push(...await Promise.all(Array.from({ length: Math.min(8, racers - i) }, async (_, j) => {
          const n = round * racers + i + j;
          const employer = n % 2 ? omarov : aigerim;
          const immigrant = people[n % people.length];
          const r = await employer.post(`${base}/agreements`, { immigrant: immigrant.login, profession: 'домработница',
            wage_tenge: 250000, months: 6, workplace: workplace(n) });
          assert.equal(r.status, 201, JSON.stringify(r.data));
          assert.equal(r.data.state, 'offered');
          return { n, id: r.data.id, version: r.data.version, employer, immigrant };
        })));
      }
      // Each immigrant reads their offers on both servers first, all at once: both have the sessions, their
      // database connections and handler threads at hand when the race starts.
      await Promise.all([a, b].flatMap((s) => offered.map(async (o) => {
        const r = await fetch(`${s.url}/api/v1/cases/${o.id}`, { headers: { Authorization: `Bearer ${o.immigrant.token}` } });
        assert.equal(r.status, 200);
        assert.equal((await r.json()).state, 'offered');
      })));
      const metricsBefore = [await signatures(a), await signatures(b)];

      const started = Date.now();
      const answers = await Promise.all(offered.map((o) =>
        o.immigrant.post(`${base}/agreements/${o.id}/signature`, { immigrant: passport(o.n) })));
      const took = Date.now() - started;
      const statuses = {};
      for (const r of answers) statuses[r.status] = (statuses[r.status] || 0) + 1;
      assert.deepEqual(statuses, { 200: units, 409: racers - units }, `${JSON.stringify(statuses)} in ${took} ms`);
      for (const r of answers) {
        if (r.status === 200) {
          assert.equal(r.data.state, 'signed');
          assert.equal(r.data.data.quota.key, districtKey);
        } else {
          // LI-20, I-17: the act's refusal as a problem, citing the rules.
          assert.match(r.type, /application\/problem\+json/);
          assert.equal(r.data.code, 'li.quota_exhausted');
          assert.deepEqual(r.data.rule_ids, ['LI-20', 'I-17']);
        }
      }

      // Which server answered which, as their metrics count them: all of the signatures, between them.
      const after = [await signatures(a), await signatures(b)];
      const perServer = after.map((m, i) => ({ ok: m.ok - metricsBefore[i].ok, refused: m.refused - metricsBefore[i].refused }));
      const seen = JSON.stringify(perServer);
      t.diagnostic(`round ${round + 1}: ${racers} signatures for ${units} units in ${took} ms, per server ${seen}`);
      assert.equal(perServer[0].ok + perServer[1].ok, units, seen);
      assert.equal(perServer[0].refused + perServer[1].refused, racers - units, seen);
      assert.ok(perServer[0].ok + perServer[0].refused > 0 && perServer[1].ok + perServer[1].refused > 0, seen);

      // The public balance: exactly `units` more held in the district, none taken from the region.
      const end = await balances(lb.url);
      assert.deepEqual(end.district, { allocated: held + units, reserved: held + units, consumed: 0, available: 0 });
      assert.deepEqual(end.region, start.region);
      held += units;

      // Nothing half-written: each signed agreement holds a reservation of its own; each refused one is the
      // offer it was, at its version, with no signature, no unit and no step of the refused signature.
      const cases = await Promise.all(offered.map(async (o) => {
        const r = await o.employer.get(`/api/v1/cases/${o.id}`);
        assert.equal(r.status, 200);
        return { o, c: r.data };
      }));
      const reservations = new Set();
      for (const { o, c } of cases) {
        const commands = c.timeline.map((e) => e.command);
        if (c.state === 'signed') {
          assert.equal(c.data.quota.key, districtKey);
          reservations.add(c.data.quota.reservation_id);
          assert.deepEqual(commands, ['offer_agreement', 'sign_agreement']);
          assert.deepEqual(c.timeline[1].rule_ids, ['LI-11', 'LI-12', 'LI-A3', 'I-16']);
        } else {
          assert.equal(c.state, 'offered', o.id);
          assert.equal(c.version, o.version, o.id);
          assert.ok(!c.data.quota, JSON.stringify(c.data.quota));
          assert.ok(!c.data.immigrant_signed_at, o.id);
          assert.deepEqual(commands, ['offer_agreement'], o.id);
        }
      }
      assert.equal(reservations.size, units);
      return { perServer, cases };
    };

    // Both servers hold units of the same ledger. On SQLite the server that takes the write lock first
    // can win a whole burst: its queued requests get its freed connections at once while the other's
    // writers sleep in SQLite's busy back-off. So the race runs again, with fresh units, until each
    // server has held some (one server alone won about one round in three, at times a few in a row).
    const won = [0, 0];
    let last;
    for (let round = 0; round < 6 && !(won[0] > 0 && won[1] > 0); round++) {
      last = await race(round);
      last.perServer.forEach((p, i) => { won[i] += p.ok; });
    }
    assert.ok(won[0] > 0 && won[1] > 0, `both servers held units: ${JSON.stringify(won)}`);

    // A unit given back (the household withdraws a signed agreement, I-16) is held by one signature only.
    const signed = last.cases.find(({ c }) => c.state === 'signed').o;
    const refused = last.cases.filter(({ c }) => c.state === 'offered').map(({ o }) => o);
    const withdrawn = await signed.employer.post(`${base}/agreements/${signed.id}/withdrawal`);
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.data));
    assert.equal((await balances(lb.url)).district.available, 1);
    const again = await Promise.all(refused.slice(0, 6).map((o) =>
      o.immigrant.post(`${base}/agreements/${o.id}/signature`, { immigrant: passport(o.n) })));
    assert.deepEqual(again.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409]);
    assert.deepEqual((await balances(lb.url)).district, { allocated: held, reserved: held, consumed: 0, available: 0 });
  } finally {
    await servers.stop();
    try {
      await db.verify(); // every hash chain, and every quota balance against the sum of its ledger rows
    } finally {
      await db.remove();
    }
  }
});
