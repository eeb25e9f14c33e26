// The SE service end to end over the JSON API, on a database of its own seeded as of Monday 1 June
// 2026 (a working day, so filing registers the same day).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, pdfBytes, validIin, dateOf } from './server.mjs';

const at = '2026-06-01T10:00';
const today = dateOf(at);

let server;
let foreigner, officer, head, members, otherForeigner, otherOfficer, qualityAuthority;
let professionCode;

before(async () => {
  server = await startServer({ at });
  [foreigner, officer, head, otherForeigner, otherOfficer, qualityAuthority] = await Promise.all(
    ['chen', 'officer.astana', 'head.astana', 'kowalska', 'officer.almaty', 'quality'].map((l) => signIn(server.url, l)));
  members = await Promise.all(['commission1.astana', 'commission2.astana', 'commission3.astana']
    .map((l) => signIn(server.url, l)));
  const list = await (await fetch(`${server.url}/api/v1/reference/se_profession`)).json();
  professionCode = list.entries.find((e) => e.data.kind === 'profession').code;
});
after(async () => { await server.stop(); });

// A BIN whose check digit is right (SE-A1: employer BINs are checked by it).
const employerBin = '180740015553';

const applicant = {
  full_name: 'Lin Mei', full_name_latin: 'LIN MEI', passport_number: 'EB1234567', passport_issued_on: '2022-02-02',
  passport_issuer: 'Ministry of Public Security', citizenship: 'CN', address: 'Astana, Turan 10', phone: '+7 701 000 00 00',
  residence_abroad: 'Beijing', iin: validIin('920202', '4'),
};

async function draft(body) {
  const r = await foreigner.post('/api/v1/self-employment/applications', body);
  assert.equal(r.status, 201, JSON.stringify(r.data));
  return r.data;
}

async function fileIssue(claims) {
  const c = await draft({ kind: 'issue', region: '710000000', profession_code: professionCode, applicant,
    self_assessment: claims });
  assert.equal(c.state, 'draft');
  for (const t of ['application', 'identity_document', 'education_documents_translation', 'employment_record_copy']) {
    const u = await foreigner.upload(`/api/v1/self-employment/applications/${c.id}/files?doc_type=${t}&file_name=${t}.pdf`, pdfBytes(t));
    assert.equal(u.status, 201, JSON.stringify(u.data));
    assert.match(u.data.sha256, /^[0-9a-f]{64}$/);
  }
  const filed = await foreigner.post(`/api/v1/self-employment/applications/${c.id}/filing`, { consent_personal_data: true });
  assert.equal(filed.status, 200, JSON.stringify(filed.data));
  return filed.data;
}

async function throughCommission(id, criteria, recommendsIssue, ground) {
  assert.equal((await officer.post(`/api/v1/self-employment/applications/${id}/referral`)).data.state, 'at_commission');
  for (const m of members) assert.equal((await m.post(`/api/v1/self-employment/applications/${id}/scores`, criteria)).status, 200);
  const rec = await members[0].post(`/api/v1/self-employment/applications/${id}/recommendation`, {
    recommends_issue: recommendsIssue, ground, criteria, present: members.map((m) => m.userId), reasons: 'test',
  });
  assert.equal(rec.status, 200, JSON.stringify(rec.data));
  let last;
  for (const m of members) last = await m.post(`/api/v1/self-employment/applications/${id}/minutes/signatures`);
  assert.equal(last.data.state, 'awaiting_decision');
  assert.equal(last.data.step.rule, 'SE-11');
  return last.data;
}

// An issued certificate of a fresh application with 11 points: the case and its certificate.
async function issuedCertificate(criteria = { higher_education: true, academic_degree: true,
  english_teaching_certificate: false, experience_years: 4 }) {
  const filed = await fileIssue(criteria);
  await throughCommission(filed.id, criteria, true);
  const decided = await head.post(`/api/v1/self-employment/applications/${filed.id}/decision`, { approve: true });
  assert.equal(decided.data.state, 'issued', JSON.stringify(decided.data));
  return { filed, certificate: decided.data.certificate };
}

test('SE-3 SE-5 SE-7 SE-A2.3 SE-A2.8: filing registers the case with its service term and next step', async () => {
  const c = await draft({ kind: 'issue', region: '710000000', profession_code: professionCode, applicant });
  const early = await foreigner.post(`/api/v1/self-employment/applications/${c.id}/filing`, { consent_personal_data: true });
  assert.equal(early.status, 400);
  assert.equal(early.data.field, 'documents');
  assert.deepEqual(early.data.rule_ids, ['SE-A2.8']);
  const filed = await fileIssue({ higher_education: true, academic_degree: false, english_teaching_certificate: false, experience_years: 5 });
  assert.equal(filed.state, 'registered');
  assert.match(filed.registered_on, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(filed.due_at, /T18:30:00\+05:00$/);
  assert.equal(filed.step.rule, 'SE-7');
  const fileEvent = filed.timeline.find((e) => e.command === 'file');
  for (const id of ['SE-3', 'SE-5', 'SE-A2.3', 'SE-A2.4', 'SE-A2.6', 'I-3', 'I-4']) assert.ok(fileEvent.rule_ids.includes(id), id);
  assert.ok(filed.data.application_signature.value.length > 20);
});

test('SE-A2.10: filing online needs a valid IIN for the digital signature', async () => {
  const bad = await foreigner.post('/api/v1/self-employment/applications',
    { kind: 'issue', region: '710000000', profession_code: professionCode, applicant: { ...applicant, iin: '123456789012' } });
  assert.deepEqual([bad.status, bad.data.field], [400, 'applicant.iin']);
  const c = await draft({ kind: 'issue', region: '710000000', profession_code: professionCode,
    applicant: { ...applicant, iin: '' } });
  for (const t of ['application', 'identity_document', 'education_documents_translation', 'employment_record_copy'])
    await foreigner.upload(`/api/v1/self-employment/applications/${c.id}/files?doc_type=${t}`, pdfBytes(t));
  const r = await foreigner.post(`/api/v1/self-employment/applications/${c.id}/filing`, { consent_personal_data: true });
  assert.deepEqual([r.status, r.data.field, r.data.rule_ids], [400, 'applicant.iin', ['SE-A2.10']]);
});

test('SE-A1: consent to personal data processing is required', async () => {
  const c = await draft({ kind: 'issue', region: '710000000', profession_code: professionCode, applicant });
  const r = await foreigner.post(`/api/v1/self-employment/applications/${c.id}/filing`, { consent_personal_data: false });
  assert.deepEqual([r.status, r.data.field], [400, 'consent_personal_data']);
});

test('SE-L: a profession outside the list is refused at the form, naming the field', async () => {
  const r = await foreigner.post('/api/v1/self-employment/applications',
    { kind: 'issue', region: '710000000', profession_code: 'SE-L.99', applicant });
  assert.deepEqual([r.status, r.data.field], [400, 'profession_code']);
});

test('SE-8 SE-9 SE-10 SE-11 SE-13 SE-15 SE-A3: Commission scores, minutes signed, LEB issues a 3-month certificate', async () => {
  const criteria = { higher_education: true, academic_degree: true, english_teaching_certificate: false, experience_years: 4 };
  const filed = await fileIssue(criteria);
  const waiting = await throughCommission(filed.id, criteria, true);
  const scores = waiting.data.commission.scores;
  assert.equal(Object.keys(scores).length, 3);
  for (const s of Object.values(scores)) assert.equal(s.points, 11);
  assert.equal(Object.keys(waiting.data.commission.signatures).length, 3);
  const early = await officer.post(`/api/v1/self-employment/applications/${filed.id}/decision`, { approve: true });
  assert.equal(early.status, 403);
  const decided = await head.post(`/api/v1/self-employment/applications/${filed.id}/decision`, { approve: true });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  assert.equal(decided.data.state, 'issued');
  const cert = decided.data.certificate;
  const from = new Date(`${cert.valid_from}T00:00:00Z`);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 3, from.getUTCDate() - 1));
  assert.ok(cert.valid_to <= to.toISOString().slice(0, 10), `${cert.valid_from}..${cert.valid_to}`);
  for (const id of ['SE-11', 'SE-13', 'SE-15']) assert.ok(decided.data.data.decision.rule_ids.includes(id), id);
  const pdf = await foreigner.get(`/api/v1/self-employment/applications/${filed.id}/certificate.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  assert.equal(pdf.data.subarray(0, 5).toString(), '%PDF-');
  const token = cert.verification_url.split('/verify/')[1];
  const v = await (await fetch(`${server.url}/api/v1/verify/${token}`)).json();
  assert.deepEqual([v.status, v.holder_name, v.number], ['valid', 'Lin Mei', cert.number]);
  assert.equal(v.passport_number, undefined);
});

test('SE-2 SE-A2.6: a certificate is a foreigner\'s, from the LEB of a region, city or the capital, free of charge', async () => {
  // SE-2: the LEB of a region, a city of republican significance or the capital — not a district's.
  const criteria = { higher_education: true, academic_degree: false, english_teaching_certificate: true, experience_years: 6 };
  const district = await foreigner.post('/api/v1/self-employment/applications', { kind: 'issue', region: '751210000',
    profession_code: professionCode, applicant, self_assessment: criteria });
  assert.deepEqual([district.status, district.data.field], [400, 'region']);
  const { filed, certificate } = await issuedCertificate(criteria);
  assert.equal(filed.provider_body, 'leb-710000000');
  // SE-A2.6: free — the head's decision issues the certificate at once: no fee asked, none awaited.
  const issued = await foreigner.get(`/api/v1/cases/${filed.id}`);
  assert.equal(issued.data.state, 'issued');
  assert.equal(issued.data.data.decision.fee, undefined);
  assert.equal(certificate.valid_from, today);
  assert.ok(!JSON.stringify(issued.data.actions ?? []).includes('fee'), JSON.stringify(issued.data.actions));
  // SE-2: the certificate is issued to a foreigner: an employer may not apply for one.
  const employer = await signIn(server.url, 'employer.ksm');
  const byEmployer = await employer.post('/api/v1/self-employment/applications', { kind: 'issue', region: '710000000',
    profession_code: professionCode, applicant, self_assessment: criteria });
  assert.equal(byEmployer.status, 403, JSON.stringify(byEmployer.data));
});

test('SE-6 SE-A2.4: only the Commission formed by this LEB scores; the score alone decides nothing', async () => {
  const criteria = { higher_education: true, academic_degree: true, english_teaching_certificate: true, experience_years: 20 };
  const filed = await fileIssue(criteria);
  await officer.post(`/api/v1/self-employment/applications/${filed.id}/referral`);
  const almatyMember = await signIn(server.url, 'commission1.almaty');
  assert.equal((await almatyMember.post(`/api/v1/self-employment/applications/${filed.id}/scores`, criteria)).status, 404);
  const stranger = await members[0].post(`/api/v1/self-employment/applications/${filed.id}/recommendation`, {
    recommends_issue: true, criteria, present: [members[0].userId, almatyMember.userId],
  });
  assert.deepEqual([stranger.status, stranger.data.field], [400, 'present']);
  const scored = await members[1].post(`/api/v1/self-employment/applications/${filed.id}/scores`, criteria);
  assert.equal(scored.data.data.commission.scores[members[1].userId].points, 16);
  assert.equal(scored.data.state, 'at_commission');  // points never issue a certificate by themselves (I-13)
  assert.equal((await head.post(`/api/v1/self-employment/applications/${filed.id}/decision`, { approve: true })).status, 409);
});

test('SE-12 SE-A2.9 I-18: a refusal cites only an enumerated ground; below 6 points always refuses', async () => {
  const low = { higher_education: false, academic_degree: false, english_teaching_certificate: false, experience_years: 2 };
  const filed = await fileIssue(low);
  await officer.post(`/api/v1/self-employment/applications/${filed.id}/referral`);
  const unlisted = await members[0].post(`/api/v1/self-employment/applications/${filed.id}/recommendation`, {
    recommends_issue: false, ground: 'bad_attitude', criteria: low, present: [members[0].userId],
  });
  assert.deepEqual([unlisted.status, unlisted.data.field], [400, 'ground']);
  const tooLow = await members[0].post(`/api/v1/self-employment/applications/${filed.id}/recommendation`, {
    recommends_issue: true, criteria: low, present: [members[0].userId],
  });
  assert.deepEqual([tooLow.status, tooLow.data.field], [400, 'recommends_issue']);
  const rec = await members[0].post(`/api/v1/self-employment/applications/${filed.id}/recommendation`, {
    recommends_issue: false, ground: 'score_below_threshold', criteria: low, present: [members[0].userId],
  });
  assert.equal(rec.status, 200);
  // Only members present sign the minutes (SE-9).
  assert.equal((await members[1].post(`/api/v1/self-employment/applications/${filed.id}/minutes/signatures`)).status, 403);
  await members[0].post(`/api/v1/self-employment/applications/${filed.id}/minutes/signatures`);
  const refused = await head.post(`/api/v1/self-employment/applications/${filed.id}/decision`, { approve: true });
  assert.equal(refused.data.state, 'refused');
  assert.equal(refused.data.data.decision.citation, 'SE-A2.9(2)');
  assert.ok(refused.data.data.decision.rule_ids.includes('SE-A2.9'));
});

test('SE-A1: the extension asks the employer\'s BIN and checks its check digit, in the form and in a notice', async () => {
  const { filed, certificate: { number } } = await issuedCertificate();
  const extension = { kind: 'extension', region: '710000000', applicant, certificate_number: number,
    employer_name: 'TOO Digital', contract_concluded_on: today, contract_end: '2099-12-31' };
  const wrongDigit = await foreigner.post('/api/v1/self-employment/applications', { ...extension, employer_bin: '180740015554' });
  assert.deepEqual([wrongDigit.status, wrongDigit.data.code, wrongDigit.data.field], [400, 'validation.bin', 'employer_bin']);
  const none = await foreigner.post('/api/v1/self-employment/applications', extension);
  assert.deepEqual([none.status, none.data.field], [400, 'employer_bin']);
  const notice = await foreigner.post(`/api/v1/self-employment/applications/${filed.id}/notices`,
    { notice: 'new_employer', event_date: today, employer_name: 'TOO Digital', employer_bin: '180340012345' });
  assert.deepEqual([notice.status, notice.data.code, notice.data.field], [400, 'validation.bin', 'employer_bin']);
  const typo = await foreigner.post(`/api/v1/self-employment/applications/${filed.id}/notices`,
    { notice: 'new_employer', event_date: today, employer: 'TOO Digital' });
  assert.deepEqual([typo.status, typo.data.code, typo.data.field], [400, 'validation.unknown_field', 'employer']);
});

test('SE-16 I-11 SE-22 SE-22-1 SE-18 SE-19 SE-20 F-5 F-6: extension, re-issue with a new number, duplicate, notices', async () => {
  const criteria = { higher_education: true, academic_degree: false, english_teaching_certificate: true, experience_years: 1 };
  const filed = await fileIssue(criteria);
  await throughCommission(filed.id, criteria, true);
  const issued = (await head.post(`/api/v1/self-employment/applications/${filed.id}/decision`, { approve: true })).data;
  const number = issued.certificate.number;

  const notice = await foreigner.post(`/api/v1/self-employment/applications/${filed.id}/notices`,
    { notice: 'new_employer', event_date: today, employer_name: 'TOO Digital', employer_bin: employerBin });
  assert.equal(notice.status, 200, JSON.stringify(notice.data));
  const n = notice.data.data.notices.at(-1);
  assert.deepEqual([n.rule, n.on_time], ['SE-18', true]);
  assert.ok(notice.data.timeline.at(-1).rule_ids.includes('SE-19'));
  const term = await foreigner.post(`/api/v1/self-employment/applications/${filed.id}/notices`, { notice: 'termination', event_date: today });
  assert.equal(term.data.data.notices.at(-1).rule, 'SE-20');

  // Extension to the end of the labour contract, capped at 3 years (SE-16, I-11).
  const ext = await draft({ kind: 'extension', region: '710000000', applicant, certificate_number: number,
    employer_name: 'TOO Digital', employer_bin: employerBin, contract_concluded_on: today, contract_end: '2099-12-31' });
  for (const t of ['application', 'certificate', 'labour_contract'])
    assert.equal((await foreigner.upload(`/api/v1/self-employment/applications/${ext.id}/files?doc_type=${t}`, pdfBytes(t))).status, 201);
  const extFiled = await foreigner.post(`/api/v1/self-employment/applications/${ext.id}/filing`, { consent_personal_data: true });
  assert.equal(extFiled.data.step.rule, 'SE-16');
  const extended = await head.post(`/api/v1/self-employment/applications/${ext.id}/decision`, { approve: true });
  assert.equal(extended.data.state, 'extended');
  const cap = new Date(`${extended.data.data.decision.decided_on}T00:00:00Z`);
  cap.setUTCFullYear(cap.getUTCFullYear() + 3);
  cap.setUTCDate(cap.getUTCDate() - 1);
  assert.equal(extended.data.data.decision.valid_to, cap.toISOString().slice(0, 10));
  // F-6: the same certificate (same number) now ends on that day; no new certificate is made.
  assert.deepEqual([extended.data.certificate.number, extended.data.certificate.status, extended.data.certificate.valid_to],
    [number, 'valid', extended.data.data.decision.valid_to]);
  assert.equal(extended.data.certificate.valid_from, issued.certificate.valid_from);

  // Duplicate keeps the number (SE-22-1).
  const dup = await draft({ kind: 'duplicate', region: '710000000', applicant, certificate_number: number, change_date: today });
  for (const t of ['application', 'identity_document', 'employment_record_copy'])
    assert.equal((await foreigner.upload(`/api/v1/self-employment/applications/${dup.id}/files?doc_type=${t}`, pdfBytes(t))).status, 201);
  await foreigner.post(`/api/v1/self-employment/applications/${dup.id}/filing`, { consent_personal_data: true });
  const duplicated = await head.post(`/api/v1/self-employment/applications/${dup.id}/decision`, { approve: true });
  assert.equal(duplicated.data.data.decision.certificate_number, number);
  // F-5: the duplicate keeps the certificate's number and its term (the extended one).
  assert.deepEqual([duplicated.data.certificate.number, duplicated.data.certificate.valid_from,
    duplicated.data.certificate.valid_to, duplicated.data.certificate.status],
  [number, issued.certificate.valid_from, extended.data.certificate.valid_to, 'valid']);

  // Re-issue gets a new number; the old one is replaced (SE-22).
  const re = await draft({ kind: 'reissue', region: '710000000', applicant, certificate_number: number,
    change_reason: 'identity_document', change_date: today });
  for (const t of ['application', 'changed_identity_document'])
    assert.equal((await foreigner.upload(`/api/v1/self-employment/applications/${re.id}/files?doc_type=${t}`, pdfBytes(t))).status, 201);
  await foreigner.post(`/api/v1/self-employment/applications/${re.id}/filing`, { consent_personal_data: true });
  const reissued = await head.post(`/api/v1/self-employment/applications/${re.id}/decision`, { approve: true });
  assert.equal(reissued.data.state, 'issued');
  assert.notEqual(reissued.data.certificate.number, number);
  const oldToken = issued.certificate.verification_url.split('/verify/')[1];
  assert.equal((await (await fetch(`${server.url}/api/v1/verify/${oldToken}`)).json()).status, 'replaced');
});

test('SE-21 SE-23: revocation shows on public verification', async () => {
  const criteria = { higher_education: true, academic_degree: true, english_teaching_certificate: false, experience_years: 0 };
  const filed = await fileIssue(criteria);
  await throughCommission(filed.id, criteria, true);
  const issued = (await head.post(`/api/v1/self-employment/applications/${filed.id}/decision`, { approve: true })).data;
  const missingAct = await head.post(`/api/v1/self-employment/applications/${filed.id}/revocation`, { control_act_date: '2026-01-01' });
  assert.deepEqual([missingAct.status, missingAct.data.field], [400, 'control_act']);
  const revoked = await head.post(`/api/v1/self-employment/applications/${filed.id}/revocation`,
    { control_act: 'Акт ГИТ № 5', control_act_date: '2026-01-01', reasons: 'other work' });
  assert.equal(revoked.data.state, 'revoked');
  const token = issued.certificate.verification_url.split('/verify/')[1];
  assert.equal((await (await fetch(`${server.url}/api/v1/verify/${token}`)).json()).status, 'revoked');
});

test('SE-24 SE-26 SE-27 SE-28: a complaint is forwarded, decided in 15 wd, then court may be noted', async () => {
  const low = { higher_education: false, academic_degree: false, english_teaching_certificate: false, experience_years: 0 };
  const filed = await fileIssue(low);
  const early = await foreigner.post('/api/v1/complaints', { subject_case_id: filed.id, addressee: 'quality_authority', text: 'short' });
  assert.deepEqual([early.status, early.data.field], [400, 'text']);
  const c = await foreigner.post('/api/v1/complaints',
    { subject_case_id: filed.id, addressee: 'quality_authority', text: 'The officer did not register my documents in time.' });
  assert.equal(c.status, 201, JSON.stringify(c.data));
  assert.equal(c.data.step.rule, 'SE-24');
  const courtTooEarly = await foreigner.post(`/api/v1/complaints/${c.data.id}/court`, { court: 'SMAC Astana' });
  assert.equal(courtTooEarly.status, 409);
  const fwd = await head.post(`/api/v1/complaints/${c.data.id}/forwarding`);
  assert.deepEqual([fwd.data.state, fwd.data.step.rule], ['forwarded', 'SE-26']);
  const decided = await qualityAuthority.post(`/api/v1/complaints/${c.data.id}/decision`, { upheld: false, reasons: 'Terms were kept.' });
  assert.equal(decided.data.state, 'rejected');
  const court = await foreigner.post(`/api/v1/complaints/${c.data.id}/court`, { court: 'SMAC Astana' });
  assert.equal(court.data.state, 'in_court');
});

test('SE-25: a complaint to the LEB is decided by its head within 5 wd', async () => {
  const low = { higher_education: false, academic_degree: false, english_teaching_certificate: false, experience_years: 0 };
  const filed = await fileIssue(low);
  const c = await foreigner.post('/api/v1/complaints',
    { subject_case_id: filed.id, addressee: 'leb', text: 'My documents were not checked within two working days.' });
  assert.deepEqual([c.status, c.data.step.rule], [201, 'SE-25']);
  assert.equal((await head.post(`/api/v1/complaints/${c.data.id}/forwarding`)).status, 409);
  // The quality authority sees only complaints forwarded to it: this one does not exist for it.
  assert.equal((await qualityAuthority.post(`/api/v1/complaints/${c.data.id}/decision`, { upheld: true, reasons: 'x' })).status, 404);
  const d = await head.post(`/api/v1/complaints/${c.data.id}/decision`, { upheld: true, reasons: 'The referral was late.' });
  assert.deepEqual([d.data.state, d.data.data.resolution.rule], ['upheld', 'SE-25']);
  // F-7: a complaint about a case still waiting sets no decision aside; it is recorded on the case.
  assert.deepEqual([d.data.data.effect.subject_state_before, d.data.data.effect.subject_state_after],
    [filed.state, filed.state]);
  const subject = await officer.get(`/api/v1/cases/${filed.id}`);
  assert.equal(subject.data.state, filed.state);
});

test('access: applicants see only their own cases, officers only their body\'s', async () => {
  const filed = await fileIssue({ higher_education: true, academic_degree: false, english_teaching_certificate: false, experience_years: 4 });
  assert.equal((await otherForeigner.get(`/api/v1/cases/${filed.id}`)).status, 404);
  assert.equal((await otherOfficer.get(`/api/v1/cases/${filed.id}`)).status, 404);
  assert.equal((await otherOfficer.post(`/api/v1/self-employment/applications/${filed.id}/referral`)).status, 404);
  const inbox = await officer.get('/api/v1/cases');
  assert.ok(inbox.data.cases.some((c) => c.id === filed.id));
  assert.ok(inbox.data.cases.every((c) => c.provider_body === 'leb-710000000'));
  const open = inbox.data.cases.filter((c) => c.step.due_at);
  assert.deepEqual(open.map((c) => c.step.due_at), [...open.map((c) => c.step.due_at)].sort());
  const anon = await fetch(`${server.url}/api/v1/cases/${filed.id}`);
  assert.equal(anon.status, 401);
});

test('metrics expose requests by route and cases by service and state', async () => {
  const text = await server.metrics();
  assert.match(text, /flis_http_requests_total\{.*route="\/api\/v1\/cases\/\{id\}"/);
  assert.match(text, /flis_http_request_duration_seconds_bucket/);
  assert.match(text, /flis_cases\{service="SE",state="issued"\} \d+/);
  assert.match(text, /flis_overdue_deadlines \d+/);
});

test('SE-A1 SE-9: OpenAPI documents the SE inputs and the SE case view from the same structs the server decodes', async () => {
  const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const { SeApplication, Recommendation, SeCaseData } = doc.components.schemas;
  assert.equal(SeApplication.properties.employer_bin.format, 'iin-or-bin');
  assert.equal(SeApplication.properties.applicant.properties.iin.format, 'iin');
  assert.equal(SeApplication.additionalProperties, false);
  assert.equal(Recommendation.properties.criteria.properties.experience_years.maximum, 80);
  for (const key of ['applicant', 'identity_check', 'commission', 'decision', 'notices'])
    assert.ok(SeCaseData.properties[key], key);
  // The API answers with that view: what the schema names and nothing else.
  const c = await draft({ kind: 'issue', region: '710000000', profession_code: professionCode, applicant });
  for (const key of Object.keys(c.data)) assert.ok(SeCaseData.properties[key], key);
});

test('SE-A2.9 SE-9 SE-12: a finding of false documents stays in the refusal when the score is also below 6', async () => {
  const low = { higher_education: false, academic_degree: false, english_teaching_certificate: false, experience_years: 2 };
  const filed = await fileIssue(low);
  await officer.post(`/api/v1/self-employment/applications/${filed.id}/referral`);
  const rec = await members[0].post(`/api/v1/self-employment/applications/${filed.id}/recommendation`, {
    recommends_issue: false, ground: 'false_documents', criteria: low, present: [members[0].userId],
  });
  assert.equal(rec.status, 200, JSON.stringify(rec.data));
  await members[0].post(`/api/v1/self-employment/applications/${filed.id}/minutes/signatures`);
  const refused = await head.post(`/api/v1/self-employment/applications/${filed.id}/decision`, { approve: true });
  assert.equal(refused.data.state, 'refused');
  const { decision } = refused.data.data;
  assert.equal(decision.citation, 'SE-A2.9(2)');
  assert.deepEqual(decision.citations, ['SE-A2.9(2)', 'SE-A2.9(3)']);
  assert.deepEqual(decision.grounds, ['se.refusal.score_below_threshold', 'se.refusal.false_documents']);
});

test('SE-12 I-18 SE-22-1: a duplicate is never refused for a score nobody gave', async () => {
  const { certificate: { number } } = await issuedCertificate();
  const dup = await draft({ kind: 'duplicate', region: '710000000', applicant, certificate_number: number, change_date: today });
  for (const t of ['application', 'identity_document', 'employment_record_copy'])
    await foreigner.upload(`/api/v1/self-employment/applications/${dup.id}/files?doc_type=${t}`, pdfBytes(t));
  await foreigner.post(`/api/v1/self-employment/applications/${dup.id}/filing`, { consent_personal_data: true });
  const score = await head.post(`/api/v1/self-employment/applications/${dup.id}/decision`,
    { approve: false, ground: 'score_below_threshold' });
  assert.deepEqual([score.status, score.data.code, score.data.field], [400, 'se.refusal_ground_not_applicable', 'ground']);
  assert.deepEqual(score.data.rule_ids, ['SE-12', 'I-18']);
  const falseDocs = await head.post(`/api/v1/self-employment/applications/${dup.id}/decision`,
    { approve: false, ground: 'false_documents', reasons: 'forged police report of the loss' });
  assert.equal(falseDocs.data.state, 'refused');
  assert.equal(falseDocs.data.data.decision.citation, 'SE-A2.9(3)');
});

test('SE-16 I-18: an extension for a contract already over, or ending with the certificate, is not accepted — never refused', async () => {
  const { certificate: cert } = await issuedCertificate();
  const extension = { kind: 'extension', region: '710000000', applicant, certificate_number: cert.number,
    employer_name: 'TOO Digital', employer_bin: employerBin, contract_concluded_on: '2026-05-01' };
  const ended = await foreigner.post('/api/v1/self-employment/applications', { ...extension, contract_end: '2026-05-29' });
  assert.deepEqual([ended.status, ended.data.code, ended.data.field, ended.data.rule_ids],
    [400, 'se.extension.contract_ended', 'contract_end', ['SE-16']]);
  const shorter = await foreigner.post('/api/v1/self-employment/applications', { ...extension, contract_end: cert.valid_to });
  assert.deepEqual([shorter.status, shorter.data.code, shorter.data.rule_ids], [400, 'se.extension.not_longer', ['SE-16']]);
});

test('SE-19 SE-22 SE-A2.8: a change of employer is re-issued on the new labour contract and the new employer is on the certificate', async () => {
  const { certificate: { number } } = await issuedCertificate();
  const reissue = { kind: 'reissue', region: '710000000', applicant, certificate_number: number,
    change_reason: 'employer', change_date: today };
  const nameless = await foreigner.post('/api/v1/self-employment/applications', reissue);
  assert.deepEqual([nameless.status, nameless.data.field], [400, 'employer_name']);
  const re = await draft({ ...reissue, employer_name: 'TOO Steppe Code', employer_bin: employerBin });
  const idDoc = await foreigner.upload(`/api/v1/self-employment/applications/${re.id}/files?doc_type=changed_identity_document`,
    pdfBytes('id'));
  assert.deepEqual([idDoc.status, idDoc.data.code], [400, 'se.document_type_not_listed']);
  for (const t of ['application', 'labour_contract'])
    assert.equal((await foreigner.upload(`/api/v1/self-employment/applications/${re.id}/files?doc_type=${t}`, pdfBytes(t))).status, 201);
  const reFiled = await foreigner.post(`/api/v1/self-employment/applications/${re.id}/filing`, { consent_personal_data: true });
  assert.equal(reFiled.status, 200, JSON.stringify(reFiled.data));
  const reissued = await head.post(`/api/v1/self-employment/applications/${re.id}/decision`, { approve: true });
  assert.equal(reissued.data.state, 'issued');
  assert.notEqual(reissued.data.certificate.number, number);
  assert.deepEqual(reissued.data.certificate.employer, { name: 'TOO Steppe Code', bin: employerBin });
  assert.deepEqual(reissued.data.data.decision.employer, { name: 'TOO Steppe Code', bin: employerBin });
  const pdf = await foreigner.get(`/api/v1/self-employment/applications/${re.id}/certificate.pdf`);
  assert.deepEqual([pdf.status, pdf.type], [200, 'application/pdf']);
});

test('issue 8 item 5: every SE operation documents its success body, and the case it answers with matches it', async () => {
  const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const se = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/v1/self-employment/'));
  for (const [path, ops] of se) {
    for (const [method, op] of Object.entries(ops)) {
      const ok = Object.entries(op.responses).find(([status]) => status.startsWith('2'))[1];
      if (path.endsWith('.pdf')) continue;
      assert.ok(ok.content?.['application/json']?.schema?.$ref, `${method} ${path}`);
    }
  }
  assert.equal(doc.paths['/api/v1/self-employment/applications/{id}/decision'].post.responses['200']
    .content['application/json'].schema.$ref, '#/components/schemas/SeCase');
  const { SeCase, SeCaseData } = doc.components.schemas;
  const c = await draft({ kind: 'issue', region: '710000000', profession_code: professionCode, applicant });
  for (const key of SeCase.required) assert.ok(key in c, key);
  for (const key of Object.keys(c.data)) assert.ok(SeCaseData.properties[key], key);
  assert.equal(SeCase.properties.data.$ref, '#/components/schemas/SeCaseData');
});
