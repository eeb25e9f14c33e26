// Uploads are read by their format's parser, not recognised by their first bytes (issue 9): what was
// tried from outside — a PDF header in front of HTML, the eight bytes of a PNG signature — is refused
// with a problem naming the field, in the user's language, and the draft is left as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, pdfBytes, validIin } from './server.mjs';

let server;
let foreigner;
let draftId;

before(async () => {
  server = await startServer({ at: '2026-06-01T10:00' });
  foreigner = await signIn(server.url, 'chen');
  const list = await (await fetch(`${server.url}/api/v1/reference/se_profession`)).json();
  const r = await foreigner.post('/api/v1/self-employment/applications', {
    kind: 'issue', region: '710000000', profession_code: list.entries.find((e) => e.data.kind === 'profession').code,
    applicant: {
      full_name: 'Lin Mei', full_name_latin: 'LIN MEI', passport_number: 'EB1234567', passport_issued_on: '2022-02-02',
      passport_issuer: 'Ministry of Public Security', citizenship: 'CN', address: 'Astana, Turan 10',
      phone: '+7 701 000 00 00', residence_abroad: 'Beijing', iin: validIin('920202', '4'),
    },
    self_assessment: { higher_education: true, academic_degree: false, english_teaching_certificate: false, experience_years: 5 },
  });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  draftId = r.data.id;
});
after(async () => { await server.stop(); });

const uploadPath = () => `/api/v1/self-employment/applications/${draftId}/files?doc_type=identity_document`;

test('SE-A2.8: a disguised or cut file is refused at the field, localized, and nothing is attached', async () => {
  const disguised = new TextEncoder().encode('%PDF-1.4\n<html><script>alert(1)</script></html>');
  const pngSignature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const whole = pdfBytes('identity_document');
  for (const bytes of [disguised, pngSignature, whole.subarray(0, 120)]) {
    const r = await foreigner.upload(uploadPath(), bytes);
    assert.equal(r.status, 400, JSON.stringify(r.data));
    assert.match(r.type, /application\/problem\+json/);
    assert.equal(r.data.code, 'upload.unreadable');
    assert.equal(r.data.field, 'file');
  }
  const ru = await foreigner.call('POST', uploadPath(), disguised, { 'Content-Type': 'application/pdf', 'Accept-Language': 'ru' });
  assert.equal(ru.status, 400);
  assert.match(ru.data.detail ?? ru.data.title, /повреждён/);
  const view = await foreigner.get(`/api/v1/cases/${draftId}`);
  assert.equal(view.status, 200);
  assert.equal(view.data.data.files?.length ?? 0, 0, 'no file was attached by a refused upload');

  const ok = await foreigner.upload(uploadPath(), whole);
  assert.equal(ok.status, 201, JSON.stringify(ok.data));
  assert.equal(ok.data.media_type, 'application/pdf');
});
