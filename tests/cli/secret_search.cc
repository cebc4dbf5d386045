#include "tests/cli/secret_search.h"

#include <string>
#include <vector>

namespace cloudpeek::testing {
namespace {

std::string percent_encoded(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string json_escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '/') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

bool contains_secret(std::string_view text, std::string_view secret, size_t window) {
  if (secret.empty()) return false;
  for (const std::string& form : {std::string(secret), percent_encoded(secret), json_escaped(secret)}) {
    if (form.size() <= window) {
      if (text.find(form) != std::string_view::npos) return true;
      continue;
    }
    for (size_t i = 0; i + window <= form.size(); ++i)
      if (text.find(std::string_view(form).substr(i, window)) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace cloudpeek::testing
