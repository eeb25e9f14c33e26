// The simulator's records: what each simulated system holds. demo_data() seeds them consistently
// with `flis seed-demo` (app/demo_seed.cpp): the demo foreigners' identities, employers with staff
// and foreign workers, vacancies of various ages, payments, policies and violations.
// Thread-safety: plain values.
#pragma once

#include <boost/describe/class.hpp>
#include <string>
#include <vector>

#include "cases/registries.h"

namespace flis::sim {

// A foreign document the Ministry of Foreign Affairs has apostilled (EP-27-1).
struct ApostilledDocument {
  std::string document_number;
  std::string issuing_country;
  std::string apostille_number;
  Date apostilled_on;
};
BOOST_DESCRIBE_STRUCT(ApostilledDocument, (), (document_number, issuing_country, apostille_number, apostilled_on))

// An individual the police refuse to agree (LI-6), with the reason they give.
struct AgreementRefusal {
  std::string worker_iin;
  std::string reasons;
};
BOOST_DESCRIBE_STRUCT(AgreementRefusal, (), (worker_iin, reasons))

struct SimData {
  std::vector<cases::LabourContract> contracts;
  std::vector<cases::ForeignerRegistration> registrations;
  std::vector<cases::MigrationViolation> migration_violations;
  std::vector<AgreementRefusal> agreement_refusals;
  std::vector<cases::AdministrativeOffence> offences;
  std::vector<cases::SafetyViolation> safety_violations;
  std::vector<cases::LegalEntity> entities;
  std::vector<cases::Person> persons;
  std::vector<cases::FeePayment> fee_payments;
  std::vector<cases::IitPayment> iit_payments;
  std::vector<cases::InsurancePolicy> policies;
  std::vector<cases::RealEstate> real_estate;  // ГБД «Регистр недвижимости» (LI-23)
  std::vector<cases::Vacancy> vacancies;
  std::vector<cases::ArrivalNotification> arrivals;
  std::vector<ApostilledDocument> apostilles;
};

// Records dated relative to `today` (Kazakhstan date), so that ages stay realistic on any day.
SimData demo_data(Date today);

}  // namespace flis::sim
