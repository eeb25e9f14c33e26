// The harness of the HTTP integration tests: every startServer() gets a database of its own, made
// for it at the date the test file pins (`at`), and a real flis-server whose clock starts there
// (--demo --clock-at, ticking on). So files share nothing, run in any order or at once, and read no
// real date. The store is SQLite (a temp file) unless FLIS_TEST_STORE=postgresql, then a database
// created on the PostgreSQL server of FLIS_TEST_PG_URL (scripts/with-pg.sh starts one) and dropped
// after — or on a server a test starts for itself (startPostgres), e.g. to crash it. Each database's
// audit chains are verified when its server stops.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
export const bin = process.env.FLIS_BIN || `${root}build/bin`;
const store = process.env.FLIS_TEST_STORE || 'sqlite';
// The store the tests run on: 'sqlite' or 'postgresql' (FLIS_TEST_STORE).
export const testStore = store;

// The regions the demo seed uses (KATO).
export const almaty = '750000000';
export const astana = '710000000';

// The campaign year a date falls in: requests open on 15 September for the next year (QT-5, QT-6).
export function quotaYearAt(at) {
  const [y, m, d] = at.slice(0, 10).split('-').map(Number);
  return m > 9 || (m === 9 && d >= 15) ? y + 1 : y;
}

// "2026-10-01T10:00" (Kazakhstan time, UTC+5) → "2026-10-01", the server's today at that moment.
export const dateOf = (at) => at.slice(0, 10);

const flis = (db, ...args) => run(`${bin}/flis`, ['--db', db.url, '--key', db.key, ...args], { cwd: root });
const psql = (server, sql) => run('psql', [server, '-qAtc', sql]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// An empty database in a new dir of its own (its signing key goes there too), or a copy of `template`;
// on PostgreSQL on the server `pgServer` (a URL), by default FLIS_TEST_PG_URL's.
async function newDatabase(template, pgServer) {
  const dir = mkdtempSync(join(process.env.FLIS_TEST_WORK || tmpdir(), 'flis-http-'));
  if (template) cpSync(template.dir, dir, { recursive: true });
  const db = { dir, key: join(dir, 'signer.pem') };
  let pg;
  if (store === 'postgresql') {
    const server = pgServer || process.env.FLIS_TEST_PG_URL;
    if (!server) throw new Error('FLIS_TEST_STORE=postgresql needs FLIS_TEST_PG_URL (scripts/with-pg.sh)');
    pg = { server, name: `flis_http_${process.pid}_${Math.random().toString(36).slice(2, 10)}` };
    await psql(server, `CREATE DATABASE ${pg.name}${template ? ` TEMPLATE ${template.pgName}` : ''}`);
    const url = new URL(server);
    url.pathname = `/${pg.name}`;
    db.url = url.href;
    db.pgName = pg.name;
  } else {
    db.url = `sqlite:${join(dir, 'flis.sqlite')}`;
  }
  // Runs one SQL statement on the database from outside the server, as an operator at its console would
  // (sqlite3, psql): for tests of what the server does when its own data is at fault.
  db.sql = async (text) => (pg ? psql(db.url, text) : run('sqlite3', [join(dir, 'flis.sqlite'), text]));
  db.remove = async () => {
    if (pg) await psql(pg.server, `DROP DATABASE IF EXISTS ${pg.name} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  };
  // Recomputes every hash chain of the database (flis audit verify); throws on tampering.
  db.verify = async () => {
    try {
      await flis(db, 'audit', 'verify');
    } catch (e) {
      throw new Error(`flis audit verify found tampering in ${db.url}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  };
  return db;
}

async function seeded(at, pgServer) {
  const db = await newDatabase(null, pgServer);
  try {
    await flis(db, 'migrate');
    await flis(db, 'load-reference', '--data', `${root}data/reference`);
    await flis(db, 'seed-demo', '--clock-at', at);
  } catch (e) {
    await db.remove();
    throw e;
  }
  return db;
}

// Seeding costs a few seconds and most files share a date, so under the test scripts (FLIS_TEST_WORK
// set, removed with everything in it at the end) the database seeded for a date is a template the
// others copy. The first process to take the lock dir builds it; the others wait for its marker
// file, or seed their own if it failed.
async function template(at) {
  const work = process.env.FLIS_TEST_WORK;
  if (!work) return null;
  const base = join(work, `template-${store}-${at.replace(/[^0-9A-Za-z]/g, '')}`);
  try {
    mkdirSync(`${base}.lock`);
  } catch {
    for (let i = 0; i < 1200; i++) {
      if (existsSync(`${base}.ready`)) return JSON.parse(readFileSync(`${base}.ready`, 'utf8'));
      if (existsSync(`${base}.failed`)) return null;
      await sleep(100);
    }
    return null;
  }
  try {
    const db = await seeded(at);
    const made = { dir: db.dir, pgName: db.pgName };
    writeFileSync(`${base}.ready`, JSON.stringify(made));
    return made;
  } catch (e) {
    writeFileSync(`${base}.failed`, String(e));
    throw e;
  }
}

const ownServerTemplates = new Map();  // "server at" → a promise of the seeded template on that server

// A fresh database of its own: migrated, reference data loaded, demo data seeded as of `at`.
// `remove()` drops it; `verify()` checks its audit chains. `pgServer`: on PostgreSQL, the URL of the
// server to make it on (one from startPostgres()) instead of FLIS_TEST_PG_URL's.
export async function prepareDatabase({ at, pgServer }) {
  if (!at) throw new Error('prepareDatabase: pin the date with { at }');
  if (pgServer && store === 'postgresql') {
    // The first database seeded for a date on that server is the template of the next ones.
    const key = `${pgServer} ${at}`;
    if (!ownServerTemplates.has(key)) ownServerTemplates.set(key, seeded(at, pgServer));
    const db = await newDatabase(await ownServerTemplates.get(key), pgServer);
    db.at = at;
    return db;
  }
  const from = await template(at);
  const db = from ? await newDatabase(from) : await seeded(at);
  db.at = at;
  return db;
}

// A PostgreSQL 15 server of the caller's own (scripts/pg-harness.sh with a state file of its own), for a
// test that crashes it. `fsync`: run it with production's durability settings (FLIS_PG_FSYNC=on:
// fsync, synchronous_commit and full_page_writes on) — a server with fsync=off proves nothing about
// durability. crash() SIGKILLs the postmaster and every process it started; restart() starts it again
// on the same data and port (crash recovery); stop() stops it and removes its data.
export async function startPostgres({ fsync = true } = {}) {
  const dir = mkdtempSync(join(process.env.FLIS_TEST_WORK || tmpdir(), 'flis-pg-'));
  const env = { ...process.env, FLIS_PG_HARNESS_STATE: join(dir, 'harness.state'), FLIS_PG_FSYNC: fsync ? 'on' : 'off' };
  const harness = async (command) =>
    (await run('bash', [`${root}scripts/pg-harness.sh`, command], { env, cwd: root })).stdout.trim();
  const url = await harness('start');
  return {
    url,
    // "fsync=on, synchronous_commit=on, full_page_writes=on": what the running server has in force.
    settings: async () => (await psql(url, "SELECT 'fsync=' || current_setting('fsync') || ', synchronous_commit=' || "
      + "current_setting('synchronous_commit') || ', full_page_writes=' || current_setting('full_page_writes')")).stdout.trim(),
    crash: () => harness('crash'),
    restart: () => harness('restart'),
    async stop() {
      try {
        for (const [key, made] of ownServerTemplates) {
          if (!key.startsWith(`${url} `)) continue;
          ownServerTemplates.delete(key);
          rmSync((await made).dir, { recursive: true, force: true });
        }
        await harness('stop');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

// Starts flis-server at `at` (Kazakhstan time, e.g. '2026-10-01T10:00'; the clock ticks on from there)
// on a database of its own, prepared for this call and removed by stop() after its audit chains
// are verified. `db`: a database from prepareDatabase() instead, kept by the caller (to restart a
// server on the same data). `args`: extra flis-server options, e.g. ['--registry-url', sim.url].
export async function startServer({ at, db, port, args = [] } = {}) {
  if (!at) throw new Error('startServer: pin the date with { at }');
  const owned = !db;
  if (owned) db = await prepareDatabase({ at });
  port = port || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  // GET /metrics needs a bearer token (issue 9); each server gets one of its own.
  const metricsToken = randomBytes(24).toString('hex');
  const metricsTokenFile = join(db.dir, `metrics-${port}.token`);
  writeFileSync(metricsTokenFile, `${metricsToken}\n`);
  const child = spawn(
    `${bin}/flis-server`,
    ['--listen', `127.0.0.1:${port}`, '--db', db.url, '--key', db.key, '--demo', '--clock-at', at, '--public-url', url,
     '--assets', `${root}assets`, '--i18n', `${root}data/i18n`, '--threads', '4',
     '--metrics-token-file', metricsTokenFile, ...args],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let healthy = false;
  for (let i = 0; i < 100 && !healthy; i++) {
    try {
      healthy = (await fetch(`${url}/healthz`)).ok;
    } catch { /* not up yet */ }
    if (!healthy) await new Promise((r) => setTimeout(r, 100));
  }
  if (!healthy) {
    child.kill('SIGKILL');
    await exited;
    if (owned) await db.remove();
    throw new Error(`flis-server did not become healthy:\n${log}`);
  }
  return {
    url,
    port,
    child,
    exited,
    db,
    log: () => log,
    // The Prometheus text of GET /metrics, fetched with this server's token.
    async metrics() {
      const r = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } });
      if (r.status !== 200) throw new Error(`GET /metrics: ${r.status}`);
      return r.text();
    },
    // Stops the server; a database of its own is then verified and removed.
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const status = await exited;
      if (owned) {
        try {
          await db.verify();
        } finally {
          await db.remove();
        }
      }
      return status;
    },
  };
}

// A small API client bound to one signed-in demo user.
export async function signIn(url, login) {
  const r = await fetch(`${url}/api/v1/auth/demo-token`, { method: 'POST', body: JSON.stringify({ login }),
    headers: { 'Content-Type': 'application/json' } });
  if (r.status !== 201) throw new Error(`sign-in ${login}: ${r.status} ${await r.text()}`);
  const { token, user_id: userId } = await r.json();
  const call = async (method, path, body, headers = {}) => {
    // The API reads JSON only when it is sent as JSON (415 otherwise); uploads say their own type.
    const init = { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers } };
    if (body !== undefined) init.body = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
    const res = await fetch(`${url}${path}`, init);
    const type = res.headers.get('content-type') || '';
    const data = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, type, data, headers: res.headers };
  };
  return {
    login,
    userId,
    token,
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b ?? {}),
    upload: (p, bytes) => call('POST', p, bytes, { 'Content-Type': 'application/pdf' }),
    call,  // (method, path, body, headers): any other request
  };
}

// A one-page PDF with a correct cross-reference table, as a scanner writes one: the server reads
// uploads with a PDF parser and refuses what only starts like a PDF. `label` is written on the page.
export function pdfBytes(label) {
  const text = String(label).replace(/[^ -~]/g, '?').replace(/[()\\]/g, '_');
  const stream = `BT /F1 12 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
    `<</Length ${stream.length}>>\nstream\n${stream}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

// A valid IIN (reference-data.md check digit) for a birth date YYMMDD and century/sex digit.
export function validIin(yymmdd, centurySex = '3', serial = 1) {
  for (;; serial++) {
    const eleven = `${yymmdd}${centurySex}${String(serial % 10000).padStart(4, '0')}`;
    const d = [...eleven].map(Number);
    let s = d.reduce((a, x, i) => a + x * (i + 1), 0) % 11;
    if (s === 10) s = d.reduce((a, x, i) => a + x * (((i + 2) % 11) + 1), 0) % 11;
    if (s !== 10) return eleven + s;
  }
}

// Starts a flis-registry-sim of its own on a free loopback port (docs/registries.md) for one test
// suite, its calendar on the date of `at` like the server's. `admin(method, path, body)` calls its
// admin API (faults, records, call log).
export async function startSim({ at, args = [] } = {}) {
  if (!at) throw new Error('startSim: pin the date with { at }');
  const child = spawn(`${bin}/flis-registry-sim`,
    ['--listen', '127.0.0.1:0', '--seed', 'demo', '--today', dateOf(at), ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    exited.then(({ code }) => reject(new Error(`flis-registry-sim exited (${code}): ${log}`)));
  });
  const admin = async (method, path, body) => {
    const r = await fetch(`${url}/admin/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    const type = r.headers.get('content-type') || '';
    return { status: r.status, data: type.includes('json') ? await r.json() : await r.text() };
  };
  return {
    url,
    child,
    admin,
    log: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

// A draft SE application of `applicant` (a signIn client) in Astana, for the first profession of the
// reference list: the case the access and case-read tests work on.
export async function seDraft(url, applicant) {
  const professions = await (await fetch(`${url}/api/v1/reference/se_profession`)).json();
  const r = await applicant.post('/api/v1/self-employment/applications', {
    kind: 'issue', region: '710000000', profession_code: professions.entries.find((e) => e.data.kind === 'profession').code,
    applicant: { full_name: 'Chen Wei', passport_number: 'EC7654321', citizenship: 'CN', phone: '+7 701 111 11 11',
      iin: validIin('900101', '3') },
  });
  if (r.status !== 201) throw new Error(`SE draft: ${r.status} ${JSON.stringify(r.data)}`);
  return r.data;
}
