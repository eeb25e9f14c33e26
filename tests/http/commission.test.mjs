// SE-6 and QT-9 over HTTP: an LEB forms two Commissions with different members, and each member acts only
// in the one they sit on, for their own LEB (cases/commission.h, the workflow tables); the members present
// are listed once each (issue 9). A database of its own, seeded as of 21 October 2026: an Astana issue
// application waits at its SE Commission, Almaty's quota requests at the quota Commission.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, quotaYearAt } from './server.mjs';

const at = '2026-10-21T10:00';
const year = quotaYearAt(at);

let server, officer, seMember, seMember2, qtMemberAstana, seMemberAlmaty, qtMember, qtMember2;
before(async () => {
  server = await startServer({ at });
  [officer, seMember, seMember2, qtMemberAstana, seMemberAlmaty, qtMember, qtMember2] = await Promise.all(
    ['officer.astana', 'commission1.astana', 'commission2.astana', 'qt.commission1.astana', 'se.commission1.almaty',
      'commission1.almaty', 'commission2.almaty'].map((l) => signIn(server.url, l)));
});
after(async () => { await server.stop(); });

function assertProblem(r, status, code, field) {
  assert.equal(r.status, status, JSON.stringify(r.data));
  assert.equal(r.type, 'application/problem+json');
  assert.equal(r.data.code, code);
  if (field) assert.equal(r.data.field, field);
}

const criteria = { higher_education: true, academic_degree: false, english_teaching_certificate: false, experience_years: 5 };

async function astanaCaseAtCommission() {
  const list = await officer.get('/api/v1/cases?service=SE&state=at_commission');
  assert.equal(list.status, 200);
  const c = list.data.cases.find((x) => x.kind === 'issue');
  assert.ok(c, 'the demo has an Astana issue application at its Commission');
  return c.id;
}

async function almatyRequest() {
  const list = (await qtMember.get(`/api/v1/quota/${year}/requests`)).data.requests;
  const request = list.find((c) => c.state === 'registered');
  assert.ok(request, 'the demo has an Almaty request waiting for the Commission');
  return request;
}

test('SE-6 QT-9: only members of this LEB\'s SE Commission score and recommend; the quota Commission\'s member does not see the case', async () => {
  const id = await astanaCaseAtCommission();
  const path = `/api/v1/self-employment/applications/${id}`;
  // The quota Commission's member (police, unions, chambers: QT-9) does not see the LEB's SE applicants.
  assertProblem(await qtMemberAstana.post(`${path}/scores`, criteria), 404, 'case.not_found');
  assertProblem(await qtMemberAstana.post(`${path}/recommendation`,
    { recommends_issue: true, criteria, present: [qtMemberAstana.userId] }), 404, 'case.not_found');
  // Another LEB's SE Commission does not see the case at all.
  assertProblem(await seMemberAlmaty.post(`${path}/scores`, criteria), 404, 'case.not_found');
  // Neither may be listed as present.
  for (const outsider of [qtMemberAstana, seMemberAlmaty]) {
    assertProblem(await seMember.post(`${path}/recommendation`,
      { recommends_issue: true, criteria, present: [seMember.userId, outsider.userId] }),
    400, 'se.not_a_commission_member', 'present');
  }
  const own = await seMember.post(`${path}/scores`, criteria);
  assert.equal(own.status, 200, JSON.stringify(own.data));
  assert.equal(own.data.state, 'at_commission');
});

test('SE-9: a member listed twice as present is refused at the field, in kk, ru and en; the minutes then complete', async () => {
  const id = await astanaCaseAtCommission();
  const path = `/api/v1/self-employment/applications/${id}`;
  const twice = { recommends_issue: true, criteria, present: [seMember.userId, seMember2.userId, seMember.userId] };
  const details = {};
  for (const lang of ['kk', 'ru', 'en']) {
    const r = await fetch(`${server.url}${path}/recommendation`, {
      method: 'POST', body: JSON.stringify(twice),
      headers: { Authorization: `Bearer ${seMember.token}`, 'Content-Type': 'application/json', 'Accept-Language': lang },
    });
    assert.equal(r.status, 400);
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
    assert.equal(r.headers.get('content-language'), lang);
    const p = await r.json();
    assert.equal(p.code, 'validation.duplicate');
    assert.equal(p.field, 'present[2]');
    details[lang] = p.detail;
  }
  assert.equal(new Set(Object.values(details)).size, 3, JSON.stringify(details));
  assert.equal(details.en, 'Each one may be listed only once.');
  // The OpenAPI schema says so too.
  const openapi = (await seMember.get('/api/v1/openapi.json')).data;
  assert.equal(openapi.components.schemas.Recommendation.properties.present.uniqueItems, true);

  const once = await seMember.post(`${path}/recommendation`,
    { recommends_issue: true, criteria, present: [seMember.userId, seMember2.userId] });
  assert.equal(once.status, 200, JSON.stringify(once.data));
  assert.equal(once.data.state, 'minutes_pending');
  assertProblem(await qtMemberAstana.post(`${path}/minutes/signatures`), 404, 'case.not_found');
  assert.equal((await seMember.post(`${path}/minutes/signatures`)).data.state, 'minutes_pending');
  const complete = await seMember2.post(`${path}/minutes/signatures`);
  assert.equal(complete.status, 200, JSON.stringify(complete.data));
  assert.equal(complete.data.state, 'awaiting_decision');
});

test('QT-9 SE-6: only members of this region\'s quota Commission decide a request; the SE Commission\'s member does not see it', async () => {
  const request = await almatyRequest();
  const path = `/api/v1/quota/requests/${request.id}/decision`;
  const accepted = request.data.lines.map((l) => l.count);
  const body = (present) => ({ accepted, grounds: [], evidence: [], present, reasons: 'Потребность подтверждена' });
  // A member of Almaty's own SE Commission sees only SE cases of the LEB: the request is not there for them,
  // and asking for the quota's cases lists nothing (the filter narrows, never widens).
  assertProblem(await seMemberAlmaty.post(path, body([seMemberAlmaty.userId])), 404, 'case.not_found');
  const listed = await seMemberAlmaty.get('/api/v1/cases?service=QT');
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.data.cases, []);
  const own = await seMemberAlmaty.get('/api/v1/cases');
  assert.ok(own.data.cases.every((c) => c.service === 'SE'), JSON.stringify(own.data.cases.map((c) => c.service)));
  assert.deepEqual((await seMemberAlmaty.get(`/api/v1/quota/${year}/requests`)).data.requests, []);
  assertProblem(await qtMemberAstana.post(path, body([qtMemberAstana.userId])), 404, 'case.not_found');
  for (const outsider of [seMemberAlmaty, qtMemberAstana]) {
    assertProblem(await qtMember.post(path, body([qtMember.userId, outsider.userId])), 400,
      'qt.not_a_commission_member', 'present');
  }
  const twice = await qtMember.post(path, body([qtMember.userId, qtMember2.userId, qtMember.userId]));
  assertProblem(twice, 400, 'validation.duplicate');
  assert.match(twice.data.field, /^present/);
  const decided = await qtMember.post(path, body([qtMember.userId, qtMember2.userId]));
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  assert.equal(decided.data.state, 'decided');
  assert.deepEqual(decided.data.data.decision.present, [qtMember.userId, qtMember2.userId]);
});
