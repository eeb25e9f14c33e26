// The labour immigrant's languages over HTTP (issue 12 "People", reading F-P1): Uzbek (Latin), Tajik
// and Kyrgyz chosen by Accept-Language, ?lang= or the cookie like kk/ru/en; the immigrant's texts in
// them (data/i18n/immigrant_keys.json), everything else in Russian.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from './server.mjs';

const root = new URL('../../', import.meta.url).pathname;

let server;
before(async () => { server = await startServer({ at: '2026-06-01T10:00' }); });
after(async () => { await server.stop(); });

// The catalog's own texts, so the test follows the translations instead of copying them.
const texts = (lang, file = '') =>
  JSON.parse(readFileSync(`${root}data/i18n/${lang}${file ? `/${file}` : ''}.json`, 'utf8'));

const taxProblem = async (acceptLanguage) => {
  const r = await fetch(`${server.url}/api/v1/labour-immigrants/advance-tax?months=0&on=2026-03-02`, {
    headers: { 'Accept-Language': acceptLanguage },
  });
  return { status: r.status, language: r.headers.get('content-language'), body: await r.json() };
};

test('F-P1: Accept-Language uz-UZ, tg-TJ, ky-KG gets the problem in Uzbek, Tajik, Kyrgyz', async () => {
  for (const [header, lang] of [['uz-UZ,ru;q=0.8', 'uz'], ['tg-TJ', 'tg'], ['ky-KG,ru;q=0.5', 'ky'], ['uz-Latn', 'uz']]) {
    const r = await taxProblem(header);
    assert.equal(r.status, 400, header);
    assert.equal(r.language, lang, header);
    assert.equal(r.body.field, 'months');
    assert.equal(r.body.title, texts(lang)['problem.title.400'], header);
    assert.equal(r.body.detail, { ...texts(lang), ...texts(lang, 'li') }[r.body.code], `${header}: ${r.body.code}`);
  }
  // Cyrillic Uzbek is not FLIS's Uzbek: Russian, by CLDR's distances.
  const cyrillic = await taxProblem('uz-Cyrl-UZ');
  assert.equal(cyrillic.language, 'ru');
  assert.equal(cyrillic.body.title, texts('ru')['problem.title.400']);
});

test('F-P1: ?lang=uz is kept in the cookie; the switcher names all six languages in themselves', async () => {
  const r = await fetch(`${server.url}/verify?lang=uz`);
  assert.equal(r.status, 200);
  const html = await r.text();
  assert.match(html, /<html lang="uz">/);
  for (const name of ['Қазақша', 'Русский', 'English', 'O\u02BBzbekcha', 'Тоҷикӣ', 'Кыргызча']) {
    assert.ok(html.includes(`>${name}</a>`), name);
  }
  assert.ok(html.includes(texts('uz')['portal.verify.heading']), 'the verification page is Uzbek');
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /lang=uz/);
  const next = await (await fetch(`${server.url}/verify`, { headers: { cookie: cookie.split(';')[0] } })).text();
  assert.match(next, /<html lang="uz">/);
});

test('F-P1: a page outside the immigrant\'s set is Russian under a Kyrgyz layout', async () => {
  const html = await (await fetch(`${server.url}/quota?year=2026&lang=ky`)).text();
  assert.match(html, /<html lang="ky">/);
  assert.ok(html.includes(texts('ky')['portal.layout.main_nav']), 'the layout is Kyrgyz');
  assert.ok(html.includes('Всего'), 'the quota table is Russian');
});
