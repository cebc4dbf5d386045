// EC2 Auto Scaling groups span at least two Availability Zones.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* zones = require_prop(r, "availability_zones", &why);
  if (!zones) return not_assessed(why);
  if (!zones->is_array()) return not_assessed("availability_zones of Auto Scaling group " + r.name + " were not collected");
  std::string list;
  for (const auto& z : *zones)
    if (z.is_string()) list += (list.empty() ? "" : ", ") + z.get<std::string>();
  if (zones->size() >= 2) return pass("Auto Scaling group " + r.name + " spans " + std::to_string(zones->size()) +
                                      " Availability Zones (" + list + ")");
  return fail("Auto Scaling group " + r.name + " runs in a single Availability Zone" +
              (list.empty() ? std::string() : " (" + list + ")"));
}

const RegisterCheck reg({
    .meta = {.id = "autoscaling_group_multiple_az",
             .title = "EC2 Auto Scaling groups should cover multiple Availability Zones",
             .severity = Severity::kMedium,
             .service = "autoscaling",
             .resource_type = "AWS::AutoScaling::AutoScalingGroup",
             .description = "The group's AvailabilityZones list has at least two zones.",
             .risk = "A group in one Availability Zone loses all of its instances when that zone fails, and Auto "
                     "Scaling cannot rebalance capacity elsewhere.",
             .remediation = {.text = "Add subnets in another Availability Zone to the group's VPC zone identifier.",
                             .cli = "aws autoscaling update-auto-scaling-group --auto-scaling-group-name <group> --vpc-zone-identifier \"<subnet-az-a>,<subnet-az-b>\"",
                             .terraform = "resource \"aws_autoscaling_group\" \"this\" {\n  # ...\n  vpc_zone_identifier = [aws_subnet.private_a.id, aws_subnet.private_b.id]\n}"},
             .references = {"https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-2"},
             .cis = {},
             .fsbp = {"AutoScaling.2"}},
    .reads = {"availability_zones"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
