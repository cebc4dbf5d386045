#include "scan/organization.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <optional>
#include <thread>

#include "aws/credentials/assume_role_provider.h"
#include "aws/services/service_models.h"
#include "aws/services/sts_model.h"

namespace cloudpeek::scan {
namespace {

constexpr int kMaxOuDepth = 6;     // AWS allows five levels of OUs under the root
constexpr int kMaxPages = 10000;   // a service that never stops paging is a malformed answer

const ServiceModel& organizations_model() {
  const ServiceModel* m = find_service_model("organizations");
  if (!m) throw std::logic_error("the organizations service model is not embedded (aws/services/collected_services.txt)");
  return *m;
}

std::string str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// Every page of an Organizations listing (they all page with NextToken).
Result<std::vector<json>> list_all(AwsCaller& caller, const CredentialsProviderPtr& creds, const std::string& region,
                                   const std::string& op, json params, const char* key) {
  std::vector<json> out;
  std::string last;
  for (int page = 0; page < kMaxPages; ++page) {
    auto r = caller.call(organizations_model(), op, params, region, creds);
    if (!r) return std::move(r).error();
    if (r->contains(key) && (*r)[key].is_array())
      for (auto& item : (*r)[key]) out.push_back(std::move(item));
    std::string next = str(*r, "NextToken");
    if (next.empty()) return out;
    if (next == last) {
      Error e = make_error(ErrorKind::kMalformedResponse, "organizations:" + op + " returned the same NextToken twice");
      e.code = "RepeatedNextToken";
      return e;
    }
    last = next;
    params["NextToken"] = next;
  }
  return make_error(ErrorKind::kMalformedResponse, "organizations:" + op + " did not stop paging");
}

OrganizationAccount account_of(const json& a) {
  OrganizationAccount out;
  out.id = str(a, "Id");
  out.name = str(a, "Name");
  out.email = str(a, "Email");
  out.arn = str(a, "Arn");
  out.status = str(a, "Status");
  out.joined_method = str(a, "JoinedMethod");
  return out;
}

Error not_readable(Error e, const std::string& caller_account, const std::string& org_id,
                   const std::string& management) {
  if (e.kind == ErrorKind::kAccessDenied || e.code == "AccessDeniedException") {
    e.kind = ErrorKind::kAccessDenied;
    e.message = "Account " + caller_account + " may not list the accounts of organization " + org_id +
                ": it is neither the management account (" + management +
                ") nor a delegated administrator. AWS said: " + e.message;
    e.advice = "Use credentials of the management account or of a delegated administrator account "
               "(with the SecurityAudit policy or organizations:List*/Describe*).";
  }
  return e;
}

}  // namespace

const OrganizationAccount* Organization::find(std::string_view account_id) const {
  for (const auto& a : accounts)
    if (a.id == account_id) return &a;
  return nullptr;
}

std::string_view to_string(MemberStatus s) {
  switch (s) {
    case MemberStatus::kOk: return "ok";
    case MemberStatus::kRoleDenied: return "role_denied";
    case MemberStatus::kSuspended: return "suspended";
    case MemberStatus::kCallerAccount: return "caller_account";
    case MemberStatus::kError: return "error";
  }
  return "error";
}

Result<Organization> discover_organization(AwsCaller& caller, CredentialsProviderPtr base,
                                           const DiscoverOptions& options) {
  const std::string region = options.region.empty() ? "us-east-1" : options.region;
  Organization org;
  auto who = caller.call(sts_model(), "GetCallerIdentity", json::object(), region, base);
  if (!who) return std::move(who).error();
  org.caller_account = str(*who, "Account");

  auto described = caller.call(organizations_model(), "DescribeOrganization", json::object(), region, base);
  if (!described) {
    Error e = std::move(described).error();
    if (e.code == "AWSOrganizationsNotInUseException") {
      e.message = "Account " + org.caller_account + " is not in an AWS organization (AWS said: " + e.message + ")";
      e.advice = "Scan it as a single account (without --organization), or use the credentials of an "
                 "organization's management account.";
    }
    return e;
  }
  const json o = described->value("Organization", json::object());
  org.id = str(o, "Id");
  org.arn = str(o, "Arn");
  org.feature_set = str(o, "FeatureSet");
  org.management_account_id = str(o, "MasterAccountId");
  org.caller_is_management = org.caller_account == org.management_account_id;

  auto listed = list_all(caller, base, region, "ListAccounts", json::object(), "Accounts");
  if (!listed) return not_readable(std::move(listed).error(), org.caller_account, org.id, org.management_account_id);
  for (const auto& a : *listed) {
    org.accounts.push_back(account_of(a));
    org.accounts.back().management = org.accounts.back().id == org.management_account_id;
  }

  // OU paths: walk the tree from the root, as the console does, a level at a
  // time, kWalkAtOnce of a level's OUs listed at once: one after the other, two
  // round trips per OU held every member's scan back (0.8 s for the 8 nodes of
  // bench/run-org-bench's organization at 50 ms a call; seconds for many OUs).
  constexpr size_t kWalkAtOnce = 4;
  auto roots = list_all(caller, base, region, "ListRoots", json::object(), "Roots");
  if (!roots) return not_readable(std::move(roots).error(), org.caller_account, org.id, org.management_account_id);
  std::map<std::string, std::pair<std::string, std::string>> placed;  // account → (path, parent id)
  struct Node {
    std::string id, path;
    int depth;
  };
  std::vector<Node> level;
  for (const auto& r : *roots) level.push_back({str(r, "Id"), str(r, "Name").empty() ? "Root" : str(r, "Name"), 0});
  while (!level.empty()) {
    struct Listed {
      std::optional<Result<std::vector<json>>> accounts, ous;
    };
    std::vector<Listed> listed(level.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < level.size(); i = next++) {
        const Node& n = level[i];
        listed[i].accounts =
            list_all(caller, base, region, "ListAccountsForParent", json{{"ParentId", n.id}}, "Accounts");
        if (*listed[i].accounts && n.depth < kMaxOuDepth)
          listed[i].ous = list_all(caller, base, region, "ListOrganizationalUnitsForParent", json{{"ParentId", n.id}},
                                   "OrganizationalUnits");
      }
    };
    std::vector<std::thread> threads;
    for (size_t t = 1; t < std::min(kWalkAtOnce, level.size()); ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    std::vector<Node> below;
    for (size_t i = 0; i < level.size(); ++i) {
      const Node& n = level[i];
      auto& accounts = *listed[i].accounts;
      if (!accounts)
        return not_readable(std::move(accounts).error(), org.caller_account, org.id, org.management_account_id);
      for (const auto& a : *accounts) placed[str(a, "Id")] = {n.path, n.id};
      if (!listed[i].ous) continue;  // AWS's deepest level
      auto& ous = *listed[i].ous;
      if (!ous) return not_readable(std::move(ous).error(), org.caller_account, org.id, org.management_account_id);
      for (const auto& ou : *ous) below.push_back({str(ou, "Id"), n.path + "/" + str(ou, "Name"), n.depth + 1});
    }
    level = std::move(below);
  }
  for (auto& a : org.accounts) {
    auto it = placed.find(a.id);
    if (it != placed.end()) std::tie(a.ou_path, a.parent_id) = it->second;
  }

  // Delegated administrators: who else may read the organization (optional).
  auto admins = list_all(caller, base, region, "ListDelegatedAdministrators", json::object(), "DelegatedAdministrators");
  if (admins) {
    org.delegated_admins_readable = true;
    for (const auto& d : *admins) {
      std::string id = str(d, "Id");
      auto services = list_all(caller, base, region, "ListDelegatedServicesForAccount", json{{"AccountId", id}},
                               "DelegatedServices");
      std::vector<std::string> principals;
      if (services) {
        for (const auto& s : *services) principals.push_back(str(s, "ServicePrincipal"));
      } else {
        org.delegated_admins_readable = false;
        org.delegated_admins_error = services.error().describe();
      }
      std::sort(principals.begin(), principals.end());
      if (id == org.caller_account) org.caller_is_delegated_admin = true;
      for (auto& a : org.accounts)
        if (a.id == id) a.delegated_services = principals;
    }
  } else {
    org.delegated_admins_error = admins.error().describe();
  }

  std::stable_sort(org.accounts.begin(), org.accounts.end(), [](const auto& a, const auto& b) {
    return std::tie(a.ou_path, a.name, a.id) < std::tie(b.ou_path, b.name, b.id);
  });
  return org;
}

std::string member_role_arn(const MemberAccess& access, std::string_view account_id) {
  return "arn:" + (access.partition.empty() ? std::string("aws") : access.partition) + ":iam::" +
         std::string(account_id) + ":role/" + access.role_name;
}

CredentialsProviderPtr member_credentials(const MemberAccess& access, std::string_view account_id,
                                          CredentialsProviderPtr base, AwsCallerPtr caller) {
  AssumeRoleSettings s;
  s.role_arn = member_role_arn(access, account_id);
  s.role_session_name = access.session_name.empty() ? "CloudPeek" : access.session_name;
  s.external_id = access.external_id;
  s.region = access.sts_region;
  return make_assume_role_provider(std::move(s), std::move(base), std::move(caller));
}

Status validate(const MemberAccess& access) {
  auto bad = [](std::string what) { return Status(make_error(ErrorKind::kInvalidInput, std::move(what))); };
  const auto& r = access.role_name;
  if (r.empty() || r.size() > 64)
    return bad("The role name must have 1 to 64 characters (got " + std::to_string(r.size()) + ").");
  for (char c : r)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || std::string_view("+=,.@_-").find(c) != std::string_view::npos))
      return bad("The role name \"" + r + "\" may only hold letters, digits and + = , . @ _ - (IAM's rule).");
  const auto& x = access.external_id;
  if (!x.empty()) {
    if (x.size() < 2 || x.size() > 1224)
      return bad("The ExternalId must have 2 to 1224 characters (got " + std::to_string(x.size()) + ").");
    for (char c : x)
      if (!(std::isalnum(static_cast<unsigned char>(c)) ||
            std::string_view("+=,.@:/_-").find(c) != std::string_view::npos))
        return bad("The ExternalId may only hold letters, digits and + = , . @ : / _ - (STS's rule).");
  }
  return Ok{};
}

namespace {

MemberReach probe_one(const Organization& org, const OrganizationAccount& a, const MemberAccess& access,
                      const CredentialsProviderPtr& base, const AwsCallerPtr& caller) {
  MemberReach m;
  m.account_id = a.id;
  m.role_arn = member_role_arn(access, a.id);
  if (a.id == org.caller_account) {
    m.status = MemberStatus::kCallerAccount;
    m.role_arn.clear();
    m.message = "The account whose credentials discovered the organization: reached with them, no role assumed.";
    m.credentials = base;
    return m;
  }
  if (!a.status.empty() && a.status != "ACTIVE") {
    m.status = MemberStatus::kSuspended;
    m.message = "The account is " + a.status + " in the organization: it was not called.";
    m.advice = "Nothing to do unless it should be active; its resources are not scanned.";
    return m;
  }
  auto provider = member_credentials(access, a.id, base, caller);
  auto fail = [&](Error e) {
    m.error_code = e.code;
    const std::string prefix = "Assuming role " + m.role_arn + " failed: ";
    m.message = e.message.rfind(prefix, 0) == 0 ? e.message.substr(prefix.size()) : e.message;
    if (e.kind == ErrorKind::kAccessDenied) {
      m.status = MemberStatus::kRoleDenied;
      m.advice = "The role " + access.role_name + " is missing in account " + a.id + ", does not trust account " +
                 org.caller_account + ", or expects another ExternalId. Deploy it to the members with the "
                 "CloudFormation StackSet or Terraform that `cloudpeek organization template --role-name " +
                 access.role_name + "` prints (SecurityAudit attached, trusting " + org.caller_account +
                 " with the sts:ExternalId condition), then discover again.";
    } else {
      m.status = MemberStatus::kError;
      m.advice = e.advice;
    }
    return m;
  };
  // Every member's AssumeRole spends the caller account's STS budget: when AWS
  // still throttles after the client's retries (many members probed at once),
  // waiting and asking again costs time, never a member (bench/run-org-bench
  // lost one of 100 as "NOT REACHED: Rate exceeded" at 8 at a time).
  auto patiently = [](auto&& attempt) {
    auto out = attempt();
    for (auto wait = std::chrono::milliseconds(250); !out && out.error().kind == ErrorKind::kThrottled &&
                                                     wait <= std::chrono::seconds(16);
         wait *= 2) {
      std::this_thread::sleep_for(wait);
      out = attempt();
    }
    return out;
  };
  auto creds = patiently([&] { return provider->get(); });
  if (!creds) return fail(std::move(creds).error());
  auto who = patiently([&] {
    return caller->call(sts_model(), "GetCallerIdentity", json::object(),
                        access.sts_region.empty() ? "us-east-1" : access.sts_region, provider);
  });
  if (!who) return fail(std::move(who).error());
  if (str(*who, "Account") != a.id) {
    m.status = MemberStatus::kError;
    m.message = "The role's credentials answered as account " + str(*who, "Account") + ", not " + a.id + ".";
    m.advice = "Check the role ARN: the role must be in the member account itself.";
    return m;
  }
  m.status = MemberStatus::kOk;
  m.identity_arn = str(*who, "Arn");
  m.message = "Role assumed; GetCallerIdentity answered as the member.";
  m.credentials = provider;
  return m;
}

}  // namespace

std::vector<MemberReach> probe_members(const Organization& org, const MemberAccess& access,
                                       CredentialsProviderPtr base, AwsCallerPtr caller,
                                       const std::vector<std::string>& only, int concurrency) {
  std::vector<const OrganizationAccount*> todo;
  for (const auto& a : org.accounts)
    if (only.empty() || std::find(only.begin(), only.end(), a.id) != only.end()) todo.push_back(&a);
  std::vector<MemberReach> out(todo.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < todo.size(); i = next++) out[i] = probe_one(org, *todo[i], access, base, caller);
  };
  const int k = std::max(1, std::min<int>(concurrency, static_cast<int>(todo.size())));
  std::vector<std::thread> threads;
  for (int t = 1; t < k; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  return out;
}

}  // namespace cloudpeek::scan
