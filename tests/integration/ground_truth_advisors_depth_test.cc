// Ground truth for Trusted Advisor, the Well-Architected Tool, and the deeper
// checks of services already collected (RDS event subscriptions, Lambda
// layers, S3 access points and Multi-Region Access Points, EC2 AMIs still in
// use and snapshot shares): through the real scan engine the insecure
// scenario's findings of these checks are exactly the declared ones; what the
// collectors keep and what they cost in calls (per-resource calls only for the
// account's own resources, only when a selected check reads them); NOT_ASSESSED
// naming a denied per-resource call; and the Basic support plan. Then RDS DB
// and cluster snapshots shared with named accounts and S3 cross-Region
// replication (scenario 137, over 42-rds and 20-s3), the same way.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "checks/check.h"
#include "tests/integration/declared_reads.h"
#include "tests/integration/fakeaws_process.h"
#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

const std::vector<std::string> kChecks = {
    "trustedadvisor_premium_support_plan_subscribed",
    "trustedadvisor_errors_and_warnings",
    "wellarchitected_workload_security_no_high_risks",
    "wellarchitected_workload_security_no_medium_risks",
    "rds_cluster_critical_event_subscription",
    "rds_instance_critical_event_subscription",
    "rds_instance_event_subscription_parameter_groups",
    "rds_instance_event_subscription_security_groups",
    "lambda_layer_not_publicly_accessible",
    "s3_access_point_public_access_block",
    "s3_multi_region_access_point_public_access_block",
    "ec2_ami_deprecated_in_use",
    "ec2_ami_outdated_in_use",
    "ec2_ebs_snapshot_not_shared_with_other_accounts",
};

TEST(GroundTruthAdvisorsDepth, EngineFindingsAreExactlyTheScenarios) {
  GroundTruthOptions o;
  o.checks = kChecks;
  ScanGroundTruth r = run_scan_ground_truth(o);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());
  EXPECT_EQ(r.scan.checks_run.size(), kChecks.size());
  EXPECT_EQ(finding_keys(r.truth.findings), declared_findings(r.scan.checks_run));
  EXPECT_EQ(r.truth.findings.size(), 4u * 3 + 1 + 4 + 2 * 3 + 3 + 2 + 2 + 2 * 5 + 5);
  // Another account's subscription, workload, layer, access point, image or snapshot is never a finding.
  for (const auto& f : r.truth.findings) {
    EXPECT_EQ(f.resource_arn.find("999988887777"), std::string::npos) << f.check_id << " on " << f.resource_arn;
    EXPECT_EQ(f.resource_arn.find("ami-0f0f0f0f0f0f00009"), std::string::npos) << f.check_id;
    EXPECT_EQ(f.resource_arn.find("snap-0f0f0f0f0f0f"), std::string::npos) << f.check_id;
  }
  std::cout << r.scan.checks_run.size() << " checks, " << r.truth.findings.size() << " findings (FAIL "
            << r.truth.expected_fail << ", PASS " << r.truth.expected_pass << "), " << r.scan.api_calls << " calls\n";
}

// The calls these checks cost (three regions): bulk listings once per region
// (or once: the Support API, Multi-Region Access Points), per-resource calls
// for the account's own resources only, and none a workload's counts make
// unnecessary.
TEST(GroundTruthAdvisorsDepth, CallsAreBulkAndPerResourceOnlyForOwnResources) {
  GroundTruthOptions o;
  o.checks = kChecks;
  ScanGroundTruth r = run_scan_ground_truth(o);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  const std::map<std::string, int> want = {
      {"DescribeTrustedAdvisorChecks", 1},         // us-east-1, once
      {"DescribeTrustedAdvisorCheckSummaries", 1}, // the four security checks in one call
      {"ListWorkloads", 3},
      {"GetLensReview", 2},                        // payments and catalog: clean-room has no risk, partner-shared is not ours
      {"DescribeEventSubscriptions", 3 + 1 + 1},   // us-east-1's five subscriptions in pages of two
      {"ListLayers", 2 + 1 + 1},                   // us-east-1's four layers in pages of two
      {"GetLayerVersionPolicy", 3},                // the latest version of our three layers; not vendor-sdk
      {"ListAccessPoints", 3},
      {"GetAccessPoint", 2},                       // not partner-ap
      {"ListMultiRegionAccessPoints", 1},
      {"DescribeSnapshotAttribute", 5},            // our five snapshots; none of the other account's
  };
  for (const auto& [action, n] : want) EXPECT_EQ(r.requests[action], n) << action;
}

// Issue 13: a scan whose selected checks do not read these types makes none
// of their calls, and the snapshot shares and layer policies are asked only
// when a selected check reads them.
TEST(GroundTruthAdvisorsDepth, NewCallsOnlyWhenTheirChecksAreSelected) {
  GroundTruthOptions o;
  o.checks = {"rds_snapshots_public_access", "lambda_function_not_publicly_accessible", "ec2_ebs_public_snapshot",
              "s3_bucket_level_public_access_block"};
  o.require_full_coverage = false;
  ScanGroundTruth r = run_scan_ground_truth(o);
  for (const char* action : {"DescribeEventSubscriptions", "ListLayers", "GetLayerVersionPolicy", "ListAccessPoints",
                             "GetAccessPoint", "ListMultiRegionAccessPoints", "DescribeSnapshotAttribute",
                             "DescribeTrustedAdvisorChecks", "ListWorkloads", "GetLensReview"})
    EXPECT_EQ(r.requests[action], 0) << action;
  EXPECT_GT(r.requests["DescribeSnapshots"], 0);

  // The AMI checks read the images and instances EC2 lists anyway: no call of their own.
  o.checks = {"ec2_ami_deprecated_in_use", "ec2_ami_outdated_in_use", "ec2_ebs_public_snapshot"};
  ScanGroundTruth amis = run_scan_ground_truth(o);
  EXPECT_TRUE(amis.truth.problems.empty()) << join_lines(amis.truth.problems);
  EXPECT_EQ(amis.requests["DescribeImages"], 3);
  EXPECT_EQ(amis.requests["DescribeSnapshotAttribute"], 0);
}

// A denied per-resource call: the checks reading what it returns say
// NOT_ASSESSED naming the action, for each resource; the others decide as in
// the clean run.
TEST(GroundTruthAdvisorsDepth, DeniedPerResourceCallsAreNotAssessedNamingTheAction) {
  GroundTruthOptions o;
  o.checks = kChecks;
  o.require_full_coverage = false;
  o.faults = R"({"deny": ["ec2:DescribeSnapshotAttribute", "lambda:GetLayerVersionPolicy", "s3:GetAccessPoint",
                          "wellarchitected:GetLensReview", "support:DescribeTrustedAdvisorCheckSummaries"]})";
  ScanGroundTruth r = run_scan_ground_truth(o);
  auto clean = declared_statuses();
  const std::map<std::string, std::string> action_of = {
      {"ec2_ebs_snapshot_not_shared_with_other_accounts", "ec2:DescribeSnapshotAttribute"},
      {"lambda_layer_not_publicly_accessible", "lambda:GetLayerVersionPolicy"},
      {"s3_access_point_public_access_block", "s3:GetAccessPoint"},
      {"trustedadvisor_errors_and_warnings", "support:DescribeTrustedAdvisorCheckSummaries"}};
  const std::string clean_workload = "2a1b2c3d4e5f60718293a4b5c6d7e8f9";
  std::map<std::string, int> not_assessed;
  for (const auto& f : r.truth.findings) {
    std::string action;
    if (auto it = action_of.find(f.check_id); it != action_of.end()) action = it->second;
    // The workload with no risk in any pillar needs no review: still decided.
    if (f.check_id.starts_with("wellarchitected_") && f.resource_arn.find(clean_workload) == std::string::npos)
      action = "wellarchitected:GetLensReview";
    if (action.empty()) {
      EXPECT_EQ(std::string(to_string(f.status)), clean[std::make_pair(f.check_id, f.resource_arn)])
          << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      continue;
    }
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    EXPECT_NE(f.detail.find(action + " denied"), std::string::npos) << f.detail;
    ++not_assessed[f.check_id];
  }
  EXPECT_EQ(not_assessed["ec2_ebs_snapshot_not_shared_with_other_accounts"], 5);
  EXPECT_EQ(not_assessed["lambda_layer_not_publicly_accessible"], 3);
  EXPECT_EQ(not_assessed["s3_access_point_public_access_block"], 2);
  EXPECT_EQ(not_assessed["trustedadvisor_errors_and_warnings"], 4);
  EXPECT_EQ(not_assessed["wellarchitected_workload_security_no_high_risks"], 2);
  EXPECT_EQ(not_assessed["wellarchitected_workload_security_no_medium_risks"], 2);
}

// A denied listing is a gap for its region: NOT_ASSESSED there, never a PASS
// of an empty region.
TEST(GroundTruthAdvisorsDepth, DeniedListingsAreNotAssessed) {
  GroundTruthOptions o;
  o.checks = {"rds_cluster_critical_event_subscription", "trustedadvisor_premium_support_plan_subscribed"};
  o.require_full_coverage = false;
  o.faults = R"({"deny": ["rds:DescribeEventSubscriptions", "support:DescribeTrustedAdvisorChecks"]})";
  ScanGroundTruth r = run_scan_ground_truth(o);
  int rds = 0, plan = 0;
  for (const auto& f : r.truth.findings) {
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    if (f.check_id.starts_with("rds_")) {
      EXPECT_NE(f.detail.find("rds:DescribeEventSubscriptions denied"), std::string::npos) << f.detail;
      ++rds;
    } else {
      EXPECT_NE(f.detail.find("support:DescribeTrustedAdvisorChecks denied"), std::string::npos) << f.detail;
      ++plan;
    }
  }
  EXPECT_EQ(rds, 3);
  EXPECT_EQ(plan, 1);
}

// The Basic plan: AWS answers SubscriptionRequiredException. The plan check
// fails (AWS said so), Trusted Advisor's checks are NOT_ASSESSED naming the
// plan they need — never a PASS of an empty list.
TEST(GroundTruthAdvisorsDepth, BasicSupportPlanFailsThePlanAndLeavesTrustedAdvisorNotAssessed) {
  GroundTruthOptions o;
  o.scenario = FakeAws::directory() + "/scenarios/support-basic-plan.json";
  o.checks = {"trustedadvisor_premium_support_plan_subscribed", "trustedadvisor_errors_and_warnings"};
  o.require_full_coverage = false;
  ScanGroundTruth r = run_scan_ground_truth(o);
  ASSERT_EQ(r.truth.findings.size(), 2u);
  for (const auto& f : r.truth.findings) {
    if (f.check_id == "trustedadvisor_premium_support_plan_subscribed") {
      EXPECT_EQ(f.status, CheckStatus::kFail) << f.detail;
      EXPECT_NE(f.detail.find("SubscriptionRequiredException"), std::string::npos) << f.detail;
    } else {
      EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.detail;
      EXPECT_NE(f.detail.find("Business, Enterprise On-Ramp or Enterprise Support plan"), std::string::npos)
          << f.detail;
    }
  }
  ASSERT_EQ(r.scan.gaps.size(), 1u);
  EXPECT_EQ(r.scan.gaps.front().action, "support:DescribeTrustedAdvisorChecks");
  EXPECT_EQ(r.requests["DescribeTrustedAdvisorCheckSummaries"], 0);
}

// What the collectors keep: one resource per region for the RDS event
// subscriptions, the account's own layers, access points, workloads, images
// and snapshots only; and each check declares everything it reads (a scan
// makes the per-resource calls only for what a selected check declares).
TEST(GroundTruthAdvisorsDepth, CollectorsKeepOwnResourcesAndDeclaredReadsAreAllACheckUses) {
  GroundTruthOptions o;
  o.services = {"support", "wellarchitected", "rds-event-subscriptions", "lambda-layers", "s3-access-points",
                "s3-multi-region-access-points", "ec2"};
  o.check_services = {"support", "wellarchitected"};
  GroundTruth full = run_ground_truth(o);
  EXPECT_TRUE(full.problems.empty()) << join_lines(full.problems);
  const Inventory& inv = full.inventory;
  const std::map<std::string, size_t> want = {{"AWS::Support::Plan", 1},
                                              {"AWS::TrustedAdvisor::Check", 4},  // the security category's
                                              {"AWS::WellArchitected::Workload", 3},
                                              {"AWS::RDS::EventSubscriptions", 3},
                                              {"AWS::Lambda::LayerVersion", 3},
                                              {"AWS::S3::AccessPoint", 2},
                                              {"AWS::S3::MultiRegionAccessPoint", 2},
                                              {"AWS::EC2::Image", 5},
                                              {"AWS::EC2::Snapshot", 5}};
  for (const auto& [type, n] : want) {
    EXPECT_EQ(inv.of_type(type).size(), n) << type;
    for (const auto& r : inv.of_type(type)) {
      EXPECT_EQ(r.arn.find("999988887777"), std::string::npos) << "another account's resource: " << r.arn;
      EXPECT_EQ((r.raw.dump() + r.props.dump()).find("partner-instances"), std::string::npos) << r.arn;
    }
  }
  const Resource* subs = inv.find_arn("arn:aws:rds:us-east-1:111122223333:event-subscriptions");
  ASSERT_NE(subs, nullptr);
  EXPECT_EQ(subs->props["subscriptions"].size(), 4u);  // not the other account's fifth
  const Resource* snap = inv.find_arn("arn:aws:ec2:us-west-2::snapshot/snap-0c0570000000c0002");
  ASSERT_NE(snap, nullptr);
  EXPECT_EQ(snap->props["shared_accounts"], json::parse(R"(["222233334444", "555566667777"])"));
  const Resource* legacy = inv.find_arn("arn:aws:ec2:eu-west-1::image/ami-0a1b2c3d4e5f60002");
  ASSERT_NE(legacy, nullptr);
  EXPECT_TRUE(legacy->props["deprecated_at"].is_number());

  const std::set<std::string> mine(kChecks.begin(), kChecks.end());
  size_t compared = testing::expect_declared_reads_suffice(
      inv, [&](const checks::Check& c) { return mine.count(c.meta.id) > 0; }, true);
  EXPECT_EQ(compared, 1u + 4 + 3 * 2 + 3 * 4 + 3 + 2 + 2 + 5 * 2 + 5);
}


// Scenario 137: RDS snapshots shared with named accounts (the restore
// attribute without "all") and S3 cross-Region replication.
const std::vector<std::string> kShareChecks = {"rds_snapshots_shared_with_other_accounts",
                                               "rds_cluster_snapshots_shared_with_other_accounts",
                                               "s3_bucket_cross_region_replication"};

TEST(GroundTruthAdvisorsDepth, SnapshotSharesAndReplicationAreExactlyTheScenarios) {
  GroundTruthOptions o;
  o.checks = kShareChecks;
  ScanGroundTruth r = run_scan_ground_truth(o);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());
  EXPECT_EQ(finding_keys(r.truth.findings), declared_findings(r.scan.checks_run));
  // Five DB snapshots (two in eu-west-1), two RDS cluster snapshots (DocumentDB's and Neptune's are
  // theirs), four buckets.
  EXPECT_EQ(r.truth.findings.size(), 5u + 2 + 4);
  std::map<std::string, std::string> detail;
  for (const auto& f : r.truth.findings) {
    EXPECT_EQ(f.resource_arn.find("999988887777"), std::string::npos) << f.check_id << " on " << f.resource_arn;
    detail[f.resource_arn] = f.detail;
  }
  EXPECT_EQ(detail["arn:aws:rds:us-east-1:111122223333:snapshot:orders-partner-share"],
            "DB snapshot orders-partner-share can be restored by 2 other AWS accounts: 444455556666, 777788889999.");
  EXPECT_EQ(detail["arn:aws:rds:eu-west-1:111122223333:snapshot:reporting-export"],
            "DB snapshot reporting-export can be restored by 1 other AWS account: 222233334444.");
  EXPECT_EQ(detail["arn:aws:s3:::cp-secure-data"], "bucket cp-secure-data (us-east-1) replicates to cp-shared-uswest2 in us-west-2");
  EXPECT_EQ(detail["arn:aws:s3:::cp-cloudtrail-logs-111122223333"],
            "bucket cp-cloudtrail-logs-111122223333 replicates only within us-east-1 (to cp-secure-data)");
  // Per-resource calls: the attributes of the account's own manual snapshots only (not the automated one,
  // not the other account's shared one), the replication of each bucket.
  EXPECT_EQ(r.requests["DescribeDBSnapshotAttributes"], 2 + 2);
  EXPECT_EQ(r.requests["DescribeDBClusterSnapshotAttributes"], 1 + 1 + 4);  // RDS's two, us-west-2's DocumentDB/Neptune four
  EXPECT_EQ(r.requests["GetBucketReplication"], 4);
}

// GetBucketReplication is made only when a check that reads it is selected.
TEST(GroundTruthAdvisorsDepth, ReplicationIsAskedOnlyForItsCheck) {
  GroundTruthOptions o;
  o.checks = {"s3_bucket_versioning_enabled"};
  o.require_full_coverage = false;
  ScanGroundTruth r = run_scan_ground_truth(o);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_GT(r.requests["GetBucketVersioning"], 0);
  EXPECT_EQ(r.requests["GetBucketReplication"], 0);
}

// Denied per-resource calls: NOT_ASSESSED naming the IAM action (for
// GetBucketReplication AWS's s3:GetReplicationConfiguration), never a PASS or
// FAIL; the automated snapshot, which cannot be shared, is still decided.
TEST(GroundTruthAdvisorsDepth, DeniedShareAndReplicationCallsAreNotAssessedNamingTheAction) {
  GroundTruthOptions o;
  o.checks = kShareChecks;
  o.require_full_coverage = false;
  o.faults = R"({"deny": ["rds:DescribeDBSnapshotAttributes", "rds:DescribeDBClusterSnapshotAttributes",
                          "s3:GetReplicationConfiguration"]})";
  ScanGroundTruth r = run_scan_ground_truth(o);
  const std::map<std::string, std::string> action_of = {
      {"rds_snapshots_shared_with_other_accounts", "rds:DescribeDBSnapshotAttributes"},
      {"rds_cluster_snapshots_shared_with_other_accounts", "rds:DescribeDBClusterSnapshotAttributes"},
      {"s3_bucket_cross_region_replication", "s3:GetReplicationConfiguration"}};
  std::map<std::string, int> not_assessed;
  for (const auto& f : r.truth.findings) {
    if (f.resource_arn.find(":snapshot:rds:") != std::string::npos) {
      EXPECT_EQ(f.status, CheckStatus::kPass) << f.resource_arn << ": " << f.detail;
      continue;
    }
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    EXPECT_NE(f.detail.find(action_of.at(f.check_id) + " denied"), std::string::npos) << f.detail;
    ++not_assessed[f.check_id];
  }
  EXPECT_EQ(not_assessed["rds_snapshots_shared_with_other_accounts"], 4);
  EXPECT_EQ(not_assessed["rds_cluster_snapshots_shared_with_other_accounts"], 2);
  EXPECT_EQ(not_assessed["s3_bucket_cross_region_replication"], 4);
}

// What the collectors keep: no snapshot of another account, the named
// accounts of a share, each bucket's replication rules; and the checks
// declare everything they read.
TEST(GroundTruthAdvisorsDepth, SharesAndReplicationKeptAndDeclaredReadsSuffice) {
  GroundTruthOptions o;
  o.services = {"rds", "rds-event-subscriptions", "s3", "s3-access-points", "s3-multi-region-access-points"};
  o.check_services = {"rds", "s3"};  // every RDS and S3 check still matches the scenario
  GroundTruth full = run_ground_truth(o);
  EXPECT_TRUE(full.problems.empty()) << join_lines(full.problems);
  const Inventory& inv = full.inventory;
  for (const auto& s : inv.of_type("AWS::RDS::DBSnapshot"))
    EXPECT_EQ(s.arn.find("999988887777"), std::string::npos) << "another account's snapshot: " << s.arn;
  EXPECT_EQ(inv.of_type("AWS::RDS::DBSnapshot").size(), 5u);
  const Resource* share = inv.find_arn("arn:aws:rds:us-east-1:111122223333:snapshot:orders-partner-share");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->props["shared_accounts"], json::parse(R"(["444455556666", "777788889999"])"));
  EXPECT_EQ(share->props["public"], false);
  const Resource* open = inv.find_arn("arn:aws:rds:eu-west-1:111122223333:snapshot:reporting-export");
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->props["public"], true);
  EXPECT_EQ(open->props["shared_accounts"], json::parse(R"(["222233334444"])"));
  const Resource* bucket = inv.find_arn("arn:aws:s3:::cp-secure-data");
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(bucket->props["replication"],
            json::parse(R"({"rules": [{"id": "to-oregon", "status": "Enabled",
                                       "destination_bucket": "arn:aws:s3:::cp-shared-uswest2",
                                       "destination_account": null}]})"));
  const Resource* none = inv.find_arn("arn:aws:s3:::cp-shared-uswest2");
  ASSERT_NE(none, nullptr);
  EXPECT_TRUE(none->props.contains("replication"));
  EXPECT_TRUE(none->props["replication"].is_null());  // ReplicationConfigurationNotFoundError: none, not a gap

  const std::set<std::string> mine(kShareChecks.begin(), kShareChecks.end());
  size_t compared = testing::expect_declared_reads_suffice(
      inv, [&](const checks::Check& c) { return mine.count(c.meta.id) > 0; }, true);
  EXPECT_EQ(compared, 5u + 2 + 4);
}

}  // namespace
}  // namespace cloudpeek::testing
