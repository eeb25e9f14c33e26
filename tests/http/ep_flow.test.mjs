// Employer permits (EP) end to end over the JSON API, against a registry simulator of its own: an employer's
// application for a worker, the automated checks through the registries (EP-2-1, EP-2-2, EP-7.3, EP-10), the
// head's decision with the fee (EP-22.1, EP-A2.6) and the quota reservation (I-14), the fee paid at a bank and
// confirmed through the revenue bodies (EP-7.3, I-26), the permit and its public verification. The database
// is seeded as of Monday 1 June 2026 (a working day, so filing registers the same day).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startSim, signIn, pdfBytes, almaty, validIin } from './server.mjs';

const at = '2026-06-01T10:00';
const base = '/api/v1/employer-permits/applications';
const ksmBin = '070540022121'; // ТОО «KazStroyMontazh», as the simulator's ГБД ЮЛ knows it

let sim, server, ksm, adl, officer, head, otherHead, akimAlmaty, akimAstana;

before(async () => {
  sim = await startSim({ at });
  server = await startServer({ at, args: ['--registry-url', sim.url] });
  [ksm, adl, officer, head, otherHead] = await Promise.all(
    ['employer.ksm', 'employer.adl', 'officer.almaty', 'head.almaty', 'head.astana'].map((l) => signIn(server.url, l)));
  [akimAlmaty, akimAstana] = await Promise.all(['akimat.almaty', 'akimat.astana'].map((l) => signIn(server.url, l)));
});
after(async () => {
  await server?.stop();
  await sim?.stop();
});

const worker = {
  surname: 'Каримов', given_name: 'Бекзод', patronymic: 'Алишерович', birth_date: '1990-04-12', citizenship: 'UZ',
  passport_number: 'FA1234567', passport_issued_on: '2021-05-10', passport_issuer: 'МВД Республики Узбекистан',
  residence_country: 'UZ', departure_country: 'UZ', education: 'Колледж, техник-строитель', occupation_code: '3112',
  experience_years: 9, education_level: 'technical_vocational', // EP-16-1
};
// The simulator's vacancy of KazStroyMontazh for construction technicians, published 45 days before (EP-2-1).
const draftBody = {
  kind: 'issue', category: 'category_3', employer_bin: ksmBin, oked_section: 'F', regions: [almaty],
  workers: [worker], vacancy_code: 'ЭБТ-2026-70103',
};

test('bad drafts are refused with the field at fault, localized (EP-A2.10, EP-A2.8)', async () => {
  const noWorkers = await ksm.post(base, { ...draftBody, workers: [] });
  assert.equal(noWorkers.status, 400);
  assert.equal(noWorkers.headers.get('content-type'), 'application/problem+json');
  assert.equal(noWorkers.data.code, 'validation.required');
  assert.equal(noWorkers.data.field, 'workers');

  const badOked = await ksm.post(base, { ...draftBody, oked_section: 'Z' });
  assert.equal(badOked.status, 400);
  assert.equal(badOked.data.field, 'oked_section');

  const notMine = await ksm.post(base, { ...draftBody, employer_bin: '151140044106' });
  assert.equal(notMine.status, 400);
  assert.equal(notMine.data.code, 'ep.bin_not_yours');
  assert.deepEqual(notMine.data.rule_ids, ['EP-A2.10']);

  const badOccupation = await ksm.post(base, { ...draftBody, workers: [{ ...worker, occupation_code: '9999' }] });
  assert.equal(badOccupation.status, 400);
  assert.equal(badOccupation.data.field, 'workers[0].occupation_code');
});

test('EP-A2.1 EP-A2.2 EP-A2.4 I-36: an application goes from filing through the checks and the fee to a permit anyone can verify', async () => {
  const draft = await ksm.post(base, draftBody);
  assert.equal(draft.status, 201, JSON.stringify(draft.data));
  const id = draft.data.id;
  assert.equal(draft.data.state, 'draft');
  assert.equal(draft.data.data.workers[0].full_name_latin, 'Karimov Bekzod Alisherovich'); // EP-A2.8, transliterated
  assert.equal(draft.data.data.employer.name, 'ТОО «KazStroyMontazh»'); // EP-7.3: from ГБД ЮЛ

  // Another employer never sees it; the other region's head neither.
  assert.equal((await adl.get(`/api/v1/cases/${id}`)).status, 404);
  assert.equal((await otherHead.get(`/api/v1/cases/${id}`)).status, 404);

  const early = await ksm.post(`${base}/${id}/filing`, { consent_personal_data: true });
  assert.equal(early.status, 400);
  assert.equal(early.data.code, 'ep.documents_missing');
  for (const t of ['education_documents', 'qualification_letter', 'local_content', 'identity_document']) {
    const u = await ksm.upload(`${base}/${id}/files?doc_type=${t}&file_name=${t}.pdf`, pdfBytes(t));
    assert.equal(u.status, 201, JSON.stringify(u.data));
  }
  // EP-A2.2: the channels are egov.kz, elicense.kz and migration.enbek.kz; no other.
  const fax = await ksm.post(`${base}/${id}/filing`, { consent_personal_data: true, channel: 'fax' });
  assert.deepEqual([fax.status, fax.data.field], [400, 'channel']);
  assert.ok(fax.data.rule_ids.includes('EP-A2.2'), JSON.stringify(fax.data));
  const filed = await ksm.post(`${base}/${id}/filing`, { consent_personal_data: true, channel: 'egov.kz' });
  assert.equal(filed.status, 200, JSON.stringify(filed.data));
  assert.equal(filed.data.state, 'registered');
  assert.equal(filed.data.data.filing.channel, 'egov.kz');
  // EP-A2.1: the LEB of the region provides it.
  assert.equal(filed.data.provider_body, `leb-${almaty}`);
  // EP-A2.4: electronic and automated — every check ran at filing, with no officer's step in between.
  assert.ok(filed.data.data.checks.items.every((c) => ['ok', 'finding', 'not_applicable'].includes(c.status)),
    JSON.stringify(filed.data.data.checks));
  assert.equal(filed.data.registered_on, '2026-06-01');
  const checks = Object.fromEntries(filed.data.data.checks.items.map((c) => [c.name, c]));
  assert.equal(checks.legal_entity.status, 'ok');
  assert.equal(checks.vacancy.status, 'ok', JSON.stringify(checks.vacancy));
  assert.equal(checks.contracts.status, 'ok');
  assert.equal(checks.ratios.status, 'ok');
  assert.equal(checks.bans.status, 'ok');
  // KazStroyMontazh's police and ЕРАП records are facts for the officer, never a ground by themselves (I-18).
  assert.equal(checks.violations.status, 'finding');
  assert.equal(checks.violations.ground, undefined);

  // I-36: automated means electronic, not decided by no one: after the automatic checks the case waits for the
  // head; the officer may not decide, and the head may not refuse before the hearing (EP-12).
  assert.equal((await officer.post(`${base}/${id}/decision`, { issue: true })).status, 403);
  const noHearing = await head.post(`${base}/${id}/decision`, { issue: false, grounds: ['EP-A2.9(2)'], reasons: 'x' });
  assert.equal(noHearing.status, 409);
  assert.equal(noHearing.data.code, 'ep.hearing_required');

  assert.equal((await ksm.get(`/api/v1/cases/${id}`)).data.state, 'registered');
  const decided = await head.post(`${base}/${id}/decision`, { issue: true });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  assert.equal(decided.data.state, 'fee_pending');
  const fee = decided.data.data.decision.fee;
  assert.equal(fee.mrp_tenge, 4325); // the MRP of 2026
  assert.equal(fee.total_mrp, 224); // construction (sector group C), category 3
  assert.equal(fee.total_tenge, 224 * 4325);
  assert.ok(decided.data.data.decision.rule_ids.includes('EP-22.1'));
  assert.equal(decided.data.data.decision.quota.length, 1); // I-14: one unit reserved

  const unpaid = await ksm.post(`${base}/${id}/fee`);
  assert.equal(unpaid.status, 200);
  assert.equal(unpaid.data.state, 'fee_pending');
  assert.equal(unpaid.data.data.fee_check.status, 'unpaid');

  // Paid at a bank: the revenue bodies' record (the simulator's admin API stands for the bank).
  const paid = await sim.admin('POST', 'records/revenue', {
    fee_payments: [{ payment_id: 'КГД-PP-9001', payer: ksmBin, region: almaty, amount_tiyn: 224 * 4325 * 100,
      paid_on: '2026-06-01', budget_code: '105302', purpose: 'Сбор за выдачу разрешения' }],
  });
  assert.equal(paid.status, 201, JSON.stringify(paid.data));
  const issued = await ksm.post(`${base}/${id}/fee`);
  assert.equal(issued.status, 200, JSON.stringify(issued.data));
  assert.equal(issued.data.state, 'issued');
  assert.equal(issued.data.permits.length, 1);
  const permit = issued.data.permits[0];
  assert.equal(permit.status, 'valid');
  assert.equal(permit.valid_from, '2026-06-01'); // I-8: the day the fee is confirmed
  assert.equal(permit.valid_to, '2027-05-31'); // EP-25(2), I-7: 12 months
  assert.equal(permit.holder_name_latin, 'Karimov Bekzod Alisherovich');

  // The public verification link answers without signing in.
  const token = permit.verification_url.split('/verify/')[1];
  const verified = await fetch(`${server.url}/api/v1/verify/${encodeURIComponent(token)}`);
  assert.equal(verified.status, 200);
  const v = await verified.json();
  assert.equal(v.number, permit.number);
  assert.equal(v.status, 'valid');
});

test('EP-A2.6(0) EP-A2.10: an individual employer applies with their own IIN', async () => {
  const aigerim = await signIn(server.url, 'employer.aigerim');
  const aigerimIin = validIin('850715', '4', 41);
  const draft = await aigerim.post(base, { ...draftBody, employer_bin: aigerimIin, oked_section: 'T', vacancy_code: 'ЭБТ-2026-99999',
    workers: [{ ...worker, surname: 'Назарова', given_name: 'Дилноза', passport_number: 'FA1112223' }] });
  assert.equal(draft.status, 201, JSON.stringify(draft.data));
  assert.equal(draft.data.data.employer.kind, 'individual');
  // A company's BIN is not theirs to file with.
  const other = await aigerim.post(base, { ...draftBody, workers: [worker] });
  assert.deepEqual([other.status, other.data.code, other.data.field], [400, 'ep.bin_not_yours', 'employer_bin']);
});

test('I-30 EP-20.1 EP-A2.8: a small business of up to 20 employees files without the local-content document; a large company may not', async () => {
  const dostyk = await signIn(server.url, 'employer.dostyk');
  const dostykBin = '190740066301';  // ТОО «Dostyk Logistics»: a small business of 12 in ГБД ЮЛ (the simulator)
  const draft = await dostyk.post(base, { ...draftBody, employer_bin: dostykBin, oked_section: 'H',
    workers: [{ ...worker, surname: 'Сафаров', given_name: 'Рустам', passport_number: 'FA5556667' }] });
  assert.equal(draft.status, 201, JSON.stringify(draft.data));
  // The pre-check lists what filing will ask for: no local-content document.
  const pre = await dostyk.post('/api/v1/employer-permits/pre-check', { ...draftBody, employer_bin: dostykBin,
    oked_section: 'H' });
  assert.equal(pre.status, 200, JSON.stringify(pre.data));
  assert.ok(!pre.data.documents.includes('local_content'), JSON.stringify(pre.data.documents));
  for (const t of ['education_documents', 'qualification_letter', 'identity_document'])
    assert.equal((await dostyk.upload(`${base}/${draft.data.id}/files?doc_type=${t}&file_name=${t}.pdf`, pdfBytes(t))).status, 201);
  const filed = await dostyk.post(`${base}/${draft.data.id}/filing`, { consent_personal_data: true });
  assert.equal(filed.status, 200, JSON.stringify(filed.data));
  assert.equal(filed.data.state, 'registered');
  // KazStroyMontazh (320 employees) with the same three documents: the fourth of its list, the local-content
  // one, is missing.
  const big = await ksm.post(base, { ...draftBody,
    workers: [{ ...worker, surname: 'Рахманов', given_name: 'Илхом', passport_number: 'FA8889990' }] });
  for (const t of ['education_documents', 'qualification_letter', 'identity_document'])
    await ksm.upload(`${base}/${big.data.id}/files?doc_type=${t}&file_name=${t}.pdf`, pdfBytes(t));
  const missing = await ksm.post(`${base}/${big.data.id}/filing`, { consent_personal_data: true });
  assert.deepEqual([missing.status, missing.data.code], [400, 'ep.documents_missing']);
});

test('EP-82 EP-2.11: a complaint about the LEB goes to the office of the akim of its region, which decides it in 5 wd', async () => {
  const draft = await ksm.post(base, { ...draftBody,
    workers: [{ ...worker, surname: 'Юсупов', given_name: 'Шерзод', passport_number: 'FA7654321' }] });
  assert.equal(draft.status, 201, JSON.stringify(draft.data));
  const id = draft.data.id;
  for (const t of ['education_documents', 'qualification_letter', 'local_content', 'identity_document'])
    assert.equal((await ksm.upload(`${base}/${id}/files?doc_type=${t}&file_name=${t}.pdf`, pdfBytes(t))).status, 201);
  const filed = await ksm.post(`${base}/${id}/filing`, { consent_personal_data: true });
  assert.equal(filed.data.state, 'registered', JSON.stringify(filed.data));
  // EP-2.11: FLIS is migration.enbek.kz — filed here, that is the channel recorded.
  assert.equal(filed.data.data.filing.channel, 'migration.enbek.kz');

  // EP has no complaint to the LEB itself or to the quality authority: the akim's office is its route.
  const wrong = await ksm.post('/api/v1/complaints', { subject_case_id: id, addressee: 'leb', text: 'Управление тянет с ответом.' });
  assert.deepEqual([wrong.status, wrong.data.field], [400, 'addressee']);
  const complaint = await ksm.post('/api/v1/complaints',
    { subject_case_id: id, addressee: 'akim_office', text: 'Управление не отвечает на запросы по заявлению.' });
  assert.equal(complaint.status, 201, JSON.stringify(complaint.data));
  assert.deepEqual([complaint.data.provider_body, complaint.data.step.rule], [`akimat-${almaty}`, 'EP-82']);
  // Filed Monday 1 June: 5 wd end on Monday 8 June.
  assert.match(complaint.data.step.due_at, /^2026-06-08/);
  // The LEB complained about neither sees nor decides it, nor does another region's akim's office.
  assert.equal((await head.get(`/api/v1/cases/${complaint.data.id}`)).status, 404);
  assert.equal((await akimAstana.post(`/api/v1/complaints/${complaint.data.id}/decision`,
    { upheld: true, reasons: 'x' })).status, 404);
  const decided = await akimAlmaty.post(`/api/v1/complaints/${complaint.data.id}/decision`,
    { upheld: false, reasons: 'Срок рассмотрения заявления (EP-A2.3) не истёк.' });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  assert.deepEqual([decided.data.state, decided.data.data.resolution.rule], ['rejected', 'EP-82']);
});

test('an agency files many applications at once: each answered on its own, idempotent by its client key', async () => {
  const body = {
    applications: [
      { ...draftBody, client_key: 'AG-2026-0001' },
      { ...draftBody, client_key: 'AG-2026-0002', workers: [] },
      { ...draftBody, client_key: 'AG-2026-0003', workers: [worker, { ...worker, passport_number: 'FA7654321' }] },
      'not an application',
    ],
  };
  const first = await ksm.post(`${base}/batch`, body);
  assert.equal(first.status, 200, JSON.stringify(first.data));
  const [a, bad, c, junk] = first.data.results;
  assert.equal(a.status, 201);
  assert.equal(a.case.state, 'draft');
  assert.equal(bad.status, 400);
  assert.equal(bad.problem.field, 'workers');
  assert.equal(c.status, 201);
  assert.equal(c.case.data.workers.length, 2);
  assert.equal(junk.status, 400);

  // The same batch again (a retry after a lost answer): the same cases, nothing new.
  const again = await ksm.post(`${base}/batch`, body);
  assert.equal(again.data.results[0].status, 200);
  assert.equal(again.data.results[0].case.id, a.case.id);
  assert.equal(again.data.results[2].case.id, c.case.id);
  // And one by one, with the key: the application made before.
  const one = await ksm.post(base, { ...draftBody, client_key: 'AG-2026-0001' });
  assert.equal(one.status, 200);
  assert.equal(one.data.id, a.case.id);

  const empty = await ksm.post(`${base}/batch`, { applications: [] });
  assert.equal(empty.status, 400);
  assert.equal(empty.data.field, 'applications');
});


test('the pre-check runs every rule on a draft before filing and stores nothing', async () => {
  const before = (await ksm.get('/api/v1/cases?service=EP')).data;
  const ok = await ksm.post('/api/v1/employer-permits/pre-check', draftBody);
  assert.equal(ok.status, 200, JSON.stringify(ok.data));
  assert.equal(ok.data.ready, true, JSON.stringify(ok.data));
  assert.deepEqual(ok.data.grounds, []);
  assert.ok(ok.data.documents.includes('identity_document'));
  assert.equal(ok.data.fee.total_tenge, 224 * 4325);
  assert.equal(ok.data.quota[0].region, almaty);
  assert.ok(ok.data.quota[0].available >= 1);
  assert.equal(ok.data.terms.service_wd, 19); // EP-A2.3: issue

  // The vacancy of metal erectors is three days old: filing now would be heard and refused (EP-2-1, I-25).
  const early = await ksm.post('/api/v1/employer-permits/pre-check', {
    ...draftBody, vacancy_code: 'ЭБТ-2026-70101', workers: [{ ...worker, occupation_code: '7214' }],
    category: 'category_4',
  });
  assert.equal(early.status, 200, JSON.stringify(early.data));
  assert.equal(early.data.ready, false);
  assert.deepEqual(early.data.grounds, ['EP-A2.9(2)']);
  const vacancy = early.data.checks.items.find((c) => c.name === 'vacancy');
  assert.equal(vacancy.reason, 'too_recent');

  const bad = await ksm.post('/api/v1/employer-permits/pre-check', { ...draftBody, regions: [] });
  assert.equal(bad.status, 400);
  assert.equal(bad.data.field, 'regions');
  const after = (await ksm.get('/api/v1/cases?service=EP')).data;
  assert.equal(JSON.stringify(after), JSON.stringify(before)); // nothing stored
});
