// CIS 5.4, FSBP EC2.2: Ensure the default security group of every VPC restricts all traffic
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* is_default = require_prop(r, "is_default", &why);
  if (!is_default) return not_assessed(why);
  if (!is_default->get<bool>()) return not_applicable("Security group " + r.id + " is not a VPC's default security group.");
  const json* ingress = require_prop(r, "ingress", &why);
  if (!ingress) return not_assessed(why);
  const json* egress = require_prop(r, "egress", &why);
  if (!egress) return not_assessed(why);
  if (ingress->empty() && egress->empty()) return pass("Default security group " + r.id + " has no rules.");
  return fail("Default security group " + r.id + " of " + r.props.value("vpc_id", std::string("its VPC")) + " has " +
              std::to_string(ingress->size()) + " inbound and " + std::to_string(egress->size()) + " outbound rules.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_securitygroup_default_restrict_traffic",
             .title = "Ensure the default security group of every VPC restricts all traffic",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::SecurityGroup",
             .description = "Checks that each VPC's default security group has no inbound and no outbound rules. Other security groups get no finding: the control is about default groups.",
             .risk = "Resources launched without an explicit security group land in the default group; if it allows traffic they are exposed without anyone deciding so.",
             .remediation = {.text = "Remove every inbound and outbound rule from the default security groups and use purpose-made groups instead.",
                             .cli = "aws ec2 revoke-security-group-ingress --group-id <default-sg-id> --ip-permissions '<rules>' && aws ec2 revoke-security-group-egress --group-id <default-sg-id> --ip-permissions '<rules>'",
                             .terraform = "resource \"aws_default_security_group\" \"default\" {\n  vpc_id = aws_vpc.this.id\n  # no ingress or egress blocks: all rules are removed\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2"},
             .cis = {"5.4"},
             .fsbp = {"EC2.2"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
