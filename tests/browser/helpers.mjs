// Shared helpers of the browser tests: a flis-server of each test file's own on a database of its own,
// seeded at the date the file pins (tests/http/server.mjs), one headless Debian chromium, a fresh
// profile per run, a context per person (their own cookies), and an axe-core WCAG 2.1 A/AA audit of
// every page visited. FLIS_BASE_URL instead points the tests at a server already running (no pinning).
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { pdfBytes, startServer, validIin } from '../http/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Set by launch() to the file's own server (a live binding: importers see the value it gets).
export let baseUrl = process.env.FLIS_BASE_URL;
export const artifacts = process.env.FLIS_ARTIFACTS ?? join(tmpdir(), 'flis-browser-artifacts');
const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// When a script moves the real date with libfaketime (its LD_PRELOAD and FAKETIME* variables) for the
// server and the tests, Chromium stalls under it; the browser keeps the true clock.
const browserEnv = Object.fromEntries(Object.entries(process.env)
  .filter(([k]) => k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME')));

// The file's server at `at` (Kazakhstan time, e.g. '2026-10-21T10:00') started with `args` (e.g. a
// registry simulator's --registry-url), then a fresh browser profile.
// People take turns in it: signing in as someone else starts from empty cookies. bypassCSP lets the
// test inject axe-core although the server's CSP forbids inline scripts. close() stops both.
export async function launch(locale = 'en-US', { at, args } = {}) {
  const server = process.env.FLIS_BASE_URL ? null : await startServer({ at, args });
  if (server) baseUrl = server.url;
  const profile = mkdtempSync(join(tmpdir(), 'flis-chromium-'));
  mkdirSync(artifacts, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    locale,
    bypassCSP: true,
    acceptDownloads: true,
    env: browserEnv,
  });
  return {
    context,
    // A new page for `login` with nobody else's session; null login: an anonymous visitor.
    async as(login) {
      await context.clearCookies();
      for (const p of context.pages()) await p.close();
      const page = await context.newPage();
      if (login) await signIn(page, login);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await server?.stop();
    },
  };
}

// axe-core with the WCAG 2.0/2.1 A and AA rules; any violation fails the test with its details.
export async function audit(page, label) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const details = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.equal(result.violations.length, 0, `axe violations on ${label} (${page.url()}):\n  ${details.join('\n  ')}`);
}

export async function visit(page, path, label = path) {
  const response = await page.goto(new URL(path, baseUrl).href);
  await audit(page, label);
  return response;
}

// Submits a form by its submit button and audits the page it lands on (POST-redirect-GET).
export async function submit(page, formSelector, label) {
  await Promise.all([page.waitForNavigation(), page.click(`${formSelector} button[type=submit]`)]);
  await audit(page, label);
}

// Ticks a USWDS checkbox or radio by its visible label, as a person would.
export async function tick(page, inputId) {
  const input = page.locator(`#${inputId}`);
  if (!(await input.isChecked())) await page.click(`label[for="${inputId}"]`);
}

export async function signIn(page, login) {
  await visit(page, '/login', 'login');
  await Promise.all([page.waitForNavigation(), page.click(`button[data-login="${login}"]`)]);
  await audit(page, `start page of ${login}`);
}

// Жетысу Агро's QT-A1 request in `region` on the open form, its seasonal line (the third) left without
// its profession, as the employer would type it.
export async function fillZhetysuRequest(page, region) {
  await page.selectOption('#f-region', region);
  await page.fill('#f-employer-bin', '990540001119');
  await page.fill('#f-employer-legal-address', 'Almaty, Raiymbek 348');
  await page.fill('#f-current-year-count', '0');
  await page.selectOption('#f-lines-0--category', 'category_3');
  await page.fill('#f-lines-0--profession', 'Agronomist');
  await page.fill('#f-lines-0--count', '2');
  await page.selectOption('#f-lines-2--category', 'seasonal');
  await page.fill('#f-lines-2--count', '20');
  await page.fill('#f-justification', 'Apple supply contract, harvest August to October');
}

// Rakhimov's passport data (the simulator's person, sim/demo_data.cpp) in the LI passport fields whose
// ids start with `prefix` ('f-li-sign-agreement-immigrant-' on the agreement, 'f-immigrant-' at the desk).
export async function fillRakhimovPassport(page, prefix) {
  const f = (name) => `#${prefix}${name.replace(/_/g, '-')}`;
  await page.fill(f('surname'), 'Рахимов');
  await page.fill(f('given_name'), 'Жасур');
  await page.fill(f('birth_date'), '1992-03-12');
  await page.selectOption(f('citizenship'), 'UZ');
  await page.fill(f('passport_number'), 'FA1234568');
  await page.fill(f('passport_issued_on'), '2021-03-01');
  await page.fill(f('iin'), validIin('920312', '3', 51));
  await page.fill(f('phone'), '+998901234567');
  await page.fill(f('permanent_address'), 'Ташкент, ул. Навои, 5');
  await page.fill(f('temporary_address'), 'Алматы, ул. Рыскулова, 12');
}

// A one-page PDF, as a scan of a document would be (tests/http/server.mjs writes it).
export function pdf(title) {
  return Buffer.from(pdfBytes(title));
}
