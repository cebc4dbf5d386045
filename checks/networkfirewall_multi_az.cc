// Network Firewall firewalls span more than one Availability Zone (FSBP NetworkFirewall.1).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* subnets = require_prop(r, "subnets", &why);
  if (!subnets) return not_assessed(why);
  if (!subnets->is_number()) return not_assessed("subnets of firewall " + r.id + " were not collected");
  const long n = subnets->get<long>();
  if (n >= 2) return pass("firewall " + r.name + " has endpoints in " + std::to_string(n) + " Availability Zones");
  return fail("firewall " + r.name + " has endpoints in " + std::to_string(n) +
              " Availability Zone: an outage of that zone stops the traffic it inspects");
}

const RegisterCheck reg({
    .meta = {.id = "networkfirewall_multi_az",
             .title = "Network Firewall firewalls should be deployed across multiple Availability Zones",
             .severity = Severity::kMedium,
             .service = "network-firewall",
             .resource_type = "AWS::NetworkFirewall::Firewall",
             .description = "The firewall (DescribeFirewall) maps subnets in at least two Availability Zones (a firewall takes one subnet per zone).",
             .risk = "A firewall in one zone is a single point of failure: when the zone fails, the traffic routed through its endpoint is dropped or must bypass inspection.",
             .remediation = {.text = "Add a subnet in another Availability Zone to the firewall and route that zone's traffic through its endpoint.",
                             .cli = "aws network-firewall associate-subnets --firewall-arn <firewall-arn> --subnet-mappings SubnetId=<subnet-in-another-az>",
                             .terraform = "resource \"aws_networkfirewall_firewall\" \"this\" {\n  # ...\n  subnet_mapping {\n    subnet_id = aws_subnet.a.id\n  }\n  subnet_mapping {\n    subnet_id = aws_subnet.b.id\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/network-firewall/latest/developerguide/vpc-config.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-1"},
             .cis = {},
             .fsbp = {}},
    .reads = {"subnets"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
