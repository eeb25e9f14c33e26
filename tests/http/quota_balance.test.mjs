// The live quota balance (QT-19, I-17) over HTTP, on a database of its own seeded as of 15 June 2026,
// while the 2026 quota is in force. The demo seed distributes the 2026 quota of reference-data.md over
// the 20 regions (F-QL1), uses part of it and holds labour-immigrant reservations made that day (I-16).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let server;
before(async () => { server = await startServer({ at: '2026-06-15T10:00' }); });
after(async () => { await server.stop(); });

const national = { category_1: 726, category_2: 3402, category_3: 5893, category_4: 3131, seasonal: 4994,
  labour_immigrant: 279850 };

async function balance(query = '') {
  const r = await fetch(`${server.url}/api/v1/quota/2026/balance${query}`);
  return { r, body: r.headers.get('content-type').includes('json') ? await r.json() : await r.text() };
}

test('QT-3 QT-19 QT-20 I-15 I-17: the public balance adds up to the national quota, with no one signed in', async () => {
  const { r, body } = await balance();
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  assert.equal(body.year, 2026);
  const allocated = {};
  const regions = new Set();
  const districts = [];
  for (const b of body.balances) {
    allocated[b.kind] = (allocated[b.kind] || 0) + b.allocated;
    regions.add(b.region);
    // I-17: never more used and reserved than allocated.
    assert.equal(b.available, b.allocated - b.reserved - b.consumed);
    assert.ok(b.available >= 0, b.key);
    // I-15: a district's share of its region's labour-immigrant quota has the district in its key.
    assert.equal(b.key, b.district ? `2026/${b.region}/${b.district}/${b.kind}` : `2026/${b.region}/${b.kind}`);
    if (b.district) districts.push(b);
  }
  // Sub-allocating to districts moves units inside a region: the national figures are unchanged.
  assert.deepEqual(allocated, national);
  // QT-3: the quota is the maximum number of foreign workers of each kind of foreign labour — the four
  // categories, seasonal workers and labour immigrants in households — and nothing else is counted.
  assert.deepEqual(Object.keys(allocated).sort(),
    ['category_1', 'category_2', 'category_3', 'category_4', 'labour_immigrant', 'seasonal']);
  assert.equal(regions.size, 20);
  assert.deepEqual(new Set(districts.map((b) => b.kind)), new Set(['labour_immigrant']));
  assert.deepEqual(districts.map((b) => b.region).sort(),
    ['710000000', '710000000', '750000000', '750000000', '750000000']);
  assert.ok(body.total.consumed > 0, 'the demo used part of the quota');
  assert.ok(body.total.reserved > 0, 'the demo holds labour-immigrant reservations (I-16)');
  assert.equal(body.total.available,
    body.total.allocated - body.total.reserved - body.total.consumed);
  assert.ok(body.rule_ids.includes('I-17'));
});

test('QT-20: one region and kind; another year has nothing distributed', async () => {
  const { r, body } = await balance('?region=750000000&kind=category_2');
  assert.equal(r.status, 200);
  assert.equal(body.balances.length, 1);
  assert.equal(body.balances[0].region, '750000000');
  assert.equal(body.balances[0].kind, 'category_2');
  assert.equal(body.total.allocated, body.balances[0].allocated);
  const none = await fetch(`${server.url}/api/v1/quota/2031/balance`);
  assert.equal(none.status, 200);
  assert.deepEqual((await none.json()).balances, []);
});

test('invalid year, region or kind is a problem naming the field', async () => {
  for (const [path, field] of [['/api/v1/quota/20x6/balance', 'year'], ['/api/v1/quota/1999/balance', 'year'],
    ['/api/v1/quota/2026/balance?region=75', 'region'], ['/api/v1/quota/2026/balance?kind=bogus', 'kind']]) {
    const r = await fetch(`${server.url}${path}`);
    assert.equal(r.status, 400, path);
    assert.match(r.headers.get('content-type'), /application\/problem\+json/);
    const p = await r.json();
    assert.equal(p.field ?? p.errors?.[0]?.field ?? field, field, path);
  }
});

test('the OpenAPI document describes the balance route', async () => {
  const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const op = doc.paths['/api/v1/quota/{year}/balance'].get;
  assert.ok(op);
  assert.deepEqual(op.parameters.map((p) => p.name), ['year', 'region', 'kind']);
});

test('QT-19, I-15: the public quota page in kk, ru and en, with totals and the districts', async () => {
  for (const [lang, word] of [['kk', 'Барлығы'], ['ru', 'Всего'], ['en', 'Total']]) {
    const r = await fetch(`${server.url}/quota?year=2026&lang=${lang}`);
    assert.equal(r.status, 200, lang);
    const html = await r.text();
    assert.match(html, new RegExp(`<html[^>]*lang="${lang}"`));
    assert.ok(html.includes('data-testid="quota-table"'), lang);
    assert.ok(html.includes(word), `${lang}: ${word}`);
    assert.ok(html.includes('data-key="2026/750000000/category_2"'), lang);
    // I-15: Almaty's districts right under its labour-immigrant row, by name.
    const li = html.indexOf('data-key="2026/750000000/labour_immigrant"');
    const almaly = html.indexOf('data-key="2026/750000000/751110000/labour_immigrant"');
    assert.ok(li > 0 && almaly > li, lang);
    assert.ok(!html.slice(li, almaly).includes('flis-quota-subtotal'), lang);
  }
  const en = await (await fetch(`${server.url}/quota?year=2026&region=750000000&lang=en`)).text();
  assert.ok(en.includes('Labour immigrants — held by the region'));
  assert.match(en, /class="flis-quota-district"><th scope="row">Labour immigrants — Almaly District</);
  const bad = await fetch(`${server.url}/quota?year=2026&kind=bogus&lang=en`);
  assert.equal(bad.status, 400);
});

test('I-14: a signed-in employer sees what remains in the regions of their applications', async () => {
  const loginPage = await fetch(`${server.url}/login`);
  const token = (await loginPage.text()).match(/name="csrf" value="([^"]+)"/)[1];
  const loginCookie = loginPage.headers.get('set-cookie').split(';')[0];
  const form = new URLSearchParams({ login: 'employer.alatau', csrf: token });
  const login = await fetch(`${server.url}/login`, { method: 'POST', body: form, redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie } });
  assert.equal(login.status, 303);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const r = await fetch(`${server.url}/quota?year=2026&lang=en`, { headers: { cookie } });
  assert.equal(r.status, 200);
  const html = await r.text();
  // The demo employer asked for workers in Almaty (QT-6): their panel shows Almaty's categories.
  assert.ok(html.includes('id="quota-mine-750000000"'), 'the Almaty panel');
  assert.ok(html.includes('data-testid="quota-mine"'));
  assert.ok(html.includes('Category 3'));
});
