// Resource-based policies (Lambda function policies, ECR repository
// policies): is a statement open to everyone? A Condition counts as a
// restriction only when it pins the caller or the source to an account,
// organization, ARN or network (aws:SourceAccount, aws:SourceArn,
// aws:PrincipalOrgID, ...); lambda:FunctionUrlAuthType or a user agent
// condition does not make a "*" principal private.
#pragma once

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "checks/policy_statements.h"

namespace cloudpeek::checks::app_policy {

inline std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

inline bool is_star(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>() == "*";
  if (v.is_array())
    return std::any_of(v.begin(), v.end(), [](const nlohmann::json& x) { return x.is_string() && x == "*"; });
  return false;
}

// "*", {"AWS": "*"}, {"AWS": ["*", ...]}, {"CanonicalUser": "*"}.
inline bool principal_is_everyone(const nlohmann::json& p) {
  if (is_star(p)) return true;
  if (!p.is_object()) return false;
  for (const char* k : {"AWS", "CanonicalUser", "Federated"})
    if (p.contains(k) && is_star(p[k])) return true;
  return false;
}

inline bool restricting_key(const std::string& key) {
  static const char* keys[] = {"aws:sourceaccount", "aws:sourcearn",     "aws:sourceowner",   "aws:principalorgid",
                               "aws:principalaccount", "aws:principalarn", "aws:principalorgpaths", "aws:sourcevpc",
                               "aws:sourcevpce",    "aws:sourceorgid",   "aws:sourceorgpaths", "aws:resourceorgid",
                               "aws:userid"};
  const std::string k = lower(key);
  return std::any_of(std::begin(keys), std::end(keys), [&](const char* x) { return k == x; });
}

// A condition block restricts the principal when one of its operators sets a
// restricting key to values other than "*".
inline bool condition_restricts(const nlohmann::json& condition) {
  if (!condition.is_object()) return false;
  for (const auto& [op, block] : condition.items()) {
    if (!block.is_object()) continue;
    // IfExists and ForAnyValue variants do not restrict when the key is absent.
    const std::string o = lower(op);
    if (o.find("ifexists") != std::string::npos || o.rfind("null", 0) == 0) continue;
    for (const auto& [key, value] : block.items())
      if (restricting_key(key) && !is_star(value)) return true;
  }
  return false;
}

// The Sid (or "#index") of the first Allow statement open to everyone and
// unrestricted by its conditions.
inline std::optional<std::string> public_statement(const nlohmann::json& policy_doc) {
  const policy::StatementRefs list = policy::statements(policy_doc);
  for (size_t i = 0; i < list.size(); ++i) {
    const nlohmann::json& s = list[i];
    if (!s.is_object() || s.value("Effect", "") != "Allow") continue;
    if (!s.contains("Principal") || !principal_is_everyone(s["Principal"])) continue;
    if (s.contains("Condition") && condition_restricts(s["Condition"])) continue;
    return s.contains("Sid") && s["Sid"].is_string() && !s["Sid"].get<std::string>().empty()
               ? s["Sid"].get<std::string>()
               : "#" + std::to_string(i);
  }
  return std::nullopt;
}

}  // namespace cloudpeek::checks::app_policy
