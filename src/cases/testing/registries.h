// Fakes of the external state systems (cases/registries.h) a test sets up record by record: the
// persons register (ГБД ФЛ) and the control bodies' registries of the quota Commission (police,
// ЕРАП, ОТиБ). Each can be made "down" and counts the calls it answered. Test-only, header-only;
// includes only core/ and cases/. The registry simulator (sim/) is the fake of the whole set over
// HTTP; these are for unit tests that need one answer, no server.
#pragma once

#include <atomic>
#include <string>
#include <variant>
#include <vector>

#include "cases/registries.h"
#include "core/identifiers.h"

namespace flis::cases::testing {

inline Error registry_down() { return Error::unavailable("gateway.unavailable", "timed out"); }

// ГБД ФЛ: the people it knows, or down.
class FakePersons final : public PersonsRegister {
 public:
  bool down = false;
  std::vector<Person> people;
  std::atomic<int> calls = 0;

  Result<Person> person(const Iin& iin) override {
    ++calls;
    if (down) return registry_down();
    for (const auto& p : people)
      if (p.iin == iin.digits()) return p;
    return Error::not_found("gateway.not_found", iin.digits());
  }
};

// The control bodies asked about an employer at the quota Commission (QT-10, F-QR1): migration
// police, ЕРАП (administrative offences) and ОТиБ (safety inspections), each with its records by
// subject, or down. The systems are asked at once, so the counters are atomic.
struct FakeViolationRegistries final : MigrationPolice, OffencesRegister, SafetyInspections {
  bool police_down = false, erap_down = false, otib_down = false;
  std::vector<MigrationViolation> police;
  std::vector<AdministrativeOffence> offences_found;
  std::vector<SafetyViolation> acts;
  std::atomic<int> calls = 0;
  std::atomic<int> police_calls = 0;

  static std::string digits(const Subject& s) {
    return std::holds_alternative<Iin>(s) ? std::get<Iin>(s).digits() : std::get<Bin>(s).digits();
  }
  Result<ForeignerRegistration> registration(const Iin&) override { return Error::not_found("gateway.not_found", ""); }
  Result<AgreementAnswer> agreement_status(const std::string&) override {
    return Error::not_found("gateway.not_found", "");
  }
  Result<std::vector<MigrationViolation>> violations(const Subject& who) override {
    ++calls;
    ++police_calls;
    if (police_down) return registry_down();
    std::vector<MigrationViolation> out;
    for (const auto& v : police)
      if (v.subject == digits(who)) out.push_back(v);
    return out;
  }
  Result<std::vector<AdministrativeOffence>> offences(const Subject& who) override {
    ++calls;
    if (erap_down) return registry_down();
    std::vector<AdministrativeOffence> out;
    for (const auto& o : offences_found)
      if (o.subject == digits(who)) out.push_back(o);
    return out;
  }
  Result<std::vector<SafetyViolation>> violations(const Bin& employer) override {
    ++calls;
    if (otib_down) return registry_down();
    std::vector<SafetyViolation> out;
    for (const auto& a : acts)
      if (a.employer_bin == employer.digits()) out.push_back(a);
    return out;
  }
  // Plugs all three into `r`.
  void connect(Registries& r) {
    r.migration_police = this;
    r.offences = this;
    r.safety = this;
  }
};

}  // namespace flis::cases::testing
