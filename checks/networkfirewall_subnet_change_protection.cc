// Network Firewall firewalls have subnet change protection on (FSBP NetworkFirewall.10).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* on = require_prop(r, "subnet_change_protection", &why);
  if (!on) return not_assessed(why);
  if (on->is_boolean() && on->get<bool>()) return pass("firewall " + r.name + " has subnet change protection enabled");
  return fail("firewall " + r.name + " subnet associations can be changed without first turning off subnet change protection");
}

const RegisterCheck reg({
    .meta = {.id = "networkfirewall_subnet_change_protection",
             .title = "Network Firewall firewalls should have subnet change protection enabled",
             .severity = Severity::kMedium,
             .service = "network-firewall",
             .resource_type = "AWS::NetworkFirewall::Firewall",
             .description = "The firewall's SubnetChangeProtection (DescribeFirewall) is true.",
             .risk = "An unprotected firewall's subnets can be disassociated, taking its endpoints out of the path of the traffic they inspect.",
             .remediation = {.text = "Turn on subnet change protection for the firewall.",
                             .cli = "aws network-firewall update-subnet-change-protection --firewall-arn <firewall-arn> --subnet-change-protection",
                             .terraform = "resource \"aws_networkfirewall_firewall\" \"this\" {\n  # ...\n  subnet_change_protection = true\n}"},
             .references = {"https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-settings.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-10"},
             .cis = {},
             .fsbp = {}},
    .reads = {"subnet_change_protection"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
