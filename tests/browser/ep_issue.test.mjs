// An employer permit in the browser (issue 11), against a registry simulator of its own: the employer's
// draft (made through the API: the portal has no EP application form yet), its documents uploaded and the
// application filed on the case page (EP-A2.8, EP-3, EP-7.1), the automated checks shown (EP-10); the LEB
// head decides to issue with the fee per region (EP-53.1, EP-22.1, EP-A2.6) and the notice (Appendix 4)
// downloads; the fee paid at a bank (the simulator's revenue records) and confirmed from the page (EP-7.3,
// I-26); the permit (Appendix 1) downloads. Every page is audited with axe-core. As of Monday 1 June 2026.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { almaty, signIn as apiSignIn, startSim } from '../http/server.mjs';
import { epDraft, epBase, epIssueDocuments, ksmBin } from '../http/ep_fixtures.mjs';
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

test('EP-A2.8 EP-3 EP-10: the employer uploads the documents and files; the checks are shown', async () => {
  const ksm = await apiSignIn(baseUrl, 'employer.ksm');
  const draft = await ksm.post(epBase, epDraft);
  assert.equal(draft.status, 201, JSON.stringify(draft.data));
  caseUrl = `/cases/${draft.data.id}`;

  const page = await browser.as('employer.ksm');
  await visit(page, caseUrl, 'EP draft case page');
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
});
