// Rule versions: every requirement (SE-*, ...) and interpretation default (I-*) FLIS applies, with
// the period it is in force (spec/README.md "Acts change"). Decisions cite rule IDs; the RuleBook
// tells which wording and parameters were in force on the date that matters for a case.
// Thread-safety: RuleBook is immutable after construction; standard() returns a process-wide
// constant built on first use (thread-safe static initialization).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace flis::law {

struct RuleVersion {
  std::string id;   // e.g. "SE-10", "I-12"
  std::string act;  // e.g. "Order 236 of 22.06.2023", "Order 426 of 30.12.2025", "FLIS interpretation"
  Date effective_from;
  std::optional<Date> effective_to;  // last day in force; unset = open-ended
  std::string summary;
  std::map<std::string, std::string> parameters;  // e.g. I-12 {"threshold": "6"}
  bool unconfirmed = false;                       // a fact or date FLIS had to assume (reference-data.md "L")

  bool in_force_on(Date d) const { return effective_from <= d && (!effective_to || d <= *effective_to); }
};

// Order 426 of 30.12.2025 is in force "10 calendar days after the day of its first official
// publication". The seed does not give the publication date; FLIS assumes publication on
// 09.01.2026 (the order is dated 30.12.2025, state registration and publication in the Reference
// Control Bank usually follow within days, and 1–4 and 7 January 2026 are days off), so the
// amendments are in force from 20.01.2026. Marked unconfirmed; an administrator can correct it.
inline constexpr Date kOrder426AssumedPublication{2026, 1, 9};
inline constexpr Date kOrder426InForce{2026, 1, 20};
inline constexpr Date kOrder236InForce{2023, 7, 1};

// The quota rules (seed 001): Order 274 of 30.06.2023, registered the same day, in force "10 calendar
// days after the day of its first official publication"; FLIS assumes publication on 03.07.2023, so
// in force from 14.07.2023. Paragraph 9 (QT-9) was restated by Order 390 of 30.09.2024 with the same
// formula; FLIS assumes publication on 07.10.2024, in force from 18.10.2024. Both unconfirmed.
inline constexpr Date kOrder274InForce{2023, 7, 14};
inline constexpr Date kOrder390InForce{2024, 10, 18};

class RuleBook {
 public:
  explicit RuleBook(std::vector<RuleVersion> versions);
  static const RuleBook& standard();

  // The version of `id` in force on `on`, or nullptr.
  const RuleVersion* in_force(std::string_view id, Date on) const;
  // Every version of `id`, oldest first.
  std::vector<RuleVersion> versions(std::string_view id) const;
  std::vector<RuleVersion> all() const;
  bool known(std::string_view id) const;

 private:
  std::vector<RuleVersion> versions_;  // sorted by id, then effective_from
};

// Adds rule IDs to a decision's citations, keeping the order they were first cited in and citing
// each once: a decision built from several rules' own citations must not list one rule twice.
void cite(std::vector<std::string>& citations, const std::vector<std::string>& more);

}  // namespace flis::law
