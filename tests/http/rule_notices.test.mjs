// The Ministry's notices of a change of the Rules (EP-2-3, LI-3; cases/rule_notice) over the JSON API, against
// a registry simulator of its own: the Ministry lists the amending acts of the rule files with their deadlines
// (3 wd after state registration), sends the notices of Order 302 — the Unified Contact Centre receives its
// message through the outbox relay, every LEB and the State Corporation's offices see the notice in FLIS —
// and sending again changes nothing. Seeded as of Monday 1 June 2026, so both notices are late.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, startServer, startSim } from './server.mjs';

const at = '2026-06-01T10:00';
const notices = '/api/v1/rule-notices';
let sim, server, ministry, officer, cityHead, operator, employer;

before(async () => {
  sim = await startSim({ at });
  server = await startServer({ at, args: ['--registry-url', sim.url] });
  [ministry, officer, cityHead, operator, employer] = await Promise.all(
    ['ministry', 'officer.alatau', 'head.almaty', 'operator.almaty', 'employer.ksm'].map((l) => signIn(server.url, l)));
});
after(async () => {
  await server?.stop();
  await sim?.stop();
});

const bySource = (items, source) => items.find((n) => n.source === source);

test('the Ministry lists the changes of the Rules with their deadlines and recipients (EP-2-3, LI-3)', async () => {
  const list = await ministry.get(notices);
  assert.equal(list.status, 200, JSON.stringify(list.data));
  const li = bySource(list.data.items, 'Order 302 of 30.09.2025');
  assert.ok(li, JSON.stringify(list.data.items.map((n) => n.source)));
  assert.equal(li.act, 'LI');
  assert.equal(li.registered_on, '2025-10-08');
  assert.equal(li.registration_assumed, true);
  assert.equal(li.due_on, '2025-10-13'); // Wednesday + 3 wd over the weekend
  assert.equal(li.duty_rule, 'LI-3');
  assert.deepEqual(li.recipients, ['providers', 'contact_centre', 'state_corporation']);
  assert.equal(li.state, 'due');
  assert.equal(li.sent, false);
  assert.ok(li.rule_ids.includes('LI-3'));
  const ep = bySource(list.data.items, 'Order 93 of 28.03.2025');
  assert.equal(ep.due_on, '2025-04-03');
  assert.equal(ep.duty_rule, 'EP-2-3');
  assert.deepEqual(ep.recipients, ['contact_centre']);
  // Listing again opens nothing twice.
  assert.equal((await ministry.get(notices)).data.items.length, list.data.items.length);
  // The due notices are in the Ministry's queue like other cases, with their deadline's rule.
  const inbox = await ministry.get('/inbox');
  assert.equal(inbox.status, 200);
  assert.match(inbox.data.toString(), new RegExp(li.id));
});

test('only a Ministry officer sends, bad input is refused as problem+json (EP-2-3, LI-3)', async () => {
  const li = bySource((await ministry.get(notices)).data.items, 'Order 302 of 30.09.2025');
  const forbidden = await employer.get(notices);
  assert.equal(forbidden.status, 403);
  assert.match(forbidden.type, /application\/problem\+json/);
  const byOfficer = await officer.post(`${notices}/${li.id}/sending`);
  assert.equal(byOfficer.status, 404); // not sent to the LEB yet: it does not see the record
  const badType = await ministry.post(`${notices}/${li.id}/sending`, { summary_en: 5 });
  assert.equal(badType.status, 400);
  assert.match(badType.type, /application\/problem\+json/);
  assert.equal(badType.data.field, 'summary_en');
  const unknownMember = await ministry.post(`${notices}/${li.id}/sending`, { to: 'everyone' });
  assert.equal(unknownMember.status, 400);
  assert.equal((await ministry.post(`${notices}/RN-1999-000001/sending`)).status, 404);
  assert.equal(bySource((await ministry.get(notices)).data.items, 'Order 302 of 30.09.2025').state, 'due');
});

test('the LI notices reach the contact centre, every LEB and the State Corporation, once (LI-3)', async () => {
  const li = bySource((await ministry.get(notices)).data.items, 'Order 302 of 30.09.2025');
  const sent = await ministry.post(`${notices}/${li.id}/sending`);
  assert.equal(sent.status, 200, JSON.stringify(sent.data));
  assert.equal(sent.data.state, 'sent');
  assert.equal(sent.data.sent_on, '2026-06-01');
  assert.equal(sent.data.late, true);
  for (const body of ['leb-751210000', 'leb-750000000', 'leb-710000000', 'con-750000000'])
    assert.ok(sent.data.bodies.includes(body), body);
  assert.match(sent.data.summary_ru, /Order 302 of 30\.09\.2025/);
  assert.equal(sent.data.contact_centre_call.system, 'contact_centre');

  // Idempotent: the same record, no second message.
  const again = await ministry.post(`${notices}/${li.id}/sending`);
  assert.equal(again.status, 200);
  assert.equal(again.data.sent_at, sent.data.sent_at);
  assert.equal(again.data.version, sent.data.version);

  // The relay delivers the message to the Unified Contact Centre (the simulator).
  let calls = [];
  for (let i = 0; i < 100 && calls.length === 0; i++) {
    const log = await sim.admin('GET', 'calls?system=contact_centre');
    calls = log.data.calls.filter((c) => c.message?.topic === 'LI: Order 302 of 30.09.2025');
    if (calls.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(calls.length, 1);
  assert.equal(calls[0].applied, 1);
  const message = calls[0].message;
  assert.equal(message.effective_from, '2025-10-20');
  assert.ok(message.rule_ids.includes('LI-3'));
  for (const lang of ['kk', 'ru', 'en']) assert.match(message[`summary_${lang}`], /Order 302/);
  let delivered;
  for (let i = 0; i < 50 && delivered?.contact_centre_call?.status !== 'delivered'; i++) {
    delivered = bySource((await ministry.get(notices)).data.items, 'Order 302 of 30.09.2025');
    if (delivered.contact_centre_call?.status !== 'delivered') await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(delivered.contact_centre_call.status, 'delivered');

  // The district's LEB, the city's LEB and the State Corporation's office see it, on their list and page.
  for (const who of [officer, cityHead, operator]) {
    const theirs = await who.get(notices);
    assert.equal(theirs.status, 200, who.login);
    assert.deepEqual(theirs.data.items.map((n) => n.id), [li.id], who.login);
    const page = await who.get('/rule-notices');
    assert.equal(page.status, 200, who.login);
    assert.match(page.data.toString(), /Order 302 of 30\.09\.2025/, who.login);
  }
  const inbox = await officer.get('/inbox');
  assert.match(inbox.data.toString(), /Order 302 of 30\.09\.2025/);
  // A recipient may not send.
  const byHead = await cityHead.post(`${notices}/${li.id}/sending`);
  assert.equal(byHead.status, 403);
  assert.equal(byHead.data.code, 'case.role_not_allowed');
});

test('the EP notice goes to the contact centre alone (EP-2-3)', async () => {
  const ep = bySource((await ministry.get(notices)).data.items, 'Order 93 of 28.03.2025');
  const sent = await ministry.post(`${notices}/${ep.id}/sending`);
  assert.equal(sent.status, 200, JSON.stringify(sent.data));
  assert.deepEqual(sent.data.bodies, []);
  assert.equal(sent.data.late, true);
  assert.ok(!(await officer.get(notices)).data.items.some((n) => n.id === ep.id));
});
