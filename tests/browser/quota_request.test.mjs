// Filing a quota request (QT-A1) in a browser before the QT-6 date: the server and its demo data are
// as of Monday 21 September 2026, when the 2027 campaign takes requests. Every page is audited with
// axe-core. After the date the same form is refused (quota_campaign.test.mjs).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { quotaYearAt } from '../http/server.mjs';
import { audit, baseUrl, fillZhetysuRequest, launch, submit } from './helpers.mjs';

const at = '2026-09-21T10:00';
const year = quotaYearAt(at);
const astana = '710000000';
let browser;
before(async () => { browser = await launch('en-US', { at }); });
after(async () => { await browser?.close(); });

test('QT-A1 QT-6 F-Q4: before the QT-6 date the employer files a request; a line without its profession is reported at the field', async () => {
  const timeline = await (await fetch(`${baseUrl}/api/v1/quota/${year}/timeline`)).json();
  const due = new Date(timeline.steps.find((s) => s.step === 'employer_requests').due_at);
  assert.ok(new Date(`${at}:00+05:00`) < due, `${at} is before the QT-6 date ${due.toISOString()}`);

  const page = await browser.as('employer.zhetysu');
  await Promise.all([page.waitForNavigation(), page.click('[data-testid=qt-new]')]);
  await audit(page, 'QT-A1 form');
  await fillZhetysuRequest(page, astana);
  await submit(page, 'form[action="/quota/requests/new"]', 'QT-A1 form with an error');
  assert.equal(await page.inputValue('#f-lines-0--profession'), 'Agronomist');  // what was typed stays
  assert.ok(await page.isVisible('#error-summary a[href="#f-lines-2--profession"]'));
  assert.ok(await page.isVisible('#f-lines-2--profession-error'));
  await page.fill('#f-lines-2--profession', 'Fruit picker');
  await submit(page, 'form[action="/quota/requests/new"]', 'QT-A1 filed');
  assert.match(page.url(), /\/quota\/requests\?done=filed/);
  // QT-A1: the request's number names the region and the year, never the employer's user id.
  const anchor = new URL(page.url()).hash;
  assert.match(anchor, new RegExp(`^#req-QTA1-71-${year}-\\d{6}$`));
  assert.ok(await page.isVisible(anchor));
});
