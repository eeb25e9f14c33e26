// Downloads of the QT request forms (QT-A1..QT-A4) as PDF and XLSX over the JSON API: content types,
// attachment names, and the access rules of the JSON views (an employer its own request, an LEB its
// own region, the Ministry all; others get 404). On a database of its own seeded as of 21 October
// 2026, when the 2027 campaign has Almaty's requests filed and partly decided; the test takes them
// through the Commission and submits the region itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, quotaYearAt, almaty, astana } from './server.mjs';

const at = '2026-10-21T10:00';
const year = quotaYearAt(at);

let server;
let alatau, steppe, officer, member, ministry, astanaOfficer;
const pdfType = 'application/pdf';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

before(async () => {
  server = await startServer({ at });
  const logins = ['employer.alatau', 'employer.steppe', 'officer.almaty', 'commission1.almaty', 'ministry',
    'officer.astana'];
  [alatau, steppe, officer, member, ministry, astanaOfficer] = await Promise.all(logins.map((l) => signIn(server.url, l)));
});
after(async () => { await server.stop(); });

function assertDownload(r, type, namePattern) {
  assert.equal(r.status, 200, r.type.includes('json') ? JSON.stringify(r.data) : r.type);
  assert.equal(r.type, type);
  const disposition = r.headers.get('content-disposition');
  assert.match(disposition, /^attachment; filename="/);
  assert.match(disposition, namePattern);
  if (type === pdfType) assert.equal(r.data.subarray(0, 5).toString(), '%PDF-');
  else assert.equal(r.data.subarray(0, 2).toString(), 'PK');
}

function assertProblem(r, status, code) {
  assert.equal(r.status, status, JSON.stringify(r.data));
  assert.equal(r.type, 'application/problem+json');
  if (code) assert.equal(r.data.code, code);
}

test('QT-A1: the employer downloads its own request as PDF and XLSX; nobody else\'s', async () => {
  const own = (await alatau.get(`/api/v1/quota/${year}/requests`)).data.requests[0];
  assert.ok(own, 'the demo seed filed Alatau\'s request');
  assertDownload(await alatau.get(`/api/v1/quota/requests/${own.id}/qt-a1.pdf`), pdfType, /QT-A1-QTA1-.*\.pdf"/);
  assertDownload(await alatau.get(`/api/v1/quota/requests/${own.id}/qt-a1.xlsx`), xlsxType, /\.xlsx"/);
  // The LEB of the region and the Ministry see it too (as its JSON view).
  assertDownload(await officer.get(`/api/v1/quota/requests/${own.id}/qt-a1.pdf`), pdfType, /\.pdf"/);
  assertDownload(await ministry.get(`/api/v1/quota/requests/${own.id}/qt-a1.xlsx`), xlsxType, /\.xlsx"/);
  // Another employer, another region's LEB: the same 404 as GET /api/v1/cases/{id}.
  assertProblem(await steppe.get(`/api/v1/quota/requests/${own.id}/qt-a1.pdf`), 404, 'case.not_found');
  assertProblem(await steppe.get(`/api/v1/cases/${own.id}`), 404, 'case.not_found');
  assertProblem(await astanaOfficer.get(`/api/v1/quota/requests/${own.id}/qt-a1.xlsx`), 404, 'case.not_found');
  assertProblem(await alatau.get('/api/v1/quota/requests/QTA1-1999-0-nobody/qt-a1.pdf'), 404);
  // A case that is not an employer's request is not a QT-A1.
  assertProblem(await ministry.get(`/api/v1/quota/requests/QT-${year}-${almaty}/qt-a1.pdf`), 404);
});

// The region's submission to the Ministry (QT-12) is what QT-A2..A4 print; before it they do not exist.
async function submitAlmaty() {
  const probe = await officer.get(`/api/v1/quota/${year}/regions/${almaty}/qt-a2.pdf`);
  assertProblem(probe, 409, 'case.wrong_state');
  assert.deepEqual(probe.data.rule_ids, ['QT-12']);
  const list = (await officer.get(`/api/v1/quota/${year}/requests`)).data.requests;
  for (const c of list.filter((r) => r.state === 'registered')) {
    const decided = await member.post(`/api/v1/quota/requests/${c.id}/decision`,
      { accepted: c.data.lines.map((l) => l.count), present: [member.userId], reasons: 'Обосновано' });
    assert.equal(decided.status, 200, JSON.stringify(decided.data));
  }
  const submitted = await officer.post(`/api/v1/quota/${year}/ministry-submission`, {
    li_current_year_count: 41000, li_need: 45000, li_justification: 'Спрос на домашних работников',
    countries: [{ country: 'UZB', category: 'category_3', profession: 'Сварщик', count: 5 }],
  });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.data));
}

test('QT-A2, QT-A3, QT-A4: the LEB and the Ministry download the region\'s submission', async () => {
  await submitAlmaty();
  for (const form of ['qt-a2', 'qt-a3', 'qt-a4']) {
    const code = form.toUpperCase();
    const base = `/api/v1/quota/${year}/regions/${almaty}/${form}`;
    assertDownload(await officer.get(`${base}.pdf`), pdfType, new RegExp(`${code}-QT-${year}-${almaty}\\.pdf"`));
    assertDownload(await officer.get(`${base}.xlsx`), xlsxType, new RegExp(`${code}-QT-${year}-${almaty}\\.xlsx"`));
    assertDownload(await ministry.get(`${base}.pdf`), pdfType, /\.pdf"/);
    // Another LEB and an employer do not see the region's case.
    assertProblem(await astanaOfficer.get(`${base}.pdf`), 404, 'case.not_found');
    assertProblem(await alatau.get(`${base}.xlsx`), 404, 'case.not_found');
  }
  // The same case renders to the same bytes.
  const a = await ministry.get(`/api/v1/quota/${year}/regions/${almaty}/qt-a2.pdf`);
  const b = await ministry.get(`/api/v1/quota/${year}/regions/${almaty}/qt-a2.pdf`);
  assert.ok(Buffer.compare(a.data, b.data) === 0);
});

test('QT-A2: unknown region or year, malformed year, no sign-in', async () => {
  assertProblem(await ministry.get(`/api/v1/quota/${year}/regions/${astana}/qt-a2.pdf`), 404);
  assertProblem(await ministry.get(`/api/v1/quota/2031/regions/${almaty}/qt-a4.xlsx`), 404);
  assertProblem(await ministry.get(`/api/v1/quota/abc/regions/${almaty}/qt-a3.pdf`), 400, 'validation.year');
  const anonymous = await fetch(`${server.url}/api/v1/quota/${year}/regions/${almaty}/qt-a2.pdf`);
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.headers.get('content-type'), 'application/problem+json');
});

test('QT-A1..QT-A4 downloads are described in the OpenAPI document', async () => {
  const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const a1 = doc.paths['/api/v1/quota/requests/{id}/qt-a1.pdf'].get;
  assert.ok(a1.responses['200'].content[pdfType]);
  for (const form of ['qt-a2', 'qt-a3', 'qt-a4'])
    assert.ok(doc.paths[`/api/v1/quota/{year}/regions/{region}/${form}.xlsx`].get.responses['200'].content[xlsxType]);
});
