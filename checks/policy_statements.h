// Reading resource policies (S3 bucket policies, KMS key policies): their
// statements, principals, actions and conditions, as IAM evaluates them.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "model/resource.h"

namespace cloudpeek::checks::policy {

inline std::vector<json> statements(const json& doc) {
  if (!doc.is_object() || !doc.contains("Statement")) return {};
  const json& s = doc["Statement"];
  if (s.is_array()) return std::vector<json>(s.begin(), s.end());
  if (s.is_object()) return {s};
  return {};
}

// A string or a list of strings as a list.
inline std::vector<std::string> strings(const json& v) {
  std::vector<std::string> out;
  if (v.is_string()) out.push_back(v.get<std::string>());
  if (v.is_array())
    for (const auto& e : v)
      if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

inline bool is_allow(const json& st) { return st.value("Effect", "") == "Allow"; }
inline bool has_condition(const json& st) {
  return st.contains("Condition") && st["Condition"].is_object() && !st["Condition"].empty();
}

// The AWS principals of a statement ("*" for the wildcard principal "*" or {"AWS": "*"}).
inline std::vector<std::string> aws_principals(const json& st) {
  if (!st.contains("Principal")) return {};
  const json& p = st["Principal"];
  if (p.is_string()) return {p.get<std::string>()};
  if (p.is_object() && p.contains("AWS")) return strings(p["AWS"]);
  return {};
}

// Everyone: Principal "*" / {"AWS": "*"}, or an Allow with NotPrincipal.
inline bool principal_is_public(const json& st) {
  if (st.contains("NotPrincipal")) return true;
  for (const auto& p : aws_principals(st))
    if (p == "*") return true;
  return false;
}

// The account a principal ARN or bare account id names ("" for services, "*").
inline std::string principal_account(const std::string& p) {
  if (p.size() == 12 && std::all_of(p.begin(), p.end(), ::isdigit)) return p;
  if (p.rfind("arn:", 0) != 0) return {};
  // arn:partition:iam::ACCOUNT:...
  size_t pos = 0;
  for (int i = 0; i < 4 && pos != std::string::npos; ++i) pos = p.find(':', pos + 1);
  if (pos == std::string::npos) return {};
  size_t end = p.find(':', pos + 1);
  return p.substr(pos + 1, end == std::string::npos ? std::string::npos : end - pos - 1);
}

// IAM's case-insensitive glob: '*' any run, '?' one character.
inline bool glob(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  auto eq = [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); };
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || eq(pattern[p], text[t]))) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++, mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1, t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// Whether the statement's Action (or NotAction) covers `action`.
inline bool allows_action(const json& st, const std::string& action) {
  if (st.contains("NotAction")) {
    for (const auto& a : strings(st["NotAction"]))
      if (glob(a, action)) return false;
    return true;
  }
  for (const auto& a : strings(st.value("Action", json())))
    if (glob(a, action)) return true;
  return false;
}

inline bool allows_any(const json& st, std::initializer_list<const char*> actions) {
  for (const char* a : actions)
    if (allows_action(st, a)) return true;
  return false;
}

}  // namespace cloudpeek::checks::policy
