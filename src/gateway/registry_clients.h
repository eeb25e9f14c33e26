// The FLIS side of every port of cases/registries.h, over one gateway::Transport. Each client encodes
// the typed request with cases/registry_codec.h, calls (system, operation), and decodes the answer;
// an answer that does not decode is gateway.malformed. Transport errors pass through unchanged
// (gateway/transport.h). The protocol is in docs/registries.md.
// Thread-safety: the clients hold only a reference to the transport, which must be thread-safe;
// every method may be called from several threads at once.
#pragma once

#include <memory>
#include <string>

#include "cases/registries.h"
#include "gateway/transport.h"

namespace flis::gateway {

// A fresh Idempotency-Key for a look-up (retries of one look-up reuse it).
std::string new_lookup_key();

// Delivers one outbox row (system, operation, payload) with its id as the Idempotency-Key, and reads
// the receipt. Used by the outbox relay.
Result<cases::OutboxReceipt> deliver(Transport& transport, const cases::OutboxMessage& message);

class LabourContractsClient final : public cases::LabourContractRegistry {
 public:
  explicit LabourContractsClient(Transport& transport) : transport_(transport) {}
  Result<std::vector<cases::LabourContract>> contracts_by_employer(const Bin& employer) override;
  Result<std::vector<cases::LabourContract>> contracts_by_worker(const Iin& worker) override;
  Result<std::vector<cases::LabourContract>> contracts_by_individual_employer(const Iin& employer) override;

 private:
  Transport& transport_;
};

class MigrationPoliceClient final : public cases::MigrationPolice {
 public:
  explicit MigrationPoliceClient(Transport& transport) : transport_(transport) {}
  Result<cases::ForeignerRegistration> registration(const Iin& foreigner) override;
  Result<std::vector<cases::MigrationViolation>> violations(const cases::Subject& subject) override;
  Result<cases::AgreementAnswer> agreement_status(const std::string& request_id) override;

 private:
  Transport& transport_;
};

class OffencesClient final : public cases::OffencesRegister {
 public:
  explicit OffencesClient(Transport& transport) : transport_(transport) {}
  Result<std::vector<cases::AdministrativeOffence>> offences(const cases::Subject& subject) override;

 private:
  Transport& transport_;
};

class SafetyInspectionsClient final : public cases::SafetyInspections {
 public:
  explicit SafetyInspectionsClient(Transport& transport) : transport_(transport) {}
  Result<std::vector<cases::SafetyViolation>> violations(const Bin& employer) override;

 private:
  Transport& transport_;
};

class LegalEntitiesClient final : public cases::LegalEntityRegister {
 public:
  explicit LegalEntitiesClient(Transport& transport) : transport_(transport) {}
  Result<cases::LegalEntity> entity(const Bin& bin) override;

 private:
  Transport& transport_;
};

class PersonsClient final : public cases::PersonsRegister {
 public:
  explicit PersonsClient(Transport& transport) : transport_(transport) {}
  Result<cases::Person> person(const Iin& iin) override;

 private:
  Transport& transport_;
};

class RevenueClient final : public cases::RevenueBodies {
 public:
  explicit RevenueClient(Transport& transport) : transport_(transport) {}
  Result<std::vector<cases::FeePayment>> fee_payments(const cases::Subject& payer,
                                                      const cases::PaymentFilter& filter) override;
  Result<std::vector<cases::IitPayment>> iit_payments(const Iin& payer, const cases::PaymentFilter& filter) override;

 private:
  Transport& transport_;
};

class InsuranceClient final : public cases::InsuranceDatabase {
 public:
  explicit InsuranceClient(Transport& transport) : transport_(transport) {}
  Result<std::vector<cases::InsurancePolicy>> policies(const Iin& holder) override;

 private:
  Transport& transport_;
};

class RealEstateClient final : public cases::RealEstateRegister {
 public:
  explicit RealEstateClient(Transport& transport) : transport_(transport) {}
  Result<std::vector<cases::RealEstate>> properties_of(const Iin& owner) override;

 private:
  Transport& transport_;
};

class LabourExchangeClient final : public cases::LabourExchange {
 public:
  explicit LabourExchangeClient(Transport& transport) : transport_(transport) {}
  Result<cases::Vacancy> vacancy(const std::string& publication_code) override;
  Result<std::vector<cases::Vacancy>> vacancies_by_employer(const Bin& employer) override;

 private:
  Transport& transport_;
};

class ApostilleClient final : public cases::ApostilleService {
 public:
  explicit ApostilleClient(Transport& transport) : transport_(transport) {}
  Result<cases::ApostilleAnswer> check_status(const std::string& request_id) override;

 private:
  Transport& transport_;
};

class ArrivalsClient final : public cases::ArrivalNotifications {
 public:
  explicit ArrivalsClient(Transport& transport) : transport_(transport) {}
  Result<std::vector<cases::ArrivalNotification>> arrivals(const Iin& foreigner) override;

 private:
  Transport& transport_;
};

// One client of every port over one transport, for the wiring (app/runtime).
class RegistryClients {
 public:
  explicit RegistryClients(Transport& transport);
  cases::Registries ports();

 private:
  LabourContractsClient labour_contracts_;
  MigrationPoliceClient migration_police_;
  OffencesClient offences_;
  SafetyInspectionsClient safety_;
  LegalEntitiesClient legal_entities_;
  PersonsClient persons_;
  RevenueClient revenue_;
  InsuranceClient insurance_;
  LabourExchangeClient labour_exchange_;
  ApostilleClient apostille_;
  ArrivalsClient arrivals_;
  RealEstateClient real_estate_;
};

}  // namespace flis::gateway
