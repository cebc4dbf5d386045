// Launch configurations do not give the instances they launch a public IP
// address.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "associate_public_ip", &why)) return not_assessed(why);
  const json& v = r.props["associate_public_ip"];
  if (v.is_boolean() && v.get<bool>())
    return fail("launch configuration " + r.name + " gives its instances a public IP address");
  if (v.is_boolean()) return pass("launch configuration " + r.name + " gives its instances no public IP address");
  return pass("launch configuration " + r.name +
              " does not ask for a public IP address (the subnet's auto-assign setting applies)");
}

const RegisterCheck reg({
    .meta = {.id = "autoscaling_launch_configuration_no_public_ip",
             .title = "EC2 instances launched from Auto Scaling launch configurations should not have public IP addresses",
             .severity = Severity::kHigh,
             .service = "autoscaling",
             .resource_type = "AWS::AutoScaling::LaunchConfiguration",
             .description = "AssociatePublicIpAddress is not true. When it is not set, the subnet's "
                            "MapPublicIpOnLaunch decides (the EC2 subnet checks judge that).",
             .risk = "Instances with a public address are reachable from the internet wherever a security group or "
                     "network ACL allows it, instead of only through a load balancer.",
             .remediation = {.text = "Create a launch template (or a new launch configuration) with "
                                     "AssociatePublicIpAddress false, put the group in private subnets behind a load "
                                     "balancer, and switch the group to it.",
                             .cli = "aws autoscaling create-launch-configuration --launch-configuration-name <name>-private --image-id <ami> --instance-type <type> --no-associate-public-ip-address",
                             .terraform = "resource \"aws_launch_template\" \"this\" {\n  # ...\n  network_interfaces {\n    associate_public_ip_address = false\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-in-vpc.html#as-vpc-ipaddress",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-5"},
             .cis = {},
             .fsbp = {"AutoScaling.5"}},
    .reads = {"associate_public_ip"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
