// An employer permit in the browser (issue 11), against a registry simulator of its own: the public fee
// calculator; the employer's application typed into the new-application form (an error shown at its field
// first), its documents uploaded and the application filed on the case page (EP-A2.8, EP-3, EP-7.1), the automated checks shown (EP-10); the LEB
// head decides to issue with the fee per region (EP-53.1, EP-22.1, EP-A2.6) and the notice (Appendix 4)
// downloads; the fee paid at a bank (the simulator's revenue records) and confirmed from the page (EP-7.3,
// I-26); the permit (Appendix 1) downloads. Every page is audited with axe-core. As of Monday 1 June 2026.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { almaty, bin, pdfBytes, signIn as apiSignIn, startSim } from '../http/server.mjs';
import { epBase, epDraft, epIssueDocuments, epWorker, filedApplication, ksmBin } from '../http/ep_fixtures.mjs';
import { audit, baseUrl, launch, pdf, submit, tick, visit } from './helpers.mjs';

const at = '2026-06-01T10:00';
let sim, browser, caseUrl;

before(async () => {
  sim = await startSim({ at });
  browser = await launch('en-US', { at, args: ['--registry-url', sim.url] });
});
after(async () => {
  await browser?.close();
  await sim?.stop();
});

test('EP-22.1 EP-22.2 I-23: the public fee calculator gives the fee per region', async () => {
  const page = await browser.as(null);
  await visit(page, '/', 'home page with the EP links');
  await Promise.all([page.waitForNavigation(), page.click('a[href="/employer-permits/fee"]')]);
  await audit(page, 'EP fee calculator');
  await page.selectOption('#f-category', '3');
  await page.selectOption('#f-oked-section', 'F');
  for (const kato of [almaty, '710000000']) {
    const id = await page.getAttribute(`input[name=regions][value="${kato}"]`, 'id');
    await tick(page, id);
  }
  await page.fill('#f-decision-date', '2026-06-01');
  await submit(page, 'form[action="/employer-permits/fee"]', 'EP fee calculated');
  // Construction (sector group C), category 3 in 2026: 224 MRP to each of the two regions (I-23).
  assert.match(await page.textContent('[data-testid=ep-fee-total]'), /448 MCI = 1937600 ₸/);
  // A region left out is reported at the field.
  await visit(page, '/employer-permits/fee?sub_service=issue&category=3&oked_section=F&decision_date=2026-06-01&calculate=1',
    'EP fee without regions');
  assert.ok(await page.isVisible('#error-summary'));
});

test('EP-A2.8 EP-3 EP-10: the employer fills the form, uploads the documents and files; the checks are shown', async () => {
  const page = await browser.as('employer.ksm');
  await Promise.all([page.waitForNavigation(), page.click('a[href="/employer-permits/new"]')]);
  await audit(page, 'EP new application form');
  await page.selectOption('#f-kind', 'issue');
  await page.selectOption('#f-category', 'category_3');
  await page.fill('#f-employer-bin', ksmBin);
  await page.selectOption('#f-oked-section', 'F');
  await page.selectOption('#f-regions', almaty);
  await page.fill('#f-vacancy-code', 'ЭБТ-2026-70103');
  const w = (name) => `#f-workers-0--${name.replace(/_/g, '-')}`;
  for (const name of ['surname', 'given_name', 'patronymic', 'passport_number', 'passport_issuer', 'education'])
    await page.fill(w(name), epWorker[name]);
  await page.fill(w('birth_date'), epWorker.birth_date);
  await page.fill(w('passport_issued_on'), epWorker.passport_issued_on);
  for (const name of ['citizenship', 'residence_country', 'departure_country']) await page.selectOption(w(name), 'UZ');
  await page.fill(w('experience_years'), String(epWorker.experience_years));
  // The occupation left out: reported at its field, what was typed kept.
  await submit(page, 'form[action="/employer-permits/new"]', 'EP new application with an error');
  assert.ok(await page.isVisible(`${w('occupation_code')}-error`));
  assert.equal(await page.inputValue(w('surname')), epWorker.surname);
  await page.selectOption(w('occupation_code'), epWorker.occupation_code);
  // The pre-check first: every rule filing would apply, shown above the form, nothing saved.
  await Promise.all([page.waitForNavigation(), page.click('[data-testid=ep-pre-check-submit]')]);
  await audit(page, 'EP pre-check on the form');
  assert.match(await page.textContent('[data-testid=ep-pre-check]'), /Documents to attach/);
  assert.match(await page.textContent('[data-testid=ep-pre-check]'), /Education documents/);
  assert.ok(await page.isVisible('[data-testid=ep-pre-check] [data-testid=ep-checks]'));
  assert.match(await page.textContent('[data-testid=ep-pre-check-quota]'), /category_3/);
  assert.equal(await page.inputValue(w('surname')), epWorker.surname); // the form is kept as typed
  await submit(page, 'form[action="/employer-permits/new"]', 'EP draft case page');
  assert.match(page.url(), /\/cases\/[^/?]+\?done=created/);
  caseUrl = new URL(page.url()).pathname;
  assert.match(await page.textContent('[data-testid=ep-workers]'), /Karimov Bekzod Alisherovich/);
  // Filing without the documents is refused at the form.
  await tick(page, 'f-ep-file-consent-personal-data');
  await submit(page, 'form[action$="/ep/file"]', 'filing without documents');
  assert.ok(await page.isVisible('.usa-alert--error, #error-summary'));
  for (const doc of epIssueDocuments) {
    await page.selectOption('#f-ep-upload-doc-type', doc);
    await page.setInputFiles('#f-ep-upload-file', { name: `${doc}.pdf`, mimeType: 'application/pdf', buffer: pdf(doc) });
    await submit(page, 'form[action$="/ep/files"]', `after uploading ${doc}`);
  }
  assert.equal(await page.locator('.flis-checklist__item.is-provided').count(), epIssueDocuments.length);
  await tick(page, 'f-ep-file-consent-personal-data');
  await submit(page, 'form[action$="/ep/file"]', 'filed EP case page');
  const checks = await page.textContent('[data-testid=ep-checks]');
  assert.match(checks, /Vacancy at the labour exchange/);
  assert.match(checks, /ok/);
});

test('EP-53.1 EP-22.1 EP-A2.6: the head decides to issue; the fee per region and the notice are on the page', async () => {
  const page = await browser.as('head.almaty');
  await visit(page, caseUrl, 'EP case page for the head');
  await submit(page, 'form[action$="/ep/decide"]', 'EP decided');
  assert.match(await page.textContent('[data-testid=ep-decision]'), /Issue the permit/);
  assert.match(await page.textContent('[data-testid=ep-fee-total]'), /224 MCI = 968\u00a0800 ₸/);
  assert.match(await page.textContent('[data-testid=ep-fee-table]'), /Almaty/);
  const notice = await page.request.get(new URL(await page.getAttribute('[data-testid=ep-notice-pdf]', 'href'), baseUrl).href);
  assert.equal(notice.status(), 200);
  assert.equal(notice.headers()['content-type'], 'application/pdf');
  assert.equal((await notice.body()).subarray(0, 5).toString(), '%PDF-');
});

test('EP-7.3 I-26 I-8 EP-A2.5: paid at a bank, confirmed from the page, the permit downloads', async () => {
  const paid = await sim.admin('POST', 'records/revenue', {
    fee_payments: [{ payment_id: 'КГД-PP-9201', payer: ksmBin, region: almaty, amount_tiyn: 224 * 4325 * 100,
      paid_on: '2026-06-01', budget_code: '105302', purpose: 'Сбор за выдачу разрешения' }],
  });
  assert.equal(paid.status, 201);
  const page = await browser.as('employer.ksm');
  await visit(page, caseUrl, 'EP case awaiting the fee');
  await submit(page, 'form[action$="/ep/fee"]', 'EP permit issued');
  const permit = page.locator('[data-testid=ep-permit]');
  assert.match(await permit.textContent(), /01\.06\.2026 — 31\.05\.2027/);
  const href = await page.getAttribute('[data-testid=ep-permit-pdf]', 'href');
  const pdfResponse = await page.request.get(new URL(href, baseUrl).href);
  assert.equal(pdfResponse.status(), 200);
  assert.equal((await pdfResponse.body()).subarray(0, 5).toString(), '%PDF-');
  assert.match(pdfResponse.headers()['x-permit-qr'], /\/verify\/.+#.+\..+/);
  await audit(page, 'EP issued case page');
  // The permit's QR read off the page as a scanner would, checked offline with FLIS's published key.
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), 'flis-permit-'));
  writeFileSync(join(dir, 'permit.pdf'), await pdfResponse.body());
  await run('pdftoppm', ['-r', '150', '-png', '-singlefile', join(dir, 'permit.pdf'), join(dir, 'permit')]);
  const qr = (await run('zbarimg', ['--raw', '-q', join(dir, 'permit.png')])).stdout.trim();
  assert.equal(qr, pdfResponse.headers()['x-permit-qr']);
  const key = await page.request.get(new URL('/api/v1/verification-key', baseUrl).href);
  writeFileSync(join(dir, 'key.pem'), await key.text());
  const verified = await run(`${bin}/flis`, ['verify-permit', '--key', join(dir, 'key.pem'), qr]);
  assert.match(verified.stdout, /VALID/);
});

test('EP-18 I-29 I-23: a permit for two regions: Astana\'s LEB agrees in its inbox, the fee is due to each region', async () => {
  const ksm = await apiSignIn(baseUrl, 'employer.ksm');
  const draft = await ksm.post(epBase, { ...epDraft, regions: [almaty, '710000000'],
    workers: [{ ...epWorker, surname: 'Турсунов', passport_number: 'FA7070701' }] });
  assert.equal(draft.status, 201, JSON.stringify(draft.data));
  const id = draft.data.id;
  for (const { code } of draft.data.data.documents)
    assert.equal((await ksm.upload(`${epBase}/${id}/files?doc_type=${code}&file_name=${code}.pdf`, pdfBytes(code))).status, 201);
  const filed = await ksm.post(`${epBase}/${id}/filing`, { consent_personal_data: true });
  assert.equal(filed.status, 200, JSON.stringify(filed.data));

  let page = await browser.as('officer.almaty');
  await visit(page, `/cases/${id}`, 'EP two-region case for Almaty');
  await submit(page, 'form[action$="/ep/agreements"]', 'EP agreements requested');
  page = await browser.as('officer.astana');
  await visit(page, '/inbox', 'Astana inbox with the agreement');
  await Promise.all([page.waitForNavigation(), page.click(`a[href="/cases/${id}-A71"]`)]);
  await audit(page, 'EP agreement case for Astana');
  await submit(page, 'form[action$="/ep/answer"]', 'EP agreed by Astana');
  page = await browser.as('head.almaty');
  await visit(page, `/cases/${id}`, 'EP two-region case agreed');
  await submit(page, 'form[action$="/ep/decide"]', 'EP two-region decided');
  const fees = await page.textContent('[data-testid=ep-fee-table]');
  assert.match(fees, /Almaty/);
  assert.match(fees, /Astana/);
});

test('EP-12 I-19 EP-A2.9: the head refuses only after the hearing: preliminary decision, objections, refusal', async () => {
  const ksm = await apiSignIn(baseUrl, 'employer.ksm');
  const { id } = await filedApplication(ksm);
  const url = `/cases/${id}`;
  let page = await browser.as('head.almaty');
  await visit(page, url, 'EP case before the hearing');
  // The preliminary decision cites grounds of EP-A2.9 only, with its reasons.
  const ground = await page.getAttribute('#f-ep-preliminary-grounds input[value="EP-A2.9(1)"]', 'id');
  await tick(page, ground);
  await page.fill('#f-ep-preliminary-reasons', 'Диплом не подтверждён вузом');
  await submit(page, 'form[action$="/ep/preliminary"]', 'EP preliminary decision');
  assert.match(await page.textContent('[data-testid=ep-hearing-grounds]'), /EP-A2\.9\(1\)/);
  assert.equal(await page.locator('form[action$="/ep/decide"]').count(), 1);

  page = await browser.as('employer.ksm');
  await visit(page, url, 'EP hearing for the employer');
  const notice = await page.request.get(new URL(await page.getAttribute('[data-testid=ep-notice-pdf]', 'href'), baseUrl).href);
  assert.equal(notice.headers()['content-type'], 'application/pdf');
  await page.fill('#f-ep-objections-text', 'Диплом подтверждён, письмо вуза приложено');
  await submit(page, 'form[action$="/ep/objections"]', 'EP objections sent');
  assert.match(await page.textContent('[data-testid=ep-objections]'), /письмо вуза/);

  page = await browser.as('head.almaty');
  await visit(page, url, 'EP case after the objections');
  await page.click('label[for="f-ep-decide-issue-2"]');  // refuse
  await tick(page, await page.getAttribute('#f-ep-decide-grounds input[value="EP-A2.9(1)"]', 'id'));
  await page.fill('#f-ep-decide-reasons', 'Возражения рассмотрены, подлинность не подтверждена');
  await submit(page, 'form[action$="/ep/decide"]', 'EP refused after the hearing');
  assert.match(await page.textContent('[data-testid=ep-decision]'), /Refuse/);
});

test('an agency uploads a CSV of workers: a draft per client_key, each answered with its row and column', async () => {
  const page = await browser.as('employer.ksm');
  await visit(page, '/cabinet', 'cabinet with the upload link');
  await Promise.all([page.waitForNavigation(), page.click('a[href="/employer-permits/upload"]')]);
  await audit(page, 'EP CSV upload form');
  const template = await page.request.get(new URL('/employer-permits/upload/template.csv', baseUrl).href);
  const lines = (await template.text()).trim().split('\r\n');
  // The template's application, plus one whose second worker has no date of birth.
  const head = lines[0].split(',');
  const bad = lines[2].split(',');
  bad[head.indexOf('client_key')] = 'AG-2026-0002';
  bad[head.indexOf('birth_date')] = '';
  bad[head.indexOf('kind')] = 'issue';
  bad[head.indexOf('category')] = 'category_3';
  bad[head.indexOf('employer_bin')] = ksmBin;
  bad[head.indexOf('oked_section')] = 'F';
  bad[head.indexOf('regions')] = almaty;
  bad[head.indexOf('vacancy_code')] = 'ЭБТ-2026-70103';
  const csv = [...lines, bad.join(',')].join('\r\n') + '\r\n';
  await page.setInputFiles('#f-file', { name: 'agency.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await submit(page, 'form[action="/employer-permits/upload"]', 'EP CSV upload results');
  assert.match(await page.textContent('[data-testid=ep-upload-summary]'), /Saved: 1; already made: 0; refused: 1/);
  const results = await page.textContent('[data-testid=ep-upload-results]');
  assert.match(results, /AG-2026-0001/);
  assert.match(results, /row 4, column birth_date/);
  // The draft opens from the results.
  await Promise.all([page.waitForNavigation(), page.click('[data-testid=ep-upload-results] a[href^="/cases/EP-"]')]);
  assert.match(await page.textContent('h1'), /EP-/);
});
