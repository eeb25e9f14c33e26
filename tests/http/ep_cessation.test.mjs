// reference-data.md "A permit ceases" (F-E19), the three ways FLIS did not yet end a permit: the employer
// returns it (the worker dismissed or never arrived), a new permit is issued to the same worker, and ГБД ЮЛ
// says the employer is liquidated (the scheduled job, run at a server's start). Each permit ends ("ended"),
// the application that issued it records why and when, public verification says it is no longer valid and the
// employer's cabinet no longer counts it; no ban follows and no quota unit goes back (I-14). Against a registry
// simulator of its own; the database is seeded as of Monday 1 June 2026.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { epBase, epDraft, epWorker, epWorldForFile, filedApplication, issuedApplication, ksmBin } from './ep_fixtures.mjs';
import { almaty } from './server.mjs';

const at = '2026-06-01T10:00';
const world = epWorldForFile(at);
const logins = ['employer.ksm', 'employer.adl', 'officer.almaty', 'head.almaty'];
const dismissedWorker = { ...epWorker, passport_number: 'FA4100001' };
const movingWorker = { ...epWorker, surname: 'Юсупов', given_name: 'Фаррух', passport_number: 'FA4100002' };

const permitOf = async (user, caseId) => (await user.get(`/api/v1/cases/${caseId}`)).data;
const verified = async (user, permit) => {
  const token = permit.verification_url.split('/verify/')[1];
  return (await user.get(`/api/v1/verify/${encodeURIComponent(token)}`)).data;
};
const validInCabinet = async (user) => {
  const html = (await user.get('/employer-permits/cabinet')).data.toString();
  const m = html.match(/id="ep-cab-permits">[^<]*\((\d+)\)/);
  assert.ok(m, 'the cabinet counts the valid permits');
  return Number(m[1]);
};
const quotaLeft = async (user) => {
  const r = await user.post('/api/v1/employer-permits/pre-check', epDraft);
  assert.equal(r.status, 200, JSON.stringify(r.data));
  return r.data.quota.find((q) => q.region === almaty).available;
};

test('F-E19 I-14: the employer returns a permit — the worker was dismissed — and it ends with no ban and no quota back', async () => {
  const [ksm, adl, officer, head] = await world.start(at, logins);
  const app = await issuedApplication(ksm, head, world.sim, dismissedWorker, 'КГД-PP-4101', '2026-06-01');
  const permit = app.permits[0];
  const url = `${epBase}/${app.id}/returns`;
  const cabinetBefore = await validInCabinet(ksm);
  const quotaBefore = await quotaLeft(ksm);

  const refused = async (body, code, field) => {
    const r = await ksm.post(url, { permit_number: permit.number, reason: 'dismissed', on: '2026-06-01', ...body });
    assert.deepEqual([r.status, r.data.code, r.data.field], [400, code, field], JSON.stringify(r.data));
  };
  await refused({ reason: undefined }, 'validation.required', 'reason');
  await refused({ reason: 'new_permit' }, 'ep.return_reason', 'reason'); // FLIS's own reasons are not the employer's
  await refused({ on: '2026-06-02' }, 'validation.date_in_future', 'on');
  await refused({ on: '2026-05-31' }, 'ep.return_outside_permit', 'on');
  await refused({ permit_number: 'EPP-00-0000-000000' }, 'ep.permit_not_valid', 'permit_number');
  // Only the employer, on its own application.
  assert.equal((await officer.post(url, { permit_number: permit.number, reason: 'dismissed', on: '2026-06-01' })).status, 403);
  assert.equal((await adl.post(url, { permit_number: permit.number, reason: 'dismissed', on: '2026-06-01' })).status, 404);

  const returned = await ksm.post(url, { permit_number: permit.number, reason: 'dismissed', on: '2026-06-01' });
  assert.equal(returned.status, 200, JSON.stringify(returned.data));
  assert.equal(returned.data.state, 'issued');
  const [ceased] = returned.data.data.cessations;
  assert.deepEqual([ceased.permit, ceased.reason, ceased.on, ceased.rule_ids], [permit.number, 'dismissed', '2026-06-01', ['F-E19']]);
  assert.equal(returned.data.permits[0].status, 'ended');
  assert.deepEqual(returned.data.data.bans, []); // returning is no breach
  assert.ok(returned.data.timeline.at(-1).rule_ids.includes('F-E19'), JSON.stringify(returned.data.timeline.at(-1)));
  const again = await ksm.post(url, { permit_number: permit.number, reason: 'not_arrived', on: '2026-06-01' });
  assert.deepEqual([again.status, again.data.code], [400, 'ep.permit_not_valid']);

  // Public verification: no longer valid. The cabinet no longer counts it; the unit stays used (I-14).
  assert.equal((await verified(ksm, permit)).status, 'ended');
  assert.equal(await validInCabinet(ksm), cabinetBefore - 1);
  assert.equal(await quotaLeft(ksm), quotaBefore);

  // The case page shows why and when; the permit itself says it has ceased.
  const html = (await ksm.get(`/cases/${app.id}?lang=en`)).data.toString();
  assert.match(html, /data-testid="ep-cessations"/);
  assert.match(html, /data-reason="dismissed"/);
  assert.match(html, /Returned: the worker was dismissed/);
  assert.match(html, /No longer valid \(ceased\)/);

  // No ban: the next issue application meets none.
  const next = await filedApplication(ksm, { ...epDraft, workers: [{ ...epWorker, passport_number: 'FA4100009' }] });
  const bans = next.data.checks.items.find((c) => c.name === 'bans');
  assert.equal(bans.status, 'ok', JSON.stringify(bans));
});

test('F-E19: a new permit for the same worker ends the permit the worker held, naming the new one', async () => {
  const [ksm, , , head] = await world.start('2026-06-01T10:30', logins);
  const first = await issuedApplication(ksm, head, world.sim, movingWorker, 'КГД-PP-4102', '2026-06-01');
  const earlier = first.permits[0];
  // The same passport, spelled with a space: the same worker.
  const second = await issuedApplication(ksm, head, world.sim, { ...movingWorker, passport_number: 'FA 4100002' },
    'КГД-PP-4103', '2026-06-01');
  const newer = second.permits[0];
  assert.equal(newer.status, 'valid');
  assert.ok(second.timeline.at(-1).rule_ids.includes('F-E19'), JSON.stringify(second.timeline.at(-1)));

  const before = await permitOf(ksm, first.id);
  assert.equal(before.permits[0].status, 'ended');
  const [ceased] = before.data.cessations;
  assert.deepEqual([ceased.permit, ceased.reason, ceased.new_permit, ceased.rule_ids],
    [earlier.number, 'new_permit', newer.number, ['F-E19']]);
  assert.equal((await verified(ksm, earlier)).status, 'ended');
  const html = (await ksm.get(`/cases/${first.id}?lang=en`)).data.toString();
  assert.match(html, /data-reason="new_permit"/);
  assert.ok(html.includes(newer.number), 'the case page names the new permit');
});

test('F-E19: ГБД ЮЛ says the employer is liquidated — the job ends its permits; a register that does not answer ends nothing', async () => {
  let [ksm, , , head] = await world.start('2026-06-01T11:00', logins);
  const app = await issuedApplication(ksm, head, world.sim, { ...epWorker, passport_number: 'FA4100003' },
    'КГД-PP-4104', '2026-06-01');
  const permit = app.permits[0];
  const liquidated = await world.sim.admin('POST', 'records/legal_entities', {
    entities: [{ bin: ksmBin, name_ru: 'ТОО «KazStroyMontazh»', name_kk: '«KazStroyMontazh» ЖШС', status: 'liquidated',
      office_kind: 'head_office', region: almaty, address: 'г. Алматы, ул. Розыбакиева, 247', registered_on: '2007-05-14',
      headcount: 0, small_business: false, head_name: 'Ахметова Дана Ериковна', reorganizations: [] }],
  });
  assert.equal(liquidated.status, 201, JSON.stringify(liquidated.data));

  // The register does not answer: the job (run at the start) ends nothing.
  assert.ok((await world.sim.admin('PUT', 'faults/legal_entities', { error_rate: 1 })).status < 300);
  [ksm] = await world.start('2026-06-01T12:00', logins);
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await permitOf(ksm, app.id)).permits[0].status, 'valid');

  // It answers: liquidated — every valid permit of the employer ends.
  assert.ok((await world.sim.admin('DELETE', 'faults/legal_entities')).status < 300);
  // The job runs at the start and then every second, so that a run slowed or failed by a loaded machine is
  // followed by another.
  [ksm] = await world.start('2026-06-01T13:00', logins, ['--job-period', '1']);
  let after;
  for (let i = 0; i < 300; i++) {
    after = await permitOf(ksm, app.id);
    if (after.permits[0].status !== 'valid') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(after.permits[0].status, 'ended');
  const [ceased] = after.data.cessations;
  assert.deepEqual([ceased.permit, ceased.reason, ceased.on, ceased.rule_ids],
    [permit.number, 'employer_liquidated', '2026-06-01', ['F-E19']]);
  assert.equal((await verified(ksm, permit)).status, 'ended');
  assert.equal(await validInCabinet(ksm), 0);
  const html = (await ksm.get(`/cases/${app.id}?lang=en`)).data.toString();
  assert.match(html, /data-reason="employer_liquidated"/);
});
