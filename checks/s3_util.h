// What S3 checks share: the effective Block Public Access settings of a bucket
// (its own and the account's) and who its ACL and policy let in. Props as
// collect/s3.cc documents them.
#pragma once

#include <optional>
#include <string>

#include "checks/check.h"
#include "checks/policy_statements.h"

namespace cloudpeek::checks::s3 {

inline constexpr const char* kAccountBlock = "AWS::S3::AccountPublicAccessBlock";
inline constexpr const char* kAllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
inline constexpr const char* kAuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

inline bool all_four(const json* block) {
  if (!block || !block->is_object()) return false;
  for (const char* k : {"block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"})
    if (!block->value(k, false)) return false;
  return true;
}

// One setting of Block Public Access in effect for the bucket (bucket or account
// level). Returns nullopt with `why` set when it cannot be known.
inline std::optional<bool> blocked(const Resource& bucket, const Inventory& inv, const char* setting,
                                   std::string& why) {
  if (auto m = bucket.missing_reason("public_access_block")) {
    why = *m;
    return std::nullopt;
  }
  const json* b = bucket.prop("public_access_block");
  if (b && b->value(setting, false)) return true;
  if (const Resource* acct = inv.find(kAccountBlock, "global")) {
    if (acct->props.value("exists", false) && acct->props.value(setting, false)) return true;
    return false;
  }
  if (auto g = inv.gap(kAccountBlock, "global")) {
    why = *g;
    return std::nullopt;
  }
  why = "the account-level public access block (s3:GetAccountPublicAccessBlock) was not collected";
  return std::nullopt;
}

// The permission of an ACL grant to everyone or to every AWS user, if any matches.
inline std::optional<std::string> public_acl_grant(const json& acl, std::initializer_list<const char*> perms) {
  // In place: policy::member is acl.value("grants", ...) without copying the
  // grants (absent: null, which iterates as empty).
  for (const auto& g : policy::member(acl, "grants")) {
    std::string_view uri = policy::string_member(g, "grantee_uri", "");
    if (uri != kAllUsers && uri != kAuthenticatedUsers) continue;
    std::string perm = g.value("permission", "");
    for (const char* p : perms)
      if (perm == p) return perm + " to " + (uri == kAllUsers ? "AllUsers" : "AuthenticatedUsers");
  }
  return std::nullopt;
}

inline std::string sid_of(const json& st, size_t index) {
  return st.contains("Sid") && st["Sid"].is_string() && !st["Sid"].get<std::string>().empty()
             ? st["Sid"].get<std::string>()
             : "#" + std::to_string(index + 1);
}

// Whether ACL or policy make the bucket public for these actions / ACL
// permissions, after Block Public Access. FAIL/PASS/NOT_ASSESSED as a check result.
inline CheckResult public_access(const Resource& b, const Inventory& inv, const char* kind,
                                 std::initializer_list<const char*> acl_perms,
                                 std::initializer_list<const char*> actions) {
  for (const char* p : {"acl", "policy", "policy_is_public"})
    if (auto why = b.missing_reason(p)) return not_assessed(*why);
  std::string why;
  std::vector<std::string> found;
  if (const json* acl = b.prop("acl")) {
    if (auto grant = public_acl_grant(*acl, acl_perms)) {
      auto ignored = blocked(b, inv, "ignore_public_acls", why);
      if (!ignored) return not_assessed(why);
      if (!*ignored) found.push_back("its ACL grants " + *grant);
    }
  }
  const json* pol = b.prop("policy");
  const json* is_public = b.prop("policy_is_public");
  if (pol && is_public && is_public->get<bool>()) {
    auto sts = policy::statements(*pol);
    for (size_t i = 0; i < sts.size(); ++i) {
      const json& st = sts[i];
      if (!policy::is_allow(st) || !policy::principal_is_public(st) || !policy::allows_any(st, actions)) continue;
      auto restricted = blocked(b, inv, "restrict_public_buckets", why);
      if (!restricted) return not_assessed(why);
      if (!*restricted) found.push_back("its policy statement " + sid_of(st, i) + " allows public " + kind);
      break;
    }
  }
  if (found.empty()) return pass("bucket " + b.name + " does not allow public " + kind + " access");
  std::string detail = "bucket " + b.name + " allows public " + kind + " access: " + found[0];
  for (size_t i = 1; i < found.size(); ++i) detail += "; " + found[i];
  return fail(detail);
}

}  // namespace cloudpeek::checks::s3
