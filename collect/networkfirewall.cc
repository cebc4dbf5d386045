// AWS Network Firewall (regional): firewalls, firewall policies and the
// account's stateless rule groups.
//
// Calls (issue 13):
//   ListFirewalls, ListFirewallPolicies (paged)                      bulk listings (names and ARNs only)
//   ListRuleGroups (paged, Scope=ACCOUNT, Type=STATELESS)            the account's stateless groups only
//   per firewall: DescribeFirewall        only when a selected check reads its subnets or protections
//   per firewall: DescribeLoggingConfiguration  only when a selected check reads `logging`
//   per policy: DescribeFirewallPolicy    only when a selected check reads its actions or rule groups
//   per stateless rule group: DescribeRuleGroup  only when a selected check reads `stateless_rules`
// None of these has a bulk form. Resources whose ARN names another account are dropped.
//
// AWS::NetworkFirewall::Firewall  arn = FirewallArn, id = name = FirewallName
//   props.subnets                    number of subnet mappings (one per Availability Zone)  missing when
//   props.delete_protection          bool (DeleteProtection; absent: false)                  DescribeFirewall
//   props.subnet_change_protection   bool (SubnetChangeProtection; absent: false)            failed
//   props.policy_arn                 FirewallPolicyArn
//   props.vpc_id                     the VPC whose traffic it inspects (VpcId)
//   props.logging                    [LogType] of its log destinations ("FLOW", "ALERT", "TLS"), empty when none
//                                                                                            missing: "logging"
// AWS::NetworkFirewall::FirewallPolicy  arn = Arn, id = name = Name
//   props.rule_groups                number of stateless and stateful rule group references
//   props.stateless_default_actions  [action] for full packets (StatelessDefaultActions)
//   props.stateless_fragment_default_actions  [action] for fragmented packets
//                                    (all three missing when DescribeFirewallPolicy failed)
// AWS::NetworkFirewall::RuleGroup  stateless groups only; arn = Arn, id = name = Name
//   props.stateless_rules            number of rules in RulesSource.StatelessRulesAndCustomActions
//                                                                                            missing: "stateless_rules"
#include <algorithm>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "network-firewall";
constexpr const char* kFirewall = "AWS::NetworkFirewall::Firewall";
constexpr const char* kPolicy = "AWS::NetworkFirewall::FirewallPolicy";
constexpr const char* kRuleGroup = "AWS::NetworkFirewall::RuleGroup";
const std::initializer_list<const char*> kFirewallDescribed = {"subnets", "delete_protection",
                                                               "subnet_change_protection", "policy_arn", "vpc_id"};
const std::initializer_list<const char*> kPolicyDescribed = {"rule_groups", "stateless_default_actions",
                                                             "stateless_fragment_default_actions"};

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

bool any_needed(CollectContext& ctx, const char* type, std::initializer_list<const char*> props) {
  return std::any_of(props.begin(), props.end(), [&](const char* p) { return ctx.needs(type, p); });
}

void mark(Resource& r, std::initializer_list<const char*> props, const std::string& why) {
  for (const char* p : props) r.missing[p] = why;
}

void describe_firewall(CollectContext& ctx, Resource r, bool details, bool logging) {
  const json arn{{"FirewallArn", r.arn}};
  if (!details) {
    for (const char* p : kFirewallDescribed) not_needed(r, p);
  } else if (auto out = ctx.call(kSvc, "DescribeFirewall", arn, r.region); out) {
    json fw = out->value("Firewall", json::object());
    r.props["subnets"] = fw.value("SubnetMappings", json::array()).size();
    r.props["delete_protection"] = fw.value("DeleteProtection", false);
    r.props["subnet_change_protection"] = fw.value("SubnetChangeProtection", false);
    r.props["policy_arn"] = fw.value("FirewallPolicyArn", "");
    r.props["vpc_id"] = fw.value("VpcId", "");
    if (fw.contains("Tags")) r.tags = tags_from_list(fw["Tags"]);
    r.raw = std::move(fw);
  } else {
    record_missing(ctx, r, "subnets", out.error(), kSvc, "DescribeFirewall");
    mark(r, kFirewallDescribed, r.missing["subnets"]);
  }
  if (!logging) {
    not_needed(r, "logging");
  } else if (auto out = ctx.call(kSvc, "DescribeLoggingConfiguration", arn, r.region); out) {
    json types = json::array();
    for (const auto& d : out->value("LoggingConfiguration", json::object()).value("LogDestinationConfigs", json::array()))
      types.push_back(d.value("LogType", ""));
    r.props["logging"] = std::move(types);
  } else {
    record_missing(ctx, r, "logging", out.error(), kSvc, "DescribeLoggingConfiguration");
  }
  ctx.emit(std::move(r));
}

void describe_policy(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeFirewallPolicy", json{{"FirewallPolicyArn", r.arn}}, r.region);
  if (!out) {
    record_missing(ctx, r, "rule_groups", out.error(), kSvc, "DescribeFirewallPolicy");
    mark(r, kPolicyDescribed, r.missing["rule_groups"]);
    ctx.emit(std::move(r));
    return;
  }
  json policy = out->value("FirewallPolicy", json::object());
  r.props["rule_groups"] = policy.value("StatelessRuleGroupReferences", json::array()).size() +
                           policy.value("StatefulRuleGroupReferences", json::array()).size();
  r.props["stateless_default_actions"] = policy.value("StatelessDefaultActions", json::array());
  r.props["stateless_fragment_default_actions"] = policy.value("StatelessFragmentDefaultActions", json::array());
  r.raw = std::move(policy);
  ctx.emit(std::move(r));
}

void describe_group(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeRuleGroup", json{{"RuleGroupArn", r.arn}, {"Type", "STATELESS"}}, r.region);
  if (!out) {
    record_missing(ctx, r, "stateless_rules", out.error(), kSvc, "DescribeRuleGroup");
    ctx.emit(std::move(r));
    return;
  }
  json group = out->value("RuleGroup", json::object());
  r.props["stateless_rules"] = group.value("RulesSource", json::object())
                                   .value("StatelessRulesAndCustomActions", json::object())
                                   .value("StatelessRules", json::array())
                                   .size();
  r.raw = std::move(group);
  ctx.emit(std::move(r));
}

Resource make(CollectContext& ctx, const std::string& region, const char* type, const std::string& name,
              const std::string& arn) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = name;
  r.arn = arn;
  return r;
}

bool foreign(CollectContext& ctx, const std::string& arn) {
  std::string owner = arn_account(arn);
  return !owner.empty() && owner != ctx.account();
}

void firewalls(CollectContext& ctx, const std::string& region) {
  const bool details = any_needed(ctx, kFirewall, kFirewallDescribed);
  const bool logging = ctx.needs(kFirewall, "logging");
  Status listed = for_each_page(ctx, kSvc, "ListFirewalls", json::object(), region, [&](json& page) {
    for (auto& f : page["Firewalls"]) {
      Resource r = make(ctx, region, kFirewall, f.value("FirewallName", ""), f.value("FirewallArn", ""));
      if (foreign(ctx, r.arn)) continue;
      r.raw = std::move(f);
      ctx.spawn([&ctx, details, logging, r = std::move(r)]() mutable {
        describe_firewall(ctx, std::move(r), details, logging);
      });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListFirewalls", region, {kFirewall});
}

void policies(CollectContext& ctx, const std::string& region) {
  const bool details = any_needed(ctx, kPolicy, kPolicyDescribed);
  Status listed = for_each_page(ctx, kSvc, "ListFirewallPolicies", json::object(), region, [&](json& page) {
    for (auto& p : page["FirewallPolicies"]) {
      Resource r = make(ctx, region, kPolicy, p.value("Name", ""), p.value("Arn", ""));
      if (foreign(ctx, r.arn)) continue;
      r.raw = std::move(p);
      if (!details) {
        for (const char* prop : kPolicyDescribed) not_needed(r, prop);
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_policy(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListFirewallPolicies", region, {kPolicy});
}

void rule_groups(CollectContext& ctx, const std::string& region) {
  const bool details = ctx.needs(kRuleGroup, "stateless_rules");
  const json params{{"Scope", "ACCOUNT"}, {"Type", "STATELESS"}};
  Status listed = for_each_page(ctx, kSvc, "ListRuleGroups", params, region, [&](json& page) {
    for (auto& g : page["RuleGroups"]) {
      Resource r = make(ctx, region, kRuleGroup, g.value("Name", ""), g.value("Arn", ""));
      if (foreign(ctx, r.arn)) continue;
      r.raw = std::move(g);
      if (!details) {
        not_needed(r, "stateless_rules");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_group(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListRuleGroups", region, {kRuleGroup});
}

void collect(CollectContext& ctx, const std::string& region) {
  for (auto* fn : {firewalls, policies, rule_groups}) ctx.spawn([&ctx, region, fn] { fn(ctx, region); });
}

const RegisterCollector reg({.service = "network-firewall",
                             .global = false,
                             .produces = {kFirewall, kPolicy, kRuleGroup},
                             .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
