// Organizations, as its administrators see it (issue 11 §2): the organization's
// service control policies and where they are attached, and its delegated
// administrators — what the organization-level checks (checks/organizations_*)
// judge. Only the management account and delegated administrators may read
// these; a plain member's scan leaves them to theirs.
//
// AWS::Organizations::Administration  arn:
//   arn:PARTITION:organizations::SCANNED_ACCOUNT:administration/ORG_ID (one per scan,
//   global), emitted only when the scanned account is in an organization and
//   is its management account or may read it (a delegated administrator):
//   organization_id, management_account_id, is_management: bool
//   scp_policy_type_enabled: bool (ListRoots: the root's SERVICE_CONTROL_POLICY type)
//   scps: [{id, name, aws_managed, targets: [{id, type, name}]}] (ListPolicies
//     SERVICE_CONTROL_POLICY, ListTargetsForPolicy per policy)
//   delegated_administrators: {"<service principal>": ["<account id>", ...]}
//     (ListDelegatedAdministrators, ListDelegatedServicesForAccount per admin)
//   missing: scps / scp_policy_type_enabled / delegated_administrators, naming
//     the call that failed (checks say NOT_ASSESSED); all of them and
//     in_organization when DescribeOrganization itself failed.
//   in_organization: false (and nothing else) for an account in no
//     organization, arn ...:administration/no-organization: the checks FAIL it,
//     as Prowler's do (no SCP, delegated administrator or organization trail
//     can apply to it).
// Not emitted: a member account whose first read fails (AWS denies members
// that are not delegated administrators: its organization is judged in the
// management account's scan). Neither is a gap. For the management account, and
// for a member once a read answered, a failed read is a gap and NOT_ASSESSED.
//
// Another engineer's collect/organizations.cc owns service "organizations"
// (the SCPs that apply to the scanned account); collectors are one per
// service name, hence "organizations-admin". DescribeOrganization is called by
// both (one call per scan each).
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kAdmin = "AWS::Organizations::Administration";

void collect_admin(CollectContext& ctx, const std::string& region) {
  auto described = ctx.call("organizations", "DescribeOrganization", json::object(), region);
  if (!described) {
    if (described.error().code == "AWSOrganizationsNotInUseException") {
      Resource r;
      r.type = kAdmin;
      r.arn = "arn:" + ctx.partition() + ":organizations::" + ctx.account() + ":administration/no-organization";
      r.account = ctx.account();
      r.region = "global";
      r.id = "no-organization";
      r.name = "no organization (account " + ctx.account() + ")";
      r.props = {{"in_organization", false}};
      return ctx.emit(std::move(r));
    }
    // The other collector records this call's gap; here only the properties it leaves unknown.
    Resource r;
    r.type = kAdmin;
    r.arn = "arn:" + ctx.partition() + ":organizations::" + ctx.account() + ":organization-administration";
    r.account = ctx.account();
    r.region = "global";
    r.id = r.name = "organization of account " + ctx.account();
    for (const char* p : {"in_organization", "scps", "scp_policy_type_enabled", "delegated_administrators"})
      record_missing(ctx, r, p, described.error(), "organizations", "DescribeOrganization");
    return ctx.emit(std::move(r));
  }
  const json org = described->value("Organization", json::object());
  Resource r;
  r.type = kAdmin;
  r.account = ctx.account();
  r.region = "global";
  r.id = org.value("Id", "");
  // Not the organization's own ARN (the Organization resource has it): one per
  // administering account, so the management account's and a delegated
  // administrator's scans judge it apart.
  r.arn = "arn:" + ctx.partition() + ":organizations::" + ctx.account() + ":administration/" + r.id;
  r.name = "organization " + r.id;
  const bool management = org.value("MasterAccountId", "") == ctx.account();
  // Whether this account administers the organization: the management account
  // does; another account does when its first read answers (a delegated
  // administrator). A member's first failure (AWS: AccessDeniedException) ends
  // here, without a gap: the management account's scan judges the organization.
  bool administers = management;
  r.props = {{"in_organization", true},
             {"organization_id", r.id},
             {"management_account_id", org.value("MasterAccountId", "")},
             {"is_management", management}};

  // SCPs, and where each is attached.
  if (ctx.needs(kAdmin, "scps")) {
    auto listed = call_all_pages(ctx, "organizations", "ListPolicies", json{{"Filter", "SERVICE_CONTROL_POLICY"}}, region);
    if (!listed && !administers) return;  // a plain member: not its to judge
    administers = true;
    if (!listed) {
      record_missing(ctx, r, "scps", listed.error(), "organizations", "ListPolicies");
    } else {
      json scps = json::array();
      bool ok = true;
      for (const auto& p : listed->value("Policies", json::array())) {
        auto targets = call_all_pages(ctx, "organizations", "ListTargetsForPolicy", json{{"PolicyId", p.value("Id", "")}},
                                      region);
        if (!targets) {
          record_missing(ctx, r, "scps", targets.error(), "organizations", "ListTargetsForPolicy");
          ok = false;
          break;
        }
        json t = json::array();
        for (const auto& x : targets->value("Targets", json::array()))
          t.push_back({{"id", x.value("TargetId", "")}, {"type", x.value("Type", "")}, {"name", x.value("Name", "")}});
        scps.push_back({{"id", p.value("Id", "")},
                        {"name", p.value("Name", "")},
                        {"aws_managed", p.value("AwsManaged", false)},
                        {"targets", std::move(t)}});
      }
      if (ok) r.props["scps"] = std::move(scps);
    }
  } else {
    not_needed(r, "scps");
  }
  if (ctx.needs(kAdmin, "scp_policy_type_enabled")) {
    auto roots = call_all_pages(ctx, "organizations", "ListRoots", json::object(), region);
    if (!roots && !administers) return;
    administers = true;
    if (!roots) {
      record_missing(ctx, r, "scp_policy_type_enabled", roots.error(), "organizations", "ListRoots");
    } else {
      bool enabled = false;
      for (const auto& root : roots->value("Roots", json::array()))
        for (const auto& t : root.value("PolicyTypes", json::array()))
          enabled = enabled || (t.value("Type", "") == "SERVICE_CONTROL_POLICY" && t.value("Status", "") == "ENABLED");
      r.props["scp_policy_type_enabled"] = enabled;
    }
  } else {
    not_needed(r, "scp_policy_type_enabled");
  }

  // Delegated administrators, per service principal.
  if (ctx.needs(kAdmin, "delegated_administrators")) {
    auto admins = call_all_pages(ctx, "organizations", "ListDelegatedAdministrators", json::object(), region);
    if (!admins && !administers) return;
    administers = true;
    if (!admins) {
      record_missing(ctx, r, "delegated_administrators", admins.error(), "organizations", "ListDelegatedAdministrators");
    } else {
      json by_service = json::object();
      bool ok = true;
      for (const auto& a : admins->value("DelegatedAdministrators", json::array())) {
        std::string id = a.value("Id", "");
        auto services =
            call_all_pages(ctx, "organizations", "ListDelegatedServicesForAccount", json{{"AccountId", id}}, region);
        if (!services) {
          record_missing(ctx, r, "delegated_administrators", services.error(), "organizations",
                         "ListDelegatedServicesForAccount");
          ok = false;
          break;
        }
        for (const auto& s : services->value("DelegatedServices", json::array())) {
          std::string principal = s.value("ServicePrincipal", "");
          if (!by_service.contains(principal)) by_service[principal] = json::array();
          by_service[principal].push_back(id);
        }
      }
      if (ok) r.props["delegated_administrators"] = std::move(by_service);
    }
  } else {
    not_needed(r, "delegated_administrators");
  }
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "organizations-admin",  // also the checks' service (checks/organizations_admin_util.h)
                             .global = true,
                             .produces = {kAdmin},
                             .collect = collect_admin});

}  // namespace
}  // namespace cloudpeek::collect
