// Life after the decision, in a browser, starting from the demo data: the holder's notice of a new
// employer (SE-18), a complaint to the LEB decided by its head (SE-24, SE-25) and taken to court
// (SE-27), a forwarded complaint decided by the quality authority (SE-26), and a revocation (SE-21)
// that the public verification then shows (SE-14). Every page is audited with axe-core. The server and
// its demo data are as of Monday 1 June 2026.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { audit, launch, submit, tick, visit } from './helpers.mjs';

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

test('SE-26: the quality authority decides a complaint the LEB forwarded to it', async () => {
  let page = await browser.as('kaya');
  const forwarded = await caseInState(page, 'forwarded');
  page = await browser.as('quality');
  await decideComplaint(page, forwarded, 1, 'Experience confirmed by the employment record; the LEB is to reconsider.',
    'quality authority');
  assert.equal(await stateCode(page), 'upheld');
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
