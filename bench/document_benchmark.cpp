// Documents at speed (issue 10 item 5): PDFs per second on one core, the EP permit and the LI permit
// (issue 12, LI-A5: the highest-volume document, ~300 000 a year) beside the SE certificate they are
// laid out like, and the QT request forms (QT-A1, and QT-A2 with 20 employers). Google Benchmark in CPU
// time of the rendering thread (rendering is single-threaded), so `pdf_per_s` is documents per
// CPU-second = per core, whatever else the shared machine runs:
//   build/bin/document_benchmark --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

#include "docs/ep/ep_documents.h"
#include "docs/li/li_documents.h"
#include "docs/permit_token.h"
#include "docs/qt/quota_forms.h"
#include "docs/se/certificate_pdf.h"

namespace {
using namespace flis;

docs::ep::PermitView permit(const docs::PermitSeal& seal) {
  docs::ep::PermitView v;
  v.appendix = 4;  // I-28
  v.number = "EP-750000000-2026-000042";
  v.issue_date = Date(2026, 11, 2);
  v.employer = {"ТОО «Алатау Инжиниринг»", "050140003327"};
  v.worker = {"ЧЖАН ВЭЙ", "ZHANG WEI", {"Қытай Халық Республикасы", "Китайская Народная Республика"}, "EA1234567"};
  v.category = "2";
  v.profession = {"2144", {"Машина жасау инженері", "Инженер-механик"}};
  v.regions = {{"750000000", {"Алматы қаласы", "город Алматы"}}, {"710000000", {"Астана қаласы", "город Астана"}}};
  v.valid_from = Date(2026, 11, 2);
  v.valid_to = Date(2027, 11, 1);
  v.issuer = {{"Алматы қаласының Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы",
               "Управление занятости и социальных программ города Алматы"},
              "Сейтқали Айгүл Нұрланқызы",
              {"Басшы", "Руководитель"},
              "ECDSA-P256-SHA256",
              "3f9a0c17b2d4e8a1"};
  v.verification_url = "https://flis.example.kz/verify/Zk3vQ9xT2aLm8pWc";
  v.sealed = *seal.seal({v.number,
                         v.worker.full_name_latin,
                         v.employer.bin,
                         v.category,
                         {"750000000", "710000000"},
                         v.valid_from,
                         v.valid_to});
  return v;
}

docs::CertificateView certificate() {
  docs::CertificateView v;
  v.number = "SE-2026-000042";
  v.issue_date = Date{2026, 3, 16};
  v.holder_name = "ИВАНОВ ПЁТР СЕРГЕЕВИЧ";
  v.holder_name_latin = "IVANOV PETR";
  v.passport = "75 1234567";
  v.profession = {"Бағдарламашы (компьютерлік)", "Программист (компьютерный)"};
  v.sector = {"Ақпарат және байланыс", "Информация и связь"};
  v.basis = {"Комиссия хаттамасы", "Протокол Комиссии"};
  v.valid_from = Date{2026, 3, 16};
  v.valid_to = Date{2026, 6, 15};
  v.issuing_body = {"Алматы қаласының Жұмыспен қамту басқармасы", "Управление занятости города Алматы"};
  v.signer_name = "Сейтқали Айгүл Нұрланқызы";
  v.signer_position = {"Басшы", "Руководитель"};
  v.verification_url = "https://flis.example.kz/verify/Zm9vYmFyYmF6cXV4";
  return v;
}

// An LI permit as the lead's web/li fills it: the typed permit data, the names from reference data.
struct LiPermit {
  cases::IssuedDocument doc;
  cases::LiPermitData data;
  docs::li::PermitPrint print;
};
LiPermit li_permit(const docs::PermitSeal& seal) {
  LiPermit p;
  p.doc.number = "LI-195220000-2026-000007";
  p.doc.kind = "li_permit";
  p.doc.valid_from = Date(2026, 12, 4);
  p.doc.valid_to = Date(2027, 6, 3);
  auto& i = p.data.immigrant;
  i.surname = "Каримов";
  i.given_name = "Алишер";
  i.full_name_latin = "KARIMOV ALISHER";
  i.citizenship = "UZ";
  i.passport_number = "FA1234567";
  i.iin = "950101300123";
  p.data.employer.iin = "880412300155";
  p.data.employer.name = "Ахметова Гүлнар Серікқызы";
  p.data.region = "190000000";
  p.data.district = "195220000";
  p.print.issued_on = Date(2026, 12, 4);
  p.print.issuer = {"Алматы облысы Қарасай ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі",
                    "Отдел занятости и социальных программ Карасайского района Алматинской области"};
  p.print.official = {
      {"Бөлім басшысы", "Руководитель отдела"}, "Сейтқали Айгүл Нұрланқызы", "ECDSA-P256-SHA256", "3f9a0c17b2d4e8a1"};
  p.print.citizenship = {"Өзбекстан Республикасы", "Республика Узбекистан"};
  p.print.region = {"Алматы облысы", "Алматинская область"};
  p.print.district = {"Қарасай ауданы", "Карасайский район"};
  p.print.verification_url = "https://flis.example.kz/verify/Zk3vQ9xT2aLm8pWc";
  p.print.sealed = *seal.seal(docs::li::permit_claims(p.doc, p.data));
  return p;
}

// One seal key for the run, in a temp dir removed at exit.
struct Seal {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("flis-bench-seal-" + std::to_string(std::random_device{}()));
  Result<std::unique_ptr<docs::PermitSeal>> seal = docs::PermitSeal::open(dir / "permit-seal.pem", true);
  ~Seal() { std::filesystem::remove_all(dir); }
};
const docs::PermitSeal* the_seal(benchmark::State& state) {
  static Seal seal;
  if (!seal.seal) state.SkipWithError("no seal key");
  return seal.seal ? seal.seal->get() : nullptr;
}

// Renders with `render` (→ Result<std::string>) until the state stops; PDFs per second and their size.
template <typename Render>
void pdf_loop(benchmark::State& state, const Render& render) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = render();
    if (!pdf) {
      state.SkipWithError(pdf.error().code.c_str());
      break;
    }
    bytes = pdf->size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["pdf_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void ep_permit_pdf(benchmark::State& state) {
  const auto* seal = the_seal(state);
  if (seal == nullptr) return;
  const auto view = permit(*seal);
  pdf_loop(state, [&] { return docs::ep::render_permit_pdf(view); });
}

void li_permit_pdf(benchmark::State& state) {
  const auto* seal = the_seal(state);
  if (seal == nullptr) return;
  const auto p = li_permit(*seal);
  pdf_loop(state, [&] { return docs::li::render_permit_pdf(p.doc, p.data, p.print); });
}

void se_certificate_pdf(benchmark::State& state) {
  const auto view = certificate();
  pdf_loop(state, [&] { return docs::render_certificate_pdf(view); });
}

docs::QtFormHeader qt_header(bool employer) {
  return {2027,
          {"Алматы қаласының жергілікті атқарушы органы", "Местный исполнительный орган города Алматы"},
          {"", employer ? "ТОО «Алатау Курылыс», БИН 180340012345, г. Алматы, ул. Толе би, 101"
                        : "Управление занятости и социальных программ города Алматы"},
          employer ? "QTA1-2027-75-u-emp-alatau" : "QTA2-2027-75",
          Date{2026, 9, 15}};
}

void qt_a1_pdf(benchmark::State& state) {
  docs::QtA1View v;
  v.header = qt_header(true);
  v.current_year_count = 8;
  v.need.add("category_2", "Инженер-сметчик", 4);
  v.need.add("category_3", "Электросварщик", 12);
  v.need.add("category_4", "Монтажник", 6);
  v.justification = "Договор генподряда № 17/2026 на строительство ЖК «Алатау» (2 очередь)";
  pdf_loop(state, [&] { return docs::render_quota_form_pdf(v); });
}

void qt_a2_pdf(benchmark::State& state) {
  docs::QtA2View v;
  v.header = qt_header(false);
  for (int i = 0; i < 20; ++i) {
    docs::QtA2Row r;
    r.organization = "ТОО «Организация " + std::to_string(i + 1) + "»";
    r.legal_address = "г. Алматы, ул. Абая, " + std::to_string(i + 1);
    r.current_year_count = i;
    r.need.add("category_3", "Электросварщик", 6);
    r.need.add("seasonal", "Сборщик плодов", 40);
    r.justification = "Контракт на поставку № " + std::to_string(i + 1);
    v.rows.push_back(std::move(r));
  }
  v.considerations = {"Спрос: 2 100 вакансий в строительстве"};
  pdf_loop(state, [&] { return docs::render_quota_form_pdf(v); });
}

// The seal alone: what the QR adds to issuing a permit.
void permit_seal(benchmark::State& state) {
  const auto* seal = the_seal(state);
  if (seal == nullptr) return;
  const docs::PermitClaims claims{"EP-750000000-2026-000042", "ZHANG WEI",      "050140003327", "2", {"750000000"},
                                  Date(2026, 11, 2),          Date(2027, 11, 1)};
  for (auto _ : state) benchmark::DoNotOptimize(seal->seal(claims));
}

}  // namespace

BENCHMARK(ep_permit_pdf)->Unit(benchmark::kMillisecond);
BENCHMARK(li_permit_pdf)->Unit(benchmark::kMillisecond);
BENCHMARK(se_certificate_pdf)->Unit(benchmark::kMillisecond);
BENCHMARK(qt_a1_pdf)->Unit(benchmark::kMillisecond);
BENCHMARK(qt_a2_pdf)->Unit(benchmark::kMillisecond);
BENCHMARK(permit_seal)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
