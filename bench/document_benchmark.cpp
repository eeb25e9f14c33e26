// Documents at speed (issue 10 item 5): PDFs per second on one core, the EP permit beside the SE
// certificate it is laid out like. Google Benchmark, real time:
//   build/bin/document_benchmark --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

#include "docs/ep/ep_documents.h"
#include "docs/permit_token.h"
#include "docs/se/certificate_pdf.h"

namespace {
using namespace flis;

docs::ep::PermitView permit(const docs::PermitSeal& seal) {
  docs::ep::PermitView v;
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

void ep_permit_pdf(benchmark::State& state) {
  const auto* seal = the_seal(state);
  if (seal == nullptr) return;
  const auto view = permit(*seal);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = docs::ep::render_permit_pdf(view);
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

void se_certificate_pdf(benchmark::State& state) {
  const auto view = certificate();
  for (auto _ : state) benchmark::DoNotOptimize(docs::render_certificate_pdf(view));
  state.counters["pdf_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
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

BENCHMARK(ep_permit_pdf)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(se_certificate_pdf)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(permit_seal)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
