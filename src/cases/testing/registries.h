// Fakes of the external state systems (cases/registries.h) a test sets up record by record: the
// persons register (ГБД ФЛ) and the control bodies' registries of the quota Commission (police,
// ЕРАП, ОТиБ). Each can be made "down" and counts the calls it answered. Test-only, header-only;
// includes only core/ and cases/. The registry simulator (sim/) is the fake of the whole set over
// HTTP; these are for unit tests that need one answer, no server.
#pragma once

#include <algorithm>
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

namespace flis::cases::testing {

// The registers an employer-permit application is checked against (EP-2-1, EP-2-2, EP-7.3, EP-10, EP-A2.6):
// ГБД ЮЛ, the labour exchange, ЕСУТД and the revenue bodies, with records a test (or a golden scenario's
// "registries" section) sets, each system "down" on demand.
struct EmployerRegistryData {
  std::vector<LegalEntity> entities;
  std::vector<Vacancy> vacancies;
  std::vector<LabourContract> contracts;
  std::vector<FeePayment> payments;
  std::vector<MigrationViolation> police;
  std::vector<AdministrativeOffence> offences;
  std::vector<SafetyViolation> safety;
  // "legal_entities" | "labour_exchange" | "labour_contracts" | "revenue" | "migration_police" | "offences" |
  // "safety"
  std::vector<std::string> down;
};
BOOST_DESCRIBE_STRUCT(EmployerRegistryData, (),
                      (entities, vacancies, contracts, payments, police, offences, safety, down))

struct FakeEmployerRegistries final : LegalEntityRegister, LabourExchange, LabourContractRegistry, RevenueBodies {
  EmployerRegistryData data;

  bool is_down(std::string_view system) const {
    for (const auto& d : data.down)
      if (d == system) return true;
    return false;
  }
  Result<LegalEntity> entity(const Bin& bin) override {
    if (is_down("legal_entities")) return registry_down();
    for (const auto& e : data.entities)
      if (e.bin == bin.digits()) return e;
    return Error::not_found("gateway.not_found", bin.digits());
  }
  Result<Vacancy> vacancy(const std::string& code) override {
    if (is_down("labour_exchange")) return registry_down();
    for (const auto& v : data.vacancies)
      if (v.code == code) return v;
    return Error::not_found("gateway.not_found", code);
  }
  Result<std::vector<Vacancy>> vacancies_by_employer(const Bin& employer) override {
    if (is_down("labour_exchange")) return registry_down();
    std::vector<Vacancy> out;
    for (const auto& v : data.vacancies)
      if (v.employer_bin == employer.digits()) out.push_back(v);
    return out;
  }
  Result<std::vector<LabourContract>> contracts_by_employer(const Bin& employer) override {
    if (is_down("labour_contracts")) return registry_down();
    std::vector<LabourContract> out;
    for (const auto& c : data.contracts)
      if (c.employer_bin == employer.digits()) out.push_back(c);
    return out;
  }
  Result<std::vector<LabourContract>> contracts_by_worker(const Iin& worker) override {
    if (is_down("labour_contracts")) return registry_down();
    std::vector<LabourContract> out;
    for (const auto& c : data.contracts)
      if (c.worker_iin == worker.digits()) out.push_back(c);
    return out;
  }
  Result<std::vector<FeePayment>> fee_payments(const Subject& payer, const PaymentFilter& filter) override {
    if (is_down("revenue")) return registry_down();
    const std::string who = FakeViolationRegistries::digits(payer);
    std::vector<FeePayment> out;
    for (const auto& p : data.payments)
      if (p.payer == who && (!filter.region || p.region == *filter.region) &&
          (!filter.paid_from || p.paid_on >= *filter.paid_from) && (!filter.paid_to || p.paid_on <= *filter.paid_to))
        out.push_back(p);
    return out;
  }
  Result<std::vector<IitPayment>> iit_payments(const Iin&, const PaymentFilter&) override {
    return std::vector<IitPayment>{};
  }
  // The control bodies' records (EP-10) live in `violations`, refreshed from `data` by sync().
  FakeViolationRegistries violations;
  void sync() {
    violations.police = data.police;
    violations.offences_found = data.offences;
    violations.acts = data.safety;
    violations.police_down = is_down("migration_police");
    violations.erap_down = is_down("offences");
    violations.otib_down = is_down("safety");
  }
  void connect(Registries& r) {
    sync();
    r.legal_entities = this;
    r.labour_exchange = this;
    r.labour_contracts = this;
    r.revenue = this;
    violations.connect(r);
  }
};

// What the LI checks on arrival read (LI-15, LI-23, LI-A2.8, LI-6): ЕСУТД household contracts, the
// immigrant's advance tax and insurance, the employer's real estate, the police's answers by request id.
// Each can be made down.
struct FakeLiRegistries final : LabourContractRegistry,
                                RevenueBodies,
                                InsuranceDatabase,
                                RealEstateRegister,
                                MigrationPolice {
  bool down = false;
  std::vector<LabourContract> contracts;
  std::vector<IitPayment> iit;
  std::vector<InsurancePolicy> policies_held;
  std::vector<RealEstate> estate;
  std::vector<AgreementAnswer> answers;

  Result<std::vector<LabourContract>> contracts_by_employer(const Bin&) override { return contracts_of(""); }
  Result<std::vector<LabourContract>> contracts_by_worker(const Iin&) override { return contracts_of(""); }
  Result<std::vector<LabourContract>> contracts_by_individual_employer(const Iin& employer) override {
    return contracts_of(employer.digits());
  }
  Result<std::vector<FeePayment>> fee_payments(const Subject&, const PaymentFilter&) override {
    return std::vector<FeePayment>{};
  }
  Result<std::vector<IitPayment>> iit_payments(const Iin& payer, const PaymentFilter&) override {
    if (down) return registry_down();
    std::vector<IitPayment> out;
    for (const auto& p : iit)
      if (p.payer == payer.digits()) out.push_back(p);
    return out;
  }
  Result<std::vector<InsurancePolicy>> policies(const Iin& holder) override {
    if (down) return registry_down();
    std::vector<InsurancePolicy> out;
    for (const auto& p : policies_held)
      if (p.holder_iin == holder.digits()) out.push_back(p);
    return out;
  }
  Result<std::vector<RealEstate>> properties_of(const Iin& owner) override {
    if (down) return registry_down();
    std::vector<RealEstate> out;
    for (const auto& r : estate)
      if (std::find(r.owners.begin(), r.owners.end(), owner.digits()) != r.owners.end()) out.push_back(r);
    return out;
  }
  Result<ForeignerRegistration> registration(const Iin&) override { return Error::not_found("gateway.not_found", ""); }
  Result<std::vector<MigrationViolation>> violations(const Subject&) override {
    return std::vector<MigrationViolation>{};
  }
  Result<AgreementAnswer> agreement_status(const std::string& request_id) override {
    if (down) return registry_down();
    for (const auto& a : answers)
      if (a.request_id == request_id) return a;
    return Error::not_found("gateway.not_found", request_id);
  }
  void connect(Registries& r) {
    r.labour_contracts = this;
    r.revenue = this;
    r.insurance = this;
    r.real_estate = this;
    r.migration_police = this;
  }

 private:
  Result<std::vector<LabourContract>> contracts_of(const std::string& employer) {
    if (down) return registry_down();
    std::vector<LabourContract> out;
    for (const auto& c : contracts)
      if (c.employer_bin == employer) out.push_back(c);
    return out;
  }
};

}  // namespace flis::cases::testing
