// Who may see and do what, over HTTP (cases/access.h, the workflow tables of cases/*_workflow.cpp), and the
// OpenAPI document built from the modules. A database of its own, seeded as of 21 October 2026 (the 2027
// quota campaign has Almaty's requests filed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, quotaYearAt, seDraft } from './server.mjs';

const at = '2026-10-21T10:00';
const year = quotaYearAt(at);

let server, chen, kowalska, officer, head, quality, alatau, member;
before(async () => {
  server = await startServer({ at });
  [chen, kowalska, officer, head, quality, alatau, member] = await Promise.all(
    ['chen', 'kowalska', 'officer.astana', 'head.astana', 'quality', 'employer.alatau', 'commission1.astana']
      .map((l) => signIn(server.url, l)));
});
after(async () => { await server.stop(); });

function assertProblem(r, status, code) {
  assert.equal(r.status, status, JSON.stringify(r.data));
  assert.equal(r.type, 'application/problem+json');
  if (code) assert.equal(r.data.code, code);
}

const draft = () => seDraft(server.url, chen);

test('SE-5 SE-26: a case that is not yours answers exactly as one that does not exist; the quality authority sees only what was forwarded to it', async () => {
  const c = await draft();
  const mine = await chen.get(`/api/v1/cases/${c.id}`);
  assert.equal(mine.status, 200);
  const notYours = await kowalska.get(`/api/v1/cases/${c.id}`);
  const missing = await kowalska.get('/api/v1/cases/SE-2026-999999');
  assertProblem(notYours, 404, 'case.not_found');
  assertProblem(missing, 404, 'case.not_found');
  assert.equal(notYours.data.title, missing.data.title);
  assert.equal(notYours.data.detail, missing.data.detail);
  // The quality authority reads no SE case and no QT-A1 form; its list holds complaints of its own body only.
  assertProblem(await quality.get(`/api/v1/cases/${c.id}`), 404, 'case.not_found');
  const request = (await alatau.get(`/api/v1/quota/${year}/requests`)).data.requests[0];
  assert.ok(request, 'the seed has Alatau\'s request');
  assertProblem(await quality.get(`/api/v1/quota/requests/${request.id}/qt-a1.pdf`), 404, 'case.not_found');
  const listed = (await quality.get('/api/v1/cases')).data.cases;
  assert.ok(listed.every((x) => x.service === 'COMPLAINT' && x.provider_body === 'quality-authority'),
    JSON.stringify(listed.map((x) => [x.id, x.service, x.provider_body])));
});

test('SE-3 SE-7 SE-9: a case lists the commands its viewer may run now, from its workflow table', async () => {
  const c = await draft();
  const own = await chen.get(`/api/v1/cases/${c.id}`);
  assert.deepEqual(own.data.actions, ['attach_file', 'file']);
  // The LEB sees the draft of its body but can do nothing with it yet.
  const staff = await officer.get(`/api/v1/cases/${c.id}`);
  assert.equal(staff.status, 200);
  assert.deepEqual(staff.data.actions, []);
});

test('SE-9 SE-11: a command by a role the workflow does not give it is 403, never 409; the right role in the wrong state is 409', async () => {
  const c = await draft();
  assertProblem(await chen.post(`/api/v1/self-employment/applications/${c.id}/minutes/signatures`), 403,
    'case.role_not_allowed');
  assertProblem(await head.post(`/api/v1/self-employment/applications/${c.id}/scores`, {
    higher_education: true, academic_degree: false, english_teaching_certificate: false, experience_years: 3 }),
  403, 'case.role_not_allowed');
  const early = await member.post(`/api/v1/self-employment/applications/${c.id}/scores`, {
    higher_education: true, academic_degree: false, english_teaching_certificate: false, experience_years: 3 });
  assertProblem(early, 409, 'case.wrong_state');
  assert.deepEqual(early.data.rule_ids, ['SE-10']);
  assertProblem(await officer.post(`/api/v1/self-employment/applications/${c.id}/referral`), 409, 'case.wrong_state');
});

test('QT-6 QT-A1: the OpenAPI document lists every operation of every module, both methods of a shared path', async () => {
  const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const requests = doc.paths['/api/v1/quota/{year}/requests'];
  assert.ok(requests.get && requests.post, Object.keys(requests).join());
  assert.equal(requests.post.requestBody.content['application/json'].schema.$ref, '#/components/schemas/QtRequest');
  for (const path of ['/api/v1/self-employment/applications/{id}/decision', '/api/v1/complaints/{id}/decision',
    '/api/v1/external-calls/{id}/retry', '/api/v1/quota/{year}/distribution'])
    assert.ok(doc.paths[path]?.post, path);
  assert.equal(doc.paths['/api/v1/cases/{id}/decision'], undefined, 'no SE command behind a generic case path');
  for (const name of ['SeApplication', 'Complaint', 'QtRequest', 'Problem']) assert.ok(doc.components.schemas[name], name);
});

// Issue 9, item 2 and 4: what is not for the public, and what a cross-site page cannot make a browser do.
test('/metrics answers only its bearer token', async () => {
  for (const headers of [{}, { Authorization: 'Bearer wrong-token-of-some-length' }]) {
    const r = await fetch(`${server.url}/metrics`, { headers });
    assert.equal(r.status, 401);
    assert.equal(r.headers.get('www-authenticate'), 'Bearer realm="metrics"');
    assert.equal((await r.json()).code, 'metrics.unauthorized');
  }
  assert.match(await server.metrics(), /flis_http_requests_total/);
});

test('the API reads a body only when it is sent as JSON (415 otherwise), whatever the route', async () => {
  const body = JSON.stringify({ login: 'chen' });
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
    const r = await fetch(`${server.url}/api/v1/auth/demo-token`, { method: 'POST', body, headers: { 'Content-Type': type } });
    assert.equal(r.status, 415, type);
    const problem = await r.json();
    assert.equal(problem.code, 'http.unsupported_media_type');
    assert.equal(problem.field, 'Content-Type');
  }
  const ok = await fetch(`${server.url}/api/v1/auth/demo-token`,
    { method: 'POST', body, headers: { 'Content-Type': 'Application/JSON; charset=utf-8' } });
  assert.equal(ok.status, 201);
});

test('demo sign-in refuses a cross-site form: no token, a token without its cookie, or another origin', async () => {
  const page = await fetch(`${server.url}/login`);
  const token = (await page.text()).match(/name="csrf" value="([^"]+)"/)[1];
  const cookie = page.headers.get('set-cookie');
  assert.match(cookie, /^flis_login_csrf=[^;]+;.*Path=\/login.*SameSite=Strict/i);
  const jar = cookie.split(';')[0];
  const post = (fields, headers) => fetch(`${server.url}/login`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ login: 'chen', ...fields }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } });
  assert.equal((await post({})).status, 403);
  assert.equal((await post({ csrf: token })).status, 403);
  assert.equal((await post({ csrf: 'x'.repeat(token.length) }, { cookie: jar })).status, 403);
  assert.equal((await post({ csrf: token }, { cookie: jar, Origin: 'https://attacker.example' })).status, 403);
  assert.equal((await post({ csrf: token }, { cookie: jar, 'Sec-Fetch-Site': 'cross-site' })).status, 403);
  const signedIn = await post({ csrf: token }, { cookie: jar, Origin: server.url });
  assert.equal(signedIn.status, 303);
  assert.match(signedIn.headers.get('set-cookie'), /^flis_session=/);
});
