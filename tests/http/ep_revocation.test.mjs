// EP revocations and bans over the JSON API (cases/ep/revocation.h), against a registry simulator of its own:
// an officer records that KazStroyMontazh engaged workers without a permit (EP-41-1), the head signs, the
// employer sees the case, and the 12-month ban (I-20) is found by the checks of its next issue application.
// A revocation of a permit it holds, and what the API refuses. Seeded as of Monday 1 June 2026.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { epBase, epDraft, filedApplication, ksmBin, startEpServer } from './ep_fixtures.mjs';
import { almaty } from './server.mjs';

const at = '2026-06-01T10:00';
const revocations = '/api/v1/employer-permits/revocations';
let env, ksm, adl, officer, head, otherOfficer;

before(async () => {
  env = await startEpServer(at, ['employer.ksm', 'employer.adl', 'officer.almaty', 'head.almaty', 'officer.astana']);
  [ksm, adl, officer, head, otherOfficer] = env.users;
});
after(async () => env?.stop());

test('the API refuses a proposal with the field at fault', async () => {
  const byEmployer = await ksm.post(revocations, { ground: 'EP-41-1', employer_bin: ksmBin, reasons: 'x' });
  assert.equal(byEmployer.status, 403);
  const badGround = await officer.post(revocations, { ground: 'EP-99', employer_bin: ksmBin, reasons: 'x' });
  assert.equal(badGround.status, 400);
  assert.equal(badGround.data.field, 'ground');
  const noPermits = await officer.post(revocations, { ground: 'EP-40(1)', reasons: 'x' });
  assert.equal(noPermits.status, 400);
  assert.equal(noPermits.data.field, 'permit_numbers');
  const noExcess = await officer.post(revocations, { ground: 'EP-40(2)', employer_bin: ksmBin, reasons: 'x' });
  assert.equal(noExcess.status, 400);
  assert.equal(noExcess.data.field, 'excess');
  assert.deepEqual(noExcess.data.rule_ids, ['EP-40', 'I-21']);
});

test('a permit is revoked and the employer engaged workers without one: the ban refuses its next issue', async () => {
  // A permit to revoke: an issue decided, the fee paid and confirmed (as ep_flow.test.mjs).
  const filed = await filedApplication(ksm);
  const decided = await head.post(`${epBase}/${filed.id}/decision`, { issue: true });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  const paid = await env.sim.admin('POST', 'records/revenue', {
    fee_payments: [{ payment_id: 'КГД-PP-9101', payer: ksmBin, region: almaty,
      amount_tiyn: decided.data.data.decision.fee.total_tenge * 100, paid_on: '2026-06-01', budget_code: '105302',
      purpose: 'Сбор за выдачу разрешения' }],
  });
  assert.equal(paid.status, 201, JSON.stringify(paid.data));
  const issued = await ksm.post(`${epBase}/${filed.id}/fee`);
  assert.equal(issued.data.state, 'issued', JSON.stringify(issued.data));
  const number = issued.data.permits[0].number;

  // Another region's LEB cannot revoke Almaty's permit.
  const other = await otherOfficer.post(revocations, { ground: 'EP-40(3)', permit_numbers: [number], reasons: 'x' });
  assert.equal(other.status, 403);
  assert.equal(other.data.code, 'ep.permit_of_other_leb');

  const proposed = await officer.post(revocations,
    { ground: 'EP-40(3)', permit_numbers: [number], reasons: 'Подложный диплом (ответ МИД).' });
  assert.equal(proposed.status, 201, JSON.stringify(proposed.data));
  assert.equal(proposed.data.state, 'proposed');
  assert.equal(proposed.data.kind, 'revocation');
  assert.deepEqual(proposed.data.data.proposed_permits, [number]);
  assert.equal((await officer.post(`${revocations}/${proposed.data.id}/decision`, { sign: true })).status, 403);
  const revoked = await head.post(`${revocations}/${proposed.data.id}/decision`, { sign: true });
  assert.equal(revoked.status, 200, JSON.stringify(revoked.data));
  assert.equal(revoked.data.state, 'revoked');
  assert.deepEqual(revoked.data.data.bans, []); // EP-40(3): false documents bring no ban
  const application = await ksm.get(`/api/v1/cases/${filed.id}`);
  assert.equal(application.data.permits[0].status, 'revoked');

  // EP-41-1: a ban on its own, which the employer sees in its cases.
  const ban = await officer.post(revocations,
    { ground: 'EP-41-1', employer_bin: ksmBin, reasons: 'Проверка: два работника без разрешения.' });
  assert.equal(ban.status, 201, JSON.stringify(ban.data));
  assert.equal(ban.data.kind, 'ban');
  const established = await head.post(`${revocations}/${ban.data.id}/decision`, { sign: true });
  assert.equal(established.data.state, 'established', JSON.stringify(established.data));
  assert.deepEqual(established.data.data.bans, [{ rule: 'EP-41-1', established_on: '2026-06-01' }]);
  const seen = await ksm.get(`/api/v1/cases/${ban.data.id}`);
  assert.equal(seen.status, 200);
  assert.equal(seen.data.data.ground, 'EP-41-1');
  assert.equal((await adl.get(`/api/v1/cases/${ban.data.id}`)).status, 404);
  // The case page shows the ground and the ban, not an application's sections.
  const page = await ksm.get(`/cases/${ban.data.id}`);
  assert.equal(page.status, 200);
  assert.ok(page.data.toString().includes('EP-41-1 2026-06-01'), 'the ban on the case page');

  // I-20: the next issue application meets the ban at filing (EP-A2.9(2)).
  const next = await filedApplication(ksm, { ...epDraft, workers: [{ ...epDraft.workers[0], passport_number: 'FA5550001' }] });
  const bans = next.data.checks.items.find((c) => c.name === 'bans');
  assert.equal(bans.status, 'finding', JSON.stringify(bans));
  assert.equal(bans.ground, 'EP-A2.9(2)');
  assert.ok(bans.rule_ids.includes('EP-41-1'));
});
