// EP-27-1, I-32: the LEB's request to the Ministry of Foreign Affairs about the workers' education documents,
// over the JSON API against the registry simulator (its МИД holds the apostille of diploma DIP-IN-2012-33190 and
// of no Turkish diploma). At filing FLIS puts one ApostilleCheckRequest per apostilled or legalized diploma whose
// state no treaty exempts into the outbox, the relay delivers it and fetches the answer later; the case shows an
// "apostille" check per worker: pending (no block, I-32), ok (confirmed), or a finding of EP-A2.9(1) heard under
// EP-12 (not confirmed). A treaty-exempt (Minsk 1993) Uzbek diploma gives no request. The database is seeded as of
// Monday 1 June 2026.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, startServer, startSim } from './server.mjs';
import { epBase, epDraft, epWorker, filedApplication } from './ep_fixtures.mjs';

const at = '2026-06-01T10:00';
const base = epBase;

const indian = {
  ...epWorker, surname: 'Sharma', given_name: 'Ravi', patronymic: '', citizenship: 'IN', passport_number: 'Z1234567',
  passport_issuer: 'Government of India', residence_country: 'IN', departure_country: 'IN',
  education_document: { number: 'DIP-IN-2012-33190', issuing_country: 'IN', issued_on: '2012-05-30',
    authentication: 'apostille', apostille_number: 'IN-AP-2024-771203' },
};
const uzbek = {
  ...epWorker,
  education_document: { number: 'DIP-UZ-2009-10021', issuing_country: 'UZ', issued_on: '2009-06-20',
    authentication: 'apostille', apostille_number: 'UZ-AP-2020-000001' },
};
const turkish = {
  ...epWorker, surname: 'Yilmaz', given_name: 'Emre', patronymic: '', citizenship: 'TR', passport_number: 'U11223344',
  passport_issuer: 'Republic of Türkiye', residence_country: 'TR', departure_country: 'TR',
  education_document: { number: 'DIP-TR-2011-55012', issuing_country: 'TR', issued_on: '2011-07-01',
    authentication: 'legalization' },
};

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// A simulator and a server whose relay asks for later answers every second; `delay` is the МИД's answer delay.
async function world(delay) {
  const sim = await startSim({ at, args: ['--answer-delay-ms', String(delay)] });
  const server = await startServer({ at, args: ['--registry-url', sim.url, '--registry-poll-seconds', '1',
    '--relay-idle-ms', '200'] });
  const [ksm, officer, head] = await Promise.all(
    ['employer.ksm', 'officer.almaty', 'head.almaty'].map((l) => signIn(server.url, l)));
  return { sim, server, ksm, officer, head, stop: async () => { await server.stop(); await sim.stop(); } };
}

let fast, slow;
before(async () => {
  [fast, slow] = await Promise.all([world(1500), world(600000)]);
});
after(async () => {
  await fast?.stop();
  await slow?.stop();
});

// The МИД's calls the simulator received, by idempotency key (= the request id).
async function apostilleCalls(sim) {
  const log = await sim.admin('GET', 'calls?system=apostille');
  assert.equal(log.status, 200, JSON.stringify(log.data));
  return new Map(log.data.calls.map((c) => [c.idempotency_key, c]));
}

async function until(what, probe) {
  for (let i = 0; i < 60; ++i) {
    const got = await probe();
    if (got) return got;
    await sleep(250);
  }
  throw new Error(`never: ${what}`);
}

const apostilleItems = (data) => data.checks.items.filter((c) => c.name === 'apostille');

test('EP-27-1 I-32 EP-A2.8: an apostilled diploma is asked of the MFA through the outbox at filing, a treaty-exempt one is not; the answer lands on the case', async () => {
  const { ksm, sim } = fast;
  const filed = await filedApplication(ksm, { ...epDraft, workers: [indian, uzbek] });
  const id = filed.id;
  assert.equal(filed.state, 'registered');
  const [asked, exempt] = filed.data.apostille;
  assert.equal(asked.worker, 1);
  assert.equal(asked.status, 'pending');
  assert.equal(asked.reason, 'apostille');
  assert.equal(asked.request_id, `${id}/apostille/1`);
  assert.deepEqual(asked.rule_ids, ['EP-27-1', 'EP-A2.8', 'I-32']);
  assert.equal(exempt.worker, 2);
  assert.equal(exempt.status, 'not_required');
  assert.equal(exempt.reason, 'treaty_exempt');
  assert.equal(exempt.request_id, undefined);
  const [pending, notApplicable] = apostilleItems(filed.data);
  assert.equal(pending.status, 'pending');
  assert.equal(notApplicable.status, 'not_applicable');

  // The relay delivers the request (its id the idempotency key) with the diploma's data; none for worker 2.
  const calls = await until('the request delivered', async () => {
    const c = await apostilleCalls(sim);
    return c.has(`${id}/apostille/1`) ? c : null;
  });
  const call = calls.get(`${id}/apostille/1`);
  assert.equal(call.operation, 'check_request');
  assert.equal(call.message.document_number, 'DIP-IN-2012-33190');
  assert.equal(call.message.issuing_country, 'IN');
  assert.equal(call.message.apostille_number, 'IN-AP-2024-771203');
  assert.ok(![...calls.keys()].some((k) => k.startsWith(`${id}/apostille/2`)));

  // The answer is fetched later by the relay and recorded on the case with no one asking.
  const answered = await until('the answer on the case', async () => {
    const r = await ksm.get(`/api/v1/cases/${id}`);
    assert.equal(r.status, 200);
    return r.data.data.apostille[0].status !== 'pending' ? r.data : null;
  });
  const [confirmed] = answered.data.apostille;
  assert.equal(confirmed.status, 'confirmed');
  assert.equal(confirmed.answered_on, '2026-06-01');
  assert.equal(confirmed.ground, undefined);
  assert.equal(apostilleItems(answered.data)[0].status, 'ok');
  assert.ok(answered.timeline.some((e) => e.command === 'external_answer'), JSON.stringify(answered.timeline));
});

test('EP-27-1 I-32 EP-A2.9 EP-12: a legalization the MFA does not confirm is a finding of EP-A2.9(1); the decision to issue is stopped and the ground goes to the hearing', async () => {
  const { ksm, officer, head } = fast;
  const filed = await filedApplication(ksm, { ...epDraft, workers: [turkish] });
  const id = filed.id;
  assert.equal(filed.data.apostille[0].reason, 'legalization');
  // The officer's re-check reads the answer once the Ministry has given it.
  const checked = await until('the MFA answer', async () => {
    const r = await officer.post(`${base}/${id}/checks`);
    assert.equal(r.status, 200, JSON.stringify(r.data));
    return r.data.data.apostille[0].status !== 'pending' ? r.data : null;
  });
  const [check] = checked.data.apostille;
  assert.equal(check.status, 'not_confirmed');
  assert.equal(check.ground, 'EP-A2.9(1)');
  assert.ok(check.rule_ids.includes('EP-A2.9(1)') && check.rule_ids.includes('EP-12'), JSON.stringify(check.rule_ids));
  const [item] = apostilleItems(checked.data);
  assert.equal(item.status, 'finding');
  assert.equal(item.reason, 'apostille_not_confirmed');
  assert.equal(item.ground, 'EP-A2.9(1)');

  const issue = await head.post(`${base}/${id}/decision`, { issue: true });
  assert.equal(issue.status, 409, JSON.stringify(issue.data));
  assert.equal(issue.data.code, 'ep.grounds_found');
  const heard = await head.post(`${base}/${id}/preliminary-decision`,
    { grounds: ['EP-A2.9(1)'], reasons: 'Легализация документа об образовании не подтверждена МИД РК (пункт 27-1).' });
  assert.equal(heard.status, 200, JSON.stringify(heard.data));
  assert.equal(heard.data.state, 'hearing');
  assert.deepEqual(heard.data.data.hearing.grounds, ['EP-A2.9(1)']);
});

test('I-32 EP-27-1: the request suspends no term — the head decides while the answer is awaited, citing I-32', async () => {
  const { ksm, head, sim } = slow;
  const filed = await filedApplication(ksm, { ...epDraft, workers: [indian] });
  const id = filed.id;
  await until('the request delivered', async () => (await apostilleCalls(sim)).has(`${id}/apostille/1`));
  const decided = await head.post(`${base}/${id}/decision`, { issue: true });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  assert.equal(decided.data.state, 'fee_pending');
  assert.equal(decided.data.data.apostille[0].status, 'pending');
  assert.equal(apostilleItems(decided.data.data)[0].status, 'pending');
  for (const rule of ['EP-27-1', 'I-32']) assert.ok(decided.data.data.decision.rule_ids.includes(rule), rule);
});

test('EP-27-1 EP-A2.8: an apostille without its number is refused at the draft, at the field', async () => {
  const { ksm } = fast;
  const worker = { ...indian, education_document: { ...indian.education_document, apostille_number: '' } };
  const r = await ksm.post(base, { ...epDraft, workers: [worker] });
  assert.equal(r.status, 400, JSON.stringify(r.data));
  assert.equal(r.data.field, 'workers[0].education_document.apostille_number');
});
