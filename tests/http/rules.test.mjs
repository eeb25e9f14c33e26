// Rule versions as data (issue 8 item 6): the administrator and the Ministry see every version in force
// on a date with its parameters; flis-server refuses to start on invalid rule files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, signIn, startServer } from './server.mjs';

const root = new URL('../../', import.meta.url).pathname;
let server;
// The server's today is 2 March 2026 (Order 426 in force since 20 January).
before(async () => { server = await startServer({ at: '2026-03-02T10:00' }); });
after(async () => { await server.stop(); });

test('SE-A2.9 SE-10 SE-16: the administrator sees the SE versions in force on a date with typed parameters', async () => {
  const admin = await signIn(server.url, 'admin');
  const r = await admin.get('/api/v1/rules?on=2026-03-02&act=SE');
  assert.equal(r.status, 200);
  assert.equal(r.data.on, '2026-03-02');
  assert.equal(r.data.act, 'SE');
  assert.equal(r.data.versions.length, 37);
  const byId = Object.fromEntries(r.data.versions.map((v) => [v.id, v]));
  assert.equal(byId['SE-A2.9'].parameters.threshold, 6);
  assert.equal(byId['SE-10'].parameters.academic_degree, 4);
  assert.equal(byId['SE-16'].source, 'Order 426 of 30.12.2025');
  assert.equal(byId['SE-16'].effective_from, '2026-01-20');
  assert.equal(byId['SE-16'].effective_to, null);
  assert.equal(byId['SE-16'].unconfirmed, true);
  assert.match(byId['SE-16'].notes, /09\.01\.2026/);
  for (const v of r.data.versions) assert.equal(v.act, 'SE');
  const today = await admin.get('/api/v1/rules?act=SE');
  assert.equal(today.data.on, '2026-03-02');
  assert.deepEqual(today.data.versions, r.data.versions);
});

test('SE-16 SE-22-1: before Order 426 the 2023 wording is in force and there is no SE-22-1', async () => {
  const admin = await signIn(server.url, 'admin');
  const r = await admin.get('/api/v1/rules?on=2025-12-01&act=SE');
  assert.equal(r.status, 200);
  const ids = r.data.versions.map((v) => v.id);
  assert.ok(!ids.includes('SE-22-1'));
  const se16 = r.data.versions.find((v) => v.id === 'SE-16');
  assert.equal(se16.source, 'Order 236 of 22.06.2023');
  assert.equal(se16.effective_to, '2026-01-19');
});

test('QT-6 QT-11 I-12: all acts by default; the Ministry sees them too', async () => {
  const ministry = await signIn(server.url, 'ministry');
  const r = await ministry.get('/api/v1/rules?on=2026-10-01');
  assert.equal(r.status, 200);
  assert.equal(r.data.act, null);
  const acts = new Set(r.data.versions.map((v) => v.act));
  assert.deepEqual([...acts].sort(), ['EP', 'I', 'LI', 'QT', 'SE']);
  const qt6 = r.data.versions.find((v) => v.id === 'QT-6');
  assert.deepEqual(qt6.parameters, { day: 1, month: 10, year_offset: -1 });
  assert.equal(r.data.versions.find((v) => v.id === 'QT-11').parameters.working_days, 5);
  assert.equal(r.data.versions.find((v) => v.id === 'I-12').parameters.experience_counts, 'completed_years');
});

test('a bad date is a problem at the field "on"; an unknown act at "act"; other roles are refused', async () => {
  const admin = await signIn(server.url, 'admin');
  const bad = await admin.get('/api/v1/rules?on=2026-02-30');
  assert.equal(bad.status, 400);
  assert.match(bad.type, /application\/problem\+json/);
  assert.equal(bad.data.field, 'on');
  const act = await admin.get('/api/v1/rules?act=XX');
  assert.equal(act.status, 400);
  assert.equal(act.data.field, 'act');
  const foreigner = await signIn(server.url, 'sato');
  assert.equal((await foreigner.get('/api/v1/rules')).status, 403);
  assert.equal((await fetch(`${server.url}/api/v1/rules`)).status, 401);
});

test('the rules are in the OpenAPI document', async () => {
  const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const op = doc.paths['/api/v1/rules'].get;
  assert.deepEqual(op.parameters.map((p) => p.name), ['on', 'act']);
});

test('flis-server and flis refuse to start on invalid rules, naming the file and the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flis-rules-'));
  try {
    cpSync(join(root, 'data/rules'), dir, { recursive: true });
    const file = join(dir, 'se/order-426-2025.json');
    const rules = JSON.parse(readFileSync(file, 'utf8'));
    const index = rules.versions.findIndex((v) => v.id === 'SE-A2.9');
    rules.versions[index].parameters.threshold = 'six';
    writeFileSync(file, JSON.stringify(rules));
    const db = `sqlite:${join(dir, 'flis.sqlite')}`;
    const keyPath = join(dir, 'signer.pem');
    const server = spawnSync(`${bin}/flis-server`, ['--listen', '127.0.0.1:1', '--db', db, '--key', keyPath,
      '--rules', dir], { cwd: root, encoding: 'utf8', timeout: 20000 });
    assert.notEqual(server.status, 0);
    const field = `se/order-426-2025.json: versions[${index}].parameters.threshold`;
    assert.match(server.stderr + server.stdout, /rules\.bad_type/);
    assert.ok((server.stderr + server.stdout).includes(field), server.stderr);
    const cli = spawnSync(`${bin}/flis`, ['--db', db, '--key', keyPath, '--rules', dir, 'migrate'],
      { cwd: root, encoding: 'utf8', timeout: 20000 });
    assert.notEqual(cli.status, 0);
    assert.ok(cli.stderr.includes(field), cli.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
