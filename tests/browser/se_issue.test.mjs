// The whole SE issue path in a browser, without JavaScript of our own: the foreigner applies, the LEB
// officer refers, the Commission scores, recommends and signs, the LEB head decides, the foreigner
// downloads the certificate and the public verifies it. Every page is audited with axe-core. The server
// and its demo data are as of Monday 1 June 2026 (a working day: filing registers the same day).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { artifacts, audit, launch, pdf, submit, tick, visit } from './helpers.mjs';

let browser;
before(async () => { browser = await launch('en-US', { at: '2026-06-01T10:00' }); });
after(async () => { await browser?.close(); });

const holder = 'Wang Fang';
const passport = 'EG5566778';
const members = ['commission1.astana', 'commission2.astana', 'commission3.astana'];
let caseUrl;
let verifyHref;

test('SE-A1 SE-A2.0 SE-A2.8 SE-3 SE-5 SE-A2.3: the foreigner applies, uploads the documents, signs and files', async () => {
  const page = await browser.as('chen');
  assert.match(page.url(), /\/cabinet$/);
  await Promise.all([page.waitForNavigation(), page.click('a[href="/cabinet/new?kind=issue"]')]);
  await audit(page, 'new application form');

  // SE-A1: a required field left empty is reported next to it and in the error summary.
  await page.selectOption('#f-region', '710000000');
  await page.selectOption('#f-profession-code', { index: 1 });
  await page.fill('#f-applicant-full-name', holder);
  await page.fill('#f-applicant-passport-number', passport);
  await page.selectOption('#f-applicant-citizenship', 'CN');
  await page.fill('#f-applicant-iin', '910823300123');  // SE-A2.10
  await tick(page, 'f-self-assessment-higher-education');
  await tick(page, 'f-self-assessment-academic-degree');
  await page.fill('#f-self-assessment-experience-years', '12');
  await submit(page, 'form[action="/cabinet/new"]', 'new application with an error');
  await assert.doesNotReject(page.waitForSelector('#error-summary a[href="#f-applicant-phone"]'));
  assert.ok(await page.isVisible('#f-applicant-phone-error'));
  assert.equal(await page.inputValue('#f-applicant-passport-number'), passport);

  await page.fill('#f-applicant-phone', '+7 702 111 22 33');
  await submit(page, 'form[action="/cabinet/new"]', 'draft case page');
  assert.match(page.url(), /\/cases\/SE-\d{4}-\d+/);
  caseUrl = new URL(page.url()).pathname;

  // SE-A2.8: one scan per checklist item (the education documents satisfy the education-or-English group).
  for (const doc of ['application', 'identity_document', 'education_documents_translation', 'employment_record_copy']) {
    await page.selectOption('#f-upload-doc-type', doc);
    await page.setInputFiles('#f-upload-file', { name: `${doc}.pdf`, mimeType: 'application/pdf', buffer: pdf(doc) });
    await submit(page, 'form[action$="/files"]', `after uploading ${doc}`);
    assert.equal(await page.locator('.flis-checklist__item.is-provided').count() > 0, true);
  }
  await page.screenshot({ path: join(artifacts, 'case-draft.png'), fullPage: true });

  // SE-A1: filing needs the consent to personal data processing.
  await submit(page, 'form[action$="/file"]', 'filing without consent');
  assert.ok(await page.isVisible('#f-file-consent-personal-data-error'));
  await tick(page, 'f-file-consent-personal-data');
  await submit(page, 'form[action$="/file"]', 'filed case page');
  assert.equal((await page.textContent('[data-testid=state]')).trim(), 'Application accepted');  // SE-5
  assert.match(await page.textContent('.flis-case-summary'), /SE-A2\.3/);
  assert.match(await page.textContent('.flis-case-summary'), /SE-7/);

  await visit(page, '/cabinet', 'cabinet with the filed case');
  assert.ok(await page.isVisible(`a[href="${caseUrl}"]`));
});

test('SE-7: the LEB officer of the region sees the case in the inbox (in Kazakh) and refers it to the Commission', async () => {
  const page = await browser.as('officer.astana');
  assert.match(page.url(), /\/inbox$/);
  await Promise.all([page.waitForNavigation(), page.click('a[lang="kk"]')]);
  await audit(page, 'inbox in Kazakh');
  assert.equal(await page.getAttribute('html', 'lang'), 'kk');
  await Promise.all([page.waitForNavigation(), page.click(`a[href="${caseUrl}"]`)]);
  await audit(page, 'case page for the officer');
  await submit(page, 'form[action$="/refer"]', 'case referred');
  assert.equal((await page.textContent('[data-testid=state]')).trim(), 'Комиссияда');
});

test('SE-9 SE-10 I-12: each Commission member scores the application', async () => {
  for (const login of members) {
    const page = await browser.as(login);
    await visit(page, caseUrl, `case page for ${login}`);
    await tick(page, 'f-score-higher-education');
    await tick(page, 'f-score-academic-degree');
    await page.fill('#f-score-experience-years', '12');
    await submit(page, 'form[action$="/score"]', `scored by ${login}`);
    assert.equal((await page.textContent('[data-testid=my-score]')).trim(), '13');  // 3 + 4 + 6
  }
});

test('SE-8 SE-9 SE-A2.9: one member records the recommendation with the members present; they sign the minutes', async () => {
  let page = await browser.as(members[0]);
  await visit(page, caseUrl, 'case page before the recommendation');
  // Only the SE-A2.9 grounds are offered (I-18).
  const grounds = await page.$$eval('#f-recommend-ground option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(grounds, ['profession_mismatch', 'score_below_threshold', 'false_documents']);
  for (const n of [1, 2, 3]) await tick(page, `f-recommend-present-${n}`);
  await tick(page, 'f-recommend-criteria-higher-education');
  await tick(page, 'f-recommend-criteria-academic-degree');
  await page.fill('#f-recommend-criteria-experience-years', '12');
  await submit(page, 'form[action$="/recommend"]', 'recommendation recorded');
  for (const login of members) {
    page = await browser.as(login);
    await visit(page, caseUrl, `minutes for ${login}`);
    await submit(page, 'form[action$="/sign-minutes"]', `minutes signed by ${login}`);
  }
  assert.match(await page.textContent('[data-testid=state]'), /решения|decision|шешім/i);
});

test('SE-11 SE-13 SE-15: the LEB head decides to issue; the foreigner downloads the certificate PDF', async () => {
  let page = await browser.as('head.astana');
  await visit(page, caseUrl, 'case page for the head');
  await submit(page, 'form[action$="/decide"]', 'decision made');
  assert.ok(await page.isVisible('[data-testid=certificate-link]'));

  page = await browser.as('chen');
  await visit(page, caseUrl, 'issued case for the foreigner');
  assert.equal((await page.textContent('[data-testid=state]')).trim(), 'Certificate issued');
  await page.screenshot({ path: join(artifacts, 'case-issued.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=certificate-link]')]);
  const file = await download.path();
  assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
  verifyHref = await page.getAttribute('a[href^="/verify/"]', 'href');
  assert.ok(verifyHref);
});

test('SE-14 SE-A3: public verification through the QR link shows valid, the holder and the profession only', async () => {
  const page = await browser.as(null);
  await visit(page, verifyHref, 'public verification');
  assert.equal((await page.textContent('[data-testid=status]')).trim(), 'Valid');
  assert.equal((await page.textContent('[data-testid=holder]')).trim(), holder);
  assert.ok((await page.textContent('[data-testid=profession]')).trim().length > 0);
  const text = await page.textContent('main');
  assert.ok(!text.includes(passport), 'no passport number on the public page');
  assert.ok(!text.includes(caseUrl.split('/').pop()), 'no case number on the public page');
  await page.screenshot({ path: join(artifacts, 'verify.png'), fullPage: true });
});
