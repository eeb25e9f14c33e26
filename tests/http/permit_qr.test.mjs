// The permit QR's offline check (issue 11, docs/permit-qr.md): the public seal key is served, and the
// `flis verify-permit` CLI accepts a QR sealed with the server's key and refuses a changed one, one
// sealed with another key and a malformed text. The QR texts are made here with node's crypto from
// the format the document describes, so the document, the server's key and the CLI are checked
// against each other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, startServer } from './server.mjs';

let server;
let pem;
let keyFile;
before(async () => {
  server = await startServer({ at: '2026-11-02T10:00' });
  const r = await fetch(`${server.url}/api/v1/verification-key`);
  pem = await r.text();
  keyFile = join(server.db.dir, 'verification-key.pem');
  writeFileSync(keyFile, pem);
});
after(async () => { await server.stop(); });

const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const kidOf = (publicKey) =>
  createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 8);
const payloadOf = (kid, fields = {}) =>
  ['EP1', kid, fields.number ?? 'EP-750000000-2026-000042', fields.holder ?? 'ZHANG WEI', '050140003327', '2',
   '750000000,710000000', '2026-11-02', fields.validTo ?? '2027-11-01'].join('|');
// payload.signature, the signature r||s (IEEE P1363) over the payload bytes.
const seal = (privateKey, payload) =>
  `${b64url(payload)}.${b64url(sign('sha256', Buffer.from(payload), { key: privateKey, dsaEncoding: 'ieee-p1363' }))}`;
const qrText = (fragment) => `${server.url}/verify/Zk3vQ9xT2aLm8pWc#${fragment}`;

function verifyPermit(text, key = keyFile) {
  return new Promise((resolve) => {
    execFile(`${bin}/flis`, ['verify-permit', '--key', key, text], (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

test('GET /api/v1/verification-key serves the public P-256 seal key as PEM, public and cacheable', async () => {
  const r = await fetch(`${server.url}/api/v1/verification-key`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/x-pem-file');
  assert.equal(r.headers.get('cache-control'), 'public, max-age=86400');
  const body = await r.text();
  assert.match(body, /^-----BEGIN PUBLIC KEY-----\n/);
  assert.doesNotMatch(body, /PRIVATE/);
  const key = createPublicKey(body);
  assert.equal(key.asymmetricKeyType, 'ec');
  assert.equal(key.asymmetricKeyDetails.namedCurve, 'prime256v1');
  // The key id the payload names is computable from the key alone.
  assert.equal(r.headers.get('x-key-id'), kidOf(key));
  assert.equal(r.headers.get('etag'), `"${kidOf(key)}"`);
  // It is the public half of the seal key the server keeps beside its signing key.
  const privateKey = createPrivateKey(readFileSync(join(server.db.dir, 'permit-seal.pem')));
  assert.equal(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }), body);

  const again = await fetch(`${server.url}/api/v1/verification-key`, { headers: { 'If-None-Match': r.headers.get('etag') } });
  assert.equal(again.status, 304);
  // No sign-in needed.
  const listed = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  assert.ok(listed.paths['/api/v1/verification-key'].get);
});

test('flis verify-permit: VALID for a QR sealed with the server key; INVALID when changed, foreign or malformed', async () => {
  const privateKey = createPrivateKey(readFileSync(join(server.db.dir, 'permit-seal.pem')));
  const kid = kidOf(createPublicKey(privateKey));
  const good = seal(privateKey, payloadOf(kid));

  const ok = await verifyPermit(qrText(good));
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /^permit {6}EP-750000000-2026-000042$/m);
  assert.match(ok.stdout, /^holder {6}ZHANG WEI$/m);
  assert.match(ok.stdout, /^employer {4}050140003327 /m);
  assert.match(ok.stdout, /^regions {5}750000000, 710000000 /m);
  assert.match(ok.stdout, /^valid {7}2026-11-02 \.\. 2027-11-01$/m);
  assert.match(ok.stdout, /^VALID: /m);
  // A scanner's trailing newline does not matter.
  assert.equal((await verifyPermit(`${qrText(good)}\n`)).code, 0);

  // The term pushed by a year, signature kept.
  const changed = `${b64url(payloadOf(kid, { validTo: '2028-11-01' }))}.${good.split('.')[1]}`;
  const tampered = await verifyPermit(qrText(changed));
  assert.equal(tampered.code, 1);
  assert.match(tampered.stdout, /^valid {7}2026-11-02 \.\. 2028-11-01$/m);
  assert.match(tampered.stdout, /^INVALID: the data were changed/m);
  assert.doesNotMatch(tampered.stdout, /^VALID/m);

  // Sealed with someone else's key (and their kid): not FLIS's seal.
  const { privateKey: other } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const foreign = await verifyPermit(qrText(seal(other, payloadOf(kidOf(createPublicKey(other))))));
  assert.equal(foreign.code, 1);
  assert.match(foreign.stdout, /^INVALID: sealed with another key/m);
  // ... or with our kid written in: the signature gives it away.
  const forged = await verifyPermit(qrText(seal(other, payloadOf(kid))));
  assert.equal(forged.code, 1);
  assert.match(forged.stdout, /^INVALID: the data were changed/m);

  for (const text of ['', 'hello', qrText('not-base64!.x'), qrText(good.slice(0, 60))]) {
    const malformed = await verifyPermit(text);
    assert.equal(malformed.code, 1, text);
    assert.match(malformed.stdout, /^INVALID: not a permit QR/m);
  }
  // A key file that is not a key is an error, not a verdict.
  const junk = join(server.db.dir, 'junk.pem');
  writeFileSync(junk, 'not a key\n');
  const badKey = await verifyPermit(qrText(good), junk);
  assert.equal(badKey.code, 1);
  assert.match(badKey.stderr, /docs\.permit_qr\.bad_key/);
});
