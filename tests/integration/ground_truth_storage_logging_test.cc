// Ground truth for S3 (and S3 Control), CloudTrail, Config and KMS: the
// insecure scenario's planted problems are all reported, its good
// configurations pass, nothing else fails, every call is served.
#include <gtest/gtest.h>

#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

const Finding* finding(const GroundTruth& r, const std::string& check, const std::string& arn) {
  for (const auto& f : r.findings)
    if (f.check_id == check && f.resource_arn == arn) return &f;
  return nullptr;
}

TEST(GroundTruthStorageLogging, MatchesTheInsecureScenario) {
  GroundTruthOptions options;
  options.services = {"s3", "s3-access-points", "s3-multi-region-access-points", "cloudtrail", "config", "kms"};
  GroundTruth result = run_ground_truth(options);
  EXPECT_TRUE(result.problems.empty()) << join_lines(result.problems);
  EXPECT_GE(result.expected_fail, 40);
  EXPECT_GE(result.expected_pass, 40);

  const Inventory& inv = result.inventory;
  // Buckets land in their own regions: "EU" is eu-west-1, an empty constraint us-east-1.
  const Resource* eu = inv.find_arn("arn:aws:s3:::cp-insecure-public-eu");
  ASSERT_NE(eu, nullptr);
  EXPECT_EQ(eu->region, "eu-west-1");
  const Resource* secure = inv.find_arn("arn:aws:s3:::cp-secure-data");
  ASSERT_NE(secure, nullptr);
  EXPECT_EQ(secure->region, "us-east-1");
  EXPECT_EQ(secure->tags.at("env"), "prod");
  // S3 Control answered through the {AccountId}. host prefix.
  ASSERT_NE(inv.find("AWS::S3::AccountPublicAccessBlock", "global"), nullptr);

  // A multi-region trail is shadowed into every region but inventoried once.
  EXPECT_EQ(inv.of_type("AWS::CloudTrail::Trail").size(), 3u);
  EXPECT_EQ(inv.of_type("AWS::CloudTrail::TrailCoverage").size(), 3u);
  EXPECT_EQ(inv.of_type("AWS::Config::ConfigurationRecorder").size(), 3u);
  EXPECT_EQ(inv.of_type("AWS::KMS::Key").size(), 6u);

  // A trail delivering to another account's bucket cannot be judged on that bucket.
  const Finding* cross = finding(result, "cloudtrail_logs_s3_bucket_access_logging_enabled",
                                 "arn:aws:cloudtrail:eu-west-1:111122223333:trail/eu-app-trail");
  ASSERT_NE(cross, nullptr);
  EXPECT_EQ(cross->status, CheckStatus::kNotAssessed);
  EXPECT_NE(cross->detail.find("central-audit-logs-999988887777"), std::string::npos) << cross->detail;
  EXPECT_NE(cross->detail.find("not in this account"), std::string::npos) << cross->detail;
}

TEST(GroundTruthStorageLogging, DeniedActionsAreNamed) {
  GroundTruthOptions options;
  options.services = {"s3", "kms"};
  options.identity = "limited";
  options.require_full_coverage = false;
  GroundTruth result = run_ground_truth(options);
  // `limited` lacks s3:GetBucketPolicy and kms:GetKeyRotationStatus.
  const Finding* tls = finding(result, "s3_bucket_secure_transport_policy", "arn:aws:s3:::cp-secure-data");
  ASSERT_NE(tls, nullptr);
  EXPECT_EQ(tls->status, CheckStatus::kNotAssessed);
  EXPECT_NE(tls->detail.find("s3:GetBucketPolicy"), std::string::npos) << tls->detail;
  const Finding* rot = finding(result, "kms_cmk_rotation_enabled",
                               "arn:aws:kms:us-east-1:111122223333:key/1a2b3c4d-2222-4aaa-8bbb-000000000002");
  ASSERT_NE(rot, nullptr);
  EXPECT_EQ(rot->status, CheckStatus::kNotAssessed);
  EXPECT_NE(rot->detail.find("kms:GetKeyRotationStatus"), std::string::npos) << rot->detail;
  // What was readable is still judged.
  const Finding* ver = finding(result, "s3_bucket_versioning_enabled", "arn:aws:s3:::cp-insecure-public-eu");
  ASSERT_NE(ver, nullptr);
  EXPECT_EQ(ver->status, CheckStatus::kFail);
}

}  // namespace
}  // namespace cloudpeek::testing
