// What the EP HTTP tests share: the simulator's KazStroyMontazh, a worker for its construction-technician
// vacancy (published 45 days before 1 June 2026, EP-2-1) and the documents EP-A2.8 asks for an issue.
// (ep_flow.test.mjs still spells the same draft out; it can import these.)
import { almaty, pdfBytes, signIn, startServer, startSim } from './server.mjs';

export const ksmBin = '070540022121'; // ТОО «KazStroyMontazh», as the simulator's ГБД ЮЛ knows it
export const epBase = '/api/v1/employer-permits/applications';

export const epWorker = {
  surname: 'Каримов', given_name: 'Бекзод', patronymic: 'Алишерович', birth_date: '1990-04-12', citizenship: 'UZ',
  passport_number: 'FA1234567', passport_issued_on: '2021-05-10', passport_issuer: 'МВД Республики Узбекистан',
  residence_country: 'UZ', departure_country: 'UZ', education: 'Колледж, техник-строитель', occupation_code: '3112',
  experience_years: 9,
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
