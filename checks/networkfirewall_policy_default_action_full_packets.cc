// A firewall policy drops or forwards full packets that no stateless rule matched (FSBP NetworkFirewall.4).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* actions = require_prop(r, "stateless_default_actions", &why);
  if (!actions) return not_assessed(why);
  if (!actions->is_array()) return not_assessed("stateless_default_actions of policy " + r.id + " were not collected");
  std::string list;
  for (const auto& a : *actions) {
    std::string name = a.is_string() ? a.get<std::string>() : "";
    if (name == "aws:drop" || name == "aws:forward_to_sfe")
      return pass("policy " + r.name + " default stateless action for full packets is " + name);
    list += (list.empty() ? "" : ", ") + name;
  }
  return fail("policy " + r.name + " default stateless action for full packets is " +
              (list.empty() ? std::string("not set") : list) + ", neither aws:drop nor aws:forward_to_sfe: they pass uninspected");
}

const RegisterCheck reg({
    .meta = {.id = "networkfirewall_policy_default_action_full_packets",
             .title = "The default stateless action for Network Firewall policies should be drop or forward for full packets",
             .severity = Severity::kMedium,
             .service = "network-firewall",
             .resource_type = "AWS::NetworkFirewall::FirewallPolicy",
             .description = "The policy's StatelessDefaultActions include aws:drop or aws:forward_to_sfe (forward to the stateful engine), not aws:pass.",
             .risk = "With aws:pass, packets that match no stateless rule skip the stateful rules and reach their destination uninspected.",
             .remediation = {.text = "Set the policy's default stateless action for full packets to aws:forward_to_sfe (or aws:drop).",
                             .cli = "aws network-firewall update-firewall-policy --firewall-policy-arn <policy-arn> --update-token <token> --firewall-policy file://policy.json  # StatelessDefaultActions: [\"aws:forward_to_sfe\"]",
                             .terraform = "firewall_policy {\n  stateless_default_actions          = [\"aws:forward_to_sfe\"]\n  stateless_fragment_default_actions = [\"aws:forward_to_sfe\"]\n}"},
             .references = {"https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateless-default-actions.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-4"},
             .cis = {},
             .fsbp = {"NetworkFirewall.4"}},
    .reads = {"stateless_default_actions"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
