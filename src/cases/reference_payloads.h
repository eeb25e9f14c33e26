// The payloads of the reference sets that FLIS reads field by field, as described structs: read through
// the one codec (cases/codec.h) with payload_of<T>(entry), never key by key. Each struct names the set it
// describes; its members are the payload's keys. Every member is lenient (a payload written before a
// field existed, or by an administrator who left it out, reads it as empty), as the names in kk/ru/en
// beside these fields are read by web::portal::reference_label.
// Thread-safety: pure data and functions.
#pragma once

#include <boost/describe/class.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cases/codec.h"
#include "cases/records.h"

namespace flis::cases {

// Set "working_hours" (I-2, EP-A2.7, LI-A2.7): code "default", or a provider body whose hours differ.
struct WorkingHoursPayload {
  static constexpr bool kAllLenient = true;
  std::string open;   // "HH:MM"
  std::string close;  // "HH:MM"
  std::string lunch_start;
  std::string lunch_end;
  std::vector<std::string> days;  // "monday", ..., in the week's order
};
BOOST_DESCRIBE_STRUCT(WorkingHoursPayload, (), (open, close, lunch_start, lunch_end, days))

// Set "service_point": code = the provider body ("leb-<KATO>"), where applicants are received.
struct ServicePointPayload {
  static constexpr bool kAllLenient = true;
  std::map<std::string, std::string> address;  // by language: "kk", "ru", "en"
  std::string phone;
  std::string website;
};
BOOST_DESCRIBE_STRUCT(ServicePointPayload, (), (address, phone, website))

// Set "district" (KATO second level): the region it belongs to.
struct DistrictPayload {
  static constexpr bool kAllLenient = true;
  std::string region;  // KATO of the region
};
BOOST_DESCRIBE_STRUCT(DistrictPayload, (), (region))

// Set "treaty_country" (QT): the ISO 3166-1 alpha-2 code of the country the treaty is with.
struct TreatyCountryPayload {
  static constexpr bool kAllLenient = true;
  std::string alpha_2;
};
BOOST_DESCRIBE_STRUCT(TreatyCountryPayload, (), (alpha_2))

// The payload of `entry` as T; every member empty when it does not decode (a member of the wrong type), as
// for an entry that lacks them.
template <class T>
T payload_of(const ReferenceEntry& entry) {
  auto decoded = codec::decode_value<T>(boost::json::value(entry.payload));
  if (auto* value = std::get_if<T>(&decoded)) return std::move(*value);
  return T{};
}

}  // namespace flis::cases
