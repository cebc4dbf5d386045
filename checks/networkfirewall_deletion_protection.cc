// Network Firewall firewalls have deletion protection on (FSBP NetworkFirewall.9).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* on = require_prop(r, "delete_protection", &why);
  if (!on) return not_assessed(why);
  if (on->is_boolean() && on->get<bool>()) return pass("firewall " + r.name + " has deletion protection enabled");
  return fail("firewall " + r.name + " can be deleted without first turning off deletion protection");
}

const RegisterCheck reg({
    .meta = {.id = "networkfirewall_deletion_protection",
             .title = "Network Firewall firewalls should have deletion protection enabled",
             .severity = Severity::kMedium,
             .service = "network-firewall",
             .resource_type = "AWS::NetworkFirewall::Firewall",
             .description = "The firewall's DeleteProtection (DescribeFirewall) is true; AWS creates firewalls with it off unless asked.",
             .risk = "A firewall deleted by mistake or by an attacker silently removes the inspection of the traffic routed through it.",
             .remediation = {.text = "Turn on deletion protection for the firewall.",
                             .cli = "aws network-firewall update-firewall-delete-protection --firewall-arn <firewall-arn> --delete-protection",
                             .terraform = "resource \"aws_networkfirewall_firewall\" \"this\" {\n  # ...\n  delete_protection = true\n}"},
             .references = {"https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-settings.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-9"},
             .cis = {},
             .fsbp = {}},
    .reads = {"delete_protection"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
