#include "collect/waf_classic.h"

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace cloudpeek::collect::waf_classic {
namespace {

// Every page of a classic WAF listing (NextMarker); `on_item` gets each member of `list`.
Status each_item(CollectContext& ctx, const Api& api, const char* operation, json params, const std::string& region,
                 const char* list, const std::function<void(json&)>& on_item) {
  params["Limit"] = 100;
  for (int page = 0; page < 10000; ++page) {
    auto out = ctx.call(api.service, operation, params, region);
    if (!out) return out.error();
    for (auto& item : (*out)[list]) on_item(item);
    const std::string next = out->value("NextMarker", "");
    // Classic WAF may return a marker with the last page; an empty page ends the listing too.
    if (next.empty() || (*out)[list].empty()) return Ok{};
    if (params.value("NextMarker", "") == next) {
      Error e = make_error(ErrorKind::kMalformedResponse, "AWS returned the same NextMarker twice for " +
                                                              std::string(api.service) + ":" + operation +
                                                              "; the listing may be incomplete.");
      e.code = "RepeatedPageToken";
      return e;
    }
    params["NextMarker"] = next;
  }
  return Ok{};
}

Resource make(CollectContext& ctx, const Api& api, const std::string& region, const char* type, const char* kind,
              const std::string& id, const std::string& name) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = api.global ? "global" : region;
  r.id = id;
  r.name = name.empty() ? id : name;
  r.arn = "arn:" + ctx.partition() + ":" + api.service + ":" + (api.global ? "" : region) + ":" + ctx.account() +
          ":" + kind + "/" + id;
  return r;
}

// The web ACLs' logging, listed once before them: ARNs of the ACLs with a
// logging configuration, or the error that left it unknown.
struct Logging {
  bool needed = false;
  std::set<std::string> logged;
  std::optional<Error> error;
};

void describe_acl(CollectContext& ctx, const Api& api, const std::string& region, Resource r,
                  std::shared_ptr<const Logging> logging) {
  if (logging && logging->needed) {
    if (logging->error)
      record_missing(ctx, r, "logging", *logging->error, api.service, "ListLoggingConfigurations");
    else
      r.props["logging"] = logging->logged.count(r.arn) > 0;
  } else if (logging) {
    not_needed(r, "logging");
  }
  if (!ctx.needs(api.web_acl_type, "rules")) {
    not_needed(r, "rules");
    ctx.emit(std::move(r));
    return;
  }
  auto out = ctx.call(api.service, "GetWebACL", json{{"WebACLId", r.id}}, region);
  if (!out) {
    record_missing(ctx, r, "rules", out.error(), api.service, "GetWebACL");
  } else {
    json acl = out->value("WebACL", json::object());
    r.props["rules"] = acl.value("Rules", json::array()).size();
    r.raw = std::move(acl);
  }
  ctx.emit(std::move(r));
}

void describe_rule(CollectContext& ctx, const Api& api, const std::string& region, Resource r) {
  auto out = ctx.call(api.service, "GetRule", json{{"RuleId", r.id}}, region);
  if (!out) {
    record_missing(ctx, r, "conditions", out.error(), api.service, "GetRule");
  } else {
    json rule = out->value("Rule", json::object());
    r.props["conditions"] = rule.value("Predicates", json::array()).size();
    r.raw = std::move(rule);
  }
  ctx.emit(std::move(r));
}

void describe_group(CollectContext& ctx, const Api& api, const std::string& region, Resource r) {
  size_t rules = 0;
  Status listed = each_item(ctx, api, "ListActivatedRulesInRuleGroup", json{{"RuleGroupId", r.id}}, region,
                            "ActivatedRules", [&](json&) { ++rules; });
  if (listed)
    r.props["rules"] = rules;
  else
    record_missing(ctx, r, "rules", listed.error(), api.service, "ListActivatedRulesInRuleGroup");
  ctx.emit(std::move(r));
}

void list_acls(CollectContext& ctx, const Api& api, const std::string& region) {
  std::shared_ptr<Logging> logging;
  if (api.logging) {
    logging = std::make_shared<Logging>();
    logging->needed = ctx.needs(api.web_acl_type, "logging");
    if (logging->needed) {
      Status listed = each_item(ctx, api, "ListLoggingConfigurations", json::object(), region,
                                "LoggingConfigurations",
                                [&](json& c) { logging->logged.insert(c.value("ResourceArn", "")); });
      if (!listed) logging->error = listed.error();
    }
  }
  const bool describe = ctx.needs(api.web_acl_type, "rules");
  Status listed = each_item(ctx, api, "ListWebACLs", json::object(), region, "WebACLs", [&](json& item) {
    Resource r = make(ctx, api, region, api.web_acl_type, "webacl", item.value("WebACLId", ""), item.value("Name", ""));
    r.raw = std::move(item);
    if (!describe) {
      describe_acl(ctx, api, region, std::move(r), logging);
      return;
    }
    ctx.spawn([&ctx, &api, region, logging, r = std::move(r)]() mutable {
      describe_acl(ctx, api, region, std::move(r), logging);
    });
  });
  if (!listed) record_failure(ctx, listed.error(), api.service, "ListWebACLs", region, {api.web_acl_type});
}

void listing(CollectContext& ctx, const Api& api, const std::string& region, const char* type, const char* operation,
             const char* list, const char* id_key, const char* kind, const char* prop,
             void (*describe)(CollectContext&, const Api&, const std::string&, Resource)) {
  const bool needed = ctx.needs(type, prop);
  Status listed = each_item(ctx, api, operation, json::object(), region, list, [&](json& item) {
    Resource r = make(ctx, api, region, type, kind, item.value(id_key, ""), item.value("Name", ""));
    r.raw = std::move(item);
    if (!needed) {
      not_needed(r, prop);
      ctx.emit(std::move(r));
      return;
    }
    ctx.spawn([&ctx, &api, region, describe, r = std::move(r)]() mutable { describe(ctx, api, region, std::move(r)); });
  });
  if (!listed) record_failure(ctx, listed.error(), api.service, operation, region, {type});
}

}  // namespace

void collect(CollectContext& ctx, const Api& api, const std::string& region) {
  ctx.spawn([&ctx, &api, region] { list_acls(ctx, api, region); });
  ctx.spawn([&ctx, &api, region] {
    listing(ctx, api, region, api.rule_type, "ListRules", "Rules", "RuleId", "rule", "conditions", describe_rule);
  });
  ctx.spawn([&ctx, &api, region] {
    listing(ctx, api, region, api.rule_group_type, "ListRuleGroups", "RuleGroups", "RuleGroupId", "rulegroup", "rules",
            describe_group);
  });
}

}  // namespace cloudpeek::collect::waf_classic
