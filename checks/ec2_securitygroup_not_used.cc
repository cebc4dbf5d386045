// FSBP EC2.22: Unused Amazon EC2 security groups should be removed.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* attached = require_prop(r, "attached", &why);
  if (!attached) return not_assessed(why);
  if (attached->is_boolean() && attached->get<bool>())
    return pass("Security group " + r.name + " is used by a network interface.");
  const json* is_default = r.prop("is_default");
  if (is_default && is_default->is_boolean() && is_default->get<bool>())
    return pass("Security group " + r.name + " is its VPC's default security group, which cannot be deleted.");
  return fail("Security group " + r.name + " is attached to no network interface.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_securitygroup_not_used",
             .title = "Unused EC2 security groups should be removed",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::SecurityGroup",
             .description = "Checks that each non-default security group is used by at least one network interface "
                            "(instances, load balancers, endpoints, functions in a VPC ...).",
             .risk = "Unused security groups accumulate rules nobody reviews; attached later to a new resource, an old "
                     "permissive rule opens it.",
             .remediation = {.text = "Delete security groups that no network interface uses (after checking that no "
                                     "launch template or other group references them).",
                             .cli = "aws ec2 delete-security-group --group-id <sg-id>",
                             .terraform = "# Remove the aws_security_group resource that nothing uses."},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-22",
                            "https://docs.aws.amazon.com/vpc/latest/userguide/deleting-security-groups.html"},
             .cis = {},
             .fsbp = {"EC2.22"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
