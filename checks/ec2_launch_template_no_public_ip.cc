// FSBP EC2.25: Amazon EC2 launch templates should not assign public IPs to network interfaces.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* n = require_prop(r, "public_ip_interfaces", &why);
  if (!n) return not_assessed(why);
  std::string version = r.prop("version") ? r.prop("version")->dump() : "?";
  int64_t count = n->is_number() ? n->get<int64_t>() : 0;
  if (count == 0)
    return pass("Launch template " + r.name + " (default version " + version +
                ") assigns no public IP address to its network interfaces.");
  return fail("Launch template " + r.name + " (default version " + version + ") assigns a public IPv4 address to " +
              std::to_string(count) + " network interface(s): every instance it launches is on the internet.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_launch_template_no_public_ip",
             .title = "EC2 launch templates should not assign public IPs to network interfaces",
             .severity = Severity::kHigh,
             .service = "ec2",
             .resource_type = "AWS::EC2::LaunchTemplate",
             .description = "Checks that no network interface in the default version of each launch template sets "
                            "AssociatePublicIpAddress.",
             .risk = "Each instance launched from the template gets a public address and is reachable from the "
                     "internet as far as its security groups allow.",
             .remediation = {.text = "Create a template version without AssociatePublicIpAddress (place instances in "
                                     "private subnets behind a load balancer or NAT) and make it the default.",
                             .cli = "aws ec2 create-launch-template-version --launch-template-id <lt-id> "
                                    "--source-version <version> --launch-template-data "
                                    "'{\"NetworkInterfaces\":[{\"DeviceIndex\":0,\"AssociatePublicIpAddress\":false}]}'",
                             .terraform = "resource \"aws_launch_template\" \"example\" {\n  # ...\n  network_interfaces {\n"
                                          "    associate_public_ip_address = false\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-25",
                            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-launch-templates.html"},
             .cis = {},
             .fsbp = {"EC2.25"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
