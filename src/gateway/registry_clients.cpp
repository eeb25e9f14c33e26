#include "gateway/registry_clients.h"

#include <atomic>
#include <random>

#include "cases/registry_codec.h"

namespace flis::gateway {
namespace codec = cases::codec;
namespace ep = cases::codec::ep;

namespace {

template <class Request, class Answer>
Result<Answer> call(Transport& transport, const codec::Endpoint<Request, Answer>& endpoint, const Request& request) {
  ExternalRequest r;
  r.system = std::string(endpoint.system);
  r.operation = std::string(endpoint.operation);
  r.body = codec::encode_object(request);
  r.idempotency_key = new_lookup_key();
  auto answer = transport.call(r);
  if (!answer) return answer.take_error();
  auto decoded = codec::decode<Answer>(*answer);
  if (!decoded) {
    Error e = decoded.take_error();
    e.detail = r.system + "/" + r.operation + ": " + e.detail;
    return e;
  }
  return decoded;
}

cases::PaymentsQuery payments_query(std::string payer, const cases::PaymentFilter& filter) {
  return cases::PaymentsQuery{std::move(payer), filter.region, filter.paid_from, filter.paid_to};
}

std::string digits_of(const cases::Subject& s) {
  return std::visit([](const auto& id) { return id.digits(); }, s);
}

}  // namespace

std::string new_lookup_key() {
  static std::atomic<std::uint64_t> counter{0};
  static const std::uint64_t process_salt = std::random_device{}() * 0x9E3779B97F4A7C15ULL ^ std::random_device{}();
  char buf[40];
  std::snprintf(buf, sizeof buf, "lookup-%016llx-%llu", static_cast<unsigned long long>(process_salt),
                static_cast<unsigned long long>(counter.fetch_add(1) + 1));
  return buf;
}

Result<cases::OutboxReceipt> deliver(Transport& transport, const cases::OutboxMessage& message) {
  ExternalRequest r;
  r.system = message.system;
  r.operation = message.operation;
  r.body = message.payload;
  r.idempotency_key = message.id;
  auto answer = transport.call(r);
  if (!answer) return answer.take_error();
  return codec::decode<cases::OutboxReceipt>(*answer);
}

Result<std::vector<cases::LabourContract>> LabourContractsClient::contracts_by_employer(const Bin& employer) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kContractsByEmployer, cases::ByBin{employer.digits()}));
  return std::move(list.contracts);
}

Result<std::vector<cases::LabourContract>> LabourContractsClient::contracts_by_worker(const Iin& worker) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kContractsByWorker, cases::ByIin{worker.digits()}));
  return std::move(list.contracts);
}

Result<std::vector<cases::LabourContract>> LabourContractsClient::contracts_by_individual_employer(
    const Iin& employer) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kContractsByIndividualEmployer, cases::ByIin{employer.digits()}));
  return std::move(list.contracts);
}

Result<cases::ForeignerRegistration> MigrationPoliceClient::registration(const Iin& foreigner) {
  return call(transport_, ep::kPoliceRegistration, cases::ByIin{foreigner.digits()});
}

Result<std::vector<cases::MigrationViolation>> MigrationPoliceClient::violations(const cases::Subject& subject) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kPoliceViolations, cases::to_query(subject)));
  return std::move(list.violations);
}

Result<cases::AgreementAnswer> MigrationPoliceClient::agreement_status(const std::string& request_id) {
  return call(transport_, ep::kPoliceAgreementStatus, cases::ByRequestId{request_id});
}

Result<std::vector<cases::AdministrativeOffence>> OffencesClient::offences(const cases::Subject& subject) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kOffences, cases::to_query(subject)));
  return std::move(list.offences);
}

Result<std::vector<cases::SafetyViolation>> SafetyInspectionsClient::violations(const Bin& employer) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kSafetyViolations, cases::ByBin{employer.digits()}));
  return std::move(list.violations);
}

Result<cases::LegalEntity> LegalEntitiesClient::entity(const Bin& bin) {
  return call(transport_, ep::kLegalEntity, cases::ByBin{bin.digits()});
}

Result<cases::Person> PersonsClient::person(const Iin& iin) {
  return call(transport_, ep::kPerson, cases::ByIin{iin.digits()});
}

Result<std::vector<cases::FeePayment>> RevenueClient::fee_payments(const cases::Subject& payer,
                                                                   const cases::PaymentFilter& filter) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kFeePayments, payments_query(digits_of(payer), filter)));
  return std::move(list.payments);
}

Result<std::vector<cases::IitPayment>> RevenueClient::iit_payments(const Iin& payer,
                                                                   const cases::PaymentFilter& filter) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kIitPayments, payments_query(payer.digits(), filter)));
  return std::move(list.payments);
}

Result<std::vector<cases::InsurancePolicy>> InsuranceClient::policies(const Iin& holder) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kPolicies, cases::ByIin{holder.digits()}));
  return std::move(list.policies);
}

Result<std::vector<cases::RealEstate>> RealEstateClient::properties_of(const Iin& owner) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kPropertiesOf, cases::ByIin{owner.digits()}));
  return std::move(list.properties);
}

Result<cases::Vacancy> LabourExchangeClient::vacancy(const std::string& publication_code) {
  return call(transport_, ep::kVacancy, cases::ByCode{publication_code});
}

Result<std::vector<cases::Vacancy>> LabourExchangeClient::vacancies_by_employer(const Bin& employer) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kVacanciesByEmployer, cases::ByBin{employer.digits()}));
  return std::move(list.vacancies);
}

Result<cases::ApostilleAnswer> ApostilleClient::check_status(const std::string& request_id) {
  return call(transport_, ep::kApostilleCheckStatus, cases::ByRequestId{request_id});
}

Result<std::vector<cases::ArrivalNotification>> ArrivalsClient::arrivals(const Iin& foreigner) {
  FLIS_ASSIGN_OR_RETURN(list, call(transport_, ep::kArrivals, cases::ByIin{foreigner.digits()}));
  return std::move(list.notifications);
}

RegistryClients::RegistryClients(Transport& transport)
    : labour_contracts_(transport),
      migration_police_(transport),
      offences_(transport),
      safety_(transport),
      legal_entities_(transport),
      persons_(transport),
      revenue_(transport),
      insurance_(transport),
      labour_exchange_(transport),
      apostille_(transport),
      arrivals_(transport),
      real_estate_(transport) {}

cases::Registries RegistryClients::ports() {
  return cases::Registries{&labour_contracts_, &migration_police_, &offences_, &safety_,
                           &legal_entities_,   &persons_,          &revenue_,  &insurance_,
                           &labour_exchange_,  &apostille_,        &arrivals_, &real_estate_};
}

}  // namespace flis::gateway
