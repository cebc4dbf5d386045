// AWS WAF (WAFv2), per region: web ACLs and rule groups of scope REGIONAL,
// and in us-east-1 (where AWS serves them, aws partition) those of scope
// CLOUDFRONT too — CloudFront web ACLs are seen when us-east-1 is scanned.
//
// Calls (issue 13):
//   ListWebACLs, ListRuleGroups (per scope; NextMarker, no botocore paginator)   bulk
//   ListLoggingConfigurations (per scope)    every web ACL's logging at once, only when a
//                                            selected check reads `logging`
//   per web ACL: GetWebACL                   only when a selected check reads its rules or
//                                            metrics (the listing carries neither; no bulk form)
//   per rule group: GetRuleGroup             only when a selected check reads `metrics_enabled`
//   per regional web ACL: ListResourcesForWebACL, once for Application Load Balancers and once
//                                            for Cognito user pools, only when a selected check reads
//                                            `albs` / `user_pools` (associations have no bulk listing)
// Web ACLs and rule groups whose ARN names another account are dropped.
//
// AWS::WAFv2::WebACL  arn = ARN, id = Id, name = Name
//   props.scope                  "REGIONAL" | "CLOUDFRONT"
//   props.logging                bool: a logging configuration names the ACL          missing: "logging"
//   props.rules                  number of rules (rule group references included) plus the
//                                Firewall Manager rule groups AWS runs before and after them
//                                                                                     missing: "rules"
//   props.metrics_enabled        the ACL's VisibilityConfig.CloudWatchMetricsEnabled  missing: "metrics_enabled"
//   props.rules_without_metrics  [rule name] whose VisibilityConfig has CloudWatch metrics off
//                                                                                     missing: "rules_without_metrics"
//   props.albs, props.user_pools [ARN] of the associated Application Load Balancers / Cognito user pools
//                                (empty for CLOUDFRONT web ACLs: a distribution names its own)   missing: "albs" / "user_pools"
// AWS::WAFv2::RuleGroup  arn = ARN, id = Id, name = Name
//   props.scope, props.rules (number), props.metrics_enabled (bool)                  missing when GetRuleGroup failed
#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "wafv2";
constexpr const char* kWebAcl = "AWS::WAFv2::WebACL";
constexpr const char* kRuleGroup = "AWS::WAFv2::RuleGroup";
const std::initializer_list<const char*> kAclDescribed = {"rules", "metrics_enabled", "rules_without_metrics"};

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

// Every page of a WAFv2 listing (NextMarker); `on_item` gets each member of `list`.
Status each_item(CollectContext& ctx, const char* operation, const std::string& scope, const std::string& region,
                 const char* list, const std::function<void(json&)>& on_item) {
  json params{{"Scope", scope}, {"Limit", 100}};
  return for_each_token_page(
      ctx, kSvc, operation, std::move(params), region,
      [&](json& page) {
        for (auto& item : page[list]) on_item(item);
      },
      "NextMarker");
}

bool metrics_on(const json& holder) {
  return holder.value("VisibilityConfig", json::object()).value("CloudWatchMetricsEnabled", false);
}

// The resources of one type a regional web ACL protects.
void associations(CollectContext& ctx, Resource& r, const char* property, const char* type) {
  if (!ctx.needs(kWebAcl, property)) {
    not_needed(r, property);
    return;
  }
  if (r.props.value("scope", "") != "REGIONAL") {
    r.props[property] = json::array();
    return;
  }
  auto out = ctx.call(kSvc, "ListResourcesForWebACL", json{{"WebACLArn", r.arn}, {"ResourceType", type}}, r.region);
  if (out)
    r.props[property] = out->value("ResourceArns", json::array());
  else
    record_missing(ctx, r, property, out.error(), kSvc, "ListResourcesForWebACL");
}

void describe_acl(CollectContext& ctx, Resource r) {
  associations(ctx, r, "albs", "APPLICATION_LOAD_BALANCER");
  associations(ctx, r, "user_pools", "COGNITO_USER_POOL");
  if (std::none_of(kAclDescribed.begin(), kAclDescribed.end(), [&](const char* p) { return ctx.needs(kWebAcl, p); })) {
    for (const char* p : kAclDescribed) not_needed(r, p);
    ctx.emit(std::move(r));
    return;
  }
  const std::string scope = r.props.value("scope", "REGIONAL");
  auto out = ctx.call(kSvc, "GetWebACL", json{{"Name", r.name}, {"Scope", scope}, {"Id", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "rules", out.error(), kSvc, "GetWebACL");
    for (const char* p : kAclDescribed) r.missing[p] = r.missing["rules"];
    ctx.emit(std::move(r));
    return;
  }
  json acl = out->value("WebACL", json::object());
  json without = json::array();
  int rules = 0;
  for (const auto& rule : acl.value("Rules", json::array())) {
    ++rules;
    if (!metrics_on(rule)) without.push_back(rule.value("Name", ""));
  }
  for (const char* fms : {"PreProcessFirewallManagerRuleGroups", "PostProcessFirewallManagerRuleGroups"})
    rules += static_cast<int>(acl.value(fms, json::array()).size());
  r.props["rules"] = rules;
  r.props["metrics_enabled"] = metrics_on(acl);
  r.props["rules_without_metrics"] = std::move(without);
  r.raw = std::move(acl);
  ctx.emit(std::move(r));
}

void describe_group(CollectContext& ctx, Resource r) {
  const std::string scope = r.props.value("scope", "REGIONAL");
  auto out = ctx.call(kSvc, "GetRuleGroup", json{{"Name", r.name}, {"Scope", scope}, {"Id", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "metrics_enabled", out.error(), kSvc, "GetRuleGroup");
    r.missing["rules"] = r.missing["metrics_enabled"];
    ctx.emit(std::move(r));
    return;
  }
  json group = out->value("RuleGroup", json::object());
  r.props["rules"] = group.value("Rules", json::array()).size();
  r.props["metrics_enabled"] = metrics_on(group);
  r.raw = std::move(group);
  ctx.emit(std::move(r));
}

Resource make(CollectContext& ctx, const std::string& region, const char* type, const std::string& scope, json& item) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = region;
  r.id = item.value("Id", "");
  r.name = item.value("Name", "");
  r.arn = item.value("ARN", "");
  r.props["scope"] = scope;
  r.raw = std::move(item);
  return r;
}

void collect_scope(CollectContext& ctx, const std::string& region, const std::string& scope) {
  // Logging first: one listing names every logged ACL of the scope.
  const bool want_logging = ctx.needs(kWebAcl, "logging");
  std::set<std::string> logged;
  Status logs = Ok{};
  if (want_logging)
    logs = each_item(ctx, "ListLoggingConfigurations", scope, region, "LoggingConfigurations",
                     [&](json& c) { logged.insert(c.value("ResourceArn", "")); });
  const bool describe = std::any_of(kAclDescribed.begin(), kAclDescribed.end(),
                                    [&](const char* p) { return ctx.needs(kWebAcl, p); }) ||
                        ctx.needs(kWebAcl, "albs") || ctx.needs(kWebAcl, "user_pools");
  Status acls = each_item(ctx, "ListWebACLs", scope, region, "WebACLs", [&](json& a) {
    Resource r = make(ctx, region, kWebAcl, scope, a);
    if (std::string owner = arn_account(r.arn); !owner.empty() && owner != ctx.account()) return;
    if (!want_logging)
      not_needed(r, "logging");
    else if (logs)
      r.props["logging"] = logged.count(r.arn) > 0;
    else
      record_missing(ctx, r, "logging", logs.error(), kSvc, "ListLoggingConfigurations");
    if (!describe) {
      for (const char* p : kAclDescribed) not_needed(r, p);
      not_needed(r, "albs");
      not_needed(r, "user_pools");
      ctx.emit(std::move(r));
      return;
    }
    ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_acl(ctx, std::move(r)); });
  });
  if (!acls) record_failure(ctx, acls.error(), kSvc, "ListWebACLs", region, {kWebAcl});
}

void rule_groups(CollectContext& ctx, const std::string& region, const std::string& scope) {
  const bool want_groups = ctx.needs(kRuleGroup, "metrics_enabled") || ctx.needs(kRuleGroup, "rules");
  Status groups = each_item(ctx, "ListRuleGroups", scope, region, "RuleGroups", [&](json& g) {
    Resource r = make(ctx, region, kRuleGroup, scope, g);
    if (std::string owner = arn_account(r.arn); !owner.empty() && owner != ctx.account()) return;
    if (!want_groups) {
      not_needed(r, "metrics_enabled");
      not_needed(r, "rules");
      ctx.emit(std::move(r));
      return;
    }
    ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_group(ctx, std::move(r)); });
  });
  if (!groups) record_failure(ctx, groups.error(), kSvc, "ListRuleGroups", region, {kRuleGroup});
}

// Scopes and rule groups are listed concurrently: a scan's longest chain here
// is the logging listing, the web ACL listing and one GetWebACL.
void collect(CollectContext& ctx, const std::string& region) {
  std::vector<std::string> scopes = {"REGIONAL"};
  if (region == "us-east-1" && ctx.partition() == "aws") scopes.push_back("CLOUDFRONT");
  for (const auto& scope : scopes) {
    ctx.spawn([&ctx, region, scope] { collect_scope(ctx, region, scope); });
    ctx.spawn([&ctx, region, scope] { rule_groups(ctx, region, scope); });
  }
}

const RegisterCollector reg(
    {.service = "wafv2", .global = false, .produces = {kWebAcl, kRuleGroup}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
