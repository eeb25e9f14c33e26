// The labour-immigrant calculators' contract (issue 12, "Public calculators"): POST
// /api/v1/labour-immigrants/windows and GET /api/v1/labour-immigrants/advance-tax, public, used from
// outside; every malformed input is a 400 problem naming the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let server;
before(async () => { server = await startServer({ at: '2026-06-01T10:00' }); });
after(async () => { await server.stop(); });

const windows = async (body, headers = {}) => {
  const r = await fetch(`${server.url}/api/v1/labour-immigrants/windows`, {
    method: 'POST',
    body: typeof body === 'string' || body === undefined ? body : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', ...headers },
  });
  return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
};
const tax = async (query, headers = {}) => {
  const r = await fetch(`${server.url}/api/v1/labour-immigrants/advance-tax?${query}`, {
    headers: { 'Accept-Language': 'en', ...headers },
  });
  return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
};

const badRequest = (r, field) => {
  assert.equal(r.status, 400, JSON.stringify(r.body));
  assert.equal(r.type, 'application/problem+json');
  assert.equal(r.body.field, field);
  assert.ok(r.body.detail && r.body.detail !== r.body.code, 'a localized text, not the key');
};

test('LI-24 I-10: an extension 30 days before expiry is allowed, no sign-in; no new permit before 12 months', async () => {
  const r = await windows({ months_so_far: 3, valid_to: '2026-06-30', filed_on: '2026-05-31', requested_months: 3 });
  assert.equal(r.status, 200);
  assert.equal(r.body.extension.allowed, true);
  assert.ok(r.body.extension.rule_ids.includes('LI-24'));
  assert.equal(r.body.new_permit.allowed, false);
  assert.ok(r.body.new_permit.rule_ids.includes('LI-26'));
});

test('LI-25 I-10: four days before expiry the extension is too late and names LI-25', async () => {
  const r = await windows({ months_so_far: 6, valid_to: '2026-06-30', filed_on: '2026-06-26', requested_months: 3 });
  assert.equal(r.status, 200);
  assert.equal(r.body.extension.allowed, false);
  assert.ok(r.body.extension.rule_ids.includes('LI-25'));
});

test('LI-26 LI-19 I-10: after 12 months a new permit may be filed on the expiry day itself, an extension never', async () => {
  const r = await windows({ months_so_far: 12, valid_to: '2026-06-30', filed_on: '2026-06-30', requested_months: 1 });
  assert.equal(r.status, 200);
  assert.equal(r.body.new_permit.allowed, true);
  assert.equal(r.body.extension.allowed, false);
  assert.ok(r.body.extension.rule_ids.includes('LI-19'));
});

test('LI-19: malformed windows input is a 400 at the field at fault', async () => {
  const ok = { months_so_far: 3, valid_to: '2026-06-30', filed_on: '2026-05-31', requested_months: 3 };
  badRequest(await windows({ ...ok, months_so_far: 0 }), 'months_so_far');
  badRequest(await windows({ ...ok, requested_months: 13 }), 'requested_months');
  badRequest(await windows({ ...ok, valid_to: '2026-02-30' }), 'valid_to');
  badRequest(await windows({ ...ok, filed_on: 20260531 }), 'filed_on');
  badRequest(await windows({ ...ok, months_so_far: '3' }), 'months_so_far');
  badRequest(await windows(''), 'body');
  badRequest(await windows('{"months_so_far": 3,'), 'body');
  badRequest(await windows({ ...ok, extra: 1 }), 'extra');
  badRequest(await windows({ ...ok, filed_on: '2024-12-01' }), 'filed_on');  // before the Rules (LI-0)
});

test('LI-15 F-L1: the advance tax of 2026 is 4 MRP a month at 4 325 tenge; of 2025 2 MRP at 3 932', async () => {
  let r = await tax('months=3&on=2026-03-02');
  assert.equal(r.status, 200);
  assert.deepEqual(
    { months: r.body.months, mrp_per_month: r.body.mrp_per_month, mrp_tenge: r.body.mrp_tenge, total_tenge: r.body.total_tenge },
    { months: 3, mrp_per_month: 4, mrp_tenge: 4325, total_tenge: 3 * 4 * 4325 });
  assert.ok(r.body.rule_ids.includes('F-L1'));
  r = await tax('months=12&on=2025-11-20');
  assert.equal(r.status, 200);
  assert.equal(r.body.total_tenge, 12 * 2 * 3932);
});

test('F-L1: malformed tax queries are a 400 at the field; an unknown year is never guessed', async () => {
  badRequest(await tax('months=0&on=2026-03-02'), 'months');
  badRequest(await tax('months=13&on=2026-03-02'), 'months');
  badRequest(await tax('months=three&on=2026-03-02'), 'months');
  badRequest(await tax('on=2026-03-02'), 'months');
  badRequest(await tax('months=3&on=02.03.2026'), 'on');
  badRequest(await tax('months=3'), 'on');
  badRequest(await tax('months=3&on=2027-01-05'), 'on');
  const ru = await tax('months=0&on=2026-03-02', { 'Accept-Language': 'ru' });
  assert.equal(ru.status, 400);
  assert.match(ru.body.detail, /[а-яА-Я]/, 'the error in the reader\'s language');
});
