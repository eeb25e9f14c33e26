// A labour immigrant's permit in the browser (issue 12), against a registry simulator of its own: the
// household employer offers the agreement of intent on its form (an error at its field first; LI-11,
// LI-A3); the immigrant opens it from the cabinet by its number, signs it with the passport data (a quota
// place held, LI-12, I-16), applies, attaches the scans and signs; the employer signs the application and
// the immigrant files it (LI-5, LI-13, I-41); the district's officer asks the police again until they answer
// and issues (LI-7, LI-16, LI-18), then registers the labour contract from ЕСУТД (LI-29, LI-30); the permit
// downloads from the immigrant's cabinet (LI-A5). The operator's desk takes an application with its scans in
// one form, its first field focused (LI-5, PG-5.2), then refuses an incomplete one with the receipt (LI-17,
// LI-A4). Every page is audited with axe-core. As of Monday
// 16 November 2026.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signIn as apiSignIn, startSim, validIin } from '../http/server.mjs';
import { audit, baseUrl, fillRakhimovPassport, launch, pdf, submit, tick, visit } from './helpers.mjs';

const at = '2026-11-16T10:00';
const alatau = '751210000';
const aigerimIin = validIin('850715', '4', 41);
let sim, browser, agreementUrl, applicationUrl;

before(async () => {
  sim = await startSim({ at });
  browser = await launch('en-US', { at, args: ['--registry-url', sim.url, '--job-period', '1'] });
});
after(async () => {
  await browser?.close();
  await sim?.stop();
});

test('LI-11 LI-A3: the household offers the agreement of intent; an error is shown at its field', async () => {
  const page = await browser.as('employer.aigerim');
  await Promise.all([page.waitForNavigation(), page.click('a[href="/labour-immigrants/agreements/new"]')]);
  await audit(page, 'LI agreement form');
  await page.fill('#f-immigrant', 'rakhimov');
  await page.fill('#f-profession', 'няня');
  await page.fill('#f-wage-tenge', '250000');
  await page.fill('#f-months', '13');
  await page.fill('#f-workplace-work-address', 'ул. Рыскулова, 12');
  await page.selectOption('#f-workplace-district', alatau);
  await page.fill('#f-workplace-cadastral-number', '20:321:045:118');
  await page.fill('#f-workplace-phone', '+77010000000');
  await submit(page, 'form[action="/labour-immigrants/agreements/new"]', 'LI agreement with an error');
  assert.ok(await page.isVisible('#f-months-error'));
  assert.equal(await page.inputValue('#f-profession'), 'няня');
  await page.fill('#f-months', '6');
  await submit(page, 'form[action="/labour-immigrants/agreements/new"]', 'LI agreement offered');
  assert.match(page.url(), /\/cases\/[^/?]+\?done=created/);
  agreementUrl = new URL(page.url()).pathname;
  assert.match(await page.textContent('main'), /Offered, waiting for the immigrant's signature/);
});

test('LI-12 LI-13 I-16 LI-A2.8: the immigrant opens it by number, signs, applies, attaches the scans and signs', async () => {
  const page = await browser.as('rakhimov');
  await Promise.all([page.waitForNavigation(), page.click('a[href="/labour-immigrants/cabinet"]')]);
  await audit(page, 'LI cabinet, empty');
  await page.fill('#f-agreement', 'LIA-0000-000000');
  await submit(page, 'form[action="/labour-immigrants/cabinet"][method=get]', 'LI cabinet, unknown agreement');
  assert.ok(await page.isVisible('#f-agreement-error'));
  await page.fill('#f-agreement', agreementUrl.split('/').pop());
  await submit(page, 'form[action="/labour-immigrants/cabinet"][method=get]', 'LI agreement for the immigrant');
  assert.equal(new URL(page.url()).pathname, agreementUrl);
  await fillRakhimovPassport(page, 'f-li-sign-agreement-immigrant-');
  await submit(page, 'form[action$="/li/sign-agreement"]', 'LI agreement signed');
  assert.match(await page.textContent('main'), /Signed: quota unit held/);
  assert.match(await page.textContent('main'), /Quota place held until/);
  await page.fill('#f-li-apply-medical-certificate-on', '2026-10-01');
  await page.fill('#f-li-apply-border-crossed-on', '2026-11-02');
  await submit(page, 'form[action$="/li/apply"]', 'LI application draft');
  applicationUrl = new URL(page.url()).pathname;
  assert.notEqual(applicationUrl, agreementUrl);
  for (const doc of ['passport', 'medical_certificate']) {
    await page.selectOption('#f-li-upload-doc-type', doc);
    await page.setInputFiles('#f-li-upload-file', { name: `${doc}.pdf`, mimeType: 'application/pdf', buffer: pdf(doc) });
    await submit(page, 'form[action$="/li/files"]', `LI after uploading ${doc}`);
  }
  assert.equal(await page.locator('[data-testid=li-files] li').count(), 2);
  await submit(page, 'form[action$="/li/sign"]', 'LI application signed by the immigrant');
  assert.equal(await page.locator('form[action$="/li/sign"]').count(), 0);
});

test('LI-5 I-41 LI-8 LI-A2.10 LI-7 LI-16 LI-18 LI-A5 LI-A2.5 LI-29 LI-30: both sign, it is filed (the cabinet says when the result is due), the officer issues and registers the labour contract, the permit downloads', async () => {
  let page = await browser.as('employer.aigerim');
  await visit(page, applicationUrl, 'LI application for the employer');
  await submit(page, 'form[action$="/li/sign"]', 'LI application signed by the employer');
  page = await browser.as('rakhimov');
  await visit(page, applicationUrl, 'LI application ready to file');
  await tick(page, 'f-li-file-consent-personal-data');
  await submit(page, 'form[action$="/li/file"]', 'LI application filed');
  assert.match(await page.textContent('main'), /Accepted, being checked/);
  assert.match(await page.textContent('[data-testid=li-checks]'), /Passport data/);
  // LI-8, LI-A2.10: the cabinet shows the application accepted and when the result will be ready (2 wd).
  await visit(page, '/labour-immigrants/cabinet', 'LI cabinet with the application accepted');
  const row = await page.textContent(`[data-testid=li-cabinet-cases] tr:has(a[href="${applicationUrl}"])`);
  assert.match(row, /Accepted, being checked/);
  assert.match(row, /18\.11\.2026 18:30/);

  page = await browser.as('officer.alatau');
  await visit(page, applicationUrl, 'LI application for the officer');
  for (let i = 0; i < 40 && !/agreed/.test(await page.textContent('[data-testid=li-police]')); ++i) {
    await new Promise((ok) => setTimeout(ok, 500));
    await submit(page, 'form[action$="/li/recheck"]', 'LI rechecked');
  }
  assert.match(await page.textContent('[data-testid=li-police]'), /agreed/);
  await submit(page, 'form[action$="/li/decide"]', 'LI permit issued');
  assert.match(await page.textContent('[data-testid=li-decision]'), /Issue the permit/);
  assert.match(await page.textContent('[data-testid=li-permit]'), /16\.11\.2026 — 15\.05\.2027/);
  // LI-29, LI-30: the officer registers the household's labour contract, read from ЕСУТД (the simulator's,
  // concluded before the permit: shown as a warning, registered all the same).
  await submit(page, 'form[action$="/li/contract"]', 'LI labour contract registered');
  assert.match(await page.textContent('[data-testid=li-contract-number]'), /^ТД-/);
  assert.match(await page.textContent('[data-testid=li-contract-warnings]'), /Concluded before the permit/);

  page = await browser.as('rakhimov');
  await visit(page, '/labour-immigrants/cabinet', 'LI cabinet with the permit');
  assert.match(await page.textContent('[data-testid=li-cabinet-permits]'), /You can extend from 15\.04\.2027 to 10\.05\.2027/);
  const href = await page.getAttribute('[data-testid=li-cabinet-permits] a', 'href');
  const permit = await page.request.get(new URL(href, baseUrl).href);
  assert.equal(permit.status(), 200);
  assert.equal((await permit.body()).subarray(0, 5).toString(), '%PDF-');
  assert.match(permit.headers()['x-permit-qr'], /\/verify\/.+#.+\..+/);
});

test('LI-5 PG-5.2 LI-17 LI-A4: the desk takes an application with its scans in one form, then refuses one', async () => {
  const page = await browser.as('operator.almaty');
  await Promise.all([page.waitForNavigation(), page.click('a[href="/labour-immigrants/desk"]')]);
  await audit(page, 'LI operator desk');
  // The first field has the focus: the operator types at once.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-immigrant-surname');
  await fillRakhimovPassport(page, 'f-immigrant-');
  await page.fill('#f-immigrant-given-name', 'Малика');
  await page.fill('#f-immigrant-surname', 'Сафарова');
  await page.fill('#f-immigrant-iin', validIin('941105', '4', 52));
  await page.selectOption('#f-immigrant-citizenship', 'TJ');
  await page.fill('#f-immigrant-passport-number', '400123456');
  await page.fill('#f-requested-months', '3');
  await page.fill('#f-employer-iin', aigerimIin);
  await page.fill('#f-employer-name', 'Жумабаева Айгерим Сериковна');
  await page.fill('#f-workplace-work-address', 'ул. Рыскулова, 12');
  await page.selectOption('#f-workplace-district', alatau);
  await page.fill('#f-workplace-cadastral-number', '20:321:045:118');
  await page.fill('#f-workplace-phone', '+77010000000');
  await page.fill('#f-medical-certificate-on', '2026-10-01');
  await page.fill('#f-border-crossed-on', '2026-11-02');
  await page.setInputFiles('#f-scan-passport', { name: 'passport.pdf', mimeType: 'application/pdf', buffer: pdf('passport') });
  await tick(page, 'f-consent-personal-data');
  await submit(page, 'form[action="/labour-immigrants/desk"]', 'LI taken at the desk');
  assert.match(page.url(), /\?done=li_taken/);
  assert.equal(await page.locator('[data-testid=li-files] li').count(), 1);
  // The medical certificate is missing: the receipt names it.
  const missing = await page.getAttribute('#f-li-refuse-intake-missing input[value="medical_certificate"]', 'id');
  await tick(page, missing);
  await submit(page, 'form[action$="/li/refuse-intake"]', 'LI intake refused');
  assert.match(await page.textContent('main'), /Not accepted at the front office/);
  const href = await page.getAttribute('[data-testid=li-documents] a', 'href');
  const receipt = await page.request.get(new URL(href, baseUrl).href);
  assert.equal(receipt.status(), 200);
  assert.equal(receipt.headers()['content-type'], 'application/pdf');
  await audit(page, 'LI intake refused with the receipt');
});

test('LI-9 LI-10 I-54: the immigrant edits the account data; the household finds him from its vacancy and offers', async () => {
  let page = await browser.as('safarova');
  await Promise.all([page.waitForNavigation(), page.click('a[href="/labour-immigrants/profile"]')]);
  await audit(page, 'LI profile form, filled from the saved data');
  assert.equal(await page.inputValue('#f-passport-surname'), 'Сафарова');
  await page.fill('#f-experience-years', '5');
  await submit(page, 'form[action="/labour-immigrants/profile"]', 'LI profile saved');
  assert.match(page.url(), /done=li_profile_saved/);

  const api = await apiSignIn(baseUrl, 'employer.aigerim');
  const vacancy = (await api.get('/api/v1/cases?service=LI')).data.cases.find((c) => c.kind === 'vacancy');
  page = await browser.as('employer.aigerim');
  await visit(page, `/cases/${vacancy.id}`, 'LI vacancy with the search open');
  const table = await page.textContent('[data-testid=li-candidates]');
  assert.match(table, /Сафарова Малика/);
  assert.doesNotMatch(table, /Каримов/);
  await Promise.all([page.waitForNavigation(),
    page.click('[data-testid=li-candidates] tr:has-text("Сафарова") a')]);
  await audit(page, 'LI agreement form filled from the candidate');
  assert.equal(await page.inputValue('#f-immigrant'), 'u-li-safarova');
  assert.equal(await page.inputValue('#f-profession'), 'сиделка');
});
