// The immigrant's pages in Uzbek (issue 12 "People", F-P1): an Uzbek immigrant picks Oʻzbekcha with
// ?lang=uz, the choice stays (its cookie), and the LI cabinet and the agreement of intent offered to him
// read in Uzbek (Latin script) with <html lang="uz"> and no raw message key — the LI texts, the case
// page around them (its history's steps and roles) and the notice of his signature are all in the
// immigrant's set. The household employer
// offers the agreement over the API. Every page is audited with axe-core. As of Monday 16 November 2026.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signIn as apiSignIn, startSim } from '../http/server.mjs';
import { baseUrl, fillRakhimovPassport, launch, submit, visit } from './helpers.mjs';

const at = '2026-11-16T10:00';
const alatau = '751210000';
let sim, browser;

before(async () => {
  sim = await startSim({ at });
  browser = await launch('en-US', { at, args: ['--registry-url', sim.url, '--job-period', '1'] });
});
after(async () => {
  await browser?.close();
  await sim?.stop();
});

// A message key shown instead of its text ("portal.li.cabinet.title", "li.state.offered").
const rawKey = /\b(?:portal|li|case|command|role)\.[a-z0-9_]+(?:\.[a-z0-9_-]+)*/;

async function assertUzbek(page) {
  assert.equal(await page.getAttribute('html', 'lang'), 'uz');
  const main = await page.textContent('main');
  assert.doesNotMatch(main, rawKey);
  return main;
}

test('F-P1: the LI cabinet in Uzbek, chosen with ?lang=uz and kept', async () => {
  const page = await browser.as('rakhimov');
  await visit(page, '/labour-immigrants/cabinet?lang=uz', 'LI cabinet in Uzbek');
  assert.equal((await page.textContent('h1')).trim(), 'Mening ishlash uchun ruxsatnomam');
  const main = await assertUzbek(page);
  assert.match(main, /Ish beruvchingizdan kelishuv/);
  // The choice is remembered: the next page without ?lang is Uzbek too.
  await visit(page, '/labour-immigrants/cabinet', 'LI cabinet, Uzbek kept');
  assert.equal((await page.textContent('h1')).trim(), 'Mening ishlash uchun ruxsatnomam');
  await assertUzbek(page);
});

test('F-P1 LI-12 I-16: the agreement of intent read and signed in Uzbek', async () => {
  const aigerim = await apiSignIn(baseUrl, 'employer.aigerim');
  const offer = await aigerim.post('/api/v1/labour-immigrants/agreements', { immigrant: 'rakhimov',
    profession: 'няня', wage_tenge: 250000, months: 6,
    workplace: { work_address: 'ул. Рыскулова, 12', district: alatau, cadastral_number: '20:321:045:118',
      phone: '+77010000000' } });
  assert.equal(offer.status, 201, JSON.stringify(offer.data));

  const page = await browser.as('rakhimov');
  await visit(page, '/labour-immigrants/cabinet?lang=uz', 'LI cabinet in Uzbek');
  await page.fill('#f-agreement', offer.data.id);
  await submit(page, 'form[action="/labour-immigrants/cabinet"][method=get]', 'LI agreement in Uzbek');
  let main = await assertUzbek(page);
  assert.match(main, /Taklif qilingan, immigrant imzosi kutilmoqda/);
  assert.match(main, /Kelishuvni pasport maʼlumotlaringiz bilan imzolang/);

  await fillRakhimovPassport(page, 'f-li-sign-agreement-immigrant-');
  await submit(page, 'form[action$="/li/sign-agreement"]', 'LI agreement signed in Uzbek');
  main = await assertUzbek(page);
  assert.match(main, /Imzolandi: kvota oʻrni band qilindi/);
  assert.match(main, /Imzolandi\. Kvotadagi joy siz uchun 10 kun saqlanadi: hoziroq ariza bering\./);
  // The case history names the LI step and who took it in Uzbek too.
  assert.match(main, /Ish tarixi/);
  assert.match(main, /Immigrant kelishuvni imzoladi: kvota oʻrni band qilindi/);
  assert.match(main, /Ish beruvchi niyat haqidagi kelishuvni taklif qildi/);
  assert.match(main, /Ish beruvchi \(jismoniy shaxs\)/);
});
