// Where and when the service is given (EP-A2.7, EP-A2.7(addr)): every region's LEB is listed with the
// hours it works — the acts' 09:00–18:30 with lunch 13:00–14:30, Monday to Friday, unless it has its own —
// and with the address, telephone and internet resource its administrator entered as provider
// configuration. FLIS ships no address; the public page and API show what was entered and say where to
// look otherwise. The database is seeded as of Monday 1 June 2026.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { almaty, signIn, startServer } from './server.mjs';

let server, admin, officer;
before(async () => {
  server = await startServer({ at: '2026-06-01T10:00' });
  [admin, officer] = await Promise.all(['admin', 'officer.almaty'].map((l) => signIn(server.url, l)));
});
after(async () => { await server?.stop(); });

const points = async (lang = 'ru') => {
  const r = await fetch(`${server.url}/api/v1/service-points`, { headers: { 'Accept-Language': lang } });
  assert.equal(r.status, 200);
  return r.json();
};

test('EP-A2.7 EP-A2.7(addr): every region\'s LEB with the acts\' hours, and the address its administrator entered', async () => {
  const before = await points();
  assert.equal(before.service_points.length, 20);
  assert.deepEqual(before.rule_ids, ['EP-A2.7', 'EP-A2.7(addr)', 'I-2']);
  const alm = before.service_points.find((p) => p.region === almaty);
  assert.equal(alm.provider_body, `leb-${almaty}`);
  assert.equal(alm.address, null); // nothing shipped, nothing invented
  assert.deepEqual(alm.hours, { open: '09:00', close: '18:30', lunch_start: '13:00', lunch_end: '14:30',
    days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], own: false });

  // The administrator enters Almaty's service point from its internet resource, and Astana's own hours.
  const entered = await admin.call('PUT', `/api/v1/admin/reference/service_point/leb-${almaty}`, {
    effective_from: '2026-01-01', confirmed: true,
    payload: { address: { ru: 'г. Алматы, ул. Примерная, 1, каб. 101', kk: 'Алматы қ., Примерная к-сі, 1, 101 каб.',
      en: '1 Primernaya St, office 101, Almaty' }, phone: '+7 727 000 00 00', website: 'https://example.gov.kz/almaty' },
  });
  assert.equal(entered.status, 200, JSON.stringify(entered.data));
  const hours = await admin.call('PUT', '/api/v1/admin/reference/working_hours/leb-710000000', {
    effective_from: '2026-01-01', confirmed: true,
    payload: { open: '08:30', close: '18:00', lunch_start: '13:00', lunch_end: '14:00',
      days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] },
  });
  assert.equal(hours.status, 200, JSON.stringify(hours.data));
  // Only an administrator configures providers.
  const notAdmin = await officer.call('PUT', `/api/v1/admin/reference/service_point/leb-${almaty}`, {
    effective_from: '2026-01-01', payload: {} });
  assert.equal(notAdmin.status, 403);

  const ru = await points('ru');
  const almRu = ru.service_points.find((p) => p.region === almaty);
  assert.equal(almRu.address, 'г. Алматы, ул. Примерная, 1, каб. 101');
  assert.equal(almRu.phone, '+7 727 000 00 00');
  assert.equal(almRu.website, 'https://example.gov.kz/almaty');
  assert.equal((await points('kk')).service_points.find((p) => p.region === almaty).address,
    'Алматы қ., Примерная к-сі, 1, 101 каб.');
  // A language the entry lacks shows the Russian address.
  assert.equal((await points('uz')).service_points.find((p) => p.region === almaty).address,
    'г. Алматы, ул. Примерная, 1, каб. 101');
  const ast = ru.service_points.find((p) => p.region === '710000000');
  assert.deepEqual([ast.hours.open, ast.hours.close, ast.hours.own], ['08:30', '18:00', true]);

  // The public page, for anyone.
  const page = await fetch(`${server.url}/service-points?lang=ru`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /ул\. Примерная, 1, каб\. 101/);
  assert.match(html, /08:30–18:00/);
  assert.match(html, /09:00–18:30 перерыв 13:00–14:30/);
  assert.match(html, /Пока не внесён/);
  assert.match(html, /EP-A2\.7\(addr\)/);
});
