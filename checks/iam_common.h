// Shared reading of the IAM collector's props (collect/iam.h) for the IAM
// checks: credential-report rows, times, and IAM policy documents.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/policy_statements.h"

namespace cloudpeek::checks::iam {

inline constexpr int64_t kDay = 86400;

// The row of the credential report, or the reason it is not there.
struct ReportRow {
  const json* row = nullptr;
  int64_t now = 0;  // when the report was generated: the reference for ages
  std::string why;  // set when row is null
};

inline ReportRow report_of(const Resource& r) {
  ReportRow out;
  if (auto why = r.missing_reason("credential_report")) {
    out.why = *why;
    return out;
  }
  const json* row = r.prop("credential_report");
  const json* now = r.prop("report_time");
  if (!row || !row->is_object() || !now || !now->is_number()) {
    out.why = "iam:GetCredentialReport: no credential report for " + r.name;
    return out;
  }
  out.row = row;
  out.now = now->get<int64_t>();
  return out;
}

// An epoch-seconds member, if AWS had one (null means "N/A"/never).
inline std::optional<int64_t> time_of(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number()) return std::nullopt;
  return it->get<int64_t>();
}

inline int64_t days(int64_t seconds) { return seconds / kDay; }

// Active access keys of a report row (references into it).
inline std::vector<std::reference_wrapper<const json>> active_keys(const json& row) {
  std::vector<std::reference_wrapper<const json>> out;
  for (const auto& k : policy::member(row, "access_keys"))  // absent: null, which iterates as empty
    if (k.value("active", false)) out.push_back(std::cref(k));
  return out;
}

// ---- policy documents ----

inline std::vector<std::string> strings_of(const json& v) {
  std::vector<std::string> out;
  if (v.is_string()) out.push_back(v.get<std::string>());
  if (v.is_array())
    for (const auto& s : v)
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

// The statement objects of a document (references into it).
inline policy::StatementRefs statements(const json& doc) {
  policy::StatementRefs out;
  if (!doc.is_object()) return out;
  auto it = doc.find("Statement");
  if (it == doc.end()) return out;
  if (it->is_object()) out.push_back(std::cref(*it));
  if (it->is_array())
    for (const auto& s : *it)
      if (s.is_object()) out.push_back(std::cref(s));
  return out;
}

using policy::any_string;
using policy::is_allow;

// IAM wildcard matching (* and ?), case-insensitive as action names are.
using policy::glob;

// Whether the statement applies to every resource ("*", or a NotResource).
inline bool on_all_resources(const json& st) {
  if (st.contains("NotResource")) return true;
  return any_string(policy::member(st, "Resource"), [](const std::string& r) { return r == "*"; });
}

// CIS 1.16: an Allow of every action ("*" or "*:*") on every resource.
inline bool full_admin(const json& doc) {
  for (const json& st : statements(doc)) {
    if (!is_allow(st) || !on_all_resources(st) || !st.contains("Action")) continue;
    if (any_string(st["Action"], [](const std::string& a) { return a == "*" || a == "*:*"; })) return true;
  }
  return false;
}

// IAM.21: Allow statements with whole-service wildcards ("s3:*", "*").
inline std::vector<std::string> wildcard_service_actions(const json& doc) {
  std::vector<std::string> out;
  for (const json& st : statements(doc)) {
    if (!is_allow(st)) continue;
    if (st.contains("NotAction")) out.push_back("NotAction");
    any_string(policy::member(st, "Action"), [&](const std::string& a) {
      if (a == "*" || (a.size() > 2 && a.ends_with(":*"))) out.push_back(a);
      return false;  // every one of them
    });
  }
  return out;
}

inline std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// The policy document of an AWS::IAM::Policy / AWS::IAM::InlinePolicy, or a
// NOT_ASSESSED reason.
inline const json* document_of(const Resource& r, std::string* why) {
  if (auto m = r.missing_reason("document")) {
    *why = *m;
    return nullptr;
  }
  const json* doc = r.prop("document");
  if (!doc || !doc->is_object()) {
    *why = "policy document of " + r.name + " not collected";
    return nullptr;
  }
  return doc;
}

// ---- trust policies ----

// AWS principals of an Allow statement that can call sts:AssumeRole*.
inline std::vector<std::string> trusted_aws_principals(const json& st) {
  std::vector<std::string> out;
  if (!is_allow(st)) return out;
  bool assume = any_string(policy::member(st, "Action"), [](const std::string& a) {
    return glob(a, "sts:AssumeRole") || glob(a, "sts:AssumeRoleWithWebIdentity") || glob(a, "sts:AssumeRoleWithSAML");
  });
  if (!assume) return out;
  const json& p = policy::member(st, "Principal");
  if (p.is_string()) out.push_back(p.get<std::string>());
  if (p.is_object() && p.contains("AWS"))
    for (const auto& s : strings_of(p["AWS"])) out.push_back(s);
  return out;
}

// Whether the statement's Condition names the key (any operator), case-insensitively.
inline bool has_condition_key(const json& st, std::string_view key) {
  const json& c = policy::member(st, "Condition");  // absent: null, as good as the empty object
  if (!c.is_object()) return false;
  for (const auto& [op, kv] : c.items()) {
    if (!kv.is_object()) continue;
    for (const auto& [k, _] : kv.items())
      if (k.size() == key.size() && glob(key, k)) return true;
  }
  return false;
}

// The account id an AWS principal belongs to ("123456789012", an IAM ARN or
// "*"), or empty when it is not account-scoped (e.g. a service).
inline std::string principal_account(const std::string& p) {
  if (p == "*") return "*";
  if (p.size() == 12 && std::all_of(p.begin(), p.end(), ::isdigit)) return p;
  if (p.rfind("arn:", 0) == 0) {
    // arn:partition:iam::ACCOUNT:...
    size_t pos = 0;
    for (int i = 0; i < 4 && pos != std::string::npos; ++i) pos = p.find(':', pos + 1);
    if (pos == std::string::npos) return {};
    size_t end = p.find(':', pos + 1);
    return p.substr(pos + 1, end == std::string::npos ? std::string::npos : end - pos - 1);
  }
  return {};
}

}  // namespace cloudpeek::checks::iam
