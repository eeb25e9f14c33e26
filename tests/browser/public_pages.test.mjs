// Public pages in the three languages (verification also in the immigrant's uz, tg and ky, F-P1), the
// SE-10 self-assessment and verification of an unknown number, each audited with axe-core (WCAG 2.1 A/AA).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { artifacts, audit, launch, submit, tick, visit } from './helpers.mjs';

let browser;
before(async () => { browser = await launch('ru-RU', { at: '2026-06-01T10:00' }); });
after(async () => { await browser?.close(); });

test('SE-A2.3: the home page explains the service in Kazakh, Russian and English', async () => {
  const page = await browser.as(null);
  for (const [lang, heading] of [['kk', /анықтама/i], ['ru', /Справка/], ['en', /Certificate/]]) {
    await visit(page, `/?lang=${lang}`, `home (${lang})`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.match(await page.textContent('h1'), heading);
    assert.match(await page.textContent('main'), /SE-A2\.3/);
    // A demo server says in its banner what its date is: here the one this file pins.
    assert.match(await page.textContent('[data-testid=demo-clock]'), /01\.06\.2026 10:\d\d/);
  }
  await page.screenshot({ path: join(artifacts, 'home.png'), fullPage: true });
  // The chosen language is kept in a cookie for the next page.
  await visit(page, '/verify', 'verify page after choosing English');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
});

test('F-P1: the language switcher offers Uzbek, Tajik and Kyrgyz; verification in each on a 360 px phone', async () => {
  const page = await browser.as(null);
  await page.setViewportSize({ width: 360, height: 740 });
  await visit(page, '/verify?lang=ru', 'verify in Russian on a phone');
  for (const [lang, name, heading] of [['uz', 'O\u02BBzbekcha', /Ma\u02BClumotnoma haqiqiyligini tekshirish/],
    ['tg', 'Тоҷикӣ', /Санҷиши эътиборнокии маълумотнома/], ['ky', 'Кыргызча', /Маалымкаттын жарактуулугун текшерүү/]]) {
    assert.equal((await page.textContent(`.flis-lang a[lang="${lang}"]`)).trim(), name);
    await Promise.all([page.waitForNavigation(), page.click(`.flis-lang a[lang="${lang}"]`)]);
    await audit(page, `verify in ${lang} on a phone`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute(`.flis-lang a[lang="${lang}"]`, 'aria-current'), 'true');
    assert.match(await page.textContent('h1'), heading);
    const m = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
    assert.ok(m.page <= m.view, `the page in ${lang} is ${m.page} px wide in a ${m.view} px window`);
  }
  await page.screenshot({ path: join(artifacts, 'verify-ky-phone.png'), fullPage: true });
});

test('SE-10 SE-A2.9 I-12: the self-assessment computes the points with their breakdown and rules', async () => {
  const page = await browser.as(null);
  await visit(page, '/self-assessment?lang=en', 'self-assessment');
  await tick(page, 'f-sa-higher-education');
  await page.fill('#f-sa-experience-years', '2');
  await submit(page, 'form[action="/self-assessment"]', 'self-assessment result below threshold');
  assert.equal((await page.textContent('[data-testid=points]')).trim(), '5');
  assert.match(await page.textContent('.flis-score'), /below the threshold of 6/);
  assert.match(await page.textContent('.flis-score'), /SE-10/);

  await page.fill('#f-sa-experience-years', 'many');
  await submit(page, 'form[action="/self-assessment"]', 'self-assessment with an error');
  assert.ok(await page.isVisible('#f-sa-experience-years-error'));
  assert.ok(await page.isVisible('#error-summary a[href="#f-sa-experience-years"]'));
});

test('SE-14: verifying an unknown number says so and shows nothing else', async () => {
  const page = await browser.as(null);
  await visit(page, '/verify?lang=en', 'verify form');
  await page.fill('#f-verify-q', 'SEC-00-0000-999999');
  await submit(page, 'form[action="/verify"]', 'verify not found');
  assert.match(await page.textContent('main'), /No certificate was found/);
});

test('the officer\'s inbox fits a 1280 px wide screen in kk, ru and en (no horizontal scrolling)', async () => {
  const page = await browser.as('officer.almaty');
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const lang of ['kk', 'ru', 'en']) {
    await visit(page, `/inbox?lang=${lang}`, `inbox in ${lang} at 1280 px`);
    const m = await page.evaluate(() => {
      const table = document.querySelector('table.flis-cases');
      return { page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,
        rows: table.tBodies[0].rows.length, table: table.scrollWidth, box: table.parentElement.clientWidth };
    });
    assert.ok(m.rows > 0, `the inbox in ${lang} lists cases`);
    assert.ok(m.page <= m.view, `the page in ${lang} is ${m.page} px wide in a ${m.view} px window`);
    assert.ok(m.table <= m.box, `the inbox table in ${lang} is ${m.table} px wide in its ${m.box} px container`);
  }
});

test('demo sign-in lists users by role and signs out again', async () => {
  const page = await browser.as('officer.almaty');
  assert.match(page.url(), /\/inbox$/);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/logout"] button')]);
  await audit(page, 'home after sign-out');
  assert.ok(await page.isVisible('a[href="/login"]'));
});

test('I-4 SE-A2.3: the public statistics page shows processing by region and chooses a service and a year', async () => {
  const page = await browser.as(null);
  await visit(page, '/?lang=en', 'home before statistics');
  await Promise.all([page.waitForNavigation(), page.click('a[href="/statistics"]')]);
  await audit(page, 'statistics (EP, this year)');
  assert.match(await page.textContent('h1'), /processed, by region/);
  await page.selectOption('#f-service', 'SE');
  await page.fill('#f-year', '2026');
  await submit(page, 'form[action="/statistics"]', 'statistics (SE, 2026)');
  assert.match(await page.textContent('[data-testid=statistics] caption'), /self-employment.*2026/);
  const country = await page.textContent('[data-testid=statistics] tr[data-region=""]');
  assert.match(country, /Kazakhstan/);
  await page.fill('#f-year', '1999');
  await submit(page, 'form[action="/statistics"]', 'statistics with a year out of range');
  assert.match(await page.textContent('main'), /between 2000 and 2100/);
});

test('EP-A2.7 EP-A2.7(addr): where to apply — each region\'s LEB with its hours, linked from every page', async () => {
  const page = await browser.as(null);
  await visit(page, '/?lang=ru', 'home before the service points');
  await Promise.all([page.waitForNavigation(), page.click('a[href="/service-points"]')]);
  await audit(page, 'service points');
  const table = await page.textContent('[data-testid=service-points]');
  assert.match(table, /09:00–18:30 перерыв 13:00–14:30/);
  assert.equal(await page.locator('[data-testid=service-points] tbody tr').count(), 20);
});
