// The State Corporation's front office during the e-government pilot (issue 12, act PG), in the browser,
// against a registry simulator of its own: with the portal working, an applicant who has a digital signature
// is sent to the self-service sector (PG-3, PG-5.1); the operator declares the portal down (PG-7), the desk
// says so, and an application brought on paper is digitized into a case of its own with its scans (PG-8,
// I-42), filed, and decided by the district's officer; the outage ends from its case page. Every page is
// audited with axe-core. As of Monday 16 March 2026, inside the pilot's validity (I-24).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSim, validIin } from '../http/server.mjs';
import { audit, launch, pdf, submit, tick, visit } from './helpers.mjs';

const at = '2026-03-16T10:00';
const alatau = '751210000';
let sim, browser, outageUrl, caseUrl;

before(async () => {
  sim = await startSim({ at });
  browser = await launch('en-US', { at, args: ['--registry-url', sim.url, '--job-period', '1'] });
});
after(async () => {
  await browser?.close();
  await sim?.stop();
});

async function fillDesk(page, signature) {
  await page.fill('#f-immigrant-surname', 'Сафарова');
  await page.fill('#f-immigrant-given-name', 'Малика');
  await page.fill('#f-immigrant-birth-date', '1994-11-05');
  await page.selectOption('#f-immigrant-citizenship', 'TJ');
  await page.fill('#f-immigrant-passport-number', '400123456');
  await page.fill('#f-immigrant-passport-issued-on', '2021-03-01');
  await page.fill('#f-immigrant-iin', validIin('941105', '4', 52));
  await page.fill('#f-immigrant-phone', '+992900000000');
  await page.fill('#f-immigrant-permanent-address', 'Душанбе');
  await page.fill('#f-immigrant-temporary-address', 'Алматы, ул. Рыскулова, 12');
  await page.fill('#f-requested-months', '3');
  await page.fill('#f-employer-iin', validIin('850715', '4', 41));
  await page.fill('#f-employer-name', 'Жумабаева Айгерим Сериковна');
  await page.fill('#f-workplace-work-address', 'ул. Рыскулова, 12');
  await page.selectOption('#f-workplace-district', alatau);
  await page.fill('#f-workplace-cadastral-number', '20:321:045:118');
  await page.fill('#f-workplace-phone', '+77010000000');
  await page.fill('#f-medical-certificate-on', '2026-02-20');
  await page.fill('#f-border-crossed-on', '2026-03-02');
  await tick(page, await page.getAttribute(`input[name=has_digital_signature][value="${signature ? 1 : 0}"]`, 'id'));
  await tick(page, 'f-consent-personal-data');
}

test('PG-3 PG-5.1 I-24: with the portal up, a holder of a digital signature files in the self-service sector', async () => {
  const page = await browser.as('operator.almaty');
  await visit(page, '/labour-immigrants/desk', 'LI desk, portal up');
  assert.equal(await page.locator('[data-testid=li-portal-down]').count(), 0);
  await fillDesk(page, true);
  await submit(page, 'form[action="/labour-immigrants/desk"]', 'LI desk: self-service');
  assert.match(await page.textContent('#error-summary'), /self-service sector/);
});

test('PG-7 PG-8 I-42: the portal declared down, paper is digitized into one case, filed and decided', async () => {
  let page = await browser.as('operator.almaty');
  await visit(page, '/labour-immigrants/desk', 'LI desk before the outage');
  await submit(page, 'form[action="/labour-immigrants/desk/outage"]', 'LI outage declared');
  outageUrl = new URL(page.url()).pathname;
  assert.match(await page.textContent('main'), /Portal declared down/);
  await visit(page, '/labour-immigrants/desk', 'LI desk during the outage');
  assert.equal(await page.locator('[data-testid=li-portal-down]').count(), 1);
  await fillDesk(page, true);
  for (const doc of ['passport', 'medical_certificate', 'agreement_of_intent'])
    await page.setInputFiles(`#f-scan-${doc.replace(/_/g, '-')}`, { name: `${doc}.pdf`, mimeType: 'application/pdf', buffer: pdf(doc) });
  await submit(page, 'form[action="/labour-immigrants/desk"]', 'LI paper intake digitized');
  assert.match(page.url(), /\?done=li_taken/);
  caseUrl = new URL(page.url()).pathname;
  assert.match(await page.textContent('main'), /on paper, digitized/);
  assert.equal(await page.locator('[data-testid=li-files] li').count(), 3);
  await tick(page, 'f-li-file-consent-personal-data');
  await submit(page, 'form[action$="/li/file"]', 'LI paper intake filed');
  assert.match(await page.textContent('main'), /Accepted, being checked/);

  page = await browser.as('officer.alatau');
  await visit(page, caseUrl, 'LI front-office case for the officer');
  for (let i = 0; i < 40 && !/agreed/.test(await page.textContent('[data-testid=li-police]')); ++i) {
    await new Promise((ok) => setTimeout(ok, 500));
    await submit(page, 'form[action$="/li/recheck"]', 'LI rechecked');
  }
  await submit(page, 'form[action$="/li/decide"]', 'LI front-office permit issued');
  assert.match(await page.textContent('[data-testid=li-decision]'), /Issue the permit/);

  // LI-27: the duplicate the same day, at the front office it came from.
  page = await browser.as('operator.almaty');
  await visit(page, caseUrl, 'LI issued case at the desk');
  await submit(page, 'form[action$="/li/duplicate"]', 'LI duplicate issued');
  assert.match(page.url(), /done=li_duplicate/);
  await visit(page, outageUrl, 'LI outage case');
  await submit(page, 'form[action$="/li/end-outage"]', 'LI outage ended');
  await visit(page, '/labour-immigrants/desk', 'LI desk after the outage');
  assert.equal(await page.locator('[data-testid=li-portal-down]').count(), 0);
  await audit(page, 'LI desk after the outage');
});
