// Processing statistics by region (issue 11: the Ministry's national view and the public statistics page)
// over HTTP, on a database of its own seeded as of Monday 16 November 2026: the figures add up, match the
// cases the Ministry can list one by one, hold no personal data, and bad input is a problem naming its field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn } from './server.mjs';

let server, ministry;
before(async () => {
  server = await startServer({ at: '2026-11-16T10:00' });
  ministry = await signIn(server.url, 'ministry');
});
after(async () => { await server?.stop(); });

const get = async (path) => {
  const r = await fetch(`${server.url}${path}`);
  const type = r.headers.get('content-type') ?? '';
  return { status: r.status, type, data: type.includes('json') ? await r.json() : await r.text() };
};
const counts = ['registered', 'decided', 'within_term', 'open', 'overdue', 'ended'];

test('I-4 SE-A2.3: the public SE statistics add up by region and match the cases registered in the year', async () => {
  const { status, data } = await get('/api/v1/statistics/processing?service=SE&year=2026');
  assert.equal(status, 200, JSON.stringify(data));
  assert.deepEqual([data.service, data.year], ['SE', 2026]);
  assert.ok(data.rule_ids.includes('SE-A2.3') && data.rule_ids.includes('I-4'));
  for (const key of counts)
    assert.equal(data.total[key], data.regions.reduce((n, r) => n + r[key], 0), key);
  for (const r of [...data.regions, data.total]) {
    assert.equal(r.decided + r.open + r.ended, r.registered, JSON.stringify(r));
    assert.ok(r.within_term <= r.decided && r.overdue <= r.open, JSON.stringify(r));
    if (r.decided > 0) assert.ok(r.median_working_days <= r.longest_working_days, JSON.stringify(r));
    else assert.equal(r.median_working_days, null);
  }
  assert.ok(data.total.decided > 0, 'the demo decided SE applications this year');
  // The Ministry sees every case: those of SE registered in 2026, by region, are exactly the counts.
  const all = (await ministry.get('/api/v1/cases?service=SE')).data.cases
    .filter((c) => c.registered_on?.startsWith('2026-') && ['issue', 'extension', 'reissue', 'duplicate'].includes(c.kind));
  const byRegion = {};
  for (const c of all) byRegion[c.region] = (byRegion[c.region] ?? 0) + 1;
  assert.deepEqual(Object.fromEntries(data.regions.map((r) => [r.region, r.registered])), byRegion);
  // Nothing about a person or a case: each row holds its region and the counts, nothing else.
  for (const r of [...data.regions, data.total])
    assert.deepEqual(Object.keys(r).sort(), ['decided', 'ended', 'longest_working_days', 'median_working_days', 'open',
      'overdue', 'region', 'registered', 'within_term']);
  assert.ok(!JSON.stringify(data).includes('SE-2026-'));
});

test('I-4: LI and EP are reported the same way; another service, a bad year or no number is a problem naming its field', async () => {
  for (const service of ['LI', 'EP']) {
    const { status, data } = await get(`/api/v1/statistics/processing?service=${service}&year=2026`);
    assert.equal(status, 200, JSON.stringify(data));
    assert.equal(data.total.registered, data.regions.reduce((n, r) => n + r.registered, 0));
  }
  const qt = await get('/api/v1/statistics/processing?service=QT&year=2026');
  assert.deepEqual([qt.status, qt.type, qt.data.field], [400, 'application/problem+json', 'service']);
  const far = await get('/api/v1/statistics/processing?service=EP&year=1999');
  assert.deepEqual([far.status, far.data.field], [400, 'year']);
  const word = await get('/api/v1/statistics/processing?service=EP&year=last');
  assert.deepEqual([word.status, word.data.field], [400, 'year']);
  // No year: the current one.
  assert.equal((await get('/api/v1/statistics/processing?service=EP')).data.year, 2026);
  const doc = (await get('/api/v1/openapi.json')).data;
  assert.deepEqual(doc.paths['/api/v1/statistics/processing'].get.parameters.map((p) => p.name), ['service', 'year']);
});

test('the statistics page, public, in kk, ru and en, with a row per region and the country', async () => {
  for (const [lang, heading] of [['ru', 'Статистика рассмотрения'], ['kk', 'Қарау статистикасы'], ['en', 'Processing statistics']]) {
    const { status, data } = await get(`/statistics?service=SE&year=2026&lang=${lang}`);
    assert.equal(status, 200, lang);
    assert.ok(data.includes(heading), lang);
    assert.ok(data.includes('data-testid="statistics"'), lang);
    assert.ok(data.includes('data-region=""'), `${lang}: the country's row`);
  }
  const bad = await get('/statistics?service=SE&year=abc&lang=en');
  assert.equal(bad.status, 400);
  assert.ok(bad.data.includes('Enter a year'), 'the error next to the field');
});
