// Starts and stops a real flis-server for the HTTP integration tests. The database named by FLIS_DB
// (sqlite:... or postgresql://...) is prepared by scripts/test-http.sh: migrated, reference data
// loaded, demo users seeded.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const root = new URL('../../', import.meta.url).pathname;
export const bin = process.env.FLIS_BIN || `${root}build/bin`;
export const db = process.env.FLIS_DB;
export const keyPath = process.env.FLIS_KEY || `${root}var/test/signer.pem`;

// The quota campaign the demo seed leaves in progress: requests open on 15 September for the next
// year (QT-5, QT-6); the regions it uses (KATO).
const today = new Date();
export const quotaYear = today.getMonth() > 8 || (today.getMonth() === 8 && today.getDate() >= 15)
  ? today.getFullYear() + 1 : today.getFullYear();
export const almaty = '750000000';
export const astana = '710000000';

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

// `args`: extra flis-server options, e.g. ['--registry-url', sim.url] to connect a simulator.
export async function startServer({ port, args = [] } = {}) {
  if (!db) throw new Error('FLIS_DB is not set');
  port = port || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    `${bin}/flis-server`,
    ['--listen', `127.0.0.1:${port}`, '--db', db, '--key', keyPath, '--demo', '--public-url', url,
     '--assets', `${root}assets`, '--i18n', `${root}data/i18n`, '--threads', '4', ...args],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    child,
    exited,
    log: () => log,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

// A small API client bound to one signed-in demo user.
export async function signIn(url, login) {
  const r = await fetch(`${url}/api/v1/auth/demo-token`, { method: 'POST', body: JSON.stringify({ login }) });
  if (r.status !== 201) throw new Error(`sign-in ${login}: ${r.status} ${await r.text()}`);
  const { token, user_id: userId } = await r.json();
  const call = async (method, path, body, headers = {}) => {
    const init = { method, headers: { Authorization: `Bearer ${token}`, ...headers } };
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
  };
}

export function pdfBytes(label) {
  return new TextEncoder().encode(`%PDF-1.4\n% ${label}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
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
// suite. `admin(method, path, body)` calls its admin API (faults, records, call log).
export async function startSim({ args = [] } = {}) {
  const child = spawn(`${bin}/flis-registry-sim`, ['--listen', '127.0.0.1:0', '--seed', 'demo', ...args],
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
