// Organizations (global): whether the account belongs to an organization, and
// the service control policies that apply to it.
//
// AWS::Organizations::Organization  arn: the organization's ARN, or
//   arn:aws:organizations::ACCOUNT:no-organization when the account is in none
//   in_organization (false on AWSOrganizationsNotInUseException — a fact),
//   id, master_account_id, feature_set
//   missing: in_organization when DescribeOrganization failed otherwise
//
// AWS::Organizations::ServiceControlPolicies  arn:
//   arn:aws:organizations::ACCOUNT:service-control-policies/ACCOUNT (one per scanned account)
//   applies: whether SCPs restrict the account's principals. false, with `reason`,
//     when the account is in no organization, the organization has only
//     consolidated billing, the account is the management account (SCPs never
//     apply to it) or the SCP policy type is not enabled in the root.
//   levels: the organization's hierarchy above the account, root first, then
//     each OU, then the account: [{target_id, target_type (ROOT,
//     ORGANIZATIONAL_UNIT, ACCOUNT), policies: [{id, arn, name, aws_managed,
//     document}]}]; every level must allow (iam/evaluate.h OrgPolicies).
//   missing: levels, when the organization could not be read (a member account
//     may not call ListRoots, ListParents, ListPoliciesForTarget or
//     DescribePolicy: only the management account or a delegated administrator
//     can; the IAM analysis then says SCPs were not considered, and why)
//
// Calls (SecurityAudit allows them): ListRoots, ListParents (once per level of
// the account's OU path), ListPoliciesForTarget (once per level), DescribePolicy
// (once per distinct policy) — only when a selected check reads the SCPs.
#include <map>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kOrganization = "AWS::Organizations::Organization";
constexpr const char* kScps = "AWS::Organizations::ServiceControlPolicies";
constexpr int kMaxDepth = 8;  // root + at most five OUs + the account, with room

// Why SCPs could not be read, for a person: the call and what to do.
void scps_unreadable(CollectContext& ctx, Resource& r, const Error& error, std::string_view operation) {
  record_missing(ctx, r, "levels", error, "organizations", operation);
  if (error.code == "AccessDeniedException" || error.code == "AccessDenied")
    r.missing["levels"] += " (only the organization's management account or a delegated administrator may read "
                           "service control policies: scan with its credentials to have them considered)";
}

void collect_scps(CollectContext& ctx, const std::string& region, const json* org) {
  Resource r;
  r.type = kScps;
  r.arn = "arn:" + ctx.partition() + ":organizations::" + ctx.account() + ":service-control-policies/" + ctx.account();
  r.account = ctx.account();
  r.region = "global";
  r.id = ctx.account();
  r.name = "service control policies of account " + ctx.account();
  auto none = [&](std::string reason) {
    r.props = {{"applies", false}, {"reason", std::move(reason)}, {"levels", json::array()}};
    ctx.emit(std::move(r));
  };
  if (!org) return none("the account is not in an organization");
  if (org->value("FeatureSet", "ALL") != "ALL")
    return none("the organization has only consolidated billing features, which have no service control policies");
  if (org->value("MasterAccountId", "") == ctx.account())
    return none("service control policies do not apply to the organization's management account");
  if (!ctx.needs(kScps, "levels")) {
    not_needed(r, "levels");
    return ctx.emit(std::move(r));
  }

  auto roots = call_all_pages(ctx, "organizations", "ListRoots", json::object(), region);
  if (!roots) return scps_unreadable(ctx, r, roots.error(), "ListRoots"), ctx.emit(std::move(r));
  const json root = roots->value("Roots", json::array()).empty() ? json::object() : (*roots)["Roots"][0];
  bool enabled = false;
  for (const auto& t : root.value("PolicyTypes", json::array()))
    enabled = enabled || (t.value("Type", "") == "SERVICE_CONTROL_POLICY" && t.value("Status", "") == "ENABLED");
  if (!enabled) return none("the service control policy type is not enabled in the organization's root");

  // The account's path to the root: account, its OU, ..., the root.
  std::vector<std::pair<std::string, std::string>> path = {{ctx.account(), "ACCOUNT"}};
  while (path.back().second != "ROOT") {
    if (static_cast<int>(path.size()) > kMaxDepth) {
      Error e = make_error(ErrorKind::kMalformedResponse, "ListParents did not reach the root within " +
                                                              std::to_string(kMaxDepth) + " levels");
      e.code = "MalformedOrganization";
      return scps_unreadable(ctx, r, e, "ListParents"), ctx.emit(std::move(r));
    }
    auto parents = call_all_pages(ctx, "organizations", "ListParents", json{{"ChildId", path.back().first}}, region);
    if (!parents) return scps_unreadable(ctx, r, parents.error(), "ListParents"), ctx.emit(std::move(r));
    const json list = parents->value("Parents", json::array());
    if (list.empty() || list[0].value("Id", "").empty()) {
      Error e = make_error(ErrorKind::kMalformedResponse, "ListParents gave no parent for " + path.back().first);
      e.code = "MalformedOrganization";
      return scps_unreadable(ctx, r, e, "ListParents"), ctx.emit(std::move(r));
    }
    path.emplace_back(list[0].value("Id", ""), list[0].value("Type", ""));
  }

  json levels = json::array();
  std::map<std::string, json> documents;  // policy id → document (FullAWSAccess is attached everywhere)
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    auto attached = call_all_pages(ctx, "organizations", "ListPoliciesForTarget",
                                   json{{"TargetId", it->first}, {"Filter", "SERVICE_CONTROL_POLICY"}}, region);
    if (!attached) return scps_unreadable(ctx, r, attached.error(), "ListPoliciesForTarget"), ctx.emit(std::move(r));
    json policies = json::array();
    for (const auto& p : attached->value("Policies", json::array())) {
      std::string id = p.value("Id", "");
      if (!documents.count(id)) {
        auto d = ctx.call("organizations", "DescribePolicy", json{{"PolicyId", id}}, region);
        if (!d) return scps_unreadable(ctx, r, d.error(), "DescribePolicy"), ctx.emit(std::move(r));
        std::string content = d->value("Policy", json::object()).value("Content", "");
        json doc = json::parse(content, nullptr, /*allow_exceptions=*/false);
        if (doc.is_discarded() || !doc.is_object()) {
          Error e = make_error(ErrorKind::kMalformedResponse, "the content of service control policy " + id + " is not a JSON object",
                               "Look at the policy in the AWS Organizations console.");
          e.code = "MalformedPolicy";
          return scps_unreadable(ctx, r, e, "DescribePolicy"), ctx.emit(std::move(r));
        }
        documents[id] = std::move(doc);
      }
      policies.push_back({{"id", id},
                          {"arn", p.value("Arn", "")},
                          {"name", p.value("Name", id)},
                          {"aws_managed", p.value("AwsManaged", false)},
                          {"document", documents[id]}});
    }
    levels.push_back({{"target_id", it->first}, {"target_type", it->second}, {"policies", std::move(policies)}});
  }
  r.props = {{"applies", true}, {"reason", ""}, {"levels", std::move(levels)}, {"organization_id", org->value("Id", "")}};
  ctx.emit(std::move(r));
}

void collect_organizations(CollectContext& ctx, const std::string& region) {
  Resource r;
  r.type = kOrganization;
  r.arn = "arn:" + ctx.partition() + ":organizations::" + ctx.account() + ":no-organization";
  r.account = ctx.account();
  r.region = "global";
  r.id = ctx.account();
  r.name = "organization of account " + ctx.account();
  auto out = ctx.call("organizations", "DescribeOrganization", json::object(), region);
  if (out) {
    json org = out->value("Organization", json::object());
    r.arn = org.value("Arn", r.arn);
    r.id = org.value("Id", r.id);
    r.name = r.id;
    r.props = {{"in_organization", true},
               {"id", org.value("Id", "")},
               {"master_account_id", org.value("MasterAccountId", "")},
               {"feature_set", org.value("FeatureSet", "")}};
    r.raw = org;
    collect_scps(ctx, region, &org);
  } else if (out.error().code == "AWSOrganizationsNotInUseException") {
    r.props = {{"in_organization", false}};
    collect_scps(ctx, region, nullptr);
  } else {
    record_missing(ctx, r, "in_organization", out.error(), "organizations", "DescribeOrganization");
    Resource s;
    s.type = kScps;
    s.arn = "arn:" + ctx.partition() + ":organizations::" + ctx.account() + ":service-control-policies/" + ctx.account();
    s.account = ctx.account();
    s.region = "global";
    s.id = ctx.account();
    s.name = "service control policies of account " + ctx.account();
    s.missing["levels"] = r.missing["in_organization"];
    ctx.emit(std::move(s));
  }
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "organizations",
                             .global = true,
                             .produces = {kOrganization, kScps},
                             .collect = collect_organizations});

}  // namespace
}  // namespace cloudpeek::collect
