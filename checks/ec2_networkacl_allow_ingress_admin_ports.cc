// CIS 5.1, FSBP EC2.21: Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports
#include "checks/check.h"
#include "checks/require_prop.h"
#include "checks/ec2_network.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* entries = require_prop(r, "entries", &why);
  if (!entries) return not_assessed(why);
  std::string open;
  for (int port : {22, 3389}) {
    int rule = nacl_allows_from_internet(*entries, port, IpFamily::kBoth);
    if (rule >= 0) open += (open.empty() ? "" : ", ") + std::string("port ") + std::to_string(port) + " (rule " + std::to_string(rule) + ")";
  }
  if (open.empty()) return pass("Network ACL " + r.id + " does not admit the internet to ports 22 or 3389.");
  return fail("Network ACL " + r.id + " admits the internet to " + open + ".");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_networkacl_allow_ingress_admin_ports",
             .title = "Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::NetworkAcl",
             .description = "Evaluates each network ACL's inbound entries in rule-number order, as AWS does: ports 22 and 3389 must not be allowed from 0.0.0.0/0 (or ::/0) over TCP, UDP or all protocols before a deny for the whole internet matches.",
             .risk = "A NACL that admits the internet to SSH or RDP removes the subnet-level safety net for every instance in its subnets.",
             .remediation = {.text = "Add deny entries for ports 22 and 3389 from 0.0.0.0/0 and ::/0 with a lower rule number than any allow, or narrow the allow entries to trusted ranges.",
                             .cli = "aws ec2 create-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number 10 --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny",
                             .terraform = "resource \"aws_network_acl_rule\" \"deny_ssh\" {\n  network_acl_id = aws_network_acl.this.id\n  rule_number    = 10\n  egress         = false\n  protocol       = \"tcp\"\n  rule_action    = \"deny\"\n  cidr_block     = \"0.0.0.0/0\"\n  from_port      = 22\n  to_port        = 22\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21"},
             .cis = {"5.1"},
             .fsbp = {"EC2.21"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
