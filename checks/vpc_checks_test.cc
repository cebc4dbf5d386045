// VPC-level checks: security-group rules (admin ports over IPv4/IPv6, high-risk
// and unauthorized ports, default groups), network ACLs evaluated in rule
// order, and flow logs.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/ec2_network.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

json rule(std::string proto, int from, int to, json v4, json v6 = json::array()) {
  return {{"protocol", proto}, {"from_port", from}, {"to_port", to}, {"ipv4", v4}, {"ipv6", v6},
          {"groups", json::array()}, {"prefix_lists", json::array()}};
}

Resource sg(json ingress, json egress = json::array(), bool is_default = false) {
  return resource("AWS::EC2::SecurityGroup", "sg-1",
                  {{"ingress", ingress}, {"egress", egress}, {"is_default", is_default}, {"vpc_id", "vpc-1"}});
}

Resource denied_sg() {
  Resource r = resource("AWS::EC2::SecurityGroup", "sg-1", json::object());
  for (const char* p : {"ingress", "egress", "is_default"})
    r.missing[p] = "ec2:DescribeSecurityGroups denied (UnauthorizedOperation)";
  return r;
}

const char kV4[] = "ec2_securitygroup_allow_ingress_from_internet_to_admin_ports_ipv4";
const char kV6[] = "ec2_securitygroup_allow_ingress_from_internet_to_admin_ports_ipv6";
const char kHighRisk[] = "ec2_securitygroup_allow_ingress_from_internet_to_high_risk_ports";
const char kUnauthorized[] = "ec2_securitygroup_allow_ingress_from_internet_to_unauthorized_ports";
const char kDefault[] = "ec2_securitygroup_default_restrict_traffic";
const char kNacl[] = "ec2_networkacl_allow_ingress_admin_ports";

TEST(SecurityGroupChecks, AdminPortsIpv4) {
  EXPECT_EQ(run_on(kV4, sg({rule("tcp", 443, 443, {"0.0.0.0/0"}), rule("tcp", 22, 22, {"10.0.0.0/8"})})).status,
            CheckStatus::kPass);
  auto open = run_on(kV4, sg({rule("tcp", 22, 22, {"0.0.0.0/0"})}));
  EXPECT_EQ(open.status, CheckStatus::kFail);
  EXPECT_EQ(open.detail, "Security group sg-1 admits 0.0.0.0/0 to remote administration ports: tcp 22 from 0.0.0.0/0.");
  // Ranges, all-traffic and UDP rules cover the admin ports too.
  EXPECT_EQ(run_on(kV4, sg({rule("tcp", 0, 65535, {"0.0.0.0/0"})})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(kV4, sg({rule("-1", 0, 65535, {"0.0.0.0/0"})})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(kV4, sg({rule("udp", 3389, 3389, {"0.0.0.0/0"})})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(kV4, sg({rule("icmp", 22, 22, {"0.0.0.0/0"})})).status, CheckStatus::kPass);
  // ::/0 is the IPv6 check's business.
  EXPECT_EQ(run_on(kV4, sg({rule("tcp", 22, 22, json::array(), {"::/0"})})).status, CheckStatus::kPass);
  auto na = run_on(kV4, denied_sg());
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(na.detail, "ec2:DescribeSecurityGroups denied (UnauthorizedOperation)");
}

TEST(SecurityGroupChecks, AdminPortsIpv6) {
  EXPECT_EQ(run_on(kV6, sg({rule("tcp", 22, 22, {"0.0.0.0/0"})})).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(kV6, sg({rule("tcp", 3380, 3390, json::array(), {"::/0"})})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(kV6, denied_sg()).status, CheckStatus::kNotAssessed);
}

TEST(SecurityGroupChecks, HighRiskPorts) {
  EXPECT_EQ(run_on(kHighRisk, sg({rule("tcp", 443, 443, {"0.0.0.0/0"}, {"::/0"})})).status, CheckStatus::kPass);
  auto db = run_on(kHighRisk, sg({rule("tcp", 3306, 3306, {"0.0.0.0/0"})}));
  EXPECT_EQ(db.status, CheckStatus::kFail);
  EXPECT_NE(db.detail.find("3306"), std::string::npos);
  EXPECT_EQ(run_on(kHighRisk, sg({rule("tcp", 9200, 9200, json::array(), {"::/0"})})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(kHighRisk, sg({rule("tcp", 5432, 5432, {"10.0.0.0/16"})})).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(kHighRisk, denied_sg()).status, CheckStatus::kNotAssessed);
}

TEST(SecurityGroupChecks, UnauthorizedPorts) {
  EXPECT_EQ(run_on(kUnauthorized, sg({rule("tcp", 80, 80, {"0.0.0.0/0"}), rule("tcp", 443, 443, {"0.0.0.0/0"}, {"::/0"})}))
                .status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on(kUnauthorized, sg({rule("tcp", 8443, 8443, {"0.0.0.0/0"})})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(kUnauthorized, sg({rule("tcp", 80, 443, {"0.0.0.0/0"})})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(kUnauthorized, denied_sg()).status, CheckStatus::kNotAssessed);
}

TEST(SecurityGroupChecks, DefaultGroupRestrictsAllTraffic) {
  EXPECT_EQ(run_on(kDefault, sg(json::array(), json::array(), true)).status, CheckStatus::kPass);
  // Non-default groups are outside the control.
  EXPECT_FALSE(run_on(kDefault, sg({rule("-1", 0, 65535, {"0.0.0.0/0"})})).applicable);
  auto r = run_on(kDefault, sg(json::array(), {rule("-1", 0, 65535, {"0.0.0.0/0"})}, true));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Default security group sg-1 of vpc-1 has 0 inbound and 1 outbound rules.");
  EXPECT_EQ(run_on(kDefault, denied_sg()).status, CheckStatus::kNotAssessed);
}

json entry(int n, std::string proto, std::string action, json cidr, int from = 0, int to = 65535,
           json v6 = nullptr) {
  return {{"rule_number", n}, {"protocol", proto}, {"action", action}, {"egress", false},
          {"cidr", cidr},     {"ipv6_cidr", v6},   {"from_port", from}, {"to_port", to}};
}

Resource acl(json entries) { return resource("AWS::EC2::NetworkAcl", "acl-1", {{"entries", entries}}); }

TEST(NetworkAclChecks, RulesDecideInNumberOrder) {
  json deny_all = entry(32767, "-1", "deny", "0.0.0.0/0");
  // The default NACL: everything allowed.
  auto open = run_on(kNacl, acl({entry(100, "-1", "allow", "0.0.0.0/0"), deny_all}));
  EXPECT_EQ(open.status, CheckStatus::kFail);
  EXPECT_EQ(open.detail, "Network ACL acl-1 admits the internet to port 22 (rule 100), port 3389 (rule 100).");
  // Denies before the allow protect the admin ports (UDP is not allowed at all).
  EXPECT_EQ(run_on(kNacl, acl({entry(120, "6", "allow", "0.0.0.0/0"), entry(10, "6", "deny", "0.0.0.0/0", 22, 22),
                               entry(20, "6", "deny", "0.0.0.0/0", 3389, 3389), deny_all}))
                .status,
            CheckStatus::kPass);
  // A deny after the allow comes too late.
  auto late = run_on(kNacl, acl({entry(90, "6", "deny", "0.0.0.0/0", 22, 22), entry(100, "6", "allow", "0.0.0.0/0"),
                                 entry(200, "6", "deny", "0.0.0.0/0", 3389, 3389), deny_all}));
  EXPECT_EQ(late.status, CheckStatus::kFail);
  EXPECT_EQ(late.detail, "Network ACL acl-1 admits the internet to port 3389 (rule 100).");
  // Narrow sources are not the internet; IPv6 allow-all is.
  EXPECT_EQ(run_on(kNacl, acl({entry(100, "6", "allow", "10.0.0.0/8", 22, 22), deny_all})).status, CheckStatus::kPass);
  // An "ephemeral ports" allow from anywhere (1024-65535) takes in RDP: AWS
  // matches a SYN to 3389 against it like any other port in the range.
  json ephemeral = entry(110, "6", "allow", "0.0.0.0/0", 1024, 65535);
  auto rdp = run_on(kNacl, acl({entry(100, "6", "allow", "0.0.0.0/0", 443, 443), ephemeral,
                                entry(120, "6", "allow", "10.0.0.0/8", 22, 22), deny_all}));
  EXPECT_EQ(rdp.status, CheckStatus::kFail);
  EXPECT_EQ(rdp.detail, "Network ACL acl-1 admits the internet to port 3389 (rule 110).");
  // …unless a lower-numbered TCP deny for 3389 shadows it (UDP falls to the * deny).
  EXPECT_EQ(run_on(kNacl, acl({entry(105, "6", "deny", "0.0.0.0/0", 3389, 3389), ephemeral, deny_all})).status,
            CheckStatus::kPass);
  // An IPv6 ephemeral allow is the internet too.
  EXPECT_EQ(run_on(kNacl, acl({entry(105, "6", "deny", "0.0.0.0/0", 3389, 3389),
                               entry(110, "6", "allow", nullptr, 1024, 65535, "::/0"), deny_all}))
                .detail,
            "Network ACL acl-1 admits the internet to port 3389 (rule 110).");
  EXPECT_EQ(run_on(kNacl, acl({entry(100, "-1", "deny", "0.0.0.0/0"), entry(101, "-1", "allow", nullptr, 0, 65535, "::/0")}))
                .status,
            CheckStatus::kFail);
  Resource denied = resource("AWS::EC2::NetworkAcl", "acl-1", json::object());
  denied.missing["entries"] = "ec2:DescribeNetworkAcls denied (UnauthorizedOperation)";
  EXPECT_EQ(run_on(kNacl, denied).detail, "ec2:DescribeNetworkAcls denied (UnauthorizedOperation)");
}

TEST(FlowLogChecks, ActiveFlowLogCapturingRejects) {
  const char* id = "vpc_flow_logs_enabled";
  auto vpc = [](json logs) { return resource("AWS::EC2::VPC", "vpc-1", {{"flow_logs", logs}}); };
  EXPECT_EQ(run_on(id, vpc({{{"id", "fl-1"}, {"status", "ACTIVE"}, {"traffic_type", "REJECT"}}})).status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on(id, vpc(json::array())).detail, "VPC vpc-1 has no flow log.");
  EXPECT_EQ(run_on(id, vpc({{{"id", "fl-1"}, {"status", "ACTIVE"}, {"traffic_type", "ACCEPT"}}})).status,
            CheckStatus::kFail);
  Resource denied = resource("AWS::EC2::VPC", "vpc-1", json::object());
  denied.missing["flow_logs"] = "ec2:DescribeFlowLogs denied in us-east-1 (UnauthorizedOperation)";
  auto na = run_on(id, denied);
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(na.detail, "ec2:DescribeFlowLogs denied in us-east-1 (UnauthorizedOperation)");
}

TEST(NetworkHelpers, RuleText) {
  EXPECT_EQ(sg_rule_text(rule("tcp", 80, 443, {"0.0.0.0/0"}, {"::/0"})), "tcp 80-443 from 0.0.0.0/0, ::/0");
  EXPECT_EQ(sg_rule_text(rule("-1", 0, 65535, {"0.0.0.0/0"})), "all traffic from 0.0.0.0/0");
}

}  // namespace
}  // namespace cloudpeek::checks
