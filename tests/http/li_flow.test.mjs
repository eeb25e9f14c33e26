// The labour-immigrant service over the JSON API (issue 12) against a registry simulator of its own: a
// household in Almaty's Alatau district offers the agreement of intent, the immigrant signs it (a quota unit
// held, LI-12, I-16), files online with the employer's signature (LI-5, LI-13, I-41), the checks read the
// registries (LI-15, LI-23) and the police are asked through the outbox (LI-6, LI-16); the district's LEB
// issues (LI-7, LI-18) and the permit's PDF carries a QR `flis verify-permit` accepts offline (LI-A5). An
// immigrant the police refuse is refused on ground 3 only (LI-31, I-18), with the refusal as PDF (LI-A7).
// The front office takes an application with scans and refuses an incomplete one with the receipt (LI-17,
// LI-A4). The database is seeded as of Monday 16 November 2026.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bin, pdfBytes, signIn, startServer, startSim, validIin } from './server.mjs';

const run = promisify(execFile);
const at = '2026-11-16T10:00';
const base = '/api/v1/labour-immigrants';
const alatau = '751210000';
// The simulator's people (sim/demo_data.cpp), as the demo users carry them (app/demo_seed.cpp).
const iin = { aigerim: validIin('850715', '4', 41), rakhimov: validIin('920312', '3', 51),
  safarova: validIin('941105', '4', 52), toktogulov: validIin('900815', '3', 53) };

let sim, server, aigerim, rakhimov, toktogulov, officer, operator, police, outsider, head, quality, cityOfficer, scHead;

before(async () => {
  sim = await startSim({ at });
  server = await startServer({ at, args: ['--registry-url', sim.url, '--job-period', '1'] });
  [aigerim, rakhimov, toktogulov, officer, operator, police, outsider] = await Promise.all(
    ['employer.aigerim', 'rakhimov', 'toktogulov', 'officer.alatau', 'operator.almaty', 'police.almaty',
      'employer.ksm'].map((l) => signIn(server.url, l)));
  [head, quality, cityOfficer, scHead] = await Promise.all(['head.alatau', 'quality', 'officer.almaty', 'sc.head']
    .map((l) => signIn(server.url, l)));
});
after(async () => {
  await server?.stop();
  await sim?.stop();
});

const isPdf = (r) => r.status === 200 && r.type === 'application/pdf' && r.data.subarray(0, 5).toString() === '%PDF-';

async function pdfText(bytes, name) {
  const file = join(server.db.dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return (await run('pdftotext', ['-layout', file, '-'])).stdout;
}

const workplace = { work_address: 'ул. Рыскулова, 12', district: alatau, cadastral_number: '20:321:045:118',
  phone: '+77010000000' };

function passport(surname, givenName, citizenship, number, iin) {
  return { surname, given_name: givenName, birth_date: `19${iin.slice(0, 2)}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`,
    citizenship, passport_number: number, passport_issued_on: '2021-03-01', iin, phone: '+998901234567',
    permanent_address: 'Ташкент', temporary_address: 'Алматы, ул. Рыскулова, 12' };
}

// The agreement offered by Aigerim, signed by the immigrant, the application filed online with both signatures.
async function filedOnline(immigrant, login, person) {
  const offer = await aigerim.post(`${base}/agreements`, { immigrant: login, profession: 'домработница',
    wage_tenge: 250000, months: 6, workplace });
  assert.equal(offer.status, 201, JSON.stringify(offer.data));
  assert.equal(offer.data.state, 'offered');
  // The agreement names the immigrant, so it is in their list (not only reachable by its number).
  const listed = await immigrant.get('/api/v1/cases?service=LI');
  assert.ok(listed.data.cases.some((c) => c.id === offer.data.id), JSON.stringify(listed.data));
  const signed = await immigrant.post(`${base}/agreements/${offer.data.id}/signature`, { immigrant: person });
  assert.equal(signed.status, 200, JSON.stringify(signed.data));
  assert.equal(signed.data.state, 'signed');

  const app = await immigrant.post(`${base}/applications`, { kind: 'issue', agreement: offer.data.id,
    requested_months: 6, medical_certificate_on: '2026-10-01', border_crossed_on: '2026-11-02' });
  assert.equal(app.status, 201, JSON.stringify(app.data));
  const id = app.data.id;
  for (const t of ['passport', 'medical_certificate']) {
    const u = await immigrant.upload(`${base}/applications/${id}/files?doc_type=${t}&file_name=${t}.pdf`, pdfBytes(t));
    assert.equal(u.status, 201, JSON.stringify(u.data));
  }
  assert.equal((await immigrant.post(`${base}/applications/${id}/signature`)).status, 200);
  assert.equal((await aigerim.post(`${base}/applications/${id}/signature`)).status, 200);
  const filed = await immigrant.post(`${base}/applications/${id}/filing`, { consent_personal_data: true });
  assert.equal(filed.status, 200, JSON.stringify(filed.data));
  assert.equal(filed.data.state, 'submitted');
  return { agreement: offer.data.id, filed: filed.data };
}

// The officer asks again until the police have answered (the outbox relay delivers the request within seconds).
async function recheckUntilPolice(id) {
  for (let i = 0; i < 40; ++i) {
    const r = await officer.post(`${base}/applications/${id}/checks`);
    assert.equal(r.status, 200, JSON.stringify(r.data));
    if (r.data.data.police.status !== 'pending') return r.data;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error('the police never answered');
}

test('LI-4 LI-A2.1 LI-A1 LI-A2.6 LI-5 LI-7 LI-12 LI-15 LI-16 LI-18 LI-23 LI-A5 PG-9: online agreement, filing, checks, police, permit with a QR', async () => {
  const { agreement, filed } = await filedOnline(rakhimov, 'rakhimov',
    passport('Рахимов', 'Жасур', 'UZ', 'FA1234568', iin.rakhimov));
  const id = filed.id;
  assert.equal(filed.data.filing.intake, 'online');
  // LI-4, LI-A2.1: the district's LEB provides the service; the city's LEB neither sees nor decides it.
  assert.equal(filed.provider_body, 'leb-751210000');
  assert.equal((await cityOfficer.get(`/api/v1/cases/${id}`)).status, 404);
  assert.equal((await cityOfficer.post(`${base}/applications/${id}/decision`, { outcome: 'issue', grounds: [] })).status, 404);
  // LI-A1: the application holds what the form asks: the immigrant as in the passport, the employer and the
  // address where the work is, the months asked for.
  const a = filed.data;
  assert.deepEqual([a.immigrant.surname, a.immigrant.given_name, a.immigrant.citizenship, a.immigrant.passport_number,
    a.immigrant.iin, a.employer.iin, a.employer.work_address, a.employer.district, a.requested_months],
  ['Рахимов', 'Жасур', 'UZ', 'FA1234568', iin.rakhimov, iin.aigerim, 'ул. Рыскулова, 12', alatau, 6]);
  // LI-7, I-4: 2 wd after the filing day — Wednesday 18 November.
  assert.match(filed.due_at, /^2026-11-18T/);
  // PG-9: the term in view — the LEB's queue lists its open cases by their step's deadline, earliest first.
  const queue = (await officer.get('/api/v1/cases?service=LI')).data.cases.filter((c) => c.step.due_at);
  assert.ok(queue.some((c) => c.id === id), JSON.stringify(queue.map((c) => c.id)));
  const dues = queue.map((c) => Date.parse(c.step.due_at));
  assert.deepEqual(dues, [...dues].sort((x, y) => x - y));
  // The agreement was used by the application; the registries answered every check (LI-15, LI-23, I-43).
  assert.equal((await aigerim.get(`/api/v1/cases/${agreement}`)).data.state, 'used');
  for (const c of filed.data.checks.items)
    assert.ok(['ok', 'not_applicable', 'pending'].includes(c.status), `${c.name}: ${c.status} ${c.reason ?? c.error ?? ''}`);
  assert.equal(filed.data.police.status, 'pending');

  // Not before the police answer (LI-16).
  const early = await officer.post(`${base}/applications/${id}/decision`, { outcome: 'issue', grounds: [] });
  if (early.status !== 200) assert.equal(early.data.code, 'li.police_pending');
  const checked = early.status === 200 ? early.data : await recheckUntilPolice(id);
  assert.equal(checked.data.police.status, 'agreed');
  const issued = early.status === 200 ? early
    : await officer.post(`${base}/applications/${id}/decision`, { outcome: 'issue', grounds: [] });
  assert.equal(issued.status, 200, JSON.stringify(issued.data));
  assert.equal(issued.data.state, 'issued');
  assert.equal(issued.data.permit.valid_from, '2026-11-16');
  assert.equal(issued.data.permit.valid_to, '2027-05-15');
  assert.deepEqual(issued.data.documents.map((d) => d.document), ['permit']);
  // LI-A2.6: free of charge — the decision asks for no fee and the permit is issued at once.
  assert.equal(issued.data.data.decision.fee, undefined);

  // LI-A5: the permit as PDF for the immigrant, the employer and the LEB; 404 for anyone else.
  const number = issued.data.permit.number;
  const pdf = await rakhimov.get(`${base}/permits/${encodeURIComponent(number)}.pdf`);
  assert.ok(isPdf(pdf), `${pdf.status} ${pdf.type}`);
  const text = await pdfText(pdf.data, 'li-permit');
  assert.match(text, new RegExp(number));
  assert.match(text, /RAKHIMOV|Rakhimov/);
  assert.ok(isPdf(await aigerim.get(`${base}/applications/${id}/permit.pdf`)));
  assert.equal((await outsider.get(`${base}/permits/${encodeURIComponent(number)}.pdf`)).status, 404);
  assert.equal((await outsider.get(`${base}/applications/${id}/permit.pdf`)).status, 404);
  assert.equal((await rakhimov.get(`${base}/applications/${id}/refusal.pdf`)).status, 404);

  // The QR's seal verifies offline with the published key; a changed payload does not.
  const qr = pdf.headers.get('x-permit-qr');
  assert.ok(qr && qr.includes('#'), qr);
  const key = await (await fetch(`${server.url}/api/v1/verification-key`)).text();
  const keyFile = join(server.db.dir, 'li-key.pem');
  writeFileSync(keyFile, key);
  const ok = await run(`${bin}/flis`, ['verify-permit', '--key', keyFile, qr]);
  assert.match(ok.stdout, new RegExp(number));

  // PG-9: personal data stays with those who need it. The public check shows the permit, never the passport
  // or the IIN; the police (before any revocation) and an anonymous caller get nothing of the case.
  const token = new URL(qr.split('#')[0]).pathname.split('/').pop();
  const pub = await fetch(`${server.url}/api/v1/verify/${token}`);
  const shown = await pub.text();
  assert.equal(pub.status, 200, shown);
  assert.match(shown, new RegExp(number));
  assert.ok(!shown.includes('FA1234568') && !shown.includes(iin.rakhimov), shown);
  assert.equal((await police.get(`/api/v1/cases/${id}`)).status, 404);
  assert.equal((await fetch(`${server.url}/api/v1/cases/${id}`)).status, 401);

  // LI-36, LI-39, LI-A9: revoked on a control body's act; the police see the case and its information letter.
  const revoked = await officer.post(`${base}/applications/${id}/revocation`, { act_number: 'АКТ-77',
    act_date: '2026-11-16', act_body: 'ГИТ г. Алматы', reasons: 'работа в кафе, не в домашнем хозяйстве' });
  assert.equal(revoked.status, 200, JSON.stringify(revoked.data));
  assert.equal(revoked.data.state, 'revoked');
  const letter = await police.get(`${base}/applications/${id}/police-information.pdf`);
  assert.ok(isPdf(letter), `${letter.status} ${JSON.stringify(letter.data)}`);
  assert.match(await pdfText(letter.data, 'li-police'), new RegExp(number));
  // LI-40, I-53, LI-A8: the police enter it; the stay ends 15 days later; the notice to the immigrant.
  const stay = await police.post(`${base}/applications/${id}/stay`, { entered_on: '2026-11-16' });
  assert.equal(stay.status, 200, JSON.stringify(stay.data));
  assert.equal(stay.data.data.revocation.stay_until, '2026-12-01');
  const notice = await rakhimov.get(`${base}/applications/${id}/revocation.pdf`);
  assert.ok(isPdf(notice));
  assert.match(await pdfText(notice.data, 'li-revocation'), /«01» декабря 2026/);
});

test('LI-6 LI-31 I-18 LI-A7: the police refuse; the only ground is theirs, and the refusal is a PDF', async () => {
  const { filed } = await filedOnline(toktogulov, 'toktogulov',
    passport('Токтогулов', 'Азамат', 'KG', 'AC3456789', iin.toktogulov));
  const id = filed.id;
  const checked = await recheckUntilPolice(id);
  assert.equal(checked.data.police.status, 'refused');
  const issue = await officer.post(`${base}/applications/${id}/decision`, { outcome: 'issue', grounds: [] });
  assert.equal(issue.status, 409);
  assert.equal(issue.data.code, 'li.findings_open');
  const wrong = await officer.post(`${base}/applications/${id}/decision`,
    { outcome: 'refuse', grounds: ['LI-A2.9(4)'], reasons: 'гражданство' });
  assert.equal(wrong.status, 409);
  assert.equal(wrong.data.code, 'li.refusal_ground_not_found');
  const refused = await officer.post(`${base}/applications/${id}/decision`,
    { outcome: 'refuse', grounds: ['LI-A2.9(3)'], reasons: 'Отрицательный ответ органа полиции' });
  assert.equal(refused.status, 200, JSON.stringify(refused.data));
  assert.equal(refused.data.state, 'refused');
  const pdf = await toktogulov.get(`${base}/applications/${id}/refusal.pdf`);
  assert.ok(isPdf(pdf));
  assert.match(await pdfText(pdf.data, 'li-refusal'), /полиции/);
});

test('LI-32 LI-32-1 LI-33 LI-34: complaints about a refusal, to the provider (5 wd) or through it to the quality authority (15 wd)', async () => {
  const { filed } = await filedOnline(toktogulov, 'toktogulov',
    passport('Токтогулов', 'Азамат', 'KG', 'AC3456789', iin.toktogulov));
  await recheckUntilPolice(filed.id);
  const refused = await officer.post(`${base}/applications/${filed.id}/decision`,
    { outcome: 'refuse', grounds: ['LI-A2.9(3)'], reasons: 'Отрицательный ответ органа полиции' });
  assert.equal(refused.data.state, 'refused', JSON.stringify(refused.data));
  // To the provider's head: decided within 5 wd of registration (LI-33), filed under LI-32-1.
  const toLeb = await toktogulov.post('/api/v1/complaints',
    { subject_case_id: filed.id, addressee: 'leb', text: 'Полиция не объяснила причину отказа.' });
  assert.equal(toLeb.status, 201, JSON.stringify(toLeb.data));
  assert.equal(toLeb.data.step.rule, 'LI-33');
  assert.equal(toLeb.data.provider_body, 'leb-751210000');
  const decided = await head.post(`/api/v1/complaints/${toLeb.data.id}/decision`, { upheld: false, reasons: 'Ответ полиции получен в срок.' });
  assert.deepEqual([decided.status, decided.data.state, decided.data.data.resolution.rule], [200, 'rejected', 'LI-33']);
  // To the quality authority: forwarded by the body complained about within 3 wd (LI-32), decided in 15 wd (LI-34).
  const toQuality = await toktogulov.post('/api/v1/complaints',
    { subject_case_id: filed.id, addressee: 'quality_authority', text: 'Прошу проверить законность отказа.' });
  assert.equal(toQuality.status, 201, JSON.stringify(toQuality.data));
  assert.equal(toQuality.data.step.rule, 'LI-32');
  const forwarded = await head.post(`/api/v1/complaints/${toQuality.data.id}/forwarding`);
  assert.deepEqual([forwarded.data.state, forwarded.data.step.rule], ['forwarded', 'LI-34']);
  const judged = await quality.post(`/api/v1/complaints/${toQuality.data.id}/decision`, { upheld: false, reasons: 'Отказ обоснован.' });
  assert.deepEqual([judged.data.state, judged.data.data.resolution.rule], ['rejected', 'LI-34']);
});

test('LI-35: a complaint about the State Corporation\'s staff goes straight to its head, who decides it in 5 wd', async () => {
  const { filed } = await filedOnline(toktogulov, 'toktogulov',
    passport('Токтогулов', 'Азамат', 'KG', 'AC3456789', iin.toktogulov));
  // The form on the case page offers each body with the term its rule gives.
  const form = await toktogulov.get(`/cases/${filed.id}?lang=en`);
  assert.equal(form.status, 200);
  for (const option of ['The local executive body — decided within 5 working days (LI-33)',
    'The public service quality authority — forwarded within 3 working days (LI-32), then decided within 15 (LI-34)',
    'The head of the State Corporation — decided within 5 working days (LI-35)'])
    assert.ok(String(form.data).includes(option), option);
  const complaint = await toktogulov.post('/api/v1/complaints',
    { subject_case_id: filed.id, addressee: 'state_corporation', text: 'Оператор ЦОН отказался принять скан паспорта.' });
  assert.equal(complaint.status, 201, JSON.stringify(complaint.data));
  assert.deepEqual([complaint.data.provider_body, complaint.data.step.rule], ['state-corporation', 'LI-35']);
  // Filed Monday 16 November: 5 wd end on Monday 23 November (F-L3).
  assert.match(complaint.data.step.due_at, /^2026-11-23/);
  // Not the provider's: the district's head neither sees nor decides it; the State Corporation's head does.
  assert.equal((await head.get(`/api/v1/cases/${complaint.data.id}`)).status, 404);
  assert.equal((await head.post(`/api/v1/complaints/${complaint.data.id}/decision`, { upheld: true, reasons: 'x' })).status, 404);
  const inbox = await scHead.get('/api/v1/cases');
  assert.ok(inbox.data.cases.some((c) => c.id === complaint.data.id), JSON.stringify(inbox.data));
  const decided = await scHead.post(`/api/v1/complaints/${complaint.data.id}/decision`,
    { upheld: true, reasons: 'Оператору сделано замечание, приём документов проверен.' });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  assert.deepEqual([decided.data.state, decided.data.data.resolution.rule], ['upheld', 'LI-35']);
  // The application complained about is untouched: the complaint was about conduct, not a decision.
  assert.equal((await toktogulov.get(`/api/v1/cases/${filed.id}`)).data.state, 'submitted');
});

test('LI-5 LI-17 LI-A4: the front office forms an application with scans, and refuses an incomplete one', async () => {
  const body = { kind: 'issue', requested_months: 3,
    immigrant: passport('Сафарова', 'Малика', 'TJ', '400123456', iin.safarova),
    employer_iin: iin.aigerim, employer_name: 'Жумабаева Айгерим Сериковна', workplace,
    medical_certificate_on: '2026-10-01', border_crossed_on: '2026-11-02', has_digital_signature: false, consent_personal_data: true };
  const bad = await operator.post(`${base}/front-office/applications`, { ...body, requested_months: 13 });
  assert.equal(bad.status, 400);
  assert.equal(bad.headers.get('content-type'), 'application/problem+json');
  assert.equal(bad.data.field, 'requested_months');

  const incomplete = await operator.post(`${base}/front-office/applications`, body);
  assert.equal(incomplete.status, 201, JSON.stringify(incomplete.data));
  const refused = await operator.post(`${base}/applications/${incomplete.data.id}/intake-refusal`,
    { missing: ['medical_certificate'], expired: [] });
  assert.equal(refused.status, 200, JSON.stringify(refused.data));
  assert.equal(refused.data.state, 'intake_refused');
  const receipt = await operator.get(`${base}/applications/${incomplete.data.id}/receipt.pdf`);
  assert.ok(isPdf(receipt));
  assert.match(await pdfText(receipt.data, 'li-receipt'), /028/);

  const taken = await operator.post(`${base}/front-office/applications`, body);
  assert.equal(taken.status, 201);
  for (const t of ['passport', 'medical_certificate', 'agreement_of_intent']) {
    const u = await operator.upload(`${base}/applications/${taken.data.id}/files?doc_type=${t}&file_name=${t}.pdf`,
      pdfBytes(t));
    assert.equal(u.status, 201, JSON.stringify(u.data));
  }
  const filed = await operator.post(`${base}/applications/${taken.data.id}/filing`, { consent_personal_data: true });
  assert.equal(filed.status, 200, JSON.stringify(filed.data));
  assert.equal(filed.data.state, 'submitted');
  assert.equal(filed.data.data.filing.intake, 'operator_scans');
  // The district's LEB sees it in its inbox; another employer does not see it at all.
  assert.equal((await officer.get(`/api/v1/cases/${taken.data.id}`)).status, 200);
  assert.equal((await outsider.get(`/api/v1/cases/${taken.data.id}`)).status, 404);
  // The front office lists the applications it took (it is their party), and the police nothing of them.
  const desk = await operator.get('/api/v1/cases');
  assert.equal(desk.status, 200, JSON.stringify(desk.data));
  assert.ok(desk.data.cases.some((c) => c.id === taken.data.id));
  assert.ok(!(await police.get('/api/v1/cases')).data.cases.some((c) => c.id === taken.data.id));
});

test('LI-2: a labour immigrant works in the household of an individual employer; a company offers no agreement and no vacancy', async () => {
  const offer = await outsider.post(`${base}/agreements`, { immigrant: 'karimov.b', profession: 'домработница',
    wage_tenge: 250000, months: 6, workplace });
  assert.equal(offer.status, 403, JSON.stringify(offer.data));
  assert.equal(offer.headers.get('content-type'), 'application/problem+json');
  assert.ok(offer.data.rule_ids.includes('LI-2'), JSON.stringify(offer.data));
  const vacancy = await outsider.post(`${base}/vacancies`, { profession: 'садовник', wage_tenge: 210000, months: 6,
    workplace });
  assert.equal(vacancy.status, 403, JSON.stringify(vacancy.data));
  assert.ok(vacancy.data.rule_ids.includes('LI-2'), JSON.stringify(vacancy.data));
  // The household may (the same request from an individual employer is accepted).
  assert.equal((await aigerim.post(`${base}/agreements`, { immigrant: 'karimov.b', profession: 'домработница',
    wage_tenge: 250000, months: 6, workplace })).status, 201);
});

test('LI-9 LI-10 I-54: the immigrant keeps the account data; a household finds immigrants abroad only 15 days after publishing', async () => {
  // LI-9: the account data, made once and then updated in place; the passport never reaches an employer.
  const before = await toktogulov.get(`${base}/profile`);
  assert.equal(before.status, 404);
  assert.equal(before.data.code, 'li.profile_none');
  const body = { passport: { ...passport('Токтогулов', 'Азамат', 'KG', 'AC3456789', iin.toktogulov),
    qualification: 'Садовник' }, skills: 'сад, огород, полив', experience_years: 5, visible_to_employers: true };
  const made = await toktogulov.post(`${base}/profile`, body);
  assert.equal(made.status, 201, JSON.stringify(made.data));
  const updated = await toktogulov.post(`${base}/profile`, { ...body, experience_years: 6 });
  assert.equal(updated.status, 200);
  assert.equal(updated.data.id, made.data.id);
  assert.equal(updated.data.data.profile.experience_years, 6);
  const bad = await toktogulov.post(`${base}/profile`, { ...body, experience_years: 99 });
  assert.deepEqual([bad.status, bad.data.field], [400, 'experience_years']);

  // LI-10, I-54: a vacancy published today may not be searched abroad yet.
  const vacancy = await aigerim.post(`${base}/vacancies`, { profession: 'садовник', wage_tenge: 210000, months: 6,
    workplace });
  assert.equal(vacancy.status, 201, JSON.stringify(vacancy.data));
  assert.equal(vacancy.data.data.vacancy.search_from, '2026-12-02');
  const early = await aigerim.get(`${base}/vacancies/${vacancy.data.id}/candidates`);
  assert.equal(early.status, 409);
  assert.equal(early.data.code, 'li.search_too_early');
  assert.ok(early.data.rule_ids.includes('LI-10'), JSON.stringify(early.data));
  // The demo's vacancy was published three weeks ago: its search is open, and shows only those who allow it.
  const mine = await aigerim.get('/api/v1/cases?service=LI');
  const old = mine.data.cases.find((c) => c.kind === 'vacancy' && c.id !== vacancy.data.id);
  assert.ok(old, 'the demo vacancy');
  const found = await aigerim.get(`${base}/vacancies/${old.id}/candidates`);
  assert.equal(found.status, 200, JSON.stringify(found.data));
  const names = found.data.candidates.map((c) => c.name);
  assert.ok(names.some((n) => n.startsWith('Рахимов')), names.join(', '));
  assert.ok(names.some((n) => n.startsWith('Токтогулов')), names.join(', '));
  assert.ok(!names.some((n) => n.startsWith('Каримов')), 'Karimov did not allow employers to find him');
  assert.ok(found.data.candidates.every((c) => c.passport_number === undefined));
  const filtered = await aigerim.get(`${base}/vacancies/${old.id}/candidates?text=${encodeURIComponent('сад')}`);
  assert.deepEqual(filtered.data.candidates.map((c) => c.name), ['Токтогулов Азамат']);
  // Any case, by the beginning of a word, every word of the query: "САДОВ ПОЛИВ" finds the gardener who waters.
  const search = async (text) => (await aigerim.get(`${base}/vacancies/${old.id}/candidates?text=${encodeURIComponent(text)}`))
    .data.candidates.map((c) => c.name);
  assert.deepEqual(await search('САДОВ ПОЛИВ'), ['Токтогулов Азамат']);
  assert.deepEqual(await search('садовод'), []);
  assert.deepEqual(await search('сад уборка'), []);
  // Another household's vacancy is not there for it.
  assert.equal((await outsider.get(`${base}/vacancies/${old.id}/candidates`)).status, 404);
  // Taken down, the profile is found no more.
  const down = await toktogulov.post(`${base}/profile/${made.data.id}/withdrawal`);
  assert.equal(down.data.state, 'withdrawn');
  const after = await aigerim.get(`${base}/vacancies/${old.id}/candidates`);
  assert.ok(!after.data.candidates.some((c) => c.name.startsWith('Токтогулов')));
});

test('LI-28 I-52 LI-A6: the household tells the LEB the contract ended; the permit ends and the notice is a PDF', async () => {
  const { filed } = await filedOnline(rakhimov, 'rakhimov',
    passport('Рахимов', 'Жасур', 'UZ', 'FA1234568', iin.rakhimov));
  await recheckUntilPolice(filed.id);
  const issued = await officer.post(`${base}/applications/${filed.id}/decision`, { outcome: 'issue', grounds: [] });
  assert.equal(issued.data.state, 'issued', JSON.stringify(issued.data));
  const future = await aigerim.post(`${base}/applications/${filed.id}/termination`, { terminated_on: '2026-12-31' });
  assert.deepEqual([future.status, future.data.code, future.data.field], [400, 'li.termination_in_future', 'terminated_on']);
  // Only the household named may give the notice.
  assert.equal((await rakhimov.post(`${base}/applications/${filed.id}/termination`, { terminated_on: '2026-11-16' })).status, 403);
  const ended = await aigerim.post(`${base}/applications/${filed.id}/termination`, { terminated_on: '2026-11-16' });
  assert.equal(ended.status, 200, JSON.stringify(ended.data));
  assert.equal(ended.data.state, 'ended');
  assert.equal(ended.data.permit.status, 'ended');
  // LI-28: within 2 wd of the contract's end — by Wednesday 18 November; given the same day, not late.
  assert.match(ended.data.data.termination.due_at, /^2026-11-18T/);
  assert.equal(ended.data.data.termination.late, false);
  const pdf = await aigerim.get(`${base}/applications/${filed.id}/termination.pdf`);
  assert.ok(isPdf(pdf));
  assert.match(await pdfText(pdf.data, 'li-termination'), new RegExp(issued.data.permit.number));
});

test('LI-29 LI-30: the LEB registers the household\'s labour contract read from ЕСУТД; ЕСУТД silent changes nothing', async () => {
  const { filed } = await filedOnline(rakhimov, 'rakhimov',
    passport('Рахимов', 'Жасур', 'UZ', 'FA1234568', iin.rakhimov));
  const id = filed.id;
  // Only on an issued permit (the workflow table): not while it is being checked.
  const early = await officer.post(`${base}/applications/${id}/contract`, {});
  assert.deepEqual([early.status, early.data.code], [409, 'case.wrong_state']);
  await recheckUntilPolice(id);
  const issued = await officer.post(`${base}/applications/${id}/decision`, { outcome: 'issue', grounds: [] });
  assert.equal(issued.data.state, 'issued', JSON.stringify(issued.data));
  // The LEB's command, not the household's; the source is ЕСУТД or hr.enbek.kz.
  assert.equal((await aigerim.post(`${base}/applications/${id}/contract`, {})).status, 403);
  const bad = await officer.post(`${base}/applications/${id}/contract`, { source: 'fax' });
  assert.deepEqual([bad.status, bad.data.code, bad.data.field], [400, 'li.contract_source', 'source']);
  // A number the household never entered: ЕСУТД has no such contract with him (LI-29).
  const unknown = await officer.post(`${base}/applications/${id}/contract`, { contract_number: 'ТД-0' });
  assert.deepEqual([unknown.status, unknown.data.code], [409, 'li.contract_not_in_esutd']);
  assert.ok(unknown.data.rule_ids.includes('LI-29'), JSON.stringify(unknown.data));

  // ЕСУТД down: 503, the case as it was; up again, the officer's retry registers it.
  assert.ok((await sim.admin('PUT', 'faults/labour_contracts', { error_rate: 1 })).status < 300);
  const down = await officer.post(`${base}/applications/${id}/contract`, {});
  assert.deepEqual([down.status, down.data.code], [503, 'li.esutd_unavailable']);
  const still = await officer.get(`/api/v1/cases/${id}`);
  assert.equal(still.data.version, issued.data.version);
  assert.equal(still.data.data.contract, undefined);
  assert.ok((await sim.admin('DELETE', 'faults/labour_contracts')).status < 300);
  let registered;
  for (let i = 0; i < 80; ++i) {  // the gateway's circuit may stay open for a while
    registered = await officer.post(`${base}/applications/${id}/contract`, {});
    if (registered.status !== 503) break;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  assert.equal(registered.status, 200, JSON.stringify(registered.data));
  assert.equal(registered.data.state, 'issued');
  // The simulator's contract of Aigerim with him (sim/demo_data.cpp): begun the day before, concluded 3 days
  // before that, 5 months — concluded before the permit, which the registration shows, never refuses.
  const k = registered.data.data.contract;
  assert.match(k.number, /^ТД-/);
  assert.deepEqual([k.source, k.concluded_on, k.start_date, k.end_date, k.registered_on],
    ['esutd', '2026-11-12', '2026-11-15', '2027-04-15', '2026-11-16']);
  assert.deepEqual(k.warnings, ['li.contract.concluded_before_permit']);
  assert.deepEqual(k.rule_ids, ['LI-29', 'LI-30']);
  // The immigrant sees it on the case, and its step on the timeline with its rules.
  const seen = await rakhimov.get(`/api/v1/cases/${id}`);
  assert.equal(seen.data.data.contract.number, k.number);
  const step = seen.data.timeline.at(-1);
  assert.deepEqual([step.command, step.rule_ids], ['register_contract', ['LI-29', 'LI-30']]);

  // Concluded on hr.enbek.kz instead: the officer enters the number and the day from the contract.
  const noNumber = await officer.post(`${base}/applications/${id}/contract`, { source: 'hr.enbek.kz' });
  assert.deepEqual([noNumber.status, noNumber.data.field], [400, 'contract_number']);
  const byHand = await officer.post(`${base}/applications/${id}/contract`,
    { source: 'hr.enbek.kz', contract_number: 'HR-2026-0007', concluded_on: '2026-11-16', end_date: '2027-05-15' });
  assert.equal(byHand.status, 200, JSON.stringify(byHand.data));
  assert.deepEqual([byHand.data.data.contract.source, byHand.data.data.contract.start_date, byHand.data.data.contract.warnings],
    ['hr.enbek.kz', '2026-11-16', []]);
});
