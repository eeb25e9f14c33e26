// Employer permits: the obligations after issue (EP-24-1, EP-14.1, EP-54; cases/ep/obligations.h) over HTTP.
// KazStroyMontazh's permit for a construction technician, issued on Monday 1 June 2026, owes the contract
// entered into ЕСУТД by 11 June and the worker's IIN by 1 July (F-E16); the employer and the issuing LEB see
// them, anyone else does not; ЕСУТД (the simulator) shows the contract and the check marks both fulfilled.
// A second permit's contract is never entered: on a server restarted on the same database a fortnight later
// the check flags it overdue, in the API, above the officer's inbox and on the case page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { almaty } from './server.mjs';
import { epBase, epWorker, epWorldForFile, issuedApplication, ksmBin } from './ep_fixtures.mjs';

const at = '2026-06-01T10:00';
const later = '2026-06-15T10:00';
const world = epWorldForFile(at);const mine = (list, caseId) => list.filter((v) => v.case_id === caseId).map((v) => v.obligation);

test('EP-24-1 F-E16 F-E17: a permit owes its ЕСУТД contract and IIN by their deadlines; ЕСУТД fulfils them, a missing one is flagged overdue to the LEB and the employer', async () => {
  const [ksm, adl, officer, head] = await world.start(at, ['employer.ksm', 'employer.adl', 'officer.almaty', 'head.almaty']);

  const first = await issuedApplication(ksm, head, world.sim, epWorker, 'КГД-PP-9101', '2026-06-01');
  const obligations = first.data.obligations;
  assert.deepEqual(obligations.map((o) => [o.kind, o.due_on, o.status]),
    [['contract_entry', '2026-06-11', 'open'], ['iin', '2026-07-01', 'open']]);
  assert.equal(obligations[0].permit, first.permits[0].number);

  // The employer and the issuing LEB list them; another employer does not.
  const forKsm = await ksm.get('/api/v1/employer-permits/obligations');
  assert.equal(forKsm.status, 200);
  assert.equal(mine(forKsm.data.obligations, first.id).length, 2);
  assert.equal(mine((await officer.get('/api/v1/employer-permits/obligations')).data.obligations, first.id).length, 2);
  assert.equal(mine((await adl.get('/api/v1/employer-permits/obligations')).data.obligations, first.id).length, 0);
  assert.equal((await adl.post(`${epBase}/${first.id}/obligations/check`)).status, 404);

  // The employer enters the contract into ЕСУТД with the worker's new IIN; the officer's check sees it.
  const entered = await world.sim.admin('POST', 'records/labour_contracts', {
    contracts: [{ contract_number: 'ТД-2026-5501', employer_bin: ksmBin, worker_iin: '900412300457',
      worker_name: 'Каримов Бекзод Алишерович', worker_citizenship: 'UZ', position: 'Техник-строитель',
      profession_code: '3112', region: almaty, concluded_on: '2026-06-01', start_date: '2026-06-01',
      status: 'active' }],
  });
  assert.equal(entered.status, 201, JSON.stringify(entered.data));
  const checked = await officer.post(`${epBase}/${first.id}/obligations/check`);
  assert.equal(checked.status, 200, JSON.stringify(checked.data));
  assert.deepEqual(checked.data.data.obligations.map((o) => [o.status, o.evidence]),
    [['fulfilled', ['ЕСУТД ТД-2026-5501']], ['fulfilled', ['IIN 900412300457']]]);

  // A second worker whose contract is never entered.
  const second = await issuedApplication(ksm, head, world.sim, { ...epWorker, surname: 'Рахимов', given_name: 'Санжар',
    passport_number: 'FA7654321' }, 'КГД-PP-9102', '2026-06-01');

  // A fortnight later: the contract's deadline (11 June) has passed.
  const [ksm2, officer2] = await world.start(later, ['employer.ksm', 'officer.almaty']);
  const again = await officer2.post(`${epBase}/${second.id}/obligations/check`);
  assert.equal(again.status, 200, JSON.stringify(again.data));
  assert.deepEqual(again.data.data.obligations.map((o) => o.status), ['overdue', 'open']);
  const overdue = (await ksm2.get('/api/v1/employer-permits/obligations?overdue=true')).data.obligations;
  assert.deepEqual(mine(overdue, second.id).map((o) => o.kind), ['contract_entry']);
  assert.equal(mine(overdue, first.id).length, 0);

  // Shown where people look: above the officer's inbox, on the portal's list and on the case page.
  const inbox = (await officer2.get('/inbox?lang=en')).data.toString();
  assert.match(inbox, /permit obligations? (is|are) overdue/);
  const list = (await officer2.get('/employer-permits/obligations?overdue=true')).data.toString();
  assert.ok(list.includes(second.id), 'the overdue obligation on the LEB list');
  const page = (await ksm2.get(`/cases/${second.id}?lang=en`)).data.toString();
  assert.ok(page.includes('data-testid="ep-obligations"'), 'the obligations on the case page');
  assert.ok(page.includes('overdue'), 'flagged overdue');
});

// Runs after the test above, on its data (two permits issued 1 June, one contract never entered).
test('F-E1 F-E10: the employer cabinet shows the permits with their expiries, the obligations with the overdue one, the local staff ratios against their limits as a chart, bans and the quota left', async () => {
  const [ksm, officer] = await world.start(later, ['employer.ksm', 'officer.almaty']);
  const page = await ksm.get('/employer-permits/cabinet?lang=en');
  assert.equal(page.status, 200);
  const html = page.data.toString();
  assert.ok(html.includes('data-testid="ep-cabinet-permits"'), 'the permits table');
  assert.ok(html.includes('data-testid="ep-cabinet-obligations"'), 'the obligations table');
  assert.match(html, /<strong class="flis-overdue-flag">overdue<\/strong>/);
  // p.19 (F-E1): categories 3–4 at least 90 % Kazakh; KazStroyMontazh's staff from ГБД ЮЛ and ЕСУТД (F-E10).
  assert.ok(html.includes('data-testid="ep-ratios-chart"'), 'the SVG chart');
  const bars = [...html.matchAll(/data-share="(\d+)"/g)].map((m) => Number(m[1]));
  const mins = [...html.matchAll(/data-min="(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(mins, [70, 90]);
  assert.equal(bars.length, 2);
  assert.ok(bars[1] >= 90, `categories 3–4 hold: ${bars[1]} %`);
  assert.ok(html.includes('data-testid="ep-cabinet-quota"'), 'the quota of its region');
  assert.ok(html.includes('href="/employer-permits/new"'), 'the link to a new application and its pre-check');
  // The cabinet is the employer's.
  assert.equal((await officer.get('/employer-permits/cabinet')).status, 403);
});
