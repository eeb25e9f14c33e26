// What the EP HTTP tests share: the simulator's KazStroyMontazh, a worker for its construction-technician
// vacancy (published 45 days before 1 June 2026, EP-2-1) and the documents EP-A2.8 asks for an issue.
// (ep_flow.test.mjs still spells the same draft out; it can import these.)
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { almaty, pdfBytes, prepareDatabase, signIn, startServer, startSim } from './server.mjs';

export const ksmBin = '070540022121'; // ТОО «KazStroyMontazh», as the simulator's ГБД ЮЛ knows it
export const epBase = '/api/v1/employer-permits/applications';

export const epWorker = {
  surname: 'Каримов', given_name: 'Бекзод', patronymic: 'Алишерович', birth_date: '1990-04-12', citizenship: 'UZ',
  passport_number: 'FA1234567', passport_issued_on: '2021-05-10', passport_issuer: 'МВД Республики Узбекистан',
  residence_country: 'UZ', departure_country: 'UZ', education: 'Колледж, техник-строитель', occupation_code: '3112',
  experience_years: 9, education_level: 'technical_vocational', // EP-16-1
};

export const epDraft = {
  kind: 'issue', category: 'category_3', employer_bin: ksmBin, oked_section: 'F', regions: [almaty],
  workers: [epWorker], vacancy_code: 'ЭБТ-2026-70103',
};

export const epIssueDocuments = ['education_documents', 'qualification_letter', 'local_content', 'identity_document'];

// A draft of `employer` with its documents, filed (registered the same working day).
export async function filedApplication(employer, body = epDraft) {
  const draft = await employer.post(epBase, body);
  if (draft.status !== 201) throw new Error(`draft: ${draft.status} ${JSON.stringify(draft.data)}`);
  const id = draft.data.id;
  for (const t of epIssueDocuments) {
    const u = await employer.upload(`${epBase}/${id}/files?doc_type=${t}&file_name=${t}.pdf`, pdfBytes(t));
    if (u.status !== 201) throw new Error(`upload ${t}: ${u.status}`);
  }
  const filed = await employer.post(`${epBase}/${id}/filing`, { consent_personal_data: true });
  if (filed.status !== 200) throw new Error(`filing: ${filed.status} ${JSON.stringify(filed.data)}`);
  return filed.data;
}

// A registry simulator and a server using it, both at `at`, with `logins` signed in (in that order).
export async function startEpServer(at, logins) {
  const sim = await startSim({ at });
  const server = await startServer({ at, args: ['--registry-url', sim.url] });
  const users = await Promise.all(logins.map((l) => signIn(server.url, l)));
  const stop = async () => {
    await server.stop();
    await sim.stop();
  };
  return { sim, server, users, stop };
}

// An application of `employer` for `worker` filed, decided by `head`, its fee paid at the bank (the simulator's
// revenue records) on `paidOn` and confirmed: the permit issued that day (I-8). The case as the API answers.
export async function issuedApplication(employer, head, sim, worker, paymentId, paidOn) {
  const filed = await filedApplication(employer, { ...epDraft, workers: [worker] });
  const decided = await head.post(`${epBase}/${filed.id}/decision`, { issue: true });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  const fee = decided.data.data.decision.fee;
  const paid = await sim.admin('POST', 'records/revenue', {
    fee_payments: [{ payment_id: paymentId, payer: ksmBin, region: almaty, amount_tiyn: fee.total_tenge * 100,
      paid_on: paidOn, budget_code: '105302', purpose: 'Сбор за выдачу разрешения' }],
  });
  assert.equal(paid.status, 201, JSON.stringify(paid.data));
  const done = await employer.post(`${epBase}/${filed.id}/fee`);
  assert.equal(done.status, 200, JSON.stringify(done.data));
  assert.equal(done.data.state, 'issued');
  return done.data;
}

// A registry simulator and a database that outlive a server, so that a test restarts the server on the same
// data with its clock moved on. start(at, logins) stops the running server, if any, starts one at `at` and
// signs `logins` in; stop() ends the server and the simulator, then verifies and removes the database.
export async function epWorld(at) {
  const sim = await startSim({ at });
  const db = await prepareDatabase({ at });
  let server;
  return {
    sim,
    async start(when, logins, args = []) {
      await server?.stop();
      server = await startServer({ at: when, db, args: ['--registry-url', sim.url, ...args] });
      return Promise.all(logins.map((l) => signIn(server.url, l)));
    },
    async stop() {
      await server?.stop();
      await sim.stop();
      try {
        await db.verify();
      } finally {
        await db.remove();
      }
    },
  };
}

// epWorld(at) made before the file's tests and stopped after them: its `sim` and `start` once before() ran.
export function epWorldForFile(at) {
  const world = {};
  before(async () => {
    Object.assign(world, await epWorld(at));
  });
  after(async () => {
    await world.stop?.();
  });
  return world;
}
