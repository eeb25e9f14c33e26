// The Ministry's page of the changes of the Rules (EP-2-3, LI-3), audited with axe-core: the deadlines of Order
// 93 and Order 302, the LI notices sent with the button, and an LEB officer of Almaty's Alatau district who
// then reads the change above the inbox and on the page. Seeded as of Monday 1 June 2026.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { artifacts, launch, submit, visit } from './helpers.mjs';

let browser;
before(async () => { browser = await launch('en-US', { at: '2026-06-01T10:00' }); });
after(async () => { await browser?.close(); });

test('EP-2-3 LI-3: the Ministry sends the notices of Order 302 and the district LEB reads them', async () => {
  const page = await browser.as('ministry');
  await page.click('nav a[href="/rule-notices"]');
  await page.waitForURL(/\/rule-notices/);
  await visit(page, '/rule-notices?lang=en', 'rule changes (Ministry)');
  const li = page.locator('tr[data-notice]', { hasText: 'Order 302 of 30.09.2025' });
  assert.match(await li.textContent(), /13\.10\.2025/);
  assert.match(await li.textContent(), /overdue/);
  assert.match(await page.locator('tr[data-notice]', { hasText: 'Order 93 of 28.03.2025' }).textContent(), /03\.04\.2025/);
  await submit(page, `form[action="/rule-notices/${await li.getAttribute('data-notice')}/send"]`, 'notices sent');
  assert.match(await page.textContent('.usa-alert'), /The notices are sent/);
  assert.match(await li.textContent(), /01\.06\.2026\s*late/);
  await page.screenshot({ path: join(artifacts, 'rule_notices.png'), fullPage: true });

  const officer = await browser.as('officer.alatau');
  await visit(officer, '/inbox?lang=en', 'inbox with the notice');
  assert.match(await officer.textContent('main'), /The rules of LI changed, in force from 20\.10\.2025/);
  await visit(officer, '/rule-notices?lang=en', 'rule changes (LEB)');
  assert.equal(await officer.locator('tr[data-notice]').count(), 1);
  assert.equal(await officer.locator('form[action$="/send"]').count(), 0);
});
