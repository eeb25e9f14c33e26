// Reading a decision's numbers from the rule versions in force on one date, one parameter after
// another, keeping the first error: what every act's `parameters(rules, date)` does (law/ep, law/li).
// Pure; a reader lives for one parameters() call.
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "law/rules.h"

namespace flis::law {

// The boolean / text / date parameter `name` of the version of `rule` in force on `on` (rules.h reads
// integers). Errors as integer_parameter: rules.not_in_force, rules.missing_parameter (kind internal).
Result<bool> boolean_parameter(const RuleBook& rules, std::string_view rule, std::string_view name, Date on);
Result<std::string> text_parameter(const RuleBook& rules, std::string_view rule, std::string_view name, Date on);
Result<Date> date_parameter(const RuleBook& rules, std::string_view rule, std::string_view name, Date on);

class ParameterReader {
 public:
  ParameterReader(const RuleBook& rules, Date on) : rules_(rules), on_(on) {}
  void integer(int& out, std::string_view rule, std::string_view name) {
    take(out, [&] { return integer_parameter(rules_, rule, name, on_); });
  }
  void boolean(bool& out, std::string_view rule, std::string_view name) {
    take(out, [&] { return boolean_parameter(rules_, rule, name, on_); });
  }
  void text(std::string& out, std::string_view rule, std::string_view name) {
    take(out, [&] { return text_parameter(rules_, rule, name, on_); });
  }
  void date(Date& out, std::string_view rule, std::string_view name) {
    take(out, [&] { return date_parameter(rules_, rule, name, on_); });
  }
  // The first error met, or ok.
  Status& status() { return status_; }

 private:
  template <class T, class Read>
  void take(T& out, Read read) {
    if (!status_) return;
    auto v = read();
    if (v)
      out = std::move(*v);
    else
      status_ = v.take_error();
  }

  const RuleBook& rules_;
  Date on_;
  Status status_ = ok_status();
};

}  // namespace flis::law
