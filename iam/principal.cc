#include "iam/principal.h"

#include <algorithm>

namespace cloudpeek::iam {
namespace {

std::string_view arn_field(std::string_view arn, int index) {
  for (int i = 0; i < index; ++i) {
    size_t c = arn.find(':');
    if (c == std::string_view::npos) return {};
    arn.remove_prefix(c + 1);
  }
  return arn.substr(0, arn.find(':'));
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool has_wildcard(std::string_view s) { return s.find_first_of("*?") != std::string_view::npos; }

// Principal ARNs are compared exactly; a wildcard (which AWS refuses to store)
// is honoured as one so that no exposure is missed.
bool arn_listed(const PrincipalSet& set, std::string_view arn) {
  for (const std::string& a : set.arns) {
    if (a == arn) return true;
    if (has_wildcard(a)) {
      Pattern p = Pattern::compile(a, {true, false, false});
      if (glob_match(p.compiled(), arn)) return true;
    }
  }
  return false;
}

// A session ARN of this role, with any session name.
// (Asked for every role a trust policy could name: no allocation.)
bool any_session_listed(const PrincipalSet& set, const Principal& p) {
  if (set.arns.empty()) return false;
  std::string_view partition = arn_field(p.arn, 1);
  if (p.arn.compare(0, 4, "arn:") != 0 || partition.empty()) partition = "aws";
  const std::string_view prefix[] = {"arn:", partition, ":sts::", p.account, ":assumed-role/", p.role_name(), "/"};
  for (const std::string& a : set.arns) {
    std::string_view rest = a;
    bool ok = true;
    for (std::string_view piece : prefix) {
      if (!rest.starts_with(piece)) {
        ok = false;
        break;
      }
      rest.remove_prefix(piece.size());
    }
    if (ok && !rest.empty()) return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(PrincipalType type) {
  switch (type) {
    case PrincipalType::kUser: return "User";
    case PrincipalType::kRoleSession: return "AssumedRole";
    case PrincipalType::kFederatedUser: return "FederatedUser";
    case PrincipalType::kRoot: return "Account";
    case PrincipalType::kService: return "Service";
    case PrincipalType::kFederated: return "WebIdentityUser";
    case PrincipalType::kAnonymous: return "Anonymous";
  }
  return "";
}

std::string Principal::partition() const {
  std::string_view p = arn_field(arn, 1);
  return arn.compare(0, 4, "arn:") == 0 && !p.empty() ? std::string(p) : "aws";
}

std::string_view Principal::role_name() const {
  std::string_view a = arn;
  size_t slash = a.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : a.substr(slash + 1);
}

std::string Principal::session_arn() const {
  return "arn:" + partition() + ":sts::" + account + ":assumed-role/" + std::string(role_name()) + "/" +
         (session_name.empty() ? "*" : session_name);
}

void derive_context(Principal& p) {
  auto put = [&](std::string_view key, std::string value) {
    if (!p.context.find_exact(lower(key))) p.context.set(key, std::move(value));
  };
  switch (p.type) {
    case PrincipalType::kService:
      put("aws:PrincipalIsAWSService", "true");
      put("aws:PrincipalServiceName", p.arn);
      return;
    case PrincipalType::kFederated:
    case PrincipalType::kAnonymous:
      put("aws:PrincipalIsAWSService", "false");
      return;
    default:
      break;
  }
  put("aws:PrincipalArn", p.type == PrincipalType::kRoot ? "arn:" + p.partition() + ":iam::" + p.account + ":root" : p.arn);
  if (!p.account.empty()) put("aws:PrincipalAccount", p.account);
  put("aws:PrincipalType", std::string(to_string(p.type)));
  put("aws:PrincipalIsAWSService", "false");
  switch (p.type) {
    case PrincipalType::kUser:
      put("aws:username", std::string(p.role_name()));
      if (!p.unique_id.empty()) put("aws:userid", p.unique_id);
      break;
    case PrincipalType::kRoleSession:
      if (!p.unique_id.empty() && !p.session_name.empty()) {
        put("aws:userid", p.unique_id + ":" + p.session_name);
      } else if (!p.context.find_exact("aws:userid")) {
        // role-id:session-name, with a session name CloudPeek does not know.
        p.context.set_unknown("aws:userid");
      }
      break;
    case PrincipalType::kRoot:
      put("aws:userid", p.account);
      break;
    case PrincipalType::kFederatedUser:
      put("aws:userid", p.account + ":" + std::string(p.role_name()));
      break;
    default:
      break;
  }
  for (const auto& [k, v] : p.tags) put("aws:PrincipalTag/" + k, v);
}

Principal make_user(std::string arn, std::string unique_id) {
  Principal p;
  p.type = PrincipalType::kUser;
  p.account = std::string(arn_field(arn, 4));
  p.arn = std::move(arn);
  p.unique_id = std::move(unique_id);
  derive_context(p);
  return p;
}

Principal make_role_session(std::string role_arn, std::string session_name, std::string unique_id) {
  Principal p;
  p.type = PrincipalType::kRoleSession;
  p.account = std::string(arn_field(role_arn, 4));
  p.arn = std::move(role_arn);
  p.session_name = std::move(session_name);
  p.unique_id = std::move(unique_id);
  derive_context(p);
  return p;
}

Principal make_root(std::string account, std::string partition) {
  Principal p;
  p.type = PrincipalType::kRoot;
  p.arn = "arn:" + partition + ":iam::" + account + ":root";
  p.account = std::move(account);
  derive_context(p);
  return p;
}

Principal make_service(std::string name) {
  Principal p;
  p.type = PrincipalType::kService;
  p.arn = lower(name);
  derive_context(p);
  return p;
}

Principal make_federated(std::string provider) {
  Principal p;
  p.type = PrincipalType::kFederated;
  p.arn = std::move(provider);
  derive_context(p);
  return p;
}

Principal make_anonymous() {
  Principal p;
  p.type = PrincipalType::kAnonymous;
  derive_context(p);
  return p;
}

PrincipalMatch match_principal(const PrincipalSet& set, const Principal& p) {
  if (set.any) return PrincipalMatch::kDirect;
  switch (p.type) {
    case PrincipalType::kService:
      return contains(set.services, p.arn) || contains(set.services, "*") ? PrincipalMatch::kDirect
                                                                         : PrincipalMatch::kNone;
    case PrincipalType::kFederated:
      return contains(set.federated, p.arn) ? PrincipalMatch::kDirect : PrincipalMatch::kNone;
    case PrincipalType::kAnonymous:
      return PrincipalMatch::kNone;
    default:
      break;
  }
  if (!p.canonical_id.empty() && contains(set.canonical_users, p.canonical_id)) return PrincipalMatch::kDirect;
  switch (p.type) {
    case PrincipalType::kRoot:
      return contains(set.accounts, p.account) ? PrincipalMatch::kDirect : PrincipalMatch::kNone;
    case PrincipalType::kUser:
    case PrincipalType::kFederatedUser:
      if (arn_listed(set, p.arn) || (!p.unique_id.empty() && contains(set.unique_ids, p.unique_id))) {
        return PrincipalMatch::kDirect;
      }
      break;
    case PrincipalType::kRoleSession:
      if (p.session_name.empty() ? any_session_listed(set, p) : arn_listed(set, p.session_arn())) {
        return PrincipalMatch::kDirect;
      }
      if (arn_listed(set, p.arn) || (!p.unique_id.empty() && contains(set.unique_ids, p.unique_id))) {
        return PrincipalMatch::kRole;
      }
      break;
    default:
      break;
  }
  return contains(set.accounts, p.account) ? PrincipalMatch::kAccount : PrincipalMatch::kNone;
}

bool applies_despite_not_principal(const PrincipalSet& set, const Principal& p, Effect effect) {
  if (effect == Effect::kDeny && p.permissions_boundary &&
      (p.type == PrincipalType::kUser || p.type == PrincipalType::kRoleSession)) {
    return true;
  }
  if (set.any) return false;
  switch (p.type) {
    case PrincipalType::kService:
      return !contains(set.services, p.arn);
    case PrincipalType::kFederated:
      return !contains(set.federated, p.arn);
    case PrincipalType::kAnonymous:
      return true;
    default:
      break;
  }
  if (!p.canonical_id.empty() && contains(set.canonical_users, p.canonical_id)) return false;
  // Every identity in the chain must be listed for the principal to be excepted.
  if (!contains(set.accounts, p.account)) return true;
  switch (p.type) {
    case PrincipalType::kRoot:
      return false;
    case PrincipalType::kUser:
    case PrincipalType::kFederatedUser:
      return !(arn_listed(set, p.arn) || (!p.unique_id.empty() && contains(set.unique_ids, p.unique_id)));
    case PrincipalType::kRoleSession: {
      bool role = arn_listed(set, p.arn) || (!p.unique_id.empty() && contains(set.unique_ids, p.unique_id));
      bool session = p.session_name.empty() ? any_session_listed(set, p) : arn_listed(set, p.session_arn());
      return !(role && session);
    }
    default:
      return true;
  }
}

}  // namespace cloudpeek::iam
