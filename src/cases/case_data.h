// Typed case data: every case kind keeps CaseRecord::data as one described struct, encoded and decoded
// by the one codec (cases/codec.h), with a schema version so that rows written by an older FLIS are
// migrated when read rather than misread.
//
// A data struct T declares
//   static constexpr int kSchema = N;                      // the version this build writes (1, 2, ...)
// and, once kSchema > 1, how to bring an older object up to date:
//   static Result<boost::json::object> migrate(int from_version, boost::json::object old);
// Members added later read as their default in old rows when the struct says so
// (`static constexpr bool kAllLenient = true;` or a `kLenient[]` list, see cases/codec.h).
//
// Stored form: the struct's members plus "schema_version": N. Rows written before typed data have no
// "schema_version" and are version 1. Data that does not decode is the Error case.data_malformed
// (kind internal, naming the case and the JSON path), never an exception.
// Thread-safety: pure functions.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "cases/codec.h"
#include "cases/records.h"
#include "core/result.h"

namespace flis::cases {

inline constexpr std::string_view kSchemaVersionKey = "schema_version";

// The schema version of a stored data object (1 when it has none).
inline int schema_version_of(const boost::json::object& data) {
  const auto* v = data.if_contains(kSchemaVersionKey);
  return v != nullptr && v->is_int64() ? static_cast<int>(v->get_int64()) : 1;
}

// `data` (of case `case_id`, for the error) decoded as T, migrated first when it is older than T::kSchema.
template <class T>
Result<T> decode_data(const boost::json::object& data, std::string_view case_id) {
  const int version = schema_version_of(data);
  auto malformed = [&](const std::string& detail) {
    return Error::internal("case.data_malformed", std::string(case_id) + ": " + detail);
  };
  if (version > T::kSchema)
    return malformed("schema_version " + std::to_string(version) + " is newer than this build reads (" +
                     std::to_string(T::kSchema) + ")");
  boost::json::object current = data;
  if (version < T::kSchema) {
    if constexpr (requires(boost::json::object o) { T::migrate(1, std::move(o)); }) {
      auto migrated = T::migrate(version, std::move(current));
      if (!migrated)
        return malformed("migration from schema_version " + std::to_string(version) + ": " + migrated.error().code +
                         " " + migrated.error().detail);
      current = std::move(*migrated);
    } else {
      return malformed("no migration from schema_version " + std::to_string(version));
    }
  }
  current.erase(kSchemaVersionKey);
  auto decoded = codec::decode_value<T>(boost::json::value(std::move(current)));
  if (auto* failure = std::get_if<codec::DecodeFailure>(&decoded)) return malformed(failure->text());
  return std::get<T>(std::move(decoded));
}

// The typed data of case `c`.
template <class T>
Result<T> read_data(const CaseRecord& c) {
  return decode_data<T>(c.data, c.id);
}

// `d` as the stored object, stamped with T::kSchema.
template <class T>
boost::json::object encode_data(const T& d) {
  boost::json::object o = codec::encode_object(d);
  o[kSchemaVersionKey] = T::kSchema;
  return o;
}

// Replaces the data of `c` with `d`.
template <class T>
void write_data(CaseRecord& c, const T& d) {
  c.data = encode_data(d);
}

}  // namespace flis::cases
