// Form 4-ВОУПИРС over HTTP (EP-80, EP-A11, EP-14.3, I-39; cases/ep/report.h): KazStroyMontazh, holding a permit
// issued on Monday 1 June 2026, prepares June's report pre-filled from FLIS and ЕСУТД (the simulator); the LEB
// that issued the permit sees it, another employer does not; both download it as XLSX and PDF. Left unfiled,
// it is flagged missed by the job on a server restarted on 11 July (the due day, I-39, was the 10th), shown
// in the officer's inbox, and then filed late.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { epWorker, epWorldForFile, issuedApplication, ksmBin } from './ep_fixtures.mjs';

const at = '2026-06-01T10:00';
const later = '2026-07-11T10:00';
const reports = '/api/v1/employer-permits/reports';
const world = epWorldForFile(at);const month = { employer_bin: ksmBin, period: '2026-06', phone: '+7 727 300 00 00', email: 'hr@ksm.kz',
  executor_name: 'Ахметова Дана' };

test('EP-A11 EP-80 EP-14.3 I-39: the monthly report is pre-filled, seen by the issuing LEB, exported as XLSX and PDF; a month not filed by its due day is flagged missed and filed late', async () => {
  const [ksm, adl, officer, head] = await world.start(at, ['employer.ksm', 'employer.adl', 'officer.almaty', 'head.almaty']);
  const app = await issuedApplication(ksm, head, world.sim, epWorker, 'КГД-PP-9201', '2026-06-01');
  const permit = app.permits[0].number;

  const early = await ksm.post(reports, { ...month, period: '2026-08' });
  assert.equal(early.status, 400);
  assert.equal(early.data.code, 'ep.report_period');

  const made = await ksm.post(reports, month);
  assert.equal(made.status, 201, JSON.stringify(made.data));
  const id = made.data.id;
  assert.equal(made.data.kind, 'report');
  assert.equal(made.data.state, 'draft');
  const data = made.data.data;
  assert.equal(data.period, '2026-06');
  assert.equal(data.due_on, '2026-07-10'); // I-39: the 10th of the next month
  assert.equal(data.issuer, 'leb-750000000');
  assert.ok(data.permits.includes(permit), 'the permit valid in June');
  assert.ok(data.kazakh_staff.length > 0, 'column 6 from ЕСУТД');
  assert.equal(data.head_name.length > 0, true); // ГБД ЮЛ
  assert.equal(data.registry_error, undefined);

  // The LEB that issued sees it; another employer does not.
  assert.equal((await officer.get(`/api/v1/cases/${id}`)).status, 200);
  assert.equal((await adl.get(`/api/v1/cases/${id}`)).status, 404);
  assert.equal((await adl.get(`${reports}/${id}.xlsx`)).status, 404);

  const xlsx = await officer.get(`${reports}/${id}.xlsx`);
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(xlsx.data.subarray(0, 2).toString(), 'PK');
  const pdf = await ksm.get(`${reports}/${id}.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.data.subarray(0, 4).toString(), '%PDF');

  // The portal: the employer's list and the report's page with its columns.
  const list = (await ksm.get('/employer-permits/reports')).data.toString();
  assert.ok(list.includes(id), 'the report in the employer list');
  const page = (await ksm.get(`/cases/${id}`)).data.toString();
  assert.ok(page.includes('data-testid="ep-report-columns"'));

  // 11 July: June's due day has passed; the job (run at start) flags the draft missed.
  const [ksm2, officer2] = await world.start(later, ['employer.ksm', 'officer.almaty']);
  let state;
  for (let i = 0; i < 50 && state !== 'missed'; i++) {
    state = (await ksm2.get(`/api/v1/cases/${id}`)).data.state;
    if (state !== 'missed') await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(state, 'missed');
  const inbox = (await officer2.get('/inbox')).data.toString();
  assert.ok(inbox.includes(id), 'the missed report in the LEB inbox');

  const filed = await ksm2.post(`${reports}/${id}/file`);
  assert.equal(filed.status, 200, JSON.stringify(filed.data));
  assert.equal(filed.data.state, 'filed');
  assert.equal(filed.data.data.late, true);
  const again = await ksm2.post(reports, month);
  assert.equal(again.status, 409);
  assert.equal(again.data.code, 'ep.report_filed');
});
