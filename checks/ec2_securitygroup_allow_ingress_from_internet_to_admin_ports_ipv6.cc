// CIS 5.3, FSBP EC2.54, FSBP EC2.13: Ensure no security groups allow ingress from ::/0 to remote server administration ports
#include "checks/check.h"
#include "checks/require_prop.h"
#include "checks/ec2_network.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* ingress = require_prop(r, "ingress", &why);
  if (!ingress) return not_assessed(why);
  std::string open = sg_admin_port_rules(*ingress, IpFamily::kIpv6);
  if (open.empty()) return pass("Security group " + r.id + " does not admit ::/0 to ports 22 or 3389.");
  return fail("Security group " + r.id + " admits ::/0 to remote administration ports: " + open + ".");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_securitygroup_allow_ingress_from_internet_to_admin_ports_ipv6",
             .title = "Ensure no security groups allow ingress from ::/0 to remote server administration ports",
             .severity = Severity::kHigh,
             .service = "ec2",
             .resource_type = "AWS::EC2::SecurityGroup",
             .description = "Checks that no inbound rule of a security group admits ::/0 to port 22 (SSH) or 3389 (RDP) over TCP, UDP or all protocols (including port ranges and all-traffic rules that cover them).",
             .risk = "Administration ports open to all of IPv6 are reachable by anyone on the internet; one weak credential or unpatched daemon compromises the host.",
             .remediation = {.text = "Remove the rule or restrict its source to trusted IPv6 ranges; prefer Systems Manager Session Manager or a bastion.",
                             .cli = "aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,Ipv6Ranges=[{CidrIpv6=::/0}]'",
                             .terraform = "resource \"aws_vpc_security_group_ingress_rule\" \"ssh\" {\n  security_group_id = aws_security_group.this.id\n  cidr_ipv6         = \"<trusted-cidr>\"  # never ::/0\n  ip_protocol       = \"tcp\"\n  from_port         = 22\n  to_port           = 22\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-54"},
             .cis = {"5.3"},
             .fsbp = {"EC2.54", "EC2.13"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
