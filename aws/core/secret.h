// Secret: a string that must never be printed. It has no stream or fmt
// formatter, so a secret cannot reach a log line by accident; reveal() is
// called only where the raw bytes are needed (signing, encryption).
#pragma once

#include <string>
#include <string_view>

namespace cloudpeek {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}
  Secret(const Secret&) = default;
  Secret& operator=(const Secret&) = default;
  Secret(Secret&&) noexcept = default;
  Secret& operator=(Secret&&) noexcept = default;
  ~Secret();  // wipes the bytes

  bool empty() const { return value_.empty(); }
  std::string_view reveal() const { return value_; }
  bool operator==(const Secret& o) const { return value_ == o.value_; }

 private:
  std::string value_;
};

// Removes every occurrence of each secret from text (replaced by "****").
// Last line of defence for text that mixes user input with secrets.
std::string redact(std::string text, const Secret& a, const Secret& b = Secret());

}  // namespace cloudpeek
