// The EP documents served (issue 11): an application walked to an issued permit over the JSON API
// (against a registry simulator of its own, the fee paid through its revenue records as in ep_flow), then
// the decision notice (Appendix 4) and the permit (Appendix 1, EP-A2.5) fetched as PDF by those who may
// see the case and refused (404) to everyone else; the permit's QR is read back from the PDF's page
// (pdftoppm + zbarimg), is the X-Permit-QR header's text, and `flis verify-permit` accepts it offline with
// the published key. The database is seeded as of Monday 1 June 2026.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bin, almaty } from './server.mjs';
import { epBase, filedApplication, ksmBin, startEpServer } from './ep_fixtures.mjs';

const run = promisify(execFile);
const at = '2026-06-01T10:00';
const base = epBase;

let world, sim, server, ksm, adl, officer, head, otherHead;

before(async () => {
  world = await startEpServer(at, ['employer.ksm', 'employer.adl', 'officer.almaty', 'head.almaty', 'head.astana']);
  ({ sim, server } = world);
  [ksm, adl, officer, head, otherHead] = world.users;
});
after(async () => { await world?.stop(); });

const isPdf = (r) => r.status === 200 && r.type === 'application/pdf' && r.data.subarray(0, 5).toString() === '%PDF-';

async function pdfText(bytes, name) {
  const file = join(server.db.dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return (await run('pdftotext', ['-layout', file, '-'])).stdout;
}

// The QR as a scanner reads it off the page (150 dpi, as a photocopy would be).
async function scanQr(bytes, name) {
  const file = join(server.db.dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  await run('pdftoppm', ['-r', '150', '-png', '-singlefile', file, join(server.db.dir, name)]);
  return (await run('zbarimg', ['--raw', '-q', join(server.db.dir, `${name}.png`)])).stdout.trim();
}

test('the notice and the permit as PDF, for the employer and its LEB only, the QR verifiable offline', async () => {
  const { id } = await filedApplication(ksm);

  // No decision yet: no notice.
  const none = await ksm.get(`${base}/${id}/notice.pdf`);
  assert.equal(none.status, 404);
  assert.equal(none.data.code, 'ep.no_decision');

  const decided = await head.post(`${base}/${id}/decision`, { issue: true });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  assert.equal(decided.data.state, 'fee_pending');

  // Appendix 4, the decision to issue: the fee to Almaty's budget and its deadline (EP-53.1, EP-A2.6).
  const notice = await ksm.get(`${base}/${id}/notice.pdf`);
  assert.ok(isPdf(notice), `${notice.status} ${notice.type}`);
  const noticeText = await pdfText(notice.data, 'notice');
  assert.match(noticeText, /Уведомление о решении о выдаче разрешения/);
  assert.match(noticeText, new RegExp(id));
  assert.match(noticeText, /968\s?800/); // 224 MRP × 4 325 tenge (EP-22.1, 2026)
  assert.match(noticeText, /Каримов Бекзод Алишерович/);
  // The LEB's officer sees it too; another employer and another region's head do not.
  assert.ok(isPdf(await officer.get(`${base}/${id}/notice.pdf`)));
  assert.equal((await adl.get(`${base}/${id}/notice.pdf`)).status, 404);
  assert.equal((await otherHead.get(`${base}/${id}/notice.pdf`)).status, 404);

  const paid = await sim.admin('POST', 'records/revenue', {
    fee_payments: [{ payment_id: 'КГД-PP-9101', payer: ksmBin, region: almaty, amount_tiyn: 224 * 4325 * 100,
      paid_on: '2026-06-01', budget_code: '105302', purpose: 'Сбор за выдачу разрешения' }],
  });
  assert.equal(paid.status, 201, JSON.stringify(paid.data));
  const issued = await ksm.post(`${base}/${id}/fee`);
  assert.equal(issued.data.state, 'issued', JSON.stringify(issued.data));
  const number = issued.data.permits[0].number;

  const permit = await ksm.get(`/api/v1/employer-permits/permits/${encodeURIComponent(number)}.pdf`);
  assert.ok(isPdf(permit), `${permit.status} ${permit.type}`);
  const text = await pdfText(permit.data, 'permit');
  assert.match(text, new RegExp(number));
  assert.match(text, /Karimov Bekzod Alisherovich/);
  assert.match(text, /Приложение 4 к Правилам/); // I-28: the permit is on the Appendix 4 template
  assert.match(text, /01\.06\.2026/); // I-8: from the day the fee was confirmed
  assert.match(text, /31\.05\.2027/); // EP-25(2), I-7

  // The QR on the page is the header's text: the verification URL and the sealed payload.
  const qr = permit.headers.get('x-permit-qr');
  assert.ok(qr.startsWith(issued.data.permits[0].verification_url + '#'), qr);
  assert.equal(await scanQr(permit.data, 'permit-scan'), qr);
  const pem = await (await fetch(`${server.url}/api/v1/verification-key`)).text();
  const keyFile = join(server.db.dir, 'published-key.pem');
  writeFileSync(keyFile, pem);
  const verified = await run(`${bin}/flis`, ['verify-permit', '--key', keyFile, qr]);
  assert.match(verified.stdout, /VALID/);
  assert.match(verified.stdout, new RegExp(number));
  // A changed payload is refused (exit 1).
  const [url, fragment] = qr.split('#');
  const [payload, signature] = fragment.split('.');
  const forged = Buffer.from(payload, 'base64url').toString().replace('2027-05-31', '2029-05-31');
  const refused = await run(`${bin}/flis`,
    ['verify-permit', '--key', keyFile, `${url}#${Buffer.from(forged).toString('base64url')}.${signature}`])
    .catch((e) => e);
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /INVALID/);

  // The LEB's staff may fetch it; another employer, another region's head, an unknown number: 404.
  assert.ok(isPdf(await head.get(`/api/v1/employer-permits/permits/${encodeURIComponent(number)}.pdf`)));
  for (const [who, path] of [[adl, `${number}.pdf`], [otherHead, `${number}.pdf`], [ksm, 'EPP-75-2026-999999.pdf'],
    [ksm, encodeURIComponent(number)]]) {
    const r = await who.get(`/api/v1/employer-permits/permits/${path}`);
    assert.equal(r.status, 404, `${who.login} ${path}`);
    assert.equal(r.data.code, 'ep.document_not_found');
  }

  // The final notice after issue still states the decision, now with the permits' term.
  const after = await ksm.get(`${base}/${id}/notice.pdf`);
  assert.match(await pdfText(after.data, 'notice-after'), /01\.06\.2026/);
});

test('the preliminary decision (EP-12, I-19) is its own notice, with the ground and the objections deadline', async () => {
  const { id } = await filedApplication(ksm);
  const pre = await head.post(`${base}/${id}/preliminary-decision`,
    { grounds: ['EP-A2.9(1)'], reasons: 'Диплом не подтверждён вузом' });
  assert.equal(pre.status, 200, JSON.stringify(pre.data));
  const notice = await ksm.get(`${base}/${id}/notice.pdf`);
  assert.ok(isPdf(notice), `${notice.status} ${JSON.stringify(notice.data)}`);
  const text = await pdfText(notice.data, 'preliminary');
  assert.match(text, /предварительном/);
  assert.match(text, /Диплом не подтверждён вузом/);
  const due = pre.data.data.hearing.objections_due.slice(0, 10).split('-').reverse().join('.');
  assert.match(text, new RegExp(due.replace(/\./g, '\\.')));
});

test('OpenAPI lists both documents as PDF', async () => {
  const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  for (const path of ['/api/v1/employer-permits/permits/{number}.pdf', `${base}/{id}/notice.pdf`]) {
    const op = doc.paths[path]?.get;
    assert.ok(op, path);
    assert.ok(op.responses['200'].content['application/pdf'], path);
  }
});
