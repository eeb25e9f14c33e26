// Paragraph 38 (F-E4): the employer records a permit holder's secondment to a region the permit does not
// name — at most 90 calendar days in total a calendar year, within the permit's term, never two at once —
// on the application that issued the permit; the month's Form 4-ВОУПИРС lists it in column 8. The database
// is seeded as of Monday 1 June 2026.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { epBase, epWorker, epWorldForFile, issuedApplication, ksmBin } from './ep_fixtures.mjs';
import { almaty } from './server.mjs';

const at = '2026-06-01T10:00';
const world = epWorldForFile(at);
const astana = '710000000';

test('F-E4: secondments to other regions up to 90 days a calendar year, shown on the case and in column 8 of the report', async () => {
  const [ksm, officer, head] = await world.start(at, ['employer.ksm', 'officer.almaty', 'head.almaty']);
  const app = await issuedApplication(ksm, head, world.sim, epWorker, 'КГД-PP-3801', '2026-06-01');
  const permit = app.permits[0].number;
  const url = `${epBase}/${app.id}/secondments`;
  const body = { permit_number: permit, region: astana, organization: 'ТОО «Astana Build»', from: '2026-06-02',
    to: '2026-07-31' }; // 60 days

  const first = await ksm.post(url, body);
  assert.equal(first.status, 200, JSON.stringify(first.data));
  const recorded = first.data.data.secondments[0];
  assert.deepEqual([recorded.permit, recorded.region, recorded.days_by_year], [permit, astana, [{ year: 2026, days: 60 }]]);
  assert.deepEqual(recorded.rule_ids, ['F-E4']);

  // 31 more days in 2026 would make 91: refused, naming the rule; 30 are taken.
  const over = await ksm.post(url, { ...body, from: '2026-10-01', to: '2026-10-31' });
  assert.deepEqual([over.status, over.data.code, over.data.field], [422, 'ep.secondment_over_limit', 'to']);
  assert.deepEqual(over.data.rule_ids, ['F-E4']);
  const upTo90 = await ksm.post(url, { ...body, from: '2026-10-01', to: '2026-10-30' });
  assert.equal(upTo90.status, 200, JSON.stringify(upTo90.data));
  assert.deepEqual(upTo90.data.data.secondments[1].days_by_year, [{ year: 2026, days: 90 }]);

  const refused = async (patch, code, field) => {
    const r = await ksm.post(url, { ...body, ...patch });
    assert.deepEqual([r.status, r.data.code, r.data.field], [400, code, field], JSON.stringify(r.data));
  };
  await refused({ region: almaty }, 'ep.secondment_region', 'region'); // the permit is valid there already
  await refused({ from: '2026-07-30', to: '2026-08-05' }, 'ep.secondment_overlaps', 'from');
  await refused({ from: '2027-05-20', to: '2027-06-10' }, 'ep.secondment_outside_permit', 'to');
  await refused({ permit_number: 'EPP-00-0000-000000' }, 'ep.permit_not_valid', 'permit_number');
  await refused({ to: undefined }, 'validation.required', 'to');
  // Only the employer records them.
  assert.equal((await officer.post(url, body)).status, 403);

  // The June report lists the June secondment in column 8.
  const report = await ksm.post('/api/v1/employer-permits/reports', { employer_bin: ksmBin, period: '2026-06' });
  assert.equal(report.status, 201, JSON.stringify(report.data));
  assert.deepEqual(report.data.data.seconded.map((s) => [s.name, s.organization, s.term]),
    [[recorded.worker, 'ТОО «Astana Build»', '02.06.2026–31.07.2026']]);

  // The case page shows them with the days used.
  const page = await ksm.get(`/cases/${app.id}`);
  assert.equal(page.status, 200);
  const html = page.data.toString();
  assert.match(html, /data-testid="ep-secondments"/);
  assert.match(html, /2026: 90 (of|из) 90/);
  assert.match(html, /action="\/cases\/[^"]+\/ep\/secondment"/); // the form to record one more
});
