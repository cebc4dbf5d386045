// Stateless Network Firewall rule groups hold at least one rule (FSBP NetworkFirewall.6).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* rules = require_prop(r, "stateless_rules", &why);
  if (!rules) return not_assessed(why);
  if (!rules->is_number()) return not_assessed("rules of rule group " + r.id + " were not collected");
  if (rules->get<long>() > 0)
    return pass("stateless rule group " + r.name + " has " + std::to_string(rules->get<long>()) + " rule(s)");
  return fail("stateless rule group " + r.name + " has no rule: the policies referencing it inspect nothing with it");
}

const RegisterCheck reg({
    .meta = {.id = "networkfirewall_stateless_rule_group_not_empty",
             .title = "Stateless Network Firewall rule groups should not be empty",
             .severity = Severity::kMedium,
             .service = "network-firewall",
             .resource_type = "AWS::NetworkFirewall::RuleGroup",
             .description = "The stateless rule group (DescribeRuleGroup) has at least one rule in RulesSource.StatelessRulesAndCustomActions.",
             .risk = "An empty rule group looks like protection in a policy while matching no traffic.",
             .remediation = {.text = "Add stateless rules to the rule group, or remove it from the policies and delete it.",
                             .cli = "aws network-firewall update-rule-group --rule-group-arn <rule-group-arn> --type STATELESS --update-token <token> --rule-group file://rules.json",
                             .terraform = "resource \"aws_networkfirewall_rule_group\" \"this\" {\n  type     = \"STATELESS\"\n  capacity = 100\n  name     = \"drop-telnet\"\n  rule_group {\n    rules_source {\n      stateless_rules_and_custom_actions {\n        stateless_rule {\n          priority = 1\n          rule_definition {\n            actions = [\"aws:drop\"]\n            match_attributes {\n              destination_port {\n                from_port = 23\n                to_port   = 23\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateless-rule-groups-5-tuple.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-6"},
             .cis = {},
             .fsbp = {"NetworkFirewall.6"}},
    .reads = {"stateless_rules"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
