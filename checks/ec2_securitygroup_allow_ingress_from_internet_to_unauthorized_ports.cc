// FSBP EC2.18: Security groups should only allow unrestricted incoming traffic for authorized ports
#include "checks/check.h"
#include "checks/require_prop.h"
#include "checks/ec2_network.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* ingress = require_prop(r, "ingress", &why);
  if (!ingress) return not_assessed(why);
  std::string open;
  for (const auto& rule : *ingress) {
    if (!sg_rule_open(rule, IpFamily::kBoth)) continue;
    std::string proto = rule.value("protocol", "-1");
    int from = rule.value("from_port", 0), to = rule.value("to_port", 65535);
    bool authorized = proto == "tcp" && ((from == 80 && to == 80) || (from == 443 && to == 443));
    if (!authorized) open += (open.empty() ? "" : "; ") + sg_rule_text(rule);
  }
  if (open.empty()) return pass("Security group " + r.id + " opens only authorized ports (tcp 80, 443) to the internet, if any.");
  return fail("Security group " + r.id + " opens unauthorized ports to the internet: " + open + ".");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_securitygroup_allow_ingress_from_internet_to_unauthorized_ports",
             .title = "Security groups should only allow unrestricted incoming traffic for authorized ports",
             .severity = Severity::kHigh,
             .service = "ec2",
             .resource_type = "AWS::EC2::SecurityGroup",
             .description = "Checks that the only ports a security group opens to 0.0.0.0/0 or ::/0 are the FSBP control's default authorized TCP ports, 80 and 443.",
             .risk = "Every port open to the internet beyond the web ports is attack surface someone has to justify; all-traffic rules expose every service on the host.",
             .remediation = {.text = "Restrict the sources of rules other than TCP 80/443 to known ranges or security groups.",
                             .cli = "aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions '<rule>'",
                             .terraform = "resource \"aws_vpc_security_group_ingress_rule\" \"ssh\" {\n  security_group_id = aws_security_group.this.id\n  cidr_ipv4         = \"<trusted-cidr>\"  # never 0.0.0.0/0\n  ip_protocol       = \"tcp\"\n  from_port         = 22\n  to_port           = 22\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18"},
             .cis = {},
             .fsbp = {"EC2.18"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
