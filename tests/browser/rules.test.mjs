// The administrator's page of the rule versions in force on a date (issue 8 item 6), in the three
// languages, audited with axe-core; a bad date is an error at the field.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { artifacts, baseUrl, launch, submit, visit } from './helpers.mjs';

let browser;
// The server's today is 2 March 2026 (Order 426 in force since 20 January).
before(async () => { browser = await launch('en-US', { at: '2026-03-02T10:00' }); });
after(async () => { await browser?.close(); });

test('SE-A2.9 SE-16 QT-6: the administrator sees the versions in force on a date, by act, in kk, ru and en', async () => {
  const page = await browser.as('admin');
  await page.click('nav a[href="/admin/rules"]');
  await page.waitForURL(/\/admin\/rules/);
  for (const [lang, heading] of [['kk', /редакциялары/], ['ru', /Редакции правил/], ['en', /Rule versions/]]) {
    await visit(page, `/admin/rules?on=2026-03-02&act=SE&lang=${lang}`, `rules (${lang})`);
    assert.match(await page.textContent('h1'), heading);
    assert.equal(await page.locator('tr[data-rule]').count(), 37);
  }
  assert.equal((await page.textContent('tr[data-rule="SE-A2.9"] dd[data-parameter="threshold"]')).trim(), '6');
  assert.match(await page.textContent('tr[data-rule="SE-16"]'), /Order 426 of 30\.12\.2025/);
  await page.screenshot({ path: join(artifacts, 'rules.png'), fullPage: true });

  // Before Order 426: SE-16 in its 2023 version, no SE-22-1.
  await page.fill('#f-rules-on', '2025-12-01');
  await submit(page, 'form[action="/admin/rules"]', 'rules before Order 426');
  assert.match(await page.textContent('tr[data-rule="SE-16"]'), /Order 236 of 22\.06\.2023/);
  assert.equal(await page.locator('tr[data-rule="SE-22-1"]').count(), 0);

  await visit(page, '/admin/rules?on=2026-10-01&act=QT', 'quota rules');
  assert.equal((await page.textContent('tr[data-rule="QT-6"] dd[data-parameter="month"]')).trim(), '10');
});

test('a date that does not exist is shown at the field', async () => {
  const page = await browser.as('admin');
  const response = await visit(page, '/admin/rules?on=2026-02-30', 'rules with a bad date');
  assert.equal(response.status(), 400);
  assert.ok(await page.isVisible('#f-rules-on-error'));
  assert.ok(await page.isVisible('#error-summary a[href="#f-rules-on"]'));
});

test('the Ministry sees the page; an applicant does not', async () => {
  const page = await browser.as('ministry');
  const ok = await visit(page, '/admin/rules', 'rules for the Ministry');
  assert.equal(ok.status(), 200);
  const other = await browser.as('sato');
  const refused = await other.goto(new URL('/admin/rules', baseUrl).href);
  assert.equal(refused.status(), 403);
});
