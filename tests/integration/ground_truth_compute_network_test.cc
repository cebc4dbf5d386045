// Ground truth for EC2/VPC/EBS, ELB, ELBv2, RDS and EFS: the insecure
// scenario's planted problems (40-ec2 … 43-efs) are all reported, its good
// configurations pass, nothing else fails, and every call is served. Also:
// the regions collector, per-resource calls (ELB policies, RDS snapshot
// attributes, EFS policies), other accounts' snapshots and images left out
// (a call the scenario does not answer, such as a DescribeSnapshotAttribute
// for another account's snapshot, would be a problem), and the limited identity.
#include <gtest/gtest.h>

#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

TEST(GroundTruthComputeNetwork, MatchesTheInsecureScenario) {
  GroundTruthOptions options;
  options.services = {"ec2", "ec2-nat-gateways", "elb", "elbv2", "rds", "rds-event-subscriptions", "efs"};
  GroundTruth result = run_ground_truth(options);
  EXPECT_TRUE(result.problems.empty()) << join_lines(result.problems);
  EXPECT_GE(result.expected_fail, 57);
  EXPECT_GE(result.expected_pass, 85);

  const Inventory& inv = result.inventory;
  // Terminated instances are gone; the other five are there (one in 45-cost).
  EXPECT_EQ(inv.of_type("AWS::EC2::Instance").size(), 5u);
  EXPECT_EQ(inv.of_type("AWS::EC2::EbsEncryptionByDefault").size(), 3u);
  for (const auto& sg : inv.of_type("AWS::EC2::SecurityGroup")) EXPECT_TRUE(sg.props.contains("attached")) << sg.id;
  const Resource* web = inv.find_arn("arn:aws:ec2:us-east-1:111122223333:security-group/sg-0e1a2b3c4d5e60004");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->props["attached"], true);
  EXPECT_EQ(web->name, "web");
  const Resource* db = inv.find_arn("arn:aws:ec2:us-east-1:111122223333:security-group/sg-0e1a2b3c4d5e60005");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->props["attached"], false);
  // Issue 13: the endpoint returns other accounts' snapshots and images
  // whatever OwnerIds says (40-ec2.json, as an emulator did); only the
  // account's own are in the inventory (so no finding, no call is about the
  // others), and which are public comes from one RestorableByUserIds=all
  // listing, not one DescribeSnapshotAttribute call per snapshot.
  ASSERT_EQ(inv.of_type("AWS::EC2::Snapshot").size(), 5u);  // three of them in 45-cost
  for (const auto& s : inv.of_type("AWS::EC2::Snapshot")) EXPECT_EQ(s.raw.value("OwnerId", ""), "111122223333") << s.id;
  for (const auto& i : inv.of_type("AWS::EC2::Image")) EXPECT_EQ(i.raw.value("OwnerId", ""), "111122223333") << i.id;
  const Resource* shared = inv.find_arn("arn:aws:ec2:us-east-1::snapshot/snap-0a1b2c3d4e5f60002");
  ASSERT_NE(shared, nullptr);
  EXPECT_EQ(shared->props["public"], false);
  const Resource* open = inv.find_arn("arn:aws:ec2:us-east-1::snapshot/snap-0a1b2c3d4e5f60001");
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->props["public"], true);
  for (const auto& f : result.findings) EXPECT_EQ(f.resource_arn.find("0f0f0f0f0f0f"), std::string::npos) << f.check_id;
  const Resource* efs = inv.find_arn("arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0a1b2c3d4e5f60002");
  ASSERT_NE(efs, nullptr);
  EXPECT_TRUE(efs->props["policy"].is_null());  // PolicyNotFound is "none", not a gap
  EXPECT_EQ(efs->props["backup_status"], "DISABLED");
}

TEST(GroundTruthComputeNetwork, RegionsCollectorListsOptInStatus) {
  GroundTruthOptions options;
  options.services = {"regions"};
  options.check_services = {"none"};
  GroundTruth result = run_ground_truth(options);
  EXPECT_TRUE(result.problems.empty()) << join_lines(result.problems);
  const Resource* hk = result.inventory.find_arn("arn:aws:ec2:ap-east-1:111122223333:region/ap-east-1");
  ASSERT_NE(hk, nullptr);
  EXPECT_EQ(hk->props["opt_in_status"], "not-opted-in");
  EXPECT_EQ(hk->region, "global");
  EXPECT_EQ(result.inventory.of_type("AWS::EC2::Region").size(), 4u);
}

TEST(GroundTruthComputeNetwork, LimitedIdentityNamesTheDeniedSecurityGroupListing) {
  GroundTruthOptions options;
  options.services = {"ec2"};
  options.identity = "limited";
  options.require_full_coverage = false;
  GroundTruth result = run_ground_truth(options);
  int not_assessed = 0;
  for (const auto& f : result.findings) {
    if (f.check_id.rfind("ec2_securitygroup_", 0) != 0) continue;
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " " << f.resource_arn;
    EXPECT_EQ(f.detail, "ec2:DescribeSecurityGroups denied in " + f.region + " (UnauthorizedOperation)") << f.check_id;
    ++not_assessed;
  }
  // Six security-group checks (ec2_securitygroup_*), three regions: one NOT_ASSESSED each, never a PASS.
  EXPECT_EQ(not_assessed, 18);
  // Other EC2 checks still decide.
  bool imds_failed = false;
  for (const auto& f : result.findings)
    if (f.check_id == "ec2_instance_imdsv2_enabled" && f.status == CheckStatus::kFail) imds_failed = true;
  EXPECT_TRUE(imds_failed);
}

}  // namespace
}  // namespace cloudpeek::testing
