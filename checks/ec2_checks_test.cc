// EC2 and EBS checks: instances (IMDSv2, public IP, instance profile), EBS
// default encryption, volumes, snapshots, AMIs and Elastic IPs. Each check:
// PASS, FAIL, and NOT_ASSESSED naming the call that failed.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

struct Case {
  const char* check;
  const char* type;
  json pass;
  json fail;
  const char* missing;  // property made missing for NOT_ASSESSED
  const char* action;   // the denied call that explains it
};

const Case kCases[] = {
    {"ec2_ebs_default_encryption", "AWS::EC2::EbsEncryptionByDefault", {{"enabled", true}}, {{"enabled", false}},
     "enabled", "ec2:GetEbsEncryptionByDefault"},
    {"ec2_ebs_volume_encryption", "AWS::EC2::Volume", {{"encrypted", true}}, {{"encrypted", false}}, "encrypted",
     "ec2:DescribeVolumes"},
    {"ec2_ebs_public_snapshot", "AWS::EC2::Snapshot", {{"public", false}}, {{"public", true}}, "public",
     "ec2:DescribeSnapshots"},
    {"ec2_ami_public", "AWS::EC2::Image", {{"public", false}}, {{"public", true}}, "public", "ec2:DescribeImages"},
    {"ec2_instance_imdsv2_enabled", "AWS::EC2::Instance", {{"http_tokens", "required"}, {"http_endpoint", "enabled"}},
     {{"http_tokens", "optional"}, {"http_endpoint", "enabled"}}, "http_endpoint", "ec2:DescribeInstances"},
    {"ec2_instance_public_ip", "AWS::EC2::Instance", {{"public_ip", nullptr}}, {{"public_ip", "54.1.2.3"}}, "public_ip",
     "ec2:DescribeInstances"},
    {"ec2_instance_profile_attached", "AWS::EC2::Instance",
     {{"iam_instance_profile", "arn:aws:iam::111122223333:instance-profile/app"}}, {{"iam_instance_profile", nullptr}},
     "iam_instance_profile", "ec2:DescribeInstances"},
    {"ec2_elastic_ip_unassigned", "AWS::EC2::EIP",
     {{"association_id", "eipassoc-1"}, {"instance_id", "i-1"}, {"network_interface_id", nullptr}},
     {{"association_id", nullptr}, {"instance_id", nullptr}, {"network_interface_id", nullptr}}, "association_id",
     "ec2:DescribeAddresses"},
    {"ec2_instance_detailed_monitoring_enabled", "AWS::EC2::Instance", {{"monitoring", "enabled"}},
     {{"monitoring", "disabled"}}, "monitoring", "ec2:DescribeInstances"},
    {"ec2_instance_stopped_over_30_days", "AWS::EC2::Instance", {{"state", "running"}, {"stopped_at", nullptr}},
     {{"state", "stopped"}, {"stopped_at", 1700000000}, {"collected_at", 1700000000 + 31 * 86400}}, "state",
     "ec2:DescribeInstances"},
    {"ec2_instance_not_using_multiple_enis", "AWS::EC2::Instance", {{"network_interfaces", 1}},
     {{"network_interfaces", 2}}, "network_interfaces", "ec2:DescribeInstances"},
    {"ec2_ebs_snapshots_encrypted", "AWS::EC2::Snapshot", {{"encrypted", true}}, {{"encrypted", false}}, "encrypted",
     "ec2:DescribeSnapshots"},
    {"ec2_networkacl_unused", "AWS::EC2::NetworkAcl", {{"subnets", {"subnet-1"}}, {"is_default", false}},
     {{"subnets", json::array()}, {"is_default", false}}, "subnets", "ec2:DescribeNetworkAcls"},
    {"ec2_securitygroup_not_used", "AWS::EC2::SecurityGroup", {{"attached", true}, {"is_default", false}},
     {{"attached", false}, {"is_default", false}}, "attached", "ec2:DescribeNetworkInterfaces"},
    {"ec2_subnet_auto_assign_public_ip_disabled", "AWS::EC2::Subnet", {{"map_public_ip_on_launch", false}},
     {{"map_public_ip_on_launch", true}}, "map_public_ip_on_launch", "ec2:DescribeSubnets"},
    {"ec2_transit_gateway_auto_accept_disabled", "AWS::EC2::TransitGateway",
     {{"auto_accept_shared_attachments", "disable"}}, {{"auto_accept_shared_attachments", "enable"}},
     "auto_accept_shared_attachments", "ec2:DescribeTransitGateways"},
    {"ec2_launch_template_imdsv2_required", "AWS::EC2::LaunchTemplate",
     {{"version", 3}, {"http_tokens", "required"}, {"http_endpoint", "enabled"}},
     {{"version", 3}, {"http_tokens", nullptr}, {"http_endpoint", "enabled"}}, "http_tokens",
     "ec2:DescribeLaunchTemplateVersions"},
    {"ec2_launch_template_no_public_ip", "AWS::EC2::LaunchTemplate", {{"version", 1}, {"public_ip_interfaces", 0}},
     {{"version", 1}, {"public_ip_interfaces", 1}}, "public_ip_interfaces", "ec2:DescribeLaunchTemplateVersions"},
    {"ec2_vpn_connection_tunnels_up", "AWS::EC2::VPNConnection",
     {{"tunnels", {{{"outside_ip", "1.1.1.1"}, {"status", "UP"}}, {{"outside_ip", "2.2.2.2"}, {"status", "UP"}}}}},
     {{"tunnels", {{{"outside_ip", "1.1.1.1"}, {"status", "UP"}}, {{"outside_ip", "2.2.2.2"}, {"status", "DOWN"}}}}},
     "tunnels", "ec2:DescribeVpnConnections"},
    {"ec2_client_vpn_endpoint_connection_logging", "AWS::EC2::ClientVpnEndpoint", {{"connection_logging", true}},
     {{"connection_logging", false}}, "connection_logging", "ec2:DescribeClientVpnEndpoints"},
};

TEST(Ec2Checks, PassFailAndNotAssessed) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.check);
    ASSERT_NE(find_check(c.check), nullptr);
    EXPECT_EQ(find_check(c.check)->meta.resource_type, c.type);
    EXPECT_EQ(run_on(c.check, resource(c.type, "r-1", c.pass)).status, CheckStatus::kPass);
    EXPECT_EQ(run_on(c.check, resource(c.type, "r-1", c.fail)).status, CheckStatus::kFail);
    Resource r = resource(c.type, "r-1", c.pass);
    r.props.erase(c.missing);
    std::string why = std::string(c.action) + " denied (AccessDenied)";
    r.missing[c.missing] = why;
    CheckResult na = run_on(c.check, r);
    EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
    EXPECT_EQ(na.detail, why);
    // A property that was never collected is not a PASS either.
    Resource bare = resource(c.type, "r-1", json::object());
    EXPECT_EQ(run_on(c.check, bare).status, CheckStatus::kNotAssessed);
  }
}

TEST(Ec2Checks, ImdsDisabledEndpointPasses) {
  auto r = resource("AWS::EC2::Instance", "i-1", {{"http_tokens", "optional"}, {"http_endpoint", "disabled"}});
  EXPECT_EQ(run_on("ec2_instance_imdsv2_enabled", r).status, CheckStatus::kPass);
  auto v1 = resource("AWS::EC2::Instance", "i-2", {{"http_tokens", "optional"}, {"http_endpoint", "enabled"}});
  EXPECT_EQ(run_on("ec2_instance_imdsv2_enabled", v1).detail, "Instance i-2 allows IMDSv1 (HttpTokens is optional).");
}

TEST(Ec2Checks, StoppedInstancesCountDaysAndNeverGuessWhenAwsGaveNoTime) {
  const char* id = "ec2_instance_stopped_over_30_days";
  auto recent = resource("AWS::EC2::Instance", "i-1",
                         {{"state", "stopped"}, {"stopped_at", 1700000000}, {"collected_at", 1700000000 + 30 * 86400}});
  EXPECT_EQ(run_on(id, recent).status, CheckStatus::kPass);
  auto old = resource("AWS::EC2::Instance", "i-2",
                      {{"state", "stopped"}, {"stopped_at", 1700000000}, {"collected_at", 1700000000 + 45 * 86400}});
  CheckResult r = run_on(id, old);
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("45 days"), std::string::npos) << r.detail;
  // Stopped, but StateTransitionReason carried no time: not a PASS.
  auto unknown = resource("AWS::EC2::Instance", "i-3", {{"state", "stopped"}, {"stopped_at", nullptr}, {"collected_at", 1}});
  EXPECT_EQ(run_on(id, unknown).status, CheckStatus::kNotAssessed);
}

TEST(Ec2Checks, DefaultNetworkAclsAndSecurityGroupsCannotBeDeletedSoPass) {
  auto acl = resource("AWS::EC2::NetworkAcl", "acl-1", {{"subnets", json::array()}, {"is_default", true}});
  EXPECT_EQ(run_on("ec2_networkacl_unused", acl).status, CheckStatus::kPass);
  auto sg = resource("AWS::EC2::SecurityGroup", "sg-1", {{"attached", false}, {"is_default", true}});
  EXPECT_EQ(run_on("ec2_securitygroup_not_used", sg).status, CheckStatus::kPass);
}

TEST(Ec2Checks, LaunchTemplatesWithTheMetadataServiceOffPassAndOptionalTokensFail) {
  auto off = resource("AWS::EC2::LaunchTemplate", "lt-1",
                      {{"version", 2}, {"http_tokens", nullptr}, {"http_endpoint", "disabled"}});
  EXPECT_EQ(run_on("ec2_launch_template_imdsv2_required", off).status, CheckStatus::kPass);
  auto optional = resource("AWS::EC2::LaunchTemplate", "lt-2",
                           {{"version", 2}, {"http_tokens", "optional"}, {"http_endpoint", "enabled"}});
  CheckResult r = run_on("ec2_launch_template_imdsv2_required", optional);
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("HttpTokens to optional"), std::string::npos) << r.detail;
}

TEST(Ec2Checks, VpnConnectionWithoutTelemetryIsNotAssessed) {
  auto vpn = resource("AWS::EC2::VPNConnection", "vpn-1", {{"tunnels", json::array()}});
  EXPECT_EQ(run_on("ec2_vpn_connection_tunnels_up", vpn).status, CheckStatus::kNotAssessed);
}

TEST(Ec2Checks, ComplianceIds) {
  EXPECT_EQ(find_check("ec2_ebs_default_encryption")->meta.cis, std::vector<std::string>{"2.2.1"});
  EXPECT_EQ(find_check("ec2_instance_imdsv2_enabled")->meta.cis, std::vector<std::string>{"5.6"});
  EXPECT_EQ(find_check("ec2_instance_imdsv2_enabled")->meta.fsbp, std::vector<std::string>{"EC2.8"});
  EXPECT_EQ(find_check("ec2_ebs_public_snapshot")->meta.fsbp, std::vector<std::string>{"EC2.1"});
}

}  // namespace
}  // namespace cloudpeek::checks
