// Reading resource policies (S3 bucket policies, KMS key policies): their
// statements, principals, actions and conditions, as IAM evaluates them.
#pragma once

#include <algorithm>
#include <cctype>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/resource.h"

namespace cloudpeek::checks::policy {

// Checks run once per resource of a scan, so these read the documents in
// place: references and views into the json, no copies of statements,
// action lists or strings. Where a shape would have made json's value() throw,
// the helpers call value() so the same exception (and message) comes out.

// A statement list of references into `doc` (which must outlive it).
using StatementRefs = std::vector<std::reference_wrapper<const json>>;

// obj.value(key, json()) without the copy: the member, or null when absent.
inline const json& member(const json& obj, const char* key) {
  static const json kNull;
  if (!obj.is_object()) (void)obj.value(key, json());  // throws type_error 306, as value() did
  auto it = obj.find(key);
  return it == obj.end() ? kNull : *it;
}

// obj.value(key, def) for a string member, as a view of the stored string.
inline std::string_view string_member(const json& obj, const char* key, const char* def) {
  if (obj.is_object()) {
    auto it = obj.find(key);
    if (it == obj.end()) return def;
    if (it->is_string()) return it->get_ref<const std::string&>();
  }
  (void)obj.value(key, def);  // not a string (or not an object): value()'s type_error
  return def;
}

// Whether `pred` holds for the string, or one string of the list, `v` is
// (what `for (a : strings(v)) if (pred(a))` did, without the copies).
template <class Pred>
inline bool any_string(const json& v, Pred&& pred) {
  if (v.is_string()) return pred(v.get_ref<const std::string&>());
  if (v.is_array())
    for (const auto& e : v)
      if (e.is_string() && pred(e.get_ref<const std::string&>())) return true;
  return false;
}

inline StatementRefs statements(const json& doc) {
  if (!doc.is_object() || !doc.contains("Statement")) return {};
  const json& s = doc["Statement"];
  if (s.is_array()) return StatementRefs(s.begin(), s.end());
  if (s.is_object()) return {std::cref(s)};
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

inline bool is_allow(const json& st) { return string_member(st, "Effect", "") == "Allow"; }
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
  // aws_principals(st) contains "*", read in place.
  if (!st.contains("Principal")) return false;
  const json& p = st["Principal"];
  if (p.is_string()) return p.get_ref<const std::string&>() == "*";
  if (p.is_object() && p.contains("AWS"))
    return any_string(p["AWS"], [](const std::string& a) { return a == "*"; });
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
inline bool allows_action(const json& st, std::string_view action) {
  auto covers = [&](const std::string& a) { return glob(a, action); };
  if (st.contains("NotAction")) return !any_string(st["NotAction"], covers);
  return any_string(member(st, "Action"), covers);
}

inline bool allows_any(const json& st, std::initializer_list<const char*> actions) {
  for (const char* a : actions)
    if (allows_action(st, a)) return true;
  return false;
}

}  // namespace cloudpeek::checks::policy
