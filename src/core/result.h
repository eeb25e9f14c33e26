// Expected failures as values. A function that can fail for a reason the caller must handle returns
// Result<T>; exceptions are reserved for the one boundary in web/ and for broken invariants.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace flis {

// Why something was refused or rejected. `code` is a stable machine key ("calendar.bad_instant",
// "se.refusal.score_below_threshold") that web/ maps to a localized message; `detail` is for logs
// and developers only and never shown to the public as-is.
struct Error {
  std::string code;
  std::string field;                  // the input field at fault, empty if none
  std::string detail;                 // English, for logs
  std::vector<std::string> rule_ids;  // requirement IDs (e.g. "SE-A2.9") behind the refusal
  enum class Kind { invalid_input, not_found, conflict, forbidden, unauthenticated, refused, unavailable, internal };
  Kind kind = Kind::invalid_input;

  static Error invalid(std::string code, std::string field, std::string detail = {}) {
    return Error{std::move(code), std::move(field), std::move(detail), {}, Kind::invalid_input};
  }
  static Error not_found(std::string code, std::string detail = {}) {
    return Error{std::move(code), {}, std::move(detail), {}, Kind::not_found};
  }
  static Error conflict(std::string code, std::string detail = {}) {
    return Error{std::move(code), {}, std::move(detail), {}, Kind::conflict};
  }
  static Error forbidden(std::string code, std::string detail = {}) {
    return Error{std::move(code), {}, std::move(detail), {}, Kind::forbidden};
  }
  static Error refused(std::string code, std::vector<std::string> rule_ids, std::string detail = {}) {
    return Error{std::move(code), {}, std::move(detail), std::move(rule_ids), Kind::refused};
  }
  static Error unavailable(std::string code, std::string detail = {}) {
    return Error{std::move(code), {}, std::move(detail), {}, Kind::unavailable};
  }
  static Error internal(std::string code, std::string detail = {}) {
    return Error{std::move(code), {}, std::move(detail), {}, Kind::internal};
  }
};

// `e` citing the requirement IDs behind it: how a workflow's guard refuses with the rule it applies.
inline Error with_rules(Error e, std::vector<std::string> rule_ids) {
  e.rule_ids = std::move(rule_ids);
  return e;
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  // By value, so that `for (auto& x : *make_result())` cannot dangle.
  T value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  T operator*() && { return std::move(*this).value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }
  Error&& take_error() {
    assert(!ok());
    return std::get<1>(std::move(v_));
  }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace flis

// Declares `var` from a Result-returning expression, or returns its error from the enclosing
// function (whose return type must be constructible from flis::Error).
// `var` names a new variable and cannot be parenthesized.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define FLIS_ASSIGN_OR_RETURN(var, expr)                 \
  auto var##_result_ = (expr);                           \
  if (!var##_result_) return var##_result_.take_error(); \
  auto var = std::move(*var##_result_)
// NOLINTEND(bugprone-macro-parentheses)
