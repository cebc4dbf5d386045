// FSBP EC2.15: Amazon EC2 subnets should not automatically assign public IP addresses.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "map_public_ip_on_launch", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && !v->get<bool>())
    return pass("Subnet " + r.name + " does not give instances a public IPv4 address by default.");
  const json* def = r.prop("default_for_az");
  bool is_default = def && def->is_boolean() && def->get<bool>();
  return fail("Subnet " + r.name + (is_default ? " (a default subnet)" : "") +
              " gives every instance launched in it a public IPv4 address.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_subnet_auto_assign_public_ip_disabled",
             .title = "EC2 subnets should not automatically assign public IP addresses",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::Subnet",
             .description = "Checks that MapPublicIpOnLaunch is off for each subnet.",
             .risk = "Every instance launched in such a subnet is reachable from the internet unless its security "
                     "group says otherwise: one permissive rule away from exposure, without anyone asking for a public "
                     "address.",
             .remediation = {.text = "Turn off auto-assign public IPv4 on the subnet; give a public address only to "
                                     "instances that need one (or put them behind a load balancer).",
                             .cli = "aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch",
                             .terraform = "resource \"aws_subnet\" \"example\" {\n  # ...\n  map_public_ip_on_launch = false\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15",
                            "https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html"},
             .cis = {},
             .fsbp = {"EC2.15"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
