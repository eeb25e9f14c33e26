// EP-27-1, EP-A2.8 item 3, I-32: the worker's education document as the application gives it and the
// request about it to the Ministry of Foreign Affairs as the case records it (law/ep/apostille.h decides
// which documents are asked about; cases/ep/apostille.h asks and reads the answers).
// Every struct is lenient (kAllLenient): rows written before these keys decode.
// Thread-safety: plain values.
#pragma once

#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "law/ep/apostille.h"

namespace flis::cases {

// EP-A2.8 item 3: the education document of one worker.
struct EpEducationDocument {
  static constexpr bool kAllLenient = true;
  std::string number;
  std::string issuing_country;  // ISO 3166-1 alpha-2
  std::string issued_on;        // YYYY-MM-DD
  // "apostille" | "legalization" | "none" (a treaty exempts it, or it is Kazakh)
  law::ep::Authentication authentication = law::ep::Authentication::none;
  std::string apostille_number;  // apostille only
};
BOOST_DESCRIBE_STRUCT(EpEducationDocument, (), (number, issuing_country, issued_on, authentication, apostille_number))

// EP-27-1, I-32: one worker's document as filing found it, and the Ministry's answer when it was asked.
struct EpApostilleCheck {
  static constexpr bool kAllLenient = true;
  int worker = 0;               // 1-based, in the application's order
  std::string worker_name;      // full name
  std::string document_number;  // the diploma's number
  std::string issuing_country;  // alpha-2
  // Why it was or was not asked about (law::ep::ApostilleReason): apostille | legalization | treaty_exempt |
  // domestic | not_authenticated | not_verified
  std::string reason;
  // "pending" | "confirmed" | "not_confirmed" when asked; "not_required" when not (see reason)
  std::string status;
  std::optional<std::string> request_id;  // the outbox message: "<case>/apostille/<worker>"
  std::optional<std::string> requested_at;
  std::optional<std::string> answered_on;  // YYYY-MM-DD: the Ministry's check
  std::optional<std::string> details;      // the Ministry's words
  std::optional<std::string> ground;       // not_confirmed: "EP-A2.9(1)" (heard under EP-12)
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpApostilleCheck, (),
                      (worker, worker_name, document_number, issuing_country, reason, status, request_id, requested_at,
                       answered_on, details, ground, rule_ids))

}  // namespace flis::cases
