// The employer-permit calculators' contract (issue 11, "Public calculators"): POST
// /api/v1/employer-permits/fee and /term, public, used from outside; every malformed input is a 400
// problem naming the field, an extension the act does not allow a 422 naming the rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let server;
// The calculators take their dates as input; the server's own date is pinned all the same.
before(async () => { server = await startServer({ at: '2026-06-01T10:00' }); });
after(async () => { await server.stop(); });

const call = async (path, body, headers = {}) => {
  const r = await fetch(`${server.url}${path}`, {
    method: 'POST',
    body: typeof body === 'string' || body === undefined ? body : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', ...headers },
  });
  return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
};
const fee = (body, headers) => call('/api/v1/employer-permits/fee', body, headers);
const term = (body, headers) => call('/api/v1/employer-permits/term', body, headers);

const ASTANA = '710000000';
const ALMATY = '750000000';
const ATYRAU = '230000000';
const issue3 = { sub_service: 'issue', category: '3', oked_section: 'F', regions: [ASTANA], decision_date: '2026-03-10' };

const badRequest = (r, field, code) => {
  assert.equal(r.status, 400, JSON.stringify(r.body));
  assert.equal(r.type, 'application/problem+json');
  assert.equal(r.body.field, field);
  if (code) assert.equal(r.body.code, code);
  assert.ok(r.body.detail && r.body.detail !== r.body.code, 'a localized text, not the key');
};

test('EP-22.1 EP-22.2 I-23 F-E7: three regions, the full fee to each, in tenge at the MRP of 2026, no sign-in', async () => {
  const r = await fee({ ...issue3, regions: [ASTANA, ALMATY, ATYRAU] });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body.per_region, [ASTANA, ALMATY, ATYRAU].map((region) => ({ region, mrp: 224, tenge: 224 * 4325 })));
  assert.equal(r.body.total_mrp, 672);
  assert.equal(r.body.total_tenge, 672 * 4325);
  assert.equal(r.body.mrp_tenge, 4325);
  for (const id of ['EP-22.1', 'EP-22.2', 'I-23']) assert.ok(r.body.rule_ids.includes(id), id);
  assert.equal(r.body.unconfirmed, true);  // group C and the sector rates are not confirmed
});

test('EP-25 I-35: a seasonal permit of 91 days is charged the bracket up to 180 days', async () => {
  const r = await fee({ sub_service: 'issue', category: 'seasonal', oked_section: 'A', season_days: 91, regions: [ALMATY], decision_date: '2025-05-05' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body.per_region, [{ region: ALMATY, mrp: 24, tenge: 24 * 3932 }]);
});

test('F-E8 EP-25: category 1 for 3 years is the 1-year rate times 3, marked unconfirmed', async () => {
  const r = await fee({ sub_service: 'issue', category: '1', oked_section: 'J', years: 3, regions: [ASTANA], decision_date: '2024-10-01' });
  assert.equal(r.status, 200);
  assert.equal(r.body.total_mrp, 411);
  assert.equal(r.body.total_tenge, 411 * 3692);
  assert.equal(r.body.unconfirmed, true);
});

test('EP-A2.6 EP-22.3: re-issue and ICT are free', async () => {
  const reissue = await fee({ ...issue3, sub_service: 'reissue' });
  assert.deepEqual([reissue.status, reissue.body.total_mrp, reissue.body.total_tenge], [200, 0, 0]);
  const ict = await fee({ ...issue3, sub_service: 'ict', regions: [ASTANA, ALMATY] });
  assert.equal(ict.status, 200);
  assert.deepEqual(ict.body.per_region.map((p) => p.tenge), [0, 0]);
  assert.ok(ict.body.rule_ids.includes('EP-22.3'));
});

test('EP-25 I-9: the extension fee of category 4 is refused with 422 naming EP-25(3)', async () => {
  const r = await fee({ ...issue3, sub_service: 'extension', category: '4' });
  assert.equal(r.status, 422);
  assert.equal(r.type, 'application/problem+json');
  assert.equal(r.body.code, 'ep.term.extension_not_allowed');
  assert.deepEqual(r.body.rule_ids, ['EP-25(3)', 'I-9']);
});

test('EP-22.1 EP-22.2: malformed fee requests are 400 problems naming the field', async () => {
  badRequest(await fee({ ...issue3, category: '5' }), 'category', 'ep.fee.category');
  badRequest(await fee({ ...issue3, decision_date: '2027-02-01' }), 'decision_date', 'ep.fee_year_unknown');
  badRequest(await fee({ ...issue3, decision_date: '2023-02-01' }), 'decision_date', 'ep.fee_year_unknown');
  badRequest(await fee({ ...issue3, decision_date: '01.02.2026' }), 'decision_date', 'validation.date');
  badRequest(await fee({ ...issue3, regions: ['71000000'] }), 'regions[0]', 'ep.fee.regions');
  badRequest(await fee({ ...issue3, regions: [ASTANA, '123456789'] }), 'regions[1]', 'ep.fee.regions');
  badRequest(await fee({ ...issue3, regions: [ASTANA, ASTANA] }), 'regions[1]');
  badRequest(await fee({ ...issue3, regions: [] }), 'regions', 'ep.fee.regions');
  badRequest(await fee({ ...issue3, regions: ASTANA }), 'regions', 'validation.type_array');
  badRequest(await fee({ ...issue3, regions: [710000000] }), 'regions[0]', 'validation.type_string');
  badRequest(await fee({ ...issue3, category: 3 }), 'category', 'validation.type_string');
  badRequest(await fee({ ...issue3, oked_section: 'Z' }), 'oked_section', 'ep.fee.oked_section');
  badRequest(await fee({ ...issue3, sub_service: 'duplicate' }), 'sub_service', 'validation.choice');
  badRequest(await fee({ ...issue3, category: '1', years: 4 }), 'years', 'ep.fee.years');
  badRequest(await fee({ ...issue3, category: '1', years: '2' }), 'years', 'validation.type_integer');
  badRequest(await fee({ ...issue3, category: 'seasonal', season_days: 366 }), 'season_days', 'ep.fee.season_days');
  badRequest(await fee({ ...issue3, colour: 'red' }), 'colour', 'validation.unknown_field');
  badRequest(await fee(undefined), 'body', 'validation.body_required');
  badRequest(await fee('{"sub_service":'), 'body', 'validation.json');
  badRequest(await fee('[1]'), 'body', 'validation.type_object');
});

test('EP-22.1: the problem text is in the language asked for', async () => {
  const ru = await fee({ ...issue3, decision_date: '2027-02-01' }, { 'Accept-Language': 'ru' });
  const kk = await fee({ ...issue3, decision_date: '2027-02-01' }, { 'Accept-Language': 'kk' });
  const en = await fee({ ...issue3, decision_date: '2027-02-01' });
  assert.match(ru.body.detail, /МРП/);
  assert.match(kk.body.detail, /АЕК/);
  assert.match(en.body.detail, /MRP/);
});

test('EP-25 I-7 I-8: category 1 issued for 2 years; no limit on its extensions', async () => {
  const r = await term({ category: '1', ict: false, kind: 'issue', start: '2026-03-15', years: 2 });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { valid_from: '2026-03-15', valid_to: '2028-03-14', extensions_left: null, rule_ids: r.body.rule_ids });
  for (const id of ['EP-25(1)', 'I-7', 'I-8']) assert.ok(r.body.rule_ids.includes(id), id);
});

test('EP-25 I-9: categories 2 and 3 are extended three times, the fourth is 422 naming EP-25(2)', async () => {
  const third = await term({ category: '2', ict: false, kind: 'extension', current_valid_to: '2028-03-14', extensions_so_far: 2 });
  assert.equal(third.status, 200);
  assert.deepEqual([third.body.valid_from, third.body.valid_to, third.body.extensions_left], ['2028-03-15', '2029-03-14', 0]);
  const fourth = await term({ category: '2', ict: false, kind: 'extension', current_valid_to: '2029-03-14', extensions_so_far: 3 });
  assert.equal(fourth.status, 422);
  assert.equal(fourth.type, 'application/problem+json');
  assert.equal(fourth.body.code, 'ep.term.extension_not_allowed');
  assert.deepEqual(fourth.body.rule_ids, ['EP-25(2)', 'I-9']);
  assert.equal(fourth.body.field, 'extensions_so_far');
});

test('EP-25: category 4 and seasonal permits are not extended (422)', async () => {
  const four = await term({ category: '4', ict: false, kind: 'extension', current_valid_to: '2027-04-30' });
  assert.deepEqual([four.status, four.body.rule_ids], [422, ['EP-25(3)', 'I-9']]);
  const seasonal = await term({ category: 'seasonal', ict: false, kind: 'extension', current_valid_to: '2026-09-30' });
  assert.deepEqual([seasonal.status, seasonal.body.rule_ids], [422, ['EP-25(4)', 'I-9']]);
});

test('EP-2.4 I-9: ICT for a 36-month contract, one extension of up to 12 months, then 422', async () => {
  const issue = await term({ category: '2', ict: true, kind: 'issue', start: '2026-02-01', months: 36 });
  assert.deepEqual([issue.status, issue.body.valid_to, issue.body.extensions_left], [200, '2029-01-31', 1]);
  const ext = await term({ category: '2', ict: true, kind: 'extension', current_valid_to: '2029-01-31', months: 12 });
  assert.deepEqual([ext.status, ext.body.valid_from, ext.body.valid_to, ext.body.extensions_left], [200, '2029-02-01', '2030-01-31', 0]);
  const again = await term({ category: '2', ict: true, kind: 'extension', current_valid_to: '2030-01-31', months: 6, extensions_so_far: 1 });
  assert.deepEqual([again.status, again.body.rule_ids], [422, ['EP-2.4', 'I-9']]);
});

test('EP-25 I-35: a seasonal permit of 365 days ends on 31 December', async () => {
  const r = await term({ category: 'seasonal', kind: 'issue', start: '2026-01-01', season_days: 365 });
  assert.deepEqual([r.status, r.body.valid_to, r.body.extensions_left], [200, '2026-12-31', 0]);
});

test('EP-25 EP-2.4: malformed term requests are 400 problems naming the field', async () => {
  const base = { category: '3', ict: false, kind: 'issue', start: '2026-06-01' };
  badRequest(await term({ ...base, category: 'first' }), 'category', 'ep.term.category');
  badRequest(await term({ ...base, kind: 'renewal' }), 'kind', 'validation.choice');
  badRequest(await term({ ...base, ict: 'no' }), 'ict', 'validation.type_boolean');
  badRequest(await term({ ...base, start: undefined }), 'start', 'ep.term.start');
  badRequest(await term({ ...base, start: '2020-01-01' }), 'start', 'ep.term.before_act');
  badRequest(await term({ ...base, kind: 'extension', start: undefined }), 'current_valid_to', 'ep.term.current_valid_to');
  badRequest(await term({ ...base, category: '1', years: 0 }), 'years', 'ep.term.years');
  badRequest(await term({ ...base, category: 'seasonal', season_days: 0 }), 'season_days', 'ep.term.season_days');
  badRequest(await term({ ...base, ict: true, months: 37 }), 'months', 'ep.term.months');
  badRequest(await term({ ...base, kind: 'extension', current_valid_to: '2027-05-31', extensions_so_far: -1 }),
    'extensions_so_far', 'ep.term.extensions_so_far');
  badRequest(await term(undefined), 'body', 'validation.body_required');
  badRequest(await term('null'), 'body', 'validation.type_object');
});

test('EP-22.1 EP-25: OpenAPI lists both calculators as public operations with their bodies', async () => {
  const r = await fetch(`${server.url}/api/v1/openapi.json`);
  const doc = await r.json();
  for (const p of ['/api/v1/employer-permits/fee', '/api/v1/employer-permits/term']) {
    const op = doc.paths[p]?.post;
    assert.ok(op, p);
    assert.equal(op.security, undefined, `${p} needs no sign-in`);
  }
  for (const s of ['EpFeeRequest', 'EpTermRequest', 'EpFee', 'EpTerm']) assert.ok(doc.components.schemas[s], s);
  assert.deepEqual(doc.components.schemas.EpFeeRequest.properties.sub_service.enum, ['issue', 'extension', 'reissue', 'ict']);
});
