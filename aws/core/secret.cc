#include "aws/core/secret.h"

#include <openssl/crypto.h>

namespace cloudpeek {

Secret::~Secret() {
  if (!value_.empty()) OPENSSL_cleanse(value_.data(), value_.size());
}

static void replace_all(std::string& text, std::string_view needle) {
  if (needle.empty()) return;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 4))
    text.replace(pos, needle.size(), "****");
}

std::string redact(std::string text, const Secret& a, const Secret& b) {
  replace_all(text, a.reveal());
  replace_all(text, b.reveal());
  return text;
}

}  // namespace cloudpeek
