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

TEST(Ec2Checks, ComplianceIds) {
  EXPECT_EQ(find_check("ec2_ebs_default_encryption")->meta.cis, std::vector<std::string>{"2.2.1"});
  EXPECT_EQ(find_check("ec2_instance_imdsv2_enabled")->meta.cis, std::vector<std::string>{"5.6"});
  EXPECT_EQ(find_check("ec2_instance_imdsv2_enabled")->meta.fsbp, std::vector<std::string>{"EC2.8"});
  EXPECT_EQ(find_check("ec2_ebs_public_snapshot")->meta.fsbp, std::vector<std::string>{"EC2.1"});
}

}  // namespace
}  // namespace cloudpeek::checks
