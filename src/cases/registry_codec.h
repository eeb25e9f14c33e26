// The one codec between the typed structs of cases/registries.h and the JSON on the wire, and the
// list of endpoints (system, operation, request type, answer type). The FLIS clients
// (gateway/registry_clients.h) and the simulator (sim/registry_sim.h) both use it, so the two sides
// cannot drift apart. Workflows do not include this header; they use to_outbox() and the ports.
//
// The encoding is cases/codec.h's. Decoding is tolerant as a client of a real system must be: unknown
// keys are ignored, a missing std::optional or std::vector reads as empty; any other missing or
// mistyped member is an error gateway.malformed naming the JSON path.
// Thread-safety: pure functions.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "cases/codec.h"
#include "cases/registries.h"

namespace flis::cases::codec {

// ---- Endpoints: POST /<system>/<operation> with a Request body, answered with an Answer ----

template <class Request, class Answer>
struct Endpoint {
  using request_type = Request;
  using answer_type = Answer;
  std::string_view system;
  std::string_view operation;
};

namespace ep {
inline constexpr Endpoint<ByBin, ContractList> kContractsByEmployer{"labour_contracts", "contracts_by_employer"};
inline constexpr Endpoint<ByIin, ContractList> kContractsByWorker{"labour_contracts", "contracts_by_worker"};
// LI-15(4), LI-29: the household contracts of an individual employer, by the employer's IIN.
inline constexpr Endpoint<ByIin, ContractList> kContractsByIndividualEmployer{"labour_contracts",
                                                                              "contracts_by_individual_employer"};
inline constexpr Endpoint<ByIin, ForeignerRegistration> kPoliceRegistration{"migration_police", "registration"};
inline constexpr Endpoint<BySubject, MigrationViolationList> kPoliceViolations{"migration_police", "violations"};
inline constexpr Endpoint<PoliceAgreementRequest, OutboxReceipt> kPoliceAgreementRequest{"migration_police",
                                                                                         "agreement_request"};
inline constexpr Endpoint<ByRequestId, AgreementAnswer> kPoliceAgreementStatus{"migration_police", "agreement_status"};
inline constexpr Endpoint<PoliceRevocationNotice, OutboxReceipt> kPoliceRevocationNotice{"migration_police",
                                                                                         "revocation_notice"};
inline constexpr Endpoint<BySubject, OffenceList> kOffences{"erap", "offences"};
inline constexpr Endpoint<ByBin, SafetyViolationList> kSafetyViolations{"otib", "violations"};
inline constexpr Endpoint<ByBin, LegalEntity> kLegalEntity{"legal_entities", "entity"};
inline constexpr Endpoint<ByIin, Person> kPerson{"persons", "person"};
inline constexpr Endpoint<PaymentsQuery, FeePaymentList> kFeePayments{"revenue", "fee_payments"};
inline constexpr Endpoint<PaymentsQuery, IitPaymentList> kIitPayments{"revenue", "iit_payments"};
inline constexpr Endpoint<ByIin, PolicyList> kPolicies{"insurance", "policies"};
// LI-23, I-49: the real estate a person owns or co-owns.
inline constexpr Endpoint<ByIin, RealEstateList> kPropertiesOf{"real_estate", "properties_of"};
inline constexpr Endpoint<ByCode, Vacancy> kVacancy{"labour_exchange", "vacancy"};
inline constexpr Endpoint<ByBin, VacancyList> kVacanciesByEmployer{"labour_exchange", "vacancies_by_employer"};
inline constexpr Endpoint<ApostilleCheckRequest, OutboxReceipt> kApostilleCheckRequest{"apostille", "check_request"};
inline constexpr Endpoint<ByRequestId, ApostilleAnswer> kApostilleCheckStatus{"apostille", "check_status"};
inline constexpr Endpoint<ByIin, ArrivalList> kArrivals{"e_qonaq", "arrivals"};
inline constexpr Endpoint<FrontOfficeStatus, OutboxReceipt> kFrontOfficeStatus{"front_office", "status_push"};
inline constexpr Endpoint<ContactCentreNotification, OutboxReceipt> kContactCentreNotification{"contact_centre",
                                                                                               "notification"};
}  // namespace ep

// Every system name, in the order of docs/registries.md.
inline constexpr std::string_view kSystems[] = {"labour_contracts", "migration_police", "erap",      "otib",
                                                "legal_entities",   "persons",          "revenue",   "insurance",
                                                "real_estate",      "labour_exchange",  "apostille", "e_qonaq",
                                                "front_office",     "contact_centre"};

// Encoding and decoding are cases/codec.h; an answer that does not decode is gateway.malformed,
// naming the JSON path ("answer" for the whole body).
template <class T>
Result<T> decode(const boost::json::value& v) {
  auto r = decode_value<T>(v);
  if (auto* f = std::get_if<DecodeFailure>(&r))
    return Error::unavailable("gateway.malformed",
                              (f->path.empty() ? std::string("answer") : f->path) + ": " + f->what);
  return std::get<T>(std::move(r));
}

}  // namespace flis::cases::codec
