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
// AWS::Organizations::ResourceControlPolicies  arn:
//   arn:aws:organizations::ACCOUNT:resource-control-policies/ACCOUNT
//   the same shape as the SCPs (applies, reason, levels, organization_id,
//   missing), for the resource control policies that restrict the account's
//   resources (Filter RESOURCE_CONTROL_POLICY). None apply to the management
//   account's resources, nor when the RCP type is not enabled in the root.
//
// Calls (SecurityAudit allows them): ListRoots, ListParents (once per level of
// the account's OU path, shared by SCPs and RCPs), ListPoliciesForTarget (once
// per level and kind), DescribePolicy (once per distinct policy and kind) —
// only when a selected check reads the SCPs or the RCPs.
#include <map>
#include <optional>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kOrganization = "AWS::Organizations::Organization";
constexpr const char* kScps = "AWS::Organizations::ServiceControlPolicies";
constexpr const char* kRcps = "AWS::Organizations::ResourceControlPolicies";
constexpr int kMaxDepth = 8;  // root + at most five OUs + the account, with room

// One kind of organization policy: SCPs or RCPs.
struct Kind {
  const char* type;         // inventory type
  const char* arn_segment;  // "service-control-policies"
  const char* filter;       // ListPoliciesForTarget's Filter, the root's PolicyTypes entry
  const char* words;        // "service control policies"
  const char* one;          // "service control policy"
  const char* management;   // why none apply to the management account
};
constexpr Kind kScpKind{kScps, "service-control-policies", "SERVICE_CONTROL_POLICY", "service control policies", "service control policy",
                        "service control policies do not apply to the organization's management account"};
constexpr Kind kRcpKind{kRcps, "resource-control-policies", "RESOURCE_CONTROL_POLICY", "resource control policies", "resource control policy",
                        "resource control policies do not apply to the resources of the organization's management account"};

Resource org_policies_resource(CollectContext& ctx, const Kind& k) {
  Resource r;
  r.type = k.type;
  r.arn = "arn:" + ctx.partition() + ":organizations::" + ctx.account() + ":" + k.arn_segment + "/" + ctx.account();
  r.account = ctx.account();
  r.region = "global";
  r.id = ctx.account();
  r.name = std::string(k.words) + " of account " + ctx.account();
  return r;
}

// Why the policies could not be read, for a person: the call and what to do.
void unreadable(CollectContext& ctx, Resource& r, const Kind& k, const Error& error, std::string_view operation) {
  record_missing(ctx, r, "levels", error, "organizations", operation);
  if (error.code == "AccessDeniedException" || error.code == "AccessDenied")
    r.missing["levels"] += std::string(" (only the organization's management account or a delegated administrator may read ") +
                           k.words + ": scan with its credentials to have them considered)";
}

// The account's path to the root (account, its OU, ..., the root), read once
// for both kinds of policy: ListRoots, then ListParents per level.
struct OrgPath {
  json root;
  std::vector<std::pair<std::string, std::string>> path;  // (id, type), the account first
  std::optional<Error> error;
  std::string failed_operation;
};

OrgPath read_path(CollectContext& ctx, const std::string& region) {
  OrgPath out;
  auto roots = call_all_pages(ctx, "organizations", "ListRoots", json::object(), region);
  if (!roots) {
    out.error = roots.error();
    out.failed_operation = "ListRoots";
    return out;
  }
  out.root = roots->value("Roots", json::array()).empty() ? json::object() : (*roots)["Roots"][0];
  out.path = {{ctx.account(), "ACCOUNT"}};
  while (out.path.back().second != "ROOT") {
    if (static_cast<int>(out.path.size()) > kMaxDepth) {
      Error e = make_error(ErrorKind::kMalformedResponse, "ListParents did not reach the root within " +
                                                              std::to_string(kMaxDepth) + " levels");
      e.code = "MalformedOrganization";
      out.error = e;
      out.failed_operation = "ListParents";
      return out;
    }
    auto parents = call_all_pages(ctx, "organizations", "ListParents", json{{"ChildId", out.path.back().first}}, region);
    if (!parents) {
      out.error = parents.error();
      out.failed_operation = "ListParents";
      return out;
    }
    const json list = parents->value("Parents", json::array());
    if (list.empty() || list[0].value("Id", "").empty()) {
      Error e = make_error(ErrorKind::kMalformedResponse, "ListParents gave no parent for " + out.path.back().first);
      e.code = "MalformedOrganization";
      out.error = e;
      out.failed_operation = "ListParents";
      return out;
    }
    out.path.emplace_back(list[0].value("Id", ""), list[0].value("Type", ""));
  }
  return out;
}

// The policies of one kind that apply, level by level (every level must allow).
void collect_org_policies(CollectContext& ctx, const std::string& region, const json* org, const Kind& k,
                          std::optional<OrgPath>& path) {
  Resource r = org_policies_resource(ctx, k);
  auto none = [&](std::string reason) {
    r.props = {{"applies", false}, {"reason", std::move(reason)}, {"levels", json::array()}};
    if (org) r.props["organization_id"] = org->value("Id", "");
    ctx.emit(std::move(r));
  };
  if (!org) return none("the account is not in an organization");
  if (org->value("FeatureSet", "ALL") != "ALL")
    return none(std::string("the organization has only consolidated billing features, which have no ") + k.words);
  if (org->value("MasterAccountId", "") == ctx.account()) return none(k.management);
  if (!ctx.needs(k.type, "levels")) {
    not_needed(r, "levels");
    return ctx.emit(std::move(r));
  }
  if (!path) path = read_path(ctx, region);
  if (path->error) return unreadable(ctx, r, k, *path->error, path->failed_operation), ctx.emit(std::move(r));
  bool enabled = false;
  for (const auto& t : path->root.value("PolicyTypes", json::array()))
    enabled = enabled || (t.value("Type", "") == k.filter && t.value("Status", "") == "ENABLED");
  if (!enabled) return none(std::string("the ") + k.one + " type is not enabled in the organization's root");

  json levels = json::array();
  std::map<std::string, json> documents;  // policy id → document (the full-access policy is attached everywhere)
  for (auto it = path->path.rbegin(); it != path->path.rend(); ++it) {
    auto attached = call_all_pages(ctx, "organizations", "ListPoliciesForTarget",
                                   json{{"TargetId", it->first}, {"Filter", k.filter}}, region);
    if (!attached) return unreadable(ctx, r, k, attached.error(), "ListPoliciesForTarget"), ctx.emit(std::move(r));
    json policies = json::array();
    for (const auto& p : attached->value("Policies", json::array())) {
      std::string id = p.value("Id", "");
      if (!documents.count(id)) {
        auto d = ctx.call("organizations", "DescribePolicy", json{{"PolicyId", id}}, region);
        if (!d) return unreadable(ctx, r, k, d.error(), "DescribePolicy"), ctx.emit(std::move(r));
        std::string content = d->value("Policy", json::object()).value("Content", "");
        json doc = json::parse(content, nullptr, /*allow_exceptions=*/false);
        if (doc.is_discarded() || !doc.is_object()) {
          Error e = make_error(ErrorKind::kMalformedResponse,
                               std::string("the content of ") + k.one + " " + id + " is not a JSON object",
                               "Look at the policy in the AWS Organizations console.");
          e.code = "MalformedPolicy";
          return unreadable(ctx, r, k, e, "DescribePolicy"), ctx.emit(std::move(r));
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

void collect_scps_and_rcps(CollectContext& ctx, const std::string& region, const json* org) {
  std::optional<OrgPath> path;  // read once, when either kind needs it
  collect_org_policies(ctx, region, org, kScpKind, path);
  collect_org_policies(ctx, region, org, kRcpKind, path);
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
    collect_scps_and_rcps(ctx, region, &org);
  } else if (out.error().code == "AWSOrganizationsNotInUseException") {
    r.props = {{"in_organization", false}};
    collect_scps_and_rcps(ctx, region, nullptr);
  } else {
    record_missing(ctx, r, "in_organization", out.error(), "organizations", "DescribeOrganization");
    for (const Kind* k : {&kScpKind, &kRcpKind}) {
      Resource s = org_policies_resource(ctx, *k);
      s.missing["levels"] = r.missing["in_organization"];
      ctx.emit(std::move(s));
    }
  }
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "organizations",
                             .global = true,
                             .produces = {kOrganization, kScps, kRcps},
                             .collect = collect_organizations});

}  // namespace
}  // namespace cloudpeek::collect
