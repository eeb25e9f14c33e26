// Life after the decision, in a browser, starting from the demo data: the holder's notice of a new
// employer (SE-18), a complaint to the LEB decided by its head (SE-24, SE-25) and taken to court
// (SE-27), a forwarded complaint decided by the quality authority (SE-26), a re-issue for a new employer
// (SE-19, SE-22), and a revocation (SE-21) that the public verification then shows (SE-14). Every page
// is audited with axe-core. The server and its demo data are as of Monday 1 June 2026.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { audit, launch, pdf, submit, tick, visit } from './helpers.mjs';

const at = '2026-06-01T10:00';
const today = at.slice(0, 10);
let browser;
before(async () => { browser = await launch('en-US', { at }); });
after(async () => { await browser?.close(); });

// The href of the first case in the signed-in person's cabinet whose state has this code.
async function caseInState(page, stateCode) {
  await visit(page, '/cabinet', 'cabinet');
  const href = await page.getAttribute(`tr:has(.flis-state--${stateCode}) a[href^="/cases/"]`, 'href');
  assert.ok(href, `a case in state ${stateCode} in the cabinet`);
  return href;
}

async function stateCode(page) {
  const classes = await page.getAttribute('[data-testid=state]', 'class');
  return classes.split(/\s+/).find((c) => c.startsWith('flis-state--')).slice('flis-state--'.length);
}

// The LEB head or the quality authority decides a complaint: option 1 upholds it, option 2 rejects it.
async function decideComplaint(page, complaint, option, reasons, label) {
  await visit(page, complaint, `${label}: the complaint`);
  await tick(page, `f-complaint_decide-upheld-${option}`);
  await page.fill('#f-complaint_decide-reasons', reasons);
  await submit(page, `form[action="${complaint}/complaint-decision"]`, `${label}: decided`);
}

let chenCase;

test('SE-18 SE-20: the holder notifies FLIS of a new employer and the notice joins the timeline', async () => {
  const page = await browser.as('chen');
  chenCase = await caseInState(page, 'issued');
  await visit(page, chenCase, 'issued case for the holder');
  // A notice without its date is refused next to the field.
  await tick(page, 'f-notice-notice-1');
  await submit(page, `form[action="${chenCase}/notices"]`, 'notice without a date');
  assert.ok(await page.isVisible('#f-notice-event-date-error'));
  await page.fill('#f-notice-event-date', today);
  await page.fill('#f-notice-employer-name', 'TOO "Astana Digital Lab"');
  await page.fill('#f-notice-employer-bin', '180740015553');
  await submit(page, `form[action="${chenCase}/notices"]`, 'notice recorded');
  assert.match(await page.textContent('.flis-timeline'), /Notice received[\s\S]*SE-18/);
  assert.match(await page.textContent('main'), /Astana Digital Lab/);
});

test('SE-24 SE-25 SE-27: a complaint to the LEB, rejected by its head with reasons, then taken to court', async () => {
  let page = await browser.as('kaya');
  const refused = await caseInState(page, 'refused');
  await visit(page, refused, 'refused case for the applicant');
  await tick(page, 'f-complaint-addressee-1');  // the LEB that decided
  await submit(page, `form[action="${refused}/complaints"]`, 'complaint without text');
  assert.ok(await page.isVisible('#f-complaint-text-error'));
  await page.fill('#f-complaint-text', 'My eleven years of experience were not counted; the employment record proves them.');
  await submit(page, `form[action="${refused}/complaints"]`, 'complaint filed');
  const complaint = await caseInState(page, 'filed');

  page = await browser.as('head.almaty');
  await decideComplaint(page, complaint, 2, 'The employment record covers 2 years in the specialty; the score stands.',
    'LEB head');
  assert.equal(await stateCode(page), 'rejected');

  page = await browser.as('kaya');
  await visit(page, complaint, 'rejected complaint for the applicant');
  assert.match(await page.textContent('[data-testid=resolution]'), /\S/);
  await page.fill('#f-court-court', 'Specialized Inter-District Administrative Court of Almaty');
  await submit(page, `form[action="${complaint}/court"]`, 'court appeal noted');
  assert.equal(await stateCode(page), 'in_court');
  assert.match(await page.textContent('.flis-timeline'), /Court action recorded[\s\S]*SE-27, SE-28/);
});

test('SE-26 F-7: the quality authority upholds a complaint the LEB forwarded to it, and the refusal is set aside', async () => {
  let page = await browser.as('kaya');
  const forwarded = await caseInState(page, 'forwarded');
  page = await browser.as('quality');
  await decideComplaint(page, forwarded, 1, 'Experience confirmed by the employment record; the LEB is to reconsider.',
    'quality authority');
  assert.equal(await stateCode(page), 'upheld');

  // The decision complained about is set aside: the application is back with the LEB, as its timeline says.
  page = await browser.as('kaya');
  await visit(page, forwarded, 'upheld complaint for the applicant');
  assert.match(await page.textContent('.flis-case-summary'), /Effect on the decision\s*Application accepted/);
  const subject = await page.getAttribute('.flis-case-summary dd a[href^="/cases/"]', 'href');
  await visit(page, subject, 'the application after the upheld complaint');
  assert.equal(await stateCode(page), 'registered');
  assert.match(await page.textContent('.flis-timeline'), /Decision set aside on a complaint[\s\S]*SE-26, SE-7/);
});

// Issue 8: a change of employer is a re-issue ground with its own document (the new labour contract);
// the new employer is carried onto the re-issued certificate. The re-issued case is the one revoked below.
test('SE-19 SE-22 SE-A2.8: the holder asks a re-issue for a new employer; the re-issued certificate names it', async () => {
  let page = await browser.as('chen');
  await visit(page, chenCase, 'issued case before the re-issue');
  const number = (await page.textContent('#cert-heading')).match(/SEC-[\d-]+/)[0];
  await visit(page, '/cabinet/new?kind=reissue', 're-issue form');
  await page.selectOption('#f-region', '710000000');
  await page.fill('#f-certificate-number', number);
  await page.selectOption('#f-change-reason', 'employer');
  await page.fill('#f-change-date', today);
  await page.fill('#f-applicant-full-name', 'Chen Wei');
  await page.fill('#f-applicant-passport-number', 'EA7788123');
  await page.selectOption('#f-applicant-citizenship', 'CN');
  await page.fill('#f-applicant-phone', '+7 702 111 22 33');
  await page.fill('#f-applicant-iin', '910823300123');
  // A change of employer without the new employer is refused next to the field.
  await submit(page, 'form[action="/cabinet/new"]', 're-issue without the employer');
  assert.ok(await page.isVisible('#f-employer-name-error'));
  await page.fill('#f-employer-name', 'TOO "Steppe Code"');
  await page.fill('#f-employer-bin', '180740015553');
  await submit(page, 'form[action="/cabinet/new"]', 're-issue draft');
  const reissue = new URL(page.url()).pathname;
  assert.match(reissue, /\/cases\/SE-\d{4}-\d+/);
  // Its checklist is the application and the new labour contract, not an identity document.
  const types = await page.$$eval('#f-upload-doc-type option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(types, ['application', 'labour_contract']);
  for (const doc of types) {
    await page.selectOption('#f-upload-doc-type', doc);
    await page.setInputFiles('#f-upload-file', { name: `${doc}.pdf`, mimeType: 'application/pdf', buffer: pdf(doc) });
    await submit(page, 'form[action$="/files"]', `re-issue after uploading ${doc}`);
  }
  await tick(page, 'f-file-consent-personal-data');
  await submit(page, 'form[action$="/file"]', 're-issue filed');

  page = await browser.as('head.astana');
  await visit(page, reissue, 're-issue for the LEB head');
  await submit(page, 'form[action$="/decide"]', 're-issued');
  assert.match(await page.textContent('[data-testid=certificate-employer]'), /Steppe Code[\s\S]*180740015553/);
  assert.doesNotMatch(await page.textContent('#cert-heading'), new RegExp(number));
  chenCase = reissue;
});

test('SE-21 SE-14: the LEB head revokes a certificate and the public verification says so', async () => {
  let page = await browser.as('chen');
  await visit(page, chenCase, 'issued case before revocation');
  const verifyHref = await page.getAttribute('a[href^="/verify/"]', 'href');
  assert.ok(verifyHref);

  page = await browser.as('head.astana');
  await visit(page, chenCase, 'issued case for the LEB head');
  await page.fill('#f-revoke-control-act', 'Inspection report No. 17-04/733');
  await page.fill('#f-revoke-control-act-date', today);
  await page.fill('#f-revoke-reasons', 'Works outside the profession named in the certificate.');
  await submit(page, `form[action="${chenCase}/revoke"]`, 'certificate revoked');
  assert.equal(await stateCode(page), 'revoked');

  page = await browser.as(null);
  await visit(page, verifyHref, 'verification of a revoked certificate');
  assert.match(await page.textContent('main'), /revoked/i);
  await audit(page, 'verification of a revoked certificate (again)');
});
