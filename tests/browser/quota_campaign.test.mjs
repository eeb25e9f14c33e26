// The quota campaign (act QT) in a browser, without JavaScript of our own: an employer files a QT-A1
// request from the cabinet, the Astana LEB consolidates and brings the requests to the Commission, the
// Commission cuts a request on a QT-10 ground with its evidence, the employer sees the outcome and the
// reason, the LEB submits QT-A2..A4, the Ministry tries percentages, distributes, publishes and
// redistributes, and the public reads the decision. Every page is audited with axe-core.
// The server and its demo data are as of 21 October 2026: the 2027 campaign is in progress (Steppe
// Energy's Astana request waits for the LEB) and the QT-6 date for requests (1 October) has passed;
// filing before it is quota_request.test.mjs.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { quotaYearAt } from '../http/server.mjs';
import { artifacts, audit, baseUrl, fillZhetysuRequest, launch, submit, tick, visit } from './helpers.mjs';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const at = '2026-10-21T10:00';
const now = new Date(`${at}:00+05:00`);
const year = quotaYearAt(at);  // the campaign the seed made (requests open on 15 September for the next year)
let browser;
before(async () => { browser = await launch('en-US', { at }); });
after(async () => { await browser?.close(); });

const astana = '710000000';
const almaty = '750000000';
// Steppe Energy's is the only request the seed files for Astana: the region's first number of the year.
const steppeRequest = `QTA1-71-${year}-000001`;
const regionUrl = `/quota/region?year=${year}`;

test('QT-A1 QT-6 F-Q4: the employer files a request from the cabinet; a line without its profession, or the QT-6 date, is reported', async () => {
  const page = await browser.as('employer.zhetysu');
  assert.match(page.url(), /\/quota\/requests$/);
  await Promise.all([page.waitForNavigation(), page.click('[data-testid=qt-new]')]);
  await audit(page, 'QT-A1 form');
  assert.equal(await page.inputValue('#f-employer-name'), 'АО «Жетысу Агро»');  // from the account

  await fillZhetysuRequest(page, astana);
  const timeline = await (await fetch(`${baseUrl}/api/v1/quota/${year}/timeline`)).json();
  const due = new Date(timeline.steps.find((s) => s.step === 'employer_requests').due_at);
  assert.ok(now > due, `${at} is after the QT-6 date ${due.toISOString()}`);
  await submit(page, 'form[action="/quota/requests/new"]', 'QT-A1 form with an error');
  assert.equal(await page.inputValue('#f-lines-0--profession'), 'Agronomist');  // what was typed stays
  // QT-6: after the date the request is refused before anything else, and the page says so with the rule.
  assert.match(await page.textContent('#error-summary'), /QT-6/);
});

test('QT-7 QT-15 QT-8: the Astana LEB consolidates with the considerations and brings the requests to the Commission', async () => {
  const page = await browser.as('officer.astana');
  await Promise.all([page.waitForNavigation(), page.click('nav a[href="/quota/region"]')]);
  await audit(page, 'region campaign page (default year)');
  await visit(page, regionUrl, 'region campaign page');
  assert.ok(await page.isVisible(`a[href="#req-${steppeRequest}"]`));
  for (const [field, text] of [
    ['regional-demand', 'Commissioning of two substations'], ['unemployment-forecast', '11 000 unemployed'],
    ['domestic-labour', 'Few commissioning engineers locally'], ['previous-year-effectiveness', '91 % used'],
    ['li-regional-demand', 'Household help demand steady'], ['li-unemployment-forecast', 'Stable'],
    ['li-previous-year-effectiveness', '12 000 permits']]) await page.fill(`#f-consolidate-${field}`, text);
  await submit(page, 'form[action="/quota/region/consolidation"]', 'consolidated');
  assert.match(await page.textContent('[data-testid=qt-regional]'), /QT-7\(3\)|QT-8/);
  await submit(page, 'form[action="/quota/region/commission-submission"]', 'at the Commission');
  assert.match(page.url(), /done=at_commission/);
  await page.screenshot({ path: join(artifacts, 'qt-region.png'), fullPage: true });
});

test('QT-9 QT-10 F-Q6 F-QR1 I-18: the Commission cuts the request partially on a QT-10 ground with its evidence', async () => {
  const page = await browser.as('qt.commission1.astana');
  await visit(page, regionUrl, 'region page for the Commission');
  const form = `form[action="/quota/region/requests/${steppeRequest}/decision"]`;
  const id = `f-decide-${steppeRequest}-`;
  // Only the grounds of QT-10 are offered.
  const grounds = await page.$$eval(`#${id}grounds-0- option`, (os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(grounds, ['domestic_labour_available', 'permit_violations', 'labour_law_violations']);
  await page.fill(`#${id}accepted-0-`, '1');
  await submit(page, form, 'a cut without a ground');
  assert.ok(await page.isVisible(`#${id}grounds-0--error`));
  assert.equal(await page.inputValue(`#${id}accepted-0-`), '1');

  // F-QR1: no registry is connected here, so each system reads "could not be checked", with a re-check;
  // a ground-3 cut without a registry record found is refused at the record select.
  const findings = `[data-testid=qt-findings][aria-labelledby="req-${steppeRequest}-findings"]`;
  assert.equal(await page.locator(`${findings} [data-testid=qt-finding-unavailable]`).count(), 3);
  await submit(page, `form[action="/quota/region/requests/${steppeRequest}/registry-check"]`, 'registries checked again');
  assert.match(page.url(), /done=rechecked/);
  await page.fill(`#${id}accepted-0-`, '1');
  await page.selectOption(`#${id}grounds-0-`, 'labour_law_violations');
  await submit(page, form, 'a ground-3 cut without a registry record');
  assert.ok(await page.isVisible(`#${id}evidence-0--record-error`));

  await tick(page, `${id}present-2`);
  await page.selectOption(`#${id}grounds-0-`, 'domestic_labour_available');
  await page.fill(`#${id}evidence-0--reference`, 'Regional labour forecast 2027');
  await page.fill(`#${id}evidence-0--note`, 'One commissioning engineer can be hired among the local unemployed');
  await page.fill(`#${id}reasons`, 'Partly covered by domestic labour');
  await submit(page, form, 'decided partially');
  assert.match(page.url(), /done=decided/);
  // Any other request of the region (filed today, if the QT-6 date has not passed) is accepted in full.
  for (const action of await page.$$eval('form[data-testid=qt-decide]', (fs) => fs.map((f) => f.getAttribute('action')))) {
    await submit(page, `form[action="${action}"]`, `accepted ${action}`);
  }
});

test('QT-11 QT-10: the LEB informs the employer, who sees the outcome, the QT-10 ground, its evidence and the reasons', async () => {
  let page = await browser.as('officer.astana');
  await visit(page, regionUrl, 'region page after the decision');
  await submit(page, `form[action="/quota/region/requests/${steppeRequest}/notice"]`, 'employer informed');

  page = await browser.as('employer.steppe');
  await visit(page, '/quota/requests', 'employer requests with the outcome');
  const outcome = await page.textContent(`#req-${steppeRequest} [data-testid=qt-outcome]`);
  assert.match(outcome, /QT-10\(1\)/);
  assert.match(outcome, /Regional labour forecast 2027/);
  assert.match(outcome, /Partly covered by domestic labour/);
  await page.screenshot({ path: join(artifacts, 'qt-employer-outcome.png'), fullPage: true });
});

test('QT-12 QT-16 QT-17 QT-A2 QT-A3 QT-A4: the LEB submits the region\'s need to the Ministry', async () => {
  const page = await browser.as('officer.astana');
  await visit(page, regionUrl, 'submission form');
  await page.fill('#f-submit-li-current-year-count', '12000');
  await page.fill('#f-submit-li-need', '12500');
  await page.fill('#f-submit-li-justification', 'Household help demand steady');
  await page.selectOption('#f-submit-countries-0--country', 'UZB');
  await page.selectOption('#f-submit-countries-0--category', 'category_3');
  await page.fill('#f-submit-countries-0--profession', 'Electrician');
  await page.fill('#f-submit-countries-0--count', '3');
  await submit(page, 'form[action="/quota/region/ministry-submission"]', 'submitted to the Ministry');
  assert.match(page.url(), /done=submitted/);
});

// Every QT form link of `scope` on the page: its text names the form and the format, and it answers 200 with
// the file's type (fetched with the page's session, as a click would).
async function checkDownloads(page, scope, forms, hrefContains = '/') {
  for (const form of forms) {
    for (const [ext, format, type] of [['pdf', 'PDF', 'application/pdf'], ['xlsx', 'XLSX', xlsxType]]) {
      const link = page.locator(`${scope} a[href*="${hrefContains}"][href$="/${form.toLowerCase()}.${ext}"]`).first();
      assert.match(await link.innerText(), new RegExp(`^${form} \\(${format}\\)`));
      const response = await page.request.get(new URL(await link.getAttribute('href'), baseUrl).href);
      assert.equal(response.status(), 200, `${form} ${format}`);
      assert.equal(response.headers()['content-type'], type);
      assert.ok((await response.body()).length > 100);
    }
  }
}

test('QT-A1 QT-A2 QT-A3 QT-A4: the forms download as PDF and XLSX from the employer\'s, the LEB\'s and the Ministry\'s pages', async () => {
  let page = await browser.as('employer.steppe');
  await visit(page, '/quota/requests', 'employer requests with their forms');
  await checkDownloads(page, `#req-${steppeRequest}`, ['QT-A1']);

  page = await browser.as('officer.astana');
  await visit(page, regionUrl, 'region page with the forms');
  await checkDownloads(page, `#req-${steppeRequest}`, ['QT-A1']);
  await checkDownloads(page, 'main', ['QT-A2', 'QT-A3', 'QT-A4'], `/regions/${astana}/`);

  page = await browser.as('ministry');
  await visit(page, `/quota/ministry?year=${year}`, 'Ministry page with the regions\' forms');
  await checkDownloads(page, 'main', ['QT-A2', 'QT-A3', 'QT-A4'], `/regions/${astana}/`);
  assert.equal(await page.locator(`a[href*="/regions/${almaty}/"]`).count(), 0);  // Almaty has not submitted
});

test('QT-13 F-Q5: the Ministry records a central state body\'s proposal; not agreed with the LEB, the form says so at the checkbox', async () => {
  const page = await browser.as('ministry');
  await visit(page, `/quota/ministry?year=${year}`, 'Ministry page with the proposal form');
  await page.fill('#f-proposal-body', 'Ministry of Energy');
  await page.selectOption('#f-proposal-region', astana);
  await page.selectOption('#f-proposal-lines-0--category', 'category_3');
  await page.fill('#f-proposal-lines-0--profession', 'Turbine engineer');
  await page.fill('#f-proposal-lines-0--count', '4');
  await page.fill('#f-proposal-justification', 'Labour-market forecast: two power plants commissioned');
  await submit(page, 'form[action="/quota/ministry/proposals"]', 'a proposal not agreed with the LEB');
  assert.ok(await page.isVisible('#f-proposal-agreed-with-leb-error'));
  assert.ok(await page.isVisible('#error-summary a[href="#f-proposal-agreed-with-leb"]'));
  assert.equal(await page.inputValue('#f-proposal-lines-0--profession'), 'Turbine engineer');

  await tick(page, 'f-proposal-agreed-with-leb');
  await submit(page, 'form[action="/quota/ministry/proposals"]', 'proposal recorded');
  assert.match(page.url(), /done=proposed/);
  const row = page.locator('[data-testid=qt-proposals] tbody tr', { hasText: 'Ministry of Energy' });
  assert.match(await row.innerText(), /Turbine engineer — 4/);
  // Due by 1 November (QT-13): a later proposal is recorded and marked late.
  const timeline = await (await fetch(`${baseUrl}/api/v1/quota/${year}/timeline`)).json();
  const due = new Date(timeline.steps.find((s) => s.step === 'central_proposals').due_at);
  assert.ok(now < due, `${at} is before the QT-13 date ${due.toISOString()}`);
  assert.equal(await row.locator('[data-testid=qt-proposal-late]').count(), 0);
});

test('QT-18 QT-4 QT-19 QT-20 QT-21: the Ministry tries percentages, distributes, publishes and redistributes', async () => {
  const page = await browser.as('ministry');
  await Promise.all([page.waitForNavigation(), page.click('nav a[href="/quota/ministry"]')]);
  await audit(page, 'Ministry campaign page (default year)');
  await visit(page, `/quota/ministry?year=${year}`, 'Ministry campaign page');
  await page.fill('#f-whatif-employer-percent', 'abc');
  await page.fill('#f-whatif-labour-immigrant-percent', '0.1');
  await submit(page, 'form[action="/quota/ministry#whatif"]', 'what-if with a bad percentage');
  assert.ok(await page.isVisible('#f-whatif-employer-percent-error'));
  await page.fill('#f-whatif-employer-percent', '0.3');
  await page.click('[data-testid=qt-overrides-toggle]');  // a region's own percentage (QT-18)
  await page.fill(`#f-whatif-employer-percent-by-region-${almaty}`, '0.35');
  await submit(page, 'form[action="/quota/ministry#whatif"]', 'what-if result');
  assert.equal(await page.inputValue(`#f-distribute-employer-percent-by-region-${almaty}`), '0.35');  // carried
  const rows = await page.$$eval('[data-testid=qt-formation] tbody tr', (trs) => trs.length);
  assert.ok(rows >= 20 * 5, `a row per region and category, got ${rows}`);
  assert.equal(await page.inputValue('#f-distribute-employer-percent'), '0.3');  // carried to the approval
  await page.screenshot({ path: join(artifacts, 'qt-what-if.png'), fullPage: true });

  await submit(page, 'form[action="/quota/ministry/distribution"]', 'distributed');
  assert.match(page.url(), /done=distributed/);
  assert.match(await page.textContent('[data-testid=qt-own-percentages]'), /0\.35/);
  await submit(page, 'form[action="/quota/ministry/publication"]', 'published');
  await page.selectOption('#f-move-from-region', astana);
  await page.selectOption('#f-move-to-region', almaty);
  await page.selectOption('#f-move-kind', 'labour_immigrant');
  await page.fill('#f-move-units', '100');
  await page.fill('#f-move-proposed-by', 'Almaty LEB');
  await page.fill('#f-move-reasons', 'Household help demand moved to Almaty');
  await submit(page, 'form[action="/quota/ministry/redistributions"]', 'redistributed');
  assert.match(await page.textContent('[data-testid=qt-redistributions]'), /Household help demand moved to Almaty/);
  assert.match(await page.textContent('[data-testid=qt-trail]'), /QT-21/);
});

test('QT-19: the public reads the published decision by region and kind, with its open data', async () => {
  const page = await browser.as(null);
  await visit(page, '/', 'home');
  await Promise.all([page.waitForNavigation(), page.click('nav a[href="/quota/decision"]')]);
  await audit(page, 'published decisions');
  await Promise.all([page.waitForNavigation(), page.click(`a[href="/quota/decision/${year}"]`)]);
  await audit(page, 'published decision');
  assert.ok((await page.$$('[data-testid=qt-decision] tbody tr')).length >= 20);
  assert.match(await page.textContent('main'), /QT-21/);
  const csv = await fetch(new URL(await page.getAttribute('[data-testid=qt-csv]', 'href'), baseUrl));
  assert.equal(csv.status, 200);
  assert.match(await csv.text(), /^year,region,kind,country,distributed,after_redistribution/);
  const json = await fetch(new URL(await page.getAttribute('[data-testid=qt-json]', 'href'), baseUrl));
  assert.equal((await json.json()).year, year);
  await page.screenshot({ path: join(artifacts, 'qt-decision.png'), fullPage: true });
});

test('QT-19 I-14 I-17: the live quota balance passes axe for everyone; an employer sees their own region first', async () => {
  let page = await browser.as(null);
  await visit(page, '/quota', 'quota balance (public)');
  assert.ok(await page.isVisible('[data-testid=quota-table]'));
  await visit(page, `/quota?year=${year}`, 'quota balance of the campaign year');

  page = await browser.as('employer.steppe');
  await Promise.all([page.waitForNavigation(), page.click('nav a[href="/quota"]')]);
  await audit(page, 'quota balance (employer)');
  const mine = page.locator(`#quota-mine-${astana}`);
  assert.ok(await mine.isVisible());
  // Their region comes before the national table.
  const first = await page.evaluate(() => {
    const own = document.querySelector('.flis-quota-mine');
    const all = document.querySelector('[data-testid=quota-table]');
    return Boolean(own && all && (own.compareDocumentPosition(all) & Node.DOCUMENT_POSITION_FOLLOWING));
  });
  assert.ok(first);
  assert.equal(await page.locator('nav a[href="/quota/requests"]').count(), 1);
});

test('I-15 I-17: the Astana LEB gives 5 labour-immigrant units to a district and sees the table change', async () => {
  const page = await browser.as('officer.astana');
  await visit(page, regionUrl, 'region page with the district link');
  await Promise.all([page.waitForNavigation(), page.click('[data-testid=qt-districts-link]')]);
  await audit(page, 'district quota page');
  // Allocated, used, reserved, available of a row of the district table.
  const figures = async (district) => (await page.locator(`[data-testid=qt-districts] tr[data-district="${district}"] td`)
    .allInnerTexts()).map((t) => Number(t.replace(/[^\d]/g, '')));
  const baikonur = '711410000';
  const [districtBefore, regionBefore] = [await figures(baikonur), await figures('region')];
  // Only Astana's districts are offered.
  const offered = await page.$$eval('#f-district-district option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(offered.length > 0 && offered.every((code) => code.startsWith('71')), offered.join(','));

  // More than the region holds: the error sits at the units, what was typed stays (I-17).
  await page.selectOption('#f-district-district', baikonur);
  await page.fill('#f-district-units', String(regionBefore[3] + 1));
  await page.fill('#f-district-reasons', 'New residential quarter on the left bank');
  await submit(page, 'form[action="/quota/region/districts"]', 'district quota: too many units');
  assert.ok(await page.isVisible('#f-district-units-error'));
  assert.ok(await page.isVisible('#error-summary a[href="#f-district-units"]'));
  assert.equal(await page.inputValue('#f-district-reasons'), 'New residential quarter on the left bank');

  await page.fill('#f-district-units', '5');
  await submit(page, 'form[action="/quota/region/districts"]', 'district quota given');
  assert.match(page.url(), /done=district_allocated/);
  const [districtAfter, regionAfter] = [await figures(baikonur), await figures('region')];
  assert.equal(districtAfter[0], districtBefore[0] + 5);  // allocated to the district
  assert.equal(districtAfter[3], districtBefore[3] + 5);  // available there
  assert.equal(regionAfter[0], regionBefore[0] - 5);      // moved from the region: no total changes
  assert.match(await page.textContent('[data-testid=qt-district-history] tbody tr'), /New residential quarter.*Сейткали/s);
  await page.screenshot({ path: join(artifacts, 'qt-districts.png'), fullPage: true });

  // The public balance shows the district under Astana's labour-immigrant row.
  const pub = await browser.as(null);
  await visit(pub, `/quota?region=${astana}&kind=labour_immigrant`, 'quota balance with districts');
  assert.ok(await pub.isVisible(`tr.flis-quota-district[data-key$="/${baikonur}/labour_immigrant"]`));
});
