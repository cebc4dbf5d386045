// FSBP EC2.16: Unused network access control lists should be removed.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* subnets = require_prop(r, "subnets", &why);
  if (!subnets) return not_assessed(why);
  if (subnets->is_array() && !subnets->empty())
    return pass("Network ACL " + r.name + " is associated with " + std::to_string(subnets->size()) + " subnet(s).");
  const json* is_default = r.prop("is_default");
  if (is_default && is_default->is_boolean() && is_default->get<bool>())
    return pass("Network ACL " + r.name + " is its VPC's default network ACL, which cannot be deleted.");
  return fail("Network ACL " + r.name + " is associated with no subnet: an unused rule set that can be attached "
              "to a subnet by mistake.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_networkacl_unused",
             .title = "Unused network ACLs should be removed",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::NetworkAcl",
             .description = "Checks that each non-default network ACL is associated with at least one subnet.",
             .risk = "Unused network ACLs clutter the network's security configuration: reviews miss them, and one "
                     "associated by mistake applies rules nobody maintained.",
             .remediation = {.text = "Delete network ACLs that no subnet uses.",
                             .cli = "aws ec2 delete-network-acl --network-acl-id <acl-id>",
                             .terraform = "# Remove the aws_network_acl resource that no subnet uses."},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-16",
                            "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html"},
             .cis = {},
             .fsbp = {"EC2.16"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
