// EP-16-1 over HTTP: each foreign worker's declared education level and experience against the qualification
// requirement of the position (reference set "qualification_requirement", data/reference/
// qualification_requirements.json: 3112 construction technicians need technical and vocational education and
// 2 years). Against the simulator, on 1 June 2026 (a working day), with KazStroyMontazh's vacancy for
// construction technicians (EP-2-1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { signIn } from './server.mjs';
import { epBase, epDraft, epWorker, filedApplication, startEpServer } from './ep_fixtures.mjs';

const at = '2026-06-01T10:00';
let world, ksm, head, officer, admin;

before(async () => {
  world = await startEpServer(at, ['employer.ksm', 'head.almaty', 'officer.almaty']);
  [ksm, head, officer] = world.users;
  admin = await signIn(world.server.url, 'admin');
});
after(async () => {
  await world?.stop();
});

const qualified = { ...epWorker, education_level: 'technical_vocational', experience_years: 9 };
const schoolOnly = {
  ...epWorker, surname: 'Турсунов', given_name: 'Ильхом', patronymic: '', passport_number: 'FA7654321',
  education: 'Общая средняя школа', education_level: 'general_secondary', experience_years: 9,
};
const novice = { ...qualified, surname: 'Рахимов', given_name: 'Азиз', passport_number: 'FA5550001', experience_years: 1 };
const preCheck = (body) => ksm.post('/api/v1/employer-permits/pre-check', body);
const qualification = (checks) => checks.items.find((c) => c.name === 'qualification');

test('EP-16-1 EP-A2.9 I-18: the pre-check passes a qualified worker and finds an under-qualified one — ground EP-A2.9(2)', async () => {
  const ok = await preCheck({ ...epDraft, workers: [qualified] });
  assert.equal(ok.status, 200, JSON.stringify(ok.data));
  const met = qualification(ok.data.checks);
  assert.equal(met.status, 'ok', JSON.stringify(met));
  assert.equal(met.ground, undefined);
  assert.ok(met.rule_ids.includes('EP-16-1') && met.rule_ids.includes('EP-A2.8'), JSON.stringify(met));
  assert.match(met.summary, /diploma copy \(EP-A2\.8\)/); // the evidence the officer compares
  assert.equal(ok.data.ready, true, JSON.stringify(ok.data));

  // Education below the requirement: a finding, the application would be heard (EP-12).
  const low = await preCheck({ ...epDraft, workers: [qualified, schoolOnly] });
  assert.equal(low.status, 200, JSON.stringify(low.data));
  const short = qualification(low.data.checks);
  assert.equal(short.status, 'finding', JSON.stringify(short));
  assert.equal(short.reason, 'education_short');
  assert.equal(short.ground, 'EP-A2.9(2)');
  assert.ok(short.rule_ids.includes('EP-16-1') && short.rule_ids.includes('I-18'), JSON.stringify(short));
  assert.match(short.summary, /Турсунов Ильхом \(3112\): not met — education general_secondary below technical_vocational/);
  assert.match(short.summary, /Каримов Бекзод Алишерович \(3112\): met/);
  assert.deepEqual(low.data.grounds, ['EP-A2.9(2)']);
  assert.equal(low.data.ready, false);

  // Experience below the requirement.
  const green = qualification((await preCheck({ ...epDraft, workers: [novice] })).data.checks);
  assert.equal(green.status, 'finding');
  assert.equal(green.reason, 'experience_short');
  assert.match(green.summary, /experience 1 below 2 years/);
});

test('EP-16-1 I-27: a seasonal worker is checked against the data declared only', async () => {
  const seasonal = await preCheck({ ...epDraft, category: 'seasonal', season_days: 120, workers: [qualified] });
  assert.equal(seasonal.status, 200, JSON.stringify(seasonal.data));
  const q = qualification(seasonal.data.checks);
  assert.equal(q.status, 'ok', JSON.stringify(q));
  assert.ok(q.rule_ids.includes('I-27') && !q.rule_ids.includes('EP-A2.8'), JSON.stringify(q));
  assert.match(q.summary, /checked against the data declared only \(I-27\)/);
  const low = qualification((await preCheck({ ...epDraft, category: 'seasonal', season_days: 120,
    workers: [schoolOnly] })).data.checks);
  assert.equal(low.status, 'finding');
  assert.equal(low.ground, 'EP-A2.9(2)');
  assert.ok(low.rule_ids.includes('I-27'));
});

test('EP-16-1 EP-12 I-18: filed with an under-qualified worker, the case carries the finding and goes to the hearing; a qualified one passes', async () => {
  const filed = await filedApplication(ksm, { ...epDraft, workers: [qualified, schoolOnly] });
  assert.equal(filed.state, 'registered');
  const q = qualification(filed.data.checks);
  assert.equal(q.status, 'finding', JSON.stringify(q));
  assert.equal(q.ground, 'EP-A2.9(2)');
  assert.ok(q.rule_ids.includes('EP-16-1'));
  assert.ok(filed.data.filing.rule_ids.includes('EP-16-1'));
  // The head may not issue: the ground goes to the hearing first.
  const decided = await head.post(`${epBase}/${filed.id}/decision`, { issue: true });
  assert.equal(decided.status, 409, JSON.stringify(decided.data));
  assert.equal(decided.data.code, 'ep.grounds_found');
  assert.ok(decided.data.rule_ids.includes('EP-A2.9(2)') && decided.data.rule_ids.includes('EP-12'));
  const heard = await head.post(`${epBase}/${filed.id}/preliminary-decision`, {
    grounds: ['EP-A2.9(2)'], reasons: 'Образование работника ниже квалификационных требований (п. 16-1).' });
  assert.equal(heard.status, 200, JSON.stringify(heard.data));

  // The case page shows each worker against the requirement, in the page's language.
  const en = (await ksm.get(`/cases/${filed.id}?lang=en`)).data.toString();
  assert.ok(en.includes('data-testid="ep-qualification"'), 'the qualification table');
  assert.ok(en.includes('Does not meet the requirements (p. 16-1).'), 'the worker not met');
  assert.ok(en.includes('Meets the requirements.'), 'the worker met');
  assert.ok(en.includes('EP-A2.9(2)') && en.includes('EP-16-1'), 'the ground and the rule');
  assert.ok(en.includes('Qualification of the workers (education, experience)'), 'the check in the checks table');
  const ru = (await ksm.get(`/cases/${filed.id}?lang=ru`)).data.toString();
  assert.ok(ru.includes('Не соответствует требованиям (п. 16-1).') && ru.includes('Общее среднее'));
  const kk = (await ksm.get(`/cases/${filed.id}?lang=kk`)).data.toString();
  assert.ok(kk.includes('Талаптарға сәйкес емес (16-1-тармақ).') && kk.includes('Жалпы орта'));

  const good = await filedApplication(ksm, { ...epDraft, workers: [qualified] });
  assert.equal(qualification(good.data.checks).status, 'ok');
  const issued = await head.post(`${epBase}/${good.id}/decision`, { issue: true });
  assert.equal(issued.status, 200, JSON.stringify(issued.data));
  assert.equal(issued.data.state, 'fee_pending');
});

test('EP-16-1: the portal form offers the education level; a worker without one is left to the officer, never refused', async () => {
  const form = (await ksm.get('/employer-permits/new?lang=en')).data.toString();
  assert.ok(form.includes('name="workers[0].education_level"'), 'the level select');
  assert.ok(form.includes('Technical and vocational'));
  const { education_level: _, ...undeclared } = qualified;
  const q = qualification((await preCheck({ ...epDraft, workers: [undeclared] })).data.checks);
  assert.equal(q.status, 'to_judge', JSON.stringify(q));
  assert.equal(q.ground, undefined);
  assert.match(q.summary, /no education level declared: the officer judges the education/);
});

// Last: it changes the reference data the tests above read.
test('EP-16-1: an administrator edits the requirement (a new version); the checks read the version in force', async () => {
  const put = await admin.call('PUT', '/api/v1/admin/reference/qualification_requirement/3112', {
    effective_from: '2026-05-01', confirmed: true,
    payload: { code: '3112', min_education: 'technical_vocational', min_experience_years: 10, source_kind: 'ks',
      source_name: 'КС, «Техник-строитель» (imported)', confidence: 'H', confirmed: true },
  });
  assert.equal(put.status, 200, JSON.stringify(put.data));
  const q = qualification((await preCheck({ ...epDraft, workers: [qualified] })).data.checks);
  assert.equal(q.status, 'finding', JSON.stringify(q));
  assert.match(q.summary, /experience 9 below 10 years/);
  assert.ok(q.records.includes('3112: КС, «Техник-строитель» (imported)'), JSON.stringify(q.records));
});

test('EP-16-1 I-18: a requirement FLIS cannot read from its own database is "unavailable", never "no requirement on file"; the re-check finds it once repaired', async () => {
  const row = "set_name = 'qualification_requirement' AND code = '3112'";
  // Experienced enough for every version of 3112's requirement (an earlier test raises it to 10 years).
  const veteran = { ...qualified, experience_years: 12 };
  const db = world.server.db;
  // The requirement's row no longer reads (a damaged row: the store answers store.corrupt_row for it).
  await db.sql(`UPDATE reference_entries SET payload = 'damaged:' || payload WHERE ${row}`);
  let filed;
  try {
    // A server answers a reference look-up from memory for 1 s (StoreOptions::reference_cache_ttl).
    await new Promise((r) => setTimeout(r, 1100));
    const pre = await preCheck({ ...epDraft, workers: [veteran] });
    assert.equal(pre.status, 200, JSON.stringify(pre.data));
    const q = qualification(pre.data.checks);
    assert.equal(q.status, 'unavailable', JSON.stringify(q));
    assert.equal(q.error, 'store.corrupt_row');
    assert.ok(q.rule_ids.includes('EP-16-1'), JSON.stringify(q));
    assert.ok(pre.data.waits_for.includes('qualification'), JSON.stringify(pre.data.waits_for));
    assert.equal(pre.data.ready, false);

    filed = await filedApplication(ksm, { ...epDraft, workers: [veteran] });
    assert.equal(filed.state, 'registered');
    assert.equal(qualification(filed.data.checks).status, 'unavailable');
    // I-18: no decision to issue while a check waits for its answer.
    const decided = await head.post(`${epBase}/${filed.id}/decision`, { issue: true });
    assert.equal(decided.status, 409, JSON.stringify(decided.data));
    assert.equal(decided.data.code, 'ep.checks_pending');
    // The case page says so per worker, in the page's language.
    const en = (await ksm.get(`/cases/${filed.id}?lang=en`)).data.toString();
    assert.ok(en.includes('the requirements reference did not answer: re-check later'), 'the worker\'s row');
    assert.ok(!en.includes('no requirement on file'));
    const ru = (await ksm.get(`/cases/${filed.id}?lang=ru`)).data.toString();
    assert.ok(ru.includes('справочник требований не ответил'));
  } finally {
    await db.sql(`UPDATE reference_entries SET payload = substr(payload, 9) WHERE ${row} AND payload LIKE 'damaged:%'`);
  }
  // Repaired: the officer's re-check finds the requirement met, and the head may issue.
  const rechecked = await officer.post(`${epBase}/${filed.id}/checks`);
  assert.equal(rechecked.status, 200, JSON.stringify(rechecked.data));
  assert.equal(qualification(rechecked.data.data.checks).status, 'ok', JSON.stringify(rechecked.data.data.checks));
  const issued = await head.post(`${epBase}/${filed.id}/decision`, { issue: true });
  assert.equal(issued.status, 200, JSON.stringify(issued.data));
  assert.equal(issued.data.state, 'fee_pending');
});
