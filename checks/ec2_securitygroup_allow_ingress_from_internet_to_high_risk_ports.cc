// FSBP EC2.19: Security groups should not allow unrestricted access to ports with high risk
#include "checks/check.h"
#include "checks/require_prop.h"
#include "checks/ec2_network.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  static const int kPorts[] = {20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000,
                               5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300};
  std::string why;
  const json* ingress = require_prop(r, "ingress", &why);
  if (!ingress) return not_assessed(why);
  std::string open;
  for (const auto& rule : *ingress) {
    std::string ports;
    for (int port : kPorts)
      if (sg_rule_opens_port(rule, port, IpFamily::kBoth, true)) ports += (ports.empty() ? "" : ",") + std::to_string(port);
    if (ports.empty()) continue;
    open += (open.empty() ? "" : "; ") + sg_rule_text(rule) + " (high-risk ports " + ports + ")";
  }
  if (open.empty()) return pass("Security group " + r.id + " does not open high-risk ports to the internet.");
  return fail("Security group " + r.id + " opens high-risk ports to the internet: " + open + ".");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_securitygroup_allow_ingress_from_internet_to_high_risk_ports",
             .title = "Security groups should not allow unrestricted access to ports with high risk",
             .severity = Severity::kCritical,
             .service = "ec2",
             .resource_type = "AWS::EC2::SecurityGroup",
             .description = "Checks that no inbound rule admits 0.0.0.0/0 or ::/0 to the high-risk ports of the FSBP control: 20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300 (TCP, UDP or all traffic).",
             .risk = "These ports carry file transfer, remote shells, mail, Windows file sharing and databases; exposing them to the internet invites brute force and exploitation of the services behind them.",
             .remediation = {.text = "Remove the rules or restrict their sources to trusted ranges; put databases and admin services in private subnets.",
                             .cli = "aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port <port> --cidr 0.0.0.0/0",
                             .terraform = "resource \"aws_vpc_security_group_ingress_rule\" \"db\" {\n  security_group_id = aws_security_group.this.id\n  cidr_ipv4         = \"<trusted-cidr>\"  # never 0.0.0.0/0\n  ip_protocol       = \"tcp\"\n  from_port         = <port>\n  to_port           = <port>\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19"},
             .cis = {},
             .fsbp = {"EC2.19"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
