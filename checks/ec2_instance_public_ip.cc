// FSBP EC2.9: Amazon EC2 instances should not have a public IPv4 address
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "public_ip", &why)) return not_assessed(why);
  const json* ip = r.prop("public_ip");
  if (!ip) return pass("Instance " + r.id + " has no public IPv4 address.");
  return fail("Instance " + r.id + " has the public IPv4 address " + ip->get<std::string>() + ".");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_instance_public_ip",
             .title = "Amazon EC2 instances should not have a public IPv4 address",
             .severity = Severity::kHigh,
             .service = "ec2",
             .resource_type = "AWS::EC2::Instance",
             .description = "Checks whether each instance has a public IPv4 address (assigned at launch or an Elastic IP).",
             .risk = "An instance with a public address can be reached from the internet wherever its security groups and NACLs allow, widening the attack surface.",
             .remediation = {.text = "Place instances in private subnets behind load balancers, NAT or Systems Manager Session Manager; disassociate public addresses.",
                             .cli = "aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch",
                             .terraform = "resource \"aws_instance\" \"this\" {\n  # ...\n  associate_public_ip_address = false\n}"},
             .references = {"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9"},
             .cis = {},
             .fsbp = {"EC2.9"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
