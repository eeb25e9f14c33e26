// Workers of a foreign legal entity (EP-39, I-27): the organization the work is done for applies through its
// own account, naming the foreign entity and the contract or sending letter; the document list asks for that
// contract (EP-A2.8 item 4); every channel is taken; the permit names the foreign entity. What paragraph 39
// does not cover is refused with the field at fault. The database is seeded as of Monday 1 June 2026.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { almaty, pdfBytes, signIn, validIin } from './server.mjs';
import { epBase, epDraft, epIssueDocuments, epWorker, ksmBin, startEpServer } from './ep_fixtures.mjs';

const run = promisify(execFile);
const at = '2026-06-01T10:00';

let world, ksm, head;

before(async () => {
  world = await startEpServer(at, ['employer.ksm', 'head.almaty']);
  [ksm, head] = world.users;
});
after(async () => { await world?.stop(); });

const installation = {
  name: 'Anlagenbau Nord GmbH', country: 'DE', registration_number: 'HRB 104512', basis: 'installation',
  contract_number: 'AN-KSM-2026/14', contract_date: '2026-04-20',
};

function foreignDraft(surname, passport, foreign = installation, extra = {}) {
  return { ...epDraft, workers: [{ ...epWorker, surname, passport_number: passport }], foreign_employer: foreign,
    ...extra };
}

test('EP-39 I-27: the organization the work is done for applies for a foreign entity\'s workers, with the contract as item 4, through any channel', async () => {
  const draft = await ksm.post(epBase, foreignDraft('Мюллер', 'C01X00T47'));
  assert.equal(draft.status, 201, JSON.stringify(draft.data));
  const data = draft.data.data;
  assert.deepEqual(data.foreign_employer, installation);
  assert.equal(data.employer.bin, ksmBin); // the applicant stays the organization, with its own BIN
  const item4 = data.documents.find((d) => d.code === 'foreign_sending_contract');
  assert.equal(item4?.item, 'EP-A2.8 categories 1–4 (4), EP-39');

  // Without the contract the application cannot be filed.
  for (const t of epIssueDocuments)
    assert.equal((await ksm.upload(`${epBase}/${draft.data.id}/files?doc_type=${t}&file_name=${t}.pdf`, pdfBytes(t))).status, 201);
  const missing = await ksm.post(`${epBase}/${draft.data.id}/filing`, { consent_personal_data: true });
  assert.deepEqual([missing.status, missing.data.code], [400, 'ep.documents_missing']);
  assert.equal(missing.data.field, 'documents.foreign_sending_contract');

  assert.equal((await ksm.upload(`${epBase}/${draft.data.id}/files?doc_type=foreign_sending_contract&file_name=contract.pdf`,
    pdfBytes('contract'))).status, 201);
  // I-27: migration.enbek.kz is taken, though p.39 names ПЭП.
  const filed = await ksm.post(`${epBase}/${draft.data.id}/filing`, { consent_personal_data: true, channel: 'migration.enbek.kz' });
  assert.equal(filed.status, 200, JSON.stringify(filed.data));
  assert.equal(filed.data.state, 'registered');
  assert.equal(filed.data.data.filing.channel, 'migration.enbek.kz');
  for (const id of ['EP-39', 'I-27']) assert.ok(filed.data.data.filing.rule_ids.includes(id), id);

  // The affiliate basis through egov.kz.
  const affiliate = { ...installation, name: 'Nord Holding AG', basis: 'affiliate', contract_number: 'NH-TR-7' };
  const second = await ksm.post(epBase, foreignDraft('Шмидт', 'C01X00T48', affiliate));
  assert.equal(second.status, 201, JSON.stringify(second.data));
  for (const t of [...epIssueDocuments, 'foreign_sending_contract'])
    assert.equal((await ksm.upload(`${epBase}/${second.data.id}/files?doc_type=${t}&file_name=${t}.pdf`, pdfBytes(t))).status, 201);
  const viaEgov = await ksm.post(`${epBase}/${second.data.id}/filing`, { consent_personal_data: true, channel: 'egov.kz' });
  assert.equal(viaEgov.status, 200, JSON.stringify(viaEgov.data));
  assert.equal(viaEgov.data.data.filing.channel, 'egov.kz');

  // Decided and paid: the permit names the foreign entity and the contract beside the organization.
  const decided = await head.post(`${epBase}/${draft.data.id}/decision`, { issue: true });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  const fee = decided.data.data.decision.fee;
  const paid = await world.sim.admin('POST', 'records/revenue', {
    fee_payments: [{ payment_id: 'КГД-PP-3901', payer: ksmBin, region: almaty, amount_tiyn: fee.total_tenge * 100,
      paid_on: '2026-06-01', budget_code: '105302', purpose: 'Сбор за выдачу разрешения' }],
  });
  assert.equal(paid.status, 201, JSON.stringify(paid.data));
  const issued = await ksm.post(`${epBase}/${draft.data.id}/fee`);
  assert.equal(issued.data.state, 'issued', JSON.stringify(issued.data));
  const number = issued.data.permits[0].number;
  const permit = await ksm.get(`/api/v1/employer-permits/permits/${encodeURIComponent(number)}.pdf`);
  assert.equal(permit.status, 200);
  const file = join(world.server.db.dir, 'foreign-permit.pdf');
  writeFileSync(file, permit.data);
  const text = (await run('pdftotext', ['-layout', file, '-'])).stdout.replace(/\s+/g, ' ');
  assert.match(text, /\(п\. 39\): Anlagenbau Nord GmbH/);
  assert.match(text, /HRB 104512/);
  assert.match(text, /договор на монтаж/);
  assert.match(text, /Стр\. 1 \/ 1/); // still one page
});

test('EP-39: what paragraph 39 does not cover is refused with the field at fault, localized', async () => {
  const refused = async (client, body, code, field) => {
    const r = await client.call('POST', epBase, body, { 'Accept-Language': 'ru' });
    assert.deepEqual([r.status, r.data.code, r.data.field], [400, code, field], JSON.stringify(r.data));
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
    assert.ok(r.data.rule_ids.includes('EP-39'), JSON.stringify(r.data.rule_ids));
    return r;
  };
  const seasonal = await refused(ksm, foreignDraft('Бауэр', 'C01X00T49', installation,
    { category: 'seasonal', season_days: 90 }), 'ep.foreign_category', 'category');
  assert.match(seasonal.data.title + seasonal.data.detail, /сезонн/);
  await refused(ksm, foreignDraft('Бауэр', 'C01X00T49', { ...installation, country: 'KZ' }), 'ep.foreign_country',
    'foreign_employer.country');
  await refused(ksm, foreignDraft('Бауэр', 'C01X00T49', { ...installation, contract_date: '2026-06-02' }),
    'ep.foreign_contract_date', 'foreign_employer.contract_date');
  const missingDate = await ksm.post(epBase, foreignDraft('Бауэр', 'C01X00T49', { ...installation, contract_date: undefined }));
  assert.deepEqual([missingDate.status, missingDate.data.field], [400, 'foreign_employer.contract_date']);
  const badBasis = await ksm.post(epBase, foreignDraft('Бауэр', 'C01X00T49', { ...installation, basis: 'outsourcing' }));
  assert.deepEqual([badBasis.status, badBasis.data.field], [400, 'foreign_employer.basis']);
  // An individual is not an organization the work is done for.
  const aigerim = await signIn(world.server.url, 'employer.aigerim');
  await refused(aigerim, foreignDraft('Бауэр', 'C01X00T49', installation,
    { employer_bin: validIin('850715', '4', 41), oked_section: 'T' }), 'ep.foreign_filer', 'employer_bin');
});
