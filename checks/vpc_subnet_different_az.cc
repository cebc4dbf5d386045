// Each VPC has subnets in more than one Availability Zone (Prowler vpc_subnet_different_az).
#include <set>

#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kSubnet = "AWS::EC2::Subnet";

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  if (auto gap = inv.gap(kSubnet, r.region)) return not_assessed(*gap);
  std::set<std::string> zones;
  size_t subnets = 0;
  for (const auto& s : inv.of_type(kSubnet)) {
    if (s.region != r.region || s.account != r.account) continue;
    const json* vpc = s.prop("vpc_id");
    if (!vpc || *vpc != r.id) continue;
    ++subnets;
    const json* zone = s.prop("availability_zone");
    if (zone && zone->is_string()) zones.insert(zone->get<std::string>());
  }
  if (zones.size() >= 2)
    return pass("VPC " + r.id + " has " + std::to_string(subnets) + " subnets in " + std::to_string(zones.size()) +
                " Availability Zones");
  if (subnets == 0) return fail("VPC " + r.id + " has no subnet");
  return fail("VPC " + r.id + " has its " + std::to_string(subnets) + " subnet(s) in one Availability Zone (" +
              *zones.begin() + "): an outage of that zone takes down everything in the VPC");
}

const RegisterCheck reg({
    .meta = {.id = "vpc_subnet_different_az",
             .title = "VPCs should have subnets in more than one Availability Zone",
             .severity = Severity::kMedium,
             .service = "vpc",
             .resource_type = "AWS::EC2::VPC",
             .description = "The VPC's subnets (DescribeSubnets) are in at least two Availability Zones. A VPC without any subnet fails too.",
             .risk = "Workloads in a VPC confined to one zone cannot survive that zone's outage, whatever their own redundancy.",
             .remediation = {.text = "Create subnets in a second (and third) Availability Zone and spread the workloads over them.",
                             .cli = "aws ec2 create-subnet --vpc-id <vpc-id> --cidr-block <cidr> --availability-zone <another-az>",
                             .terraform = "resource \"aws_subnet\" \"b\" {\n  vpc_id            = aws_vpc.this.id\n  cidr_block        = \"10.0.2.0/24\"\n  availability_zone = \"us-east-1b\"\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::EC2::Subnet"},
    .reads = {"vpc_id", "AWS::EC2::Subnet.vpc_id", "AWS::EC2::Subnet.availability_zone"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
