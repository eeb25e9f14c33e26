// The quota campaign (act QT) over the JSON API, with a registry simulator of its own (F-QR1), on a
// database of its own seeded as of 21 October 2026. The demo seed leaves the 2027 campaign (requests
// opened on 15 September 2026) in progress: Almaty consolidated, Жетысу's request decided by the
// Commission, Алатау's and Steppe's waiting; the test takes it to publication.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startSim, signIn, quotaYearAt, almaty, astana } from './server.mjs';

let server, sim;
let alatau, steppe, officer, member, ministry, astanaOfficer;
const at = '2026-10-21T10:00';
const year = quotaYearAt(at);

before(async () => {
  sim = await startSim({ at });
  server = await startServer({ at, args: ['--registry-url', sim.url] });
  [alatau, steppe, officer, member, ministry, astanaOfficer] = await Promise.all(
    ['employer.alatau', 'employer.steppe', 'officer.almaty', 'commission1.almaty', 'ministry', 'officer.astana']
      .map((l) => signIn(server.url, l)));
});
after(async () => { await server.stop(); await sim.stop(); });

const requestBody = {
  region: almaty,
  employer: { name: 'ТОО «Алатау Курылыс»', bin: '180340012346', legal_address: 'г. Алматы, ул. Толе би, 101' },
  current_year_count: 8,
  lines: [{ category: 'category_3', profession: 'Электросварщик', count: 3 }],
  justification: 'Договор генподряда',
};

test('QT-6, QT-7, QT-8, QT-12, QT-19, F-Q1: the public timeline of the campaign', async () => {
  const r = await fetch(`${server.url}/api/v1/quota/${year}/timeline`);
  assert.equal(r.status, 200);
  const t = await r.json();
  const byStep = Object.fromEntries(t.steps.map((s) => [s.step, s]));
  assert.equal(byStep.employer_requests.rule, 'QT-6');
  assert.equal(byStep.employer_requests.statutory_date, `${year - 1}-10-01`);
  assert.equal(byStep.consolidation.rule, 'QT-7');
  assert.equal(byStep.commission_submission.rule, 'QT-8');
  assert.equal(byStep.ministry_submission.rule, 'QT-12');
  assert.equal(byStep.distribution.statutory_date, `${year}-01-01`);
  assert.ok(byStep.distribution.due_at.startsWith(`${year - 1}-12-`), byStep.distribution.due_at);
  assert.equal((await fetch(`${server.url}/api/v1/quota/abc/timeline`)).status, 400);
});

test('QT-6, F-Q4: a second request for the same region and year, and a request after the QT-6 date', async () => {
  const t = await (await fetch(`${server.url}/api/v1/quota/${year}/timeline`)).json();
  const due = new Date(t.steps.find((s) => s.step === 'employer_requests').due_at);
  assert.ok(new Date(`${at}:00+05:00`) > due, `${at} is after ${due.toISOString()}`);
  const late = await alatau.post(`/api/v1/quota/${year}/requests`, requestBody);
  assert.equal(late.status, 422, JSON.stringify(late.data));
  assert.equal(late.data.code, 'qt.request_deadline_passed');
  assert.deepEqual(late.data.rule_ids, ['QT-6', 'F-Q1', 'I-3']);
  const bad = await alatau.post(`/api/v1/quota/${year}/requests`, { ...requestBody, lines: [{ category: 'x', count: 1 }] });
  assert.equal(bad.status, 400);
  assert.equal(bad.data.field, 'lines[0].profession');
  // QT-A1: the employer's BIN is checked by its check digit, at the field, before anything else.
  const wrongDigit = await alatau.post(`/api/v1/quota/${year}/requests`,
    { ...requestBody, employer: { ...requestBody.employer, bin: '180340012345' } });
  assert.equal(wrongDigit.status, 400);
  assert.match(wrongDigit.headers.get('content-type'), /application\/problem\+json/);
  assert.deepEqual([wrongDigit.data.code, wrongDigit.data.field], ['validation.bin', 'employer.bin']);
  // A misspelt member is refused, not ignored.
  const misspelt = await alatau.post(`/api/v1/quota/${year}/requests`, { ...requestBody, justifcation: 'x' });
  assert.deepEqual([misspelt.status, misspelt.data.code, misspelt.data.field], [400, 'validation.unknown_field', 'justifcation']);
  const officerFiles = await officer.post(`/api/v1/quota/${year}/requests`, requestBody);
  assert.ok([403, 422].includes(officerFiles.status));

  // Before the QT-6 date the same request is a duplicate: a server of its own on 21 September, when
  // the seed has filed Алатау's request of this campaign.
  const early = await startServer({ at: '2026-09-21T10:00' });
  try {
    const employer = await signIn(early.url, 'employer.alatau');
    const again = await employer.post(`/api/v1/quota/${year}/requests`, requestBody);
    assert.equal(again.status, 409, JSON.stringify(again.data));
    assert.equal(again.data.code, 'qt.request_exists');
  } finally {
    await early.stop();
  }
});

const sourceOf = (c, system) => c.data.registry_findings.sources.find((s) => s.system === system);

test('QT-10 QT-9 QT-11 F-QR1: a ground-3 rejection cites a real ЕРАП record; an unknown reference is refused at the field', async () => {
  const list = (await member.get(`/api/v1/quota/${year}/requests`)).data.requests;
  const request = list.find((c) => c.data.employer.name === 'ТОО «Алатау Курылыс»');
  assert.match(request.id, /^QTA1-75-\d{4}-\d{6}$/);  // QT-A1: region, year, sequence — no user id
  assert.equal(request.state, 'registered');
  // The seed brought the requests to the Commission with no registry connected: "could not be checked".
  assert.equal(sourceOf(request, 'erap').status, 'unavailable');

  const checked = await member.post(`/api/v1/quota/requests/${request.id}/registry-findings`);
  assert.equal(checked.status, 200, JSON.stringify(checked.data));
  const erap = sourceOf(checked.data, 'erap');
  assert.equal(erap.status, 'ok');
  const offence = erap.records.find((r) => r.status === 'counts');
  assert.ok(offence, JSON.stringify(erap));
  assert.equal(offence.reference, `ЕРАП-${year - 1}-100871`);
  assert.equal(offence.citation, 'QT-10(3)');
  assert.ok(checked.data.timeline.at(-1).rule_ids.includes('F-QR1'));

  const unknown = await member.post(`/api/v1/quota/requests/${request.id}/decision`, {
    accepted: [4, 0, 6], grounds: ['labour_law_violations'],
    evidence: [{ reference: `ЕРАП-${year - 1}-999999`, note: 'Долг по зарплате' }], present: [member.userId],
  });
  assert.equal(unknown.status, 400, JSON.stringify(unknown.data));
  assert.equal(unknown.type, 'application/problem+json');
  assert.equal(unknown.data.code, 'qt.evidence_not_in_findings');
  assert.equal(unknown.data.field, 'evidence[0].reference');

  const decided = await member.post(`/api/v1/quota/requests/${request.id}/decision`, {
    accepted: [4, 0, 6], grounds: ['labour_law_violations'],
    evidence: [{ system: 'erap', reference: offence.reference, note: 'Не выплачена зарплата 23 работникам' }],
    present: [member.userId], reasons: 'Неустранённое нарушение трудового законодательства',
  });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  assert.equal(decided.data.data.decision.outcome, 'partially_rejected');
  // The API answers with the documented view of the typed data (OpenAPI QtEmployerRequestData), not the stored row.
  assert.equal(decided.data.data.schema_version, undefined);
  const openapi = (await member.get('/api/v1/openapi.json')).data;
  const decisionOk = openapi.paths['/api/v1/quota/requests/{id}/decision'].post.responses['200'];
  assert.equal(decisionOk.content['application/json'].schema.$ref, '#/components/schemas/QtEmployerRequestCase');
  const view = openapi.components.schemas.QtEmployerRequestData;
  for (const key of Object.keys(decided.data.data)) assert.ok(key in view.properties, key);
  assert.ok('decision' in view.properties && !view.required.includes('decision'));

  // The employer sees the outcome, the ground and the registry record.
  const own = (await alatau.get(`/api/v1/quota/${year}/requests`)).data.requests;
  assert.equal(own.length, 1);
  assert.equal(own[0].step.rule, 'QT-11');
  const [ground] = own[0].data.decision.grounds;
  assert.equal(ground.citation, 'QT-10(3)');
  assert.equal(ground.evidence.system, 'erap');
  assert.equal(ground.evidence.reference, offence.reference);
  assert.equal(ground.evidence.recorded_on, `${year - 1}-03-14`);
  // Steppe filed in two regions (QT-6: one request per region) and sees both, nobody else's.
  const s = await steppe.get(`/api/v1/quota/${year}/requests`);
  assert.deepEqual(s.data.requests.map((c) => c.region).sort(), [astana, almaty].sort());
});

test('QT-10 I-18 F-QR1: only remedied, other-article and old records — nothing to cite for ground 2 or 3', async () => {
  const list = (await member.get(`/api/v1/quota/${year}/requests`)).data.requests;
  const request = list.find((c) => c.data.employer.name === 'Steppe Energy LLP' && c.region === almaty);
  const checked = await officer.post(`/api/v1/quota/requests/${request.id}/registry-findings`);
  assert.equal(checked.status, 200, JSON.stringify(checked.data));
  assert.deepEqual(sourceOf(checked.data, 'erap').records, []);  // the offence three years old is not kept
  const [act] = sourceOf(checked.data, 'otib').records;
  assert.equal(act.status, 'remedied');
  const remedied = await member.post(`/api/v1/quota/requests/${request.id}/decision`, {
    accepted: [0, 0], grounds: ['labour_law_violations'], evidence: [{ reference: act.reference }],
    present: [member.userId],
  });
  assert.equal(remedied.status, 400);
  assert.equal(remedied.data.code, 'qt.violation_remedied');
  assert.equal(remedied.data.field, 'evidence[0].reference');
  assert.ok(remedied.data.rule_ids.includes('QT-10(3)'));

  // The police records carry their remedy; the API says why each does not count (issue 8 correction).
  const police = sourceOf(checked.data, 'migration_police');
  assert.equal(police.status, 'ok');
  const permit = police.records.find((r) => r.article === '519');
  assert.ok(permit, JSON.stringify(police));
  assert.equal(permit.status, 'remedied');
  assert.equal(permit.remedied_on, `${year - 1}-04-15`);
  assert.equal(permit.ground, 'permit_violations');
  assert.deepEqual(permit.rule_ids, ['QT-10(2)', 'F-QR1']);
  const host = police.records.find((r) => r.article === '518');
  assert.equal(host.status, 'not_a_ground');  // the receiving party's duties, not the permit procedure
  assert.equal(host.citation, undefined);
  assert.deepEqual(host.rule_ids, ['QT-10', 'I-18', 'F-QR1']);
  const cite = (record) => member.post(`/api/v1/quota/requests/${request.id}/decision`, {
    accepted: [0, 0], grounds: ['permit_violations'],
    evidence: [{ system: 'migration_police', reference: record.reference }], present: [member.userId],
  });
  const remediedPolice = await cite(permit);
  assert.equal(remediedPolice.status, 400, JSON.stringify(remediedPolice.data));
  assert.deepEqual([remediedPolice.data.code, remediedPolice.data.field], ['qt.violation_remedied', 'evidence[0].reference']);
  assert.deepEqual(remediedPolice.data.rule_ids, ['QT-10(2)', 'F-QR1']);
  const otherArticle = await cite(host);
  assert.equal(otherArticle.status, 400);
  assert.equal(otherArticle.data.code, 'qt.evidence_other_ground');
  assert.ok(otherArticle.data.rule_ids.includes('I-18'));
  assert.equal((await member.get(`/api/v1/cases/${request.id}`)).data.state, 'registered');
});

test('QT-9, QT-10, QT-11, QT-12, QT-16, QT-17, QT-A2, QT-A3, QT-A4: Commission, notices and the submission', async () => {
  const list = (await officer.get(`/api/v1/quota/${year}/requests`)).data.requests;
  assert.equal(list.length, 3);
  const waiting = list.find((c) => c.state === 'registered');
  assert.ok(waiting);
  // Only QT-10 grounds may be cited (I-18).
  const unlisted = await member.post(`/api/v1/quota/requests/${waiting.id}/decision`,
    { accepted: [0, 0], grounds: ['employer_is_foreign'], evidence: [], present: [member.userId] });
  assert.equal(unlisted.status, 400);
  assert.equal(unlisted.data.code, 'qt.rejection_ground_not_listed');
  assert.equal(unlisted.data.field, 'grounds[0]');
  const noEvidence = await member.post(`/api/v1/quota/requests/${waiting.id}/decision`,
    { accepted: [1, 0], grounds: ['labour_law_violations'], evidence: [], present: [member.userId] });
  assert.equal(noEvidence.status, 400);
  assert.equal(noEvidence.data.code, 'qt.evidence_required');
  // Another region's member cannot even see the request.
  const other = await astanaOfficer.post(`/api/v1/quota/requests/${waiting.id}/notice`);
  assert.equal(other.status, 404);

  const early = await officer.post(`/api/v1/quota/${year}/ministry-submission`,
    { li_current_year_count: 41000, li_need: 45000, li_justification: 'Спрос' });
  assert.equal(early.status, 409);
  assert.equal(early.data.code, 'qt.requests_undecided');

  const decided = await member.post(`/api/v1/quota/requests/${waiting.id}/decision`,
    { accepted: [1, 3], present: [member.userId], reasons: 'Обосновано' });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  assert.equal(decided.data.data.decision.outcome, 'accepted');
  assert.equal(decided.data.step.rule, 'QT-11');
  assert.ok(decided.data.timeline.at(-1).rule_ids.includes('QT-10'));

  const informed = await officer.post(`/api/v1/quota/requests/${waiting.id}/notice`);
  assert.equal(informed.status, 200);
  assert.equal(informed.data.state, 'informed');

  const noTreaty = await officer.post(`/api/v1/quota/${year}/ministry-submission`, {
    li_current_year_count: 41000, li_need: 45000, li_justification: 'Спрос',
    countries: [{ country: 'CHN', category: 'category_3', profession: 'Сварщик', count: 5 }],
  });
  assert.equal(noTreaty.status, 400);
  assert.equal(noTreaty.data.code, 'qt.country_without_treaty');
  assert.equal(noTreaty.data.field, 'countries[0].country');
  assert.deepEqual(noTreaty.data.rule_ids, ['QT-17']);

  const submitted = await officer.post(`/api/v1/quota/${year}/ministry-submission`, {
    li_current_year_count: 41000, li_need: 45000, li_justification: 'Спрос на домашних работников',
    countries: [{ country: 'UZB', category: 'category_3', profession: 'Сварщик', count: 5 }],
  });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.data));
  assert.equal(submitted.data.state, 'submitted');
  assert.equal(submitted.data.data.a2.length, 3);
  assert.equal(submitted.data.data.a4[0].country, 'UZB');
});

test('QT-13, QT-18, QT-4, QT-20, F-Q8, QT-19, QT-21: proposals, what-if, distribution, publication, open data', async () => {
  const proposal = await ministry.post(`/api/v1/quota/${year}/proposals`, {
    body: 'Министерство энергетики', region: almaty, agreed_with_leb: true, justification: 'Прогноз ТЭК',
    lines: [{ category: 'category_1', profession: 'Главный инженер', count: 2 }],
  });
  assert.equal(proposal.status, 201, JSON.stringify(proposal.data));

  const badPercent = await ministry.post(`/api/v1/quota/${year}/what-if`,
    { employer_percent: '0.255', labour_immigrant_percent: '2.9' });
  assert.equal(badPercent.status, 400);
  assert.equal(badPercent.data.field, 'employer_percent');
  assert.equal((await officer.post(`/api/v1/quota/${year}/what-if`,
    { employer_percent: '0.25', labour_immigrant_percent: '2.9' })).status, 403);
  // QT-4: no labour-force figures for 2024 (the reference data starts in 2025) is a 409, not an outage.
  const noFigures = await ministry.post('/api/v1/quota/2024/what-if',
    { employer_percent: '0.25', labour_immigrant_percent: '2.9' });
  assert.deepEqual([noFigures.status, noFigures.data.code], [409, 'qt.labour_force_missing']);
  // QT-18: a campaign is not opened for a year far ahead.
  const farAhead = await ministry.post('/api/v1/quota/2100/proposals', {
    body: 'Министерство энергетики', region: almaty, agreed_with_leb: true, justification: 'Прогноз ТЭК',
    lines: [{ category: 'category_1', profession: 'Главный инженер', count: 2 }],
  });
  assert.deepEqual([farAhead.status, farAhead.data.code, farAhead.data.field], [400, 'qt.year_out_of_range', 'year']);

  const whatIf = await ministry.post(`/api/v1/quota/${year}/what-if`,
    { employer_percent: '0.25', labour_immigrant_percent: '2.9', employer_percent_by_region: { [astana]: '0.01' } });
  assert.equal(whatIf.status, 200, JSON.stringify(whatIf.data));
  assert.equal(whatIf.data.regions.length, 20);
  const alm = whatIf.data.regions.find((r) => r.region === almaty);
  assert.equal(alm.employer_percent, '0.25');
  assert.ok(alm.employer_quota <= alm.employer_ceiling);
  const cat3 = alm.cells.find((c) => c.kind === 'category_3' && c.country === '');
  assert.ok(cat3.requested > 0 && 'last_year_used' in cat3);
  assert.ok(alm.cells.some((c) => c.country === 'UZB'));
  const li = alm.cells.find((c) => c.kind === 'labour_immigrant');
  assert.equal(li.requested, 45000);
  assert.equal(li.quota, Math.min(45000, alm.labour_immigrant_ceiling));
  // F-Q8: one national ceiling, 0.25 % and 2.9 % of the 9 650 000 of the 20 regions, never exceeded;
  // Almaty has no limit of its own, Astana's own 0.01 % limits it to 68 of its 686 867.
  assert.equal(whatIf.data.labour_force, 9650000);
  assert.equal(whatIf.data.employer_ceiling, 24125);
  assert.equal(whatIf.data.labour_immigrant_ceiling, 279850);
  assert.equal(alm.employer_ceiling, 24125);
  const ast = whatIf.data.regions.find((r) => r.region === astana);
  assert.equal(ast.employer_percent, '0.01');
  assert.equal(ast.employer_ceiling, 68);
  assert.ok(ast.employer_quota <= 68);
  const employerSum = whatIf.data.regions.reduce((n, r) => n + r.employer_quota, 0);
  assert.equal(employerSum, whatIf.data.employer_total);
  assert.ok(employerSum <= whatIf.data.employer_ceiling);
  assert.equal(whatIf.data.employer_reserve, whatIf.data.employer_ceiling - employerSum);
  for (const r of whatIf.data.regions) assert.ok(r.employer_quota <= r.employer_requested, r.region);

  assert.equal((await fetch(`${server.url}/api/v1/quota/${year}/decision.json`)).status, 404);
  const distributed = await ministry.post(`/api/v1/quota/${year}/distribution`,
    { employer_percent: '0.25', labour_immigrant_percent: '2.9' });
  assert.equal(distributed.status, 200, JSON.stringify(distributed.data));
  assert.equal(distributed.data.state, 'distributed');
  assert.equal(distributed.data.step.rule, 'QT-19');
  assert.ok(distributed.data.timeline.at(-1).rule_ids.includes('QT-20'));
  const published = await ministry.post(`/api/v1/quota/${year}/publication`);
  assert.equal(published.status, 200);
  assert.equal(published.data.state, 'published');

  const moved = await ministry.post(`/api/v1/quota/${year}/redistributions`, {
    from_region: almaty, to_region: astana, kind: 'category_3', units: 2, proposed_by: 'ЛИО г. Астаны',
    reasons: 'Новый проект',
  });
  assert.equal(moved.status, 201, JSON.stringify(moved.data));
  assert.ok(moved.data.timeline.at(-1).rule_ids.includes('QT-21'));
  const same = await ministry.post(`/api/v1/quota/${year}/redistributions`, {
    from_region: almaty, to_region: almaty, kind: 'category_3', units: 2, proposed_by: 'x', reasons: 'y',
  });
  assert.equal(same.status, 400);
  assert.equal(same.data.field, 'to_region');

  const json = await (await fetch(`${server.url}/api/v1/quota/${year}/decision.json`)).json();
  assert.equal(json.year, year);
  assert.equal(json.redistributions.length, 1);
  const csvRes = await fetch(`${server.url}/api/v1/quota/${year}/decision.csv`);
  assert.equal(csvRes.status, 200);
  assert.match(csvRes.headers.get('content-type'), /text\/csv/);
  const csv = await csvRes.text();
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'year,region,kind,country,distributed,after_redistribution');
  const row = (region) => lines.find((l) => l.startsWith(`${year},${region},category_3,,`)).split(',');
  assert.equal(Number(row(almaty)[5]), Number(row(almaty)[4]) - 2);
  assert.equal(Number(row(astana)[5]), Number(row(astana)[4]) + 2);
  // QT-21: the total never changes.
  const sum = (i) => lines.slice(1).reduce((s, l) => s + Number(l.split(',')[i]), 0);
  assert.equal(sum(4), sum(5));

  // I-17: the ledger holds what the decision says, and a redistribution cannot take more than is left.
  const ledger = async (query) =>
    (await (await fetch(`${server.url}/api/v1/quota/${year}/balance?region=${almaty}&${query}`)).json());
  const general = (await ledger('kind=category_3')).balances.find((b) => b.key === `${year}/${almaty}/category_3`);
  assert.equal(general.allocated, Number(row(almaty)[5]));
  const tooMany = await ministry.post(`/api/v1/quota/${year}/redistributions`, {
    from_region: almaty, to_region: astana, kind: 'category_3', units: Number(row(almaty)[5]) + 1,
    proposed_by: 'ЛИО г. Астаны', reasons: 'Больше, чем есть',
  });
  assert.equal(tooMany.status, 422, JSON.stringify(tooMany.data));
  assert.equal(tooMany.data.code, 'quota.allocation_below_use');
  assert.ok(tooMany.data.rule_ids.includes('I-17'));

  // I-15: the region's LEB gives a district part of its labour-immigrant quota.
  const given = await officer.post(`/api/v1/quota/${year}/district-allocations`,
    { district: '751410000', units: 100, reasons: 'Бостандыкский район: заявки домохозяйств' });
  assert.equal(given.status, 201, JSON.stringify(given.data));
  assert.ok(given.data.timeline.at(-1).rule_ids.includes('I-15'));
  const liBalance = await ledger('kind=labour_immigrant');
  const district = liBalance.balances.find((b) => b.key === `${year}/${almaty}/751410000/labour_immigrant`);
  assert.equal(district.allocated, 100);
  const elsewhere = await officer.post(`/api/v1/quota/${year}/district-allocations`,
    { district: '711110000', units: 1, reasons: 'район другого региона' });
  assert.equal(elsewhere.status, 400);
  assert.equal(elsewhere.data.field, 'district');
  const notInteger = await officer.post(`/api/v1/quota/${year}/district-allocations`,
    { district: '751410000', units: 1.5, reasons: 'x' });
  assert.equal(notInteger.data.field, 'units');
  assert.equal((await ministry.post(`/api/v1/quota/${year}/district-allocations`,
    { district: '751410000', units: 1, reasons: 'x' })).status, 403);

  const openapi = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  assert.ok(openapi.paths['/api/v1/quota/{year}/district-allocations'].post);
  assert.ok(openapi.paths['/api/v1/quota/{year}/what-if'].post);
  assert.ok(openapi.components.schemas.QtRequest);
});

test('QT-A1 QT-10 QT-18 QT-21 I-15: OpenAPI shows the QT request bodies from the structs the server decodes, and every JSON answer', async () => {
  const openapi = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const { QtRequest, QtCommissionDecision, QtPercentages, QtTransfer, QtDistrictAllocation } = openapi.components.schemas;
  assert.equal(QtRequest.additionalProperties, false);
  assert.deepEqual(QtRequest.required, ['region', 'employer', 'current_year_count', 'justification']);
  assert.equal(QtRequest.properties.employer.properties.bin.format, 'iin-or-bin');  // QT-A1: check digit
  assert.equal(QtRequest.properties.lines.items.properties.count.minimum, 1);
  assert.equal(QtCommissionDecision.properties.evidence.items.properties.reference.type, 'string');
  assert.equal(QtPercentages.properties.employer_percent_by_region.type, 'object');
  assert.equal(QtTransfer.properties.units.minimum, 1);
  assert.equal(QtDistrictAllocation.properties.units.type, 'integer');
  const answer = (path, method = 'post') =>
    Object.values(openapi.paths[path][method].responses)[0].content['application/json'].schema.$ref;
  assert.equal(answer('/api/v1/quota/{year}/what-if'), '#/components/schemas/QtFormation');
  assert.equal(answer('/api/v1/quota/{year}/timeline', 'get'), '#/components/schemas/QtTimeline');
  assert.equal(answer('/api/v1/quota/{year}/decision.json', 'get'), '#/components/schemas/QtDecision');
  assert.equal(answer('/api/v1/quota/{year}/balance', 'get'), '#/components/schemas/QtBalance');
  // The timeline answers what its schema names.
  const timeline = await (await fetch(`${server.url}/api/v1/quota/${year}/timeline`)).json();
  for (const key of openapi.components.schemas.QtTimeline.required) assert.ok(key in timeline, key);
});
