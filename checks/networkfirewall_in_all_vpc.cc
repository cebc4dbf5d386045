// Every VPC has an AWS Network Firewall firewall inspecting its traffic (Prowler
// networkfirewall_in_all_vpc).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kFirewall = "AWS::NetworkFirewall::Firewall";

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  if (auto gap = inv.gap(kFirewall, r.region)) return not_assessed(*gap);
  for (const auto& f : inv.of_type(kFirewall)) {
    if (f.region != r.region || f.account != r.account) continue;
    if (auto why = f.missing_reason("vpc_id")) return not_assessed("the VPC of firewall " + f.id + " is unknown: " + *why);
    const json* vpc = f.prop("vpc_id");
    if (vpc && *vpc == r.id) return pass("VPC " + r.id + " has Network Firewall firewall " + f.name);
  }
  return fail("VPC " + r.id + " has no Network Firewall firewall: its traffic is filtered by security groups and network ACLs only");
}

const RegisterCheck reg({
    .meta = {.id = "networkfirewall_in_all_vpc",
             .title = "VPCs should have an AWS Network Firewall firewall",
             .severity = Severity::kMedium,
             .service = "network-firewall",
             .resource_type = "AWS::EC2::VPC",
             .description = "A Network Firewall firewall of the account (DescribeFirewall's VpcId) is deployed in the VPC.",
             .risk = "Without a firewall, the VPC has no stateful inspection, domain filtering or intrusion prevention between its subnets and the internet or other networks.",
             .remediation = {.text = "Deploy a Network Firewall firewall in the VPC and route its subnets' traffic through the firewall endpoints — or inspect it centrally through a Transit Gateway inspection VPC and accept this finding for the spoke.",
                             .cli = "aws network-firewall create-firewall --firewall-name <name> --firewall-policy-arn <policy-arn> --vpc-id <vpc-id> --subnet-mappings SubnetId=<subnet-a> SubnetId=<subnet-b>",
                             .terraform = "resource \"aws_networkfirewall_firewall\" \"this\" {\n  name                = \"inspection\"\n  firewall_policy_arn = aws_networkfirewall_firewall_policy.this.arn\n  vpc_id              = aws_vpc.this.id\n  subnet_mapping {\n    subnet_id = aws_subnet.firewall_a.id\n  }\n  subnet_mapping {\n    subnet_id = aws_subnet.firewall_b.id\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/network-firewall/latest/developerguide/architectures.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::NetworkFirewall::Firewall"},
    .reads = {"vpc_id", "AWS::NetworkFirewall::Firewall.vpc_id"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
