// Network Firewall policies reference at least one rule group (FSBP NetworkFirewall.3).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* groups = require_prop(r, "rule_groups", &why);
  if (!groups) return not_assessed(why);
  if (!groups->is_number()) return not_assessed("rule groups of policy " + r.id + " were not collected");
  if (groups->get<long>() > 0)
    return pass("policy " + r.name + " references " + std::to_string(groups->get<long>()) + " rule group(s)");
  return fail("policy " + r.name + " references no stateless nor stateful rule group: only its default actions apply");
}

const RegisterCheck reg({
    .meta = {.id = "networkfirewall_policy_rule_group_associated",
             .title = "Network Firewall policies should have at least one rule group associated",
             .severity = Severity::kMedium,
             .service = "network-firewall",
             .resource_type = "AWS::NetworkFirewall::FirewallPolicy",
             .description = "The firewall policy (DescribeFirewallPolicy) references at least one stateless or stateful rule group.",
             .risk = "A policy without rule groups inspects nothing: traffic is only passed or dropped wholesale by the default actions.",
             .remediation = {.text = "Associate stateless or stateful rule groups (or AWS managed rule groups) with the policy.",
                             .cli = "aws network-firewall update-firewall-policy --firewall-policy-arn <policy-arn> --update-token <token> --firewall-policy file://policy-with-rule-groups.json",
                             .terraform = "resource \"aws_networkfirewall_firewall_policy\" \"this\" {\n  # ...\n  firewall_policy {\n    stateless_default_actions          = [\"aws:forward_to_sfe\"]\n    stateless_fragment_default_actions = [\"aws:forward_to_sfe\"]\n    stateful_rule_group_reference {\n      resource_arn = aws_networkfirewall_rule_group.this.arn\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-policies.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-3"},
             .cis = {},
             .fsbp = {"NetworkFirewall.3"}},
    .reads = {"rule_groups"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
