// Agencies filing for employers (issue 11): a CSV file of workers — as Excel writes it in a Kazakh or Russian
// locale (UTF-8 with a BOM, semicolons, decimal commas) — sent to POST …/applications/csv and through the
// portal's upload page. The rows of one client_key are one application; each is validated and made on its
// own, answered with the row and column at fault, and a file sent again makes nothing twice. The database is
// seeded as of Monday 1 June 2026.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { epBase, ksmBin, startEpServer } from './ep_fixtures.mjs';
import { almaty } from './server.mjs';

const at = '2026-06-01T10:00';
let world, ksm, officer;

before(async () => {
  world = await startEpServer(at, ['employer.ksm', 'officer.almaty']);
  [ksm, officer] = world.users;
});
after(async () => { await world?.stop(); });

const sendCsv = (client, text, type = 'text/csv; charset=utf-8') =>
  client.call('POST', `${epBase}/csv`, text, { 'Content-Type': type, 'Accept-Language': 'ru' });

const header = 'client_key;kind;category;employer_bin;oked_section;regions;vacancy_code;surname;given_name;birth_date;' +
  'citizenship;passport_number;residence_country;departure_country;education;education_level;occupation_code;experience_years';
const row = (key, surname, passport, birth = '1990-04-12', app = true) =>
  [key, app ? 'issue' : '', app ? 'category_3' : '', app ? ksmBin : '', app ? 'F' : '', app ? almaty : '',
    app ? 'ЭБТ-2026-70103' : '', surname, 'Бекзод', birth, 'UZ', passport, 'UZ', 'UZ', '"Колледж; техник-строитель"',
    'technical_vocational', '3112', '9,5'].join(';');

test('a CSV of workers becomes one draft per client_key, each answered on its own with the row and column at fault', async () => {
  const file = '\uFEFF' + [header,
    row('AG-1', 'Каримов', 'FB1000001'),
    row('AG-1', 'Рахимов', 'FB1000002', '1992-01-30', false),
    row('AG-2', 'Юсупов', 'FB1000003', '1990-13-45'),
    row('AG-3', 'Алиев', 'FB1000004'),
  ].join('\r\n') + '\r\n';
  const first = await sendCsv(ksm, file);
  assert.equal(first.status, 200, JSON.stringify(first.data));
  assert.deepEqual([first.data.created, first.data.existing, first.data.refused], [2, 0, 1]);
  const [ag1, ag2, ag3] = first.data.results;
  assert.deepEqual([ag1.client_key, ag1.status, ag1.rows], ['AG-1', 201, [2, 3]]);
  const workers = ag1.case.data.workers;
  assert.deepEqual(workers.map((w) => w.surname), ['Каримов', 'Рахимов']);
  assert.equal(workers[0].experience_years, 9.5); // the decimal comma of a semicolon file
  assert.equal(workers[0].education, 'Колледж; техник-строитель'); // a quoted cell keeps its semicolon
  assert.equal(ag1.case.data.client_key, 'AG-1');
  // AG-2: the date of birth of row 4 is not a date.
  assert.equal(ag2.status, 400);
  assert.deepEqual([ag2.problem.row, ag2.problem.column, ag2.problem.field], [4, 'birth_date', 'workers[0].birth_date']);
  assert.ok(ag2.problem.detail.length > 0);
  assert.equal(ag3.status, 201);

  // Sent again: the drafts made before are answered (200), nothing is made twice; the bad one is still refused.
  const again = await sendCsv(ksm, file);
  assert.deepEqual([again.data.created, again.data.existing, again.data.refused], [0, 2, 1]);
  assert.equal(again.data.results[0].case.id, ag1.case.id);

  // A later row that restates an application's own column differently is refused for that application only.
  const differs = await sendCsv(ksm, [header, row('AG-4', 'Каримов', 'FB1000005'),
    row('AG-4', 'Рахимов', 'FB1000006').replace(';category_3;', ';category_4;'), row('AG-5', 'Алиев', 'FB1000007')].join('\n'));
  assert.deepEqual(differs.data.results.map((r) => r.status), [400, 201]);
  assert.deepEqual([differs.data.results[0].problem.code, differs.data.results[0].problem.row,
    differs.data.results[0].problem.column], ['ep.csv_application_differs', 3, 'category']);
});

test('a file that cannot be read as the template is refused whole, with a reason; only employers may send one', async () => {
  const refused = async (text, code, type) => {
    const r = await sendCsv(ksm, text, type);
    assert.deepEqual([r.status, r.data.code], [type && !type.startsWith('text/') ? 415 : 400, code], JSON.stringify(r.data));
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
    return r;
  };
  const unknown = await refused(`${header};salary\n${row('AG-9', 'Каримов', 'FB1000009')};100\n`, 'ep.csv_unknown_column');
  assert.equal(unknown.data.field, 'file');
  await refused(header.replace('client_key;', '') + '\n', 'ep.csv_client_key_column');
  await refused(Buffer.from('client_key;surname\nAG-1;\xCA\xE0\xF0\xE8\xEC\xEE\xE2\n', 'latin1'), 'csv.encoding');
  await refused(`${header}\n"AG-1;issue\n`, 'csv.malformed');
  await refused(header + '\n', 'csv.empty');
  await refused('{"applications": []}', 'http.unsupported_media_type', 'application/json');
  const many = [header];
  for (let i = 0; i < 101; ++i) many.push(row(`AG-M${i}`, 'Каримов', `FM${100000 + i}`));
  await refused(many.join('\n'), 'ep.batch_size');
  const byOfficer = await sendCsv(officer, `${header}\n${row('AG-1', 'Каримов', 'FB1000001')}\n`);
  assert.equal(byOfficer.status, 403);
});

test('the portal offers a template that the upload takes as it is', async () => {
  const template = await fetch(`${world.server.url}/employer-permits/upload/template.csv`);
  assert.equal(template.status, 200);
  assert.match(template.headers.get('content-type'), /^text\/csv/);
  const text = await template.text();
  const [head, ...rows] = text.trim().split('\r\n');
  for (const column of ['client_key', 'employer_bin', 'regions', 'surname', 'occupation_code', 'education_level',
    'foreign_employer.basis'])
    assert.ok(head.split(',').includes(column), column);
  assert.equal(rows.length, 2);
  const sent = await sendCsv(ksm, text);
  assert.equal(sent.status, 200, JSON.stringify(sent.data));
  assert.deepEqual(sent.data.results.map((r) => [r.client_key, r.status]), [['AG-2026-0001', 201]]);
  assert.equal(sent.data.results[0].case.data.workers.length, 2);
});
