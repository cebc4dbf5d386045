// CloudFormation names parameters and outputs in CamelCase (DbPasswordSecretArn):
// the shared secret-name heuristic reads snake_case, so the name is split at
// its case changes first (db_password_secret_arn: a reference, not a secret).
#pragma once

#include <string>
#include <string_view>

#include "checks/secret_names.h"

namespace cloudpeek::checks::cloudformation {

inline std::string snake_case(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool upper = c >= 'A' && c <= 'Z';
    if (upper && i > 0) {
      char p = name[i - 1];
      bool after_lower = (p >= 'a' && p <= 'z') || (p >= '0' && p <= '9');
      bool ends_acronym = p >= 'A' && p <= 'Z' && i + 1 < name.size() && name[i + 1] >= 'a' && name[i + 1] <= 'z';
      if (after_lower || ends_acronym) out.push_back('_');
    }
    out.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// Whether a parameter's or output's name says it holds a secret.
inline bool secret_name(std::string_view name) {
  const std::string s = snake_case(name);
  for (std::string_view suffix : {"_length", "_policy", "_version", "_enabled", "_type", "_rotation"})
    if (s.ends_with(suffix)) return false;
  return looks_like_secret_name(s);
}

}  // namespace cloudpeek::checks::cloudformation
