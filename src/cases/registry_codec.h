// The one codec between the typed structs of cases/registries.h and the JSON on the wire, and the
// list of endpoints (system, operation, request type, answer type). The FLIS clients
// (gateway/registry_clients.h) and the simulator (sim/registry_sim.h) both use it, so the two sides
// cannot drift apart. Workflows do not include this header; they use to_outbox() and the ports.
//
// Encoding: every described struct is a JSON object with its member names as keys; Date is
// "YYYY-MM-DD"; enums are their names; an empty std::optional is left out.
// Decoding is tolerant as a client of a real system must be: unknown keys are ignored, a missing
// std::optional or std::vector reads as empty; any other missing or mistyped member is an error
// gateway.malformed naming the JSON path.
// Thread-safety: pure functions.
#pragma once

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

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
inline constexpr std::string_view kSystems[] = {
    "labour_contracts", "migration_police", "erap",          "otib",      "legal_entities",
    "persons",          "revenue",          "insurance",     "apostille", "e_qonaq",
    "labour_exchange",  "front_office",     "contact_centre"};

// ---- Encoding ----

namespace detail {
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
inline constexpr bool may_be_absent = is_optional<T>::value || is_vector<T>::value;
}  // namespace detail

template <class T>
boost::json::value encode(const T& v) {
  namespace json = boost::json;
  if constexpr (std::is_same_v<T, std::string>) {
    return json::value(v);
  } else if constexpr (std::is_same_v<T, bool>) {
    return json::value(v);
  } else if constexpr (std::is_integral_v<T>) {
    return json::value(static_cast<std::int64_t>(v));
  } else if constexpr (std::is_floating_point_v<T>) {
    return json::value(static_cast<double>(v));
  } else if constexpr (std::is_same_v<T, Date>) {
    return json::value(v.iso());
  } else if constexpr (detail::is_optional<T>::value) {
    return v ? encode(*v) : json::value(nullptr);
  } else if constexpr (detail::is_vector<T>::value) {
    json::array a;
    for (const auto& e : v) a.push_back(encode(e));
    return a;
  } else if constexpr (boost::describe::has_describe_enumerators<T>::value) {
    return json::value(boost::describe::enum_to_string(v, ""));
  } else {
    static_assert(boost::describe::has_describe_members<T>::value, "describe the struct in cases/registries.h");
    json::object o;
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
      const auto& member = v.*d.pointer;
      if constexpr (detail::is_optional<std::decay_t<decltype(member)>>::value)
        if (!member) return;
      o[d.name] = encode(member);
    });
    return o;
  }
}

template <class T>
boost::json::object encode_object(const T& v) {
  return encode(v).as_object();
}

// ---- Decoding ----

namespace detail {
inline Error malformed(const std::string& path, std::string_view what) {
  return Error::unavailable("gateway.malformed",
                            (path.empty() ? std::string("answer") : path) + ": " + std::string(what));
}

template <class T>
std::optional<Error> decode_into(const boost::json::value& v, T& out, const std::string& path) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (!v.is_string()) return malformed(path, "expected a string");
    out = std::string(v.get_string());
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_bool()) return malformed(path, "expected true or false");
    out = v.get_bool();
  } else if constexpr (std::is_integral_v<T>) {
    std::int64_t n = 0;
    if (v.is_int64())
      n = v.get_int64();
    else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      n = static_cast<std::int64_t>(v.get_uint64());
    else
      return malformed(path, "expected an integer");
    if (n < std::numeric_limits<T>::min() || n > std::numeric_limits<T>::max())
      return malformed(path, "integer out of range");
    out = static_cast<T>(n);
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!v.is_number()) return malformed(path, "expected a number");
    out = static_cast<T>(v.to_number<double>());
  } else if constexpr (std::is_same_v<T, Date>) {
    auto d = v.is_string() ? Date::parse(v.get_string()) : std::nullopt;
    if (!d) return malformed(path, "expected a date YYYY-MM-DD");
    out = *d;
  } else if constexpr (is_optional<T>::value) {
    if (v.is_null()) {
      out.reset();
    } else {
      typename T::value_type inner{};
      if (auto e = decode_into(v, inner, path)) return e;
      out = std::move(inner);
    }
  } else if constexpr (is_vector<T>::value) {
    if (!v.is_array()) return malformed(path, "expected an array");
    out.clear();
    for (std::size_t i = 0; i < v.get_array().size(); ++i) {
      typename T::value_type element{};
      if (auto e = decode_into(v.get_array()[i], element, path + "[" + std::to_string(i) + "]")) return e;
      out.push_back(std::move(element));
    }
  } else if constexpr (boost::describe::has_describe_enumerators<T>::value) {
    if (!v.is_string() || !boost::describe::enum_from_string(std::string(v.get_string()).c_str(), out))
      return malformed(path, "unknown value");
  } else {
    static_assert(boost::describe::has_describe_members<T>::value, "describe the struct in cases/registries.h");
    if (!v.is_object()) return malformed(path, "expected an object");
    const auto& o = v.get_object();
    std::optional<Error> error;
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
      if (error) return;
      auto& member = out.*d.pointer;
      using M = std::decay_t<decltype(member)>;
      const std::string member_path = path.empty() ? std::string(d.name) : path + "." + d.name;
      const auto* found = o.if_contains(d.name);
      if (!found) {
        if constexpr (!may_be_absent<M>) error = malformed(member_path, "missing");
        return;
      }
      error = decode_into(*found, member, member_path);
    });
    return error;
  }
  return std::nullopt;
}
}  // namespace detail

template <class T>
Result<T> decode(const boost::json::value& v) {
  T out{};
  if (auto e = detail::decode_into(v, out, "")) return *std::move(e);
  return out;
}

}  // namespace flis::cases::codec
