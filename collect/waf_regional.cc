// AWS WAF Classic Regional (regional; the API before WAFv2, for Application
// Load Balancers and API Gateway stages): web ACLs, rules and rule groups.
//
// Calls (issue 13): ListWebACLs, ListRules, ListRuleGroups (Limit 100,
// NextMarker followed here: the model has no paginator), then per web ACL
// GetWebACL, per rule GetRule and per rule group ListActivatedRulesInRuleGroup
// — the listings carry names only and there is no bulk form — each only when a
// selected check reads what it returns. Classic WAF lists only the account's own.
//
// AWS::WAFRegional::WebACL    arn = arn:…:waf-regional:<region>:<account>:webacl/<id>, id = WebACLId, name = Name
//   props.rules        number of activated rules and rule groups      missing when GetWebACL failed
// AWS::WAFRegional::Rule      arn = …:rule/<id>, id = RuleId
//   props.conditions   number of predicates (conditions)              missing when GetRule failed
// AWS::WAFRegional::RuleGroup arn = …:rulegroup/<id>, id = RuleGroupId
//   props.rules        number of activated rules                      missing when the listing failed
#include <functional>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "waf-regional";
constexpr const char* kWebAcl = "AWS::WAFRegional::WebACL";
constexpr const char* kRule = "AWS::WAFRegional::Rule";
constexpr const char* kRuleGroup = "AWS::WAFRegional::RuleGroup";

// Every page of a classic WAF listing (NextMarker); `on_item` gets each member of `list`.
Status each_item(CollectContext& ctx, const char* operation, json params, const std::string& region, const char* list,
                 const std::function<void(json&)>& on_item) {
  params["Limit"] = 100;
  for (int page = 0; page < 10000; ++page) {
    auto out = ctx.call(kSvc, operation, params, region);
    if (!out) return out.error();
    for (auto& item : (*out)[list]) on_item(item);
    const std::string next = out->value("NextMarker", "");
    // Classic WAF may return a marker with the last page; an empty page ends the listing too.
    if (next.empty() || (*out)[list].empty()) return Ok{};
    if (params.value("NextMarker", "") == next) {
      Error e = make_error(ErrorKind::kMalformedResponse, "AWS returned the same NextMarker twice for waf-regional:" +
                                                              std::string(operation) + "; the listing may be incomplete.");
      e.code = "RepeatedPageToken";
      return e;
    }
    params["NextMarker"] = next;
  }
  return Ok{};
}

Resource make(CollectContext& ctx, const std::string& region, const char* type, const char* kind,
              const std::string& id, const std::string& name) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = region;
  r.id = id;
  r.name = name.empty() ? id : name;
  r.arn = "arn:" + ctx.partition() + ":waf-regional:" + region + ":" + ctx.account() + ":" + kind + "/" + id;
  return r;
}

void describe_acl(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "GetWebACL", json{{"WebACLId", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "rules", out.error(), kSvc, "GetWebACL");
  } else {
    json acl = out->value("WebACL", json::object());
    r.props["rules"] = acl.value("Rules", json::array()).size();
    r.raw = std::move(acl);
  }
  ctx.emit(std::move(r));
}

void describe_rule(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "GetRule", json{{"RuleId", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "conditions", out.error(), kSvc, "GetRule");
  } else {
    json rule = out->value("Rule", json::object());
    r.props["conditions"] = rule.value("Predicates", json::array()).size();
    r.raw = std::move(rule);
  }
  ctx.emit(std::move(r));
}

void describe_group(CollectContext& ctx, Resource r) {
  size_t rules = 0;
  Status listed = each_item(ctx, "ListActivatedRulesInRuleGroup", json{{"RuleGroupId", r.id}}, r.region,
                            "ActivatedRules", [&](json&) { ++rules; });
  if (listed)
    r.props["rules"] = rules;
  else
    record_missing(ctx, r, "rules", listed.error(), kSvc, "ListActivatedRulesInRuleGroup");
  ctx.emit(std::move(r));
}

void listing(CollectContext& ctx, const std::string& region, const char* type, const char* operation,
             const char* list, const char* id_key, const char* kind, const char* prop,
             void (*describe)(CollectContext&, Resource)) {
  const bool needed = ctx.needs(type, prop);
  Status listed = each_item(ctx, operation, json::object(), region, list, [&](json& item) {
    Resource r = make(ctx, region, type, kind, item.value(id_key, ""), item.value("Name", ""));
    r.raw = std::move(item);
    if (!needed) {
      not_needed(r, prop);
      ctx.emit(std::move(r));
      return;
    }
    ctx.spawn([&ctx, describe, r = std::move(r)]() mutable { describe(ctx, std::move(r)); });
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, operation, region, {type});
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] {
    listing(ctx, region, kWebAcl, "ListWebACLs", "WebACLs", "WebACLId", "webacl", "rules", describe_acl);
  });
  ctx.spawn([&ctx, region] {
    listing(ctx, region, kRule, "ListRules", "Rules", "RuleId", "rule", "conditions", describe_rule);
  });
  ctx.spawn([&ctx, region] {
    listing(ctx, region, kRuleGroup, "ListRuleGroups", "RuleGroups", "RuleGroupId", "rulegroup", "rules",
            describe_group);
  });
}

const RegisterCollector reg({.service = "waf-regional",
                             .global = false,
                             .produces = {kWebAcl, kRule, kRuleGroup},
                             .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
