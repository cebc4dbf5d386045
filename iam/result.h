// Result<T> for the IAM engine: a value or an Error naming what was wrong in
// the input. iam/ may not include aws/ (DESIGN.md), so it has its own small
// one, shaped like aws/core/result.h.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace cloudpeek::iam {

struct Error {
  std::string where;    // JSON path of the offending element: "Statement[1].Condition.StringEquals"
  std::string message;  // what is wrong there, for a person

  std::string describe() const { return where.empty() ? message : where + ": " + message; }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace cloudpeek::iam
