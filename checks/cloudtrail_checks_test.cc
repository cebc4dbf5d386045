// CloudTrail checks on small inventories: PASS, FAIL and NOT_ASSESSED for each.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::denied;
using testing::resource;
using testing::run_on;

constexpr const char* kTrail = "AWS::CloudTrail::Trail";
constexpr const char* kCoverage = "AWS::CloudTrail::TrailCoverage";

Resource trail(const std::string& name, const std::string& home, bool multi) {
  Resource t = resource(kTrail, name,
                        {{"name", name}, {"home_region", home}, {"is_multi_region", multi},
                         {"is_organization_trail", false}, {"log_file_validation", true},
                         {"kms_key_id", "arn:aws:kms:us-east-1:111122223333:key/k"},
                         {"s3_bucket_name", "trail-bucket"},
                         {"cloud_watch_logs_log_group_arn", "arn:aws:logs:us-east-1:111122223333:log-group:ct:*"},
                         {"is_logging", true}, {"management_events_all", true},
                         {"s3_data_events_write", false}, {"s3_data_events_read", false}},
                        home);
  t.arn = "arn:aws:cloudtrail:" + home + ":111122223333:trail/" + name;
  return t;
}

Resource coverage(const std::string& region, const std::vector<Resource>& trails) {
  json list = json::array();
  for (const auto& t : trails)
    list.push_back({{"arn", t.arn}, {"name", t.name}, {"home_region", t.props["home_region"]},
                    {"is_multi_region", t.props["is_multi_region"]}, {"is_organization_trail", false}});
  return resource(kCoverage, "CloudTrail in " + region, {{"trails", list}}, region);
}

Resource bucket(const std::string& name, json logging) {
  Resource b = resource("AWS::S3::Bucket", name,
                        {{"acl", {{"owner_id", "o"}, {"grants", json::array()}}}, {"policy", nullptr},
                         {"policy_is_public", false}, {"public_access_block", nullptr}, {"logging", std::move(logging)}});
  b.arn = "arn:aws:s3:::" + name;
  return b;
}

TEST(CloudTrailTrailSettings, ValidationKmsCloudWatch) {
  Resource t = trail("main", "us-east-1", true);
  EXPECT_EQ(run_on("cloudtrail_log_file_validation_enabled", t).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("cloudtrail_kms_encryption_enabled", t).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("cloudtrail_cloudwatch_logs_enabled", t).status, CheckStatus::kPass);
  t.props["log_file_validation"] = false;
  t.props["kms_key_id"] = nullptr;
  t.props["cloud_watch_logs_log_group_arn"] = nullptr;
  EXPECT_EQ(run_on("cloudtrail_log_file_validation_enabled", t).status, CheckStatus::kFail);
  EXPECT_EQ(run_on("cloudtrail_kms_encryption_enabled", t).status, CheckStatus::kFail);
  EXPECT_EQ(run_on("cloudtrail_cloudwatch_logs_enabled", t).status, CheckStatus::kFail);
  // These read only DescribeTrails: a failed listing is NOT_ASSESSED for its region.
  Inventory inv;
  inv.regions = {{"eu-west-1", "opt-in-not-required", true}};
  inv.add_gap(denied("cloudtrail", "cloudtrail:DescribeTrails", "eu-west-1", kTrail));
  for (const char* id : {"cloudtrail_log_file_validation_enabled", "cloudtrail_kms_encryption_enabled",
                         "cloudtrail_cloudwatch_logs_enabled"}) {
    auto f = run_check(*find_check(id), inv);
    ASSERT_EQ(f.size(), 1u) << id;
    EXPECT_EQ(f[0].status, CheckStatus::kNotAssessed);
    EXPECT_EQ(f[0].detail, "cloudtrail:DescribeTrails denied in eu-west-1 (AccessDenied)");
  }
}

TEST(CloudTrailBucket, AccessLoggingAndPublicAccess) {
  Resource t = trail("main", "us-east-1", true);
  Inventory inv;
  inv.add(resource("AWS::S3::AccountPublicAccessBlock", "a", {{"exists", false}}, "global"));
  inv.add(bucket("trail-bucket", {{"target_bucket", "logs"}, {"target_prefix", ""}}));
  EXPECT_EQ(run_on("cloudtrail_logs_s3_bucket_access_logging_enabled", t, inv).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("cloudtrail_logs_s3_bucket_is_not_publicly_accessible", t, inv).status, CheckStatus::kPass);

  Inventory bad;
  bad.add(resource("AWS::S3::AccountPublicAccessBlock", "a", {{"exists", false}}, "global"));
  Resource b = bucket("trail-bucket", nullptr);
  b.props["acl"]["grants"] = json::array({{{"grantee_type", "Group"},
                                           {"grantee_uri", "http://acs.amazonaws.com/groups/global/AllUsers"},
                                           {"permission", "READ"}}});
  bad.add(b);
  EXPECT_EQ(run_on("cloudtrail_logs_s3_bucket_access_logging_enabled", t, bad).status, CheckStatus::kFail);
  EXPECT_EQ(run_on("cloudtrail_logs_s3_bucket_is_not_publicly_accessible", t, bad).status, CheckStatus::kFail);

  // The bucket is in another account: not judged, and said so.
  auto cross = run_on("cloudtrail_logs_s3_bucket_access_logging_enabled", t, Inventory{});
  EXPECT_EQ(cross.status, CheckStatus::kNotAssessed);
  EXPECT_NE(cross.detail.find("not in this account"), std::string::npos) << cross.detail;
  // The buckets could not be listed.
  Inventory gap;
  gap.add_gap(denied("s3", "s3:ListAllMyBuckets", "global", "AWS::S3::Bucket"));
  auto n = run_on("cloudtrail_logs_s3_bucket_is_not_publicly_accessible", t, gap);
  EXPECT_EQ(n.status, CheckStatus::kNotAssessed);
  EXPECT_NE(n.detail.find("s3:ListAllMyBuckets denied"), std::string::npos) << n.detail;
  // The bucket's logging could not be read.
  Inventory missing;
  Resource m = bucket("trail-bucket", nullptr);
  m.props.erase("logging");
  m.missing["logging"] = "s3:GetBucketLogging denied (AccessDenied)";
  missing.add(m);
  EXPECT_EQ(run_on("cloudtrail_logs_s3_bucket_access_logging_enabled", t, missing).status, CheckStatus::kNotAssessed);
}

TEST(CloudTrailMultiRegion, PassFailNotAssessed) {
  Resource good = trail("main", "us-east-1", true);
  Resource local = trail("local", "eu-west-1", false);
  Inventory inv;
  inv.add(good);
  inv.add(local);
  Resource cov = coverage("eu-west-1", {good, local});
  EXPECT_EQ(run_on("cloudtrail_multi_region_enabled", cov, inv).status, CheckStatus::kPass);

  // Only a single-region trail, or a multi-region one that is stopped.
  EXPECT_EQ(run_on("cloudtrail_multi_region_enabled", coverage("eu-west-1", {local}), inv).status, CheckStatus::kFail);
  Inventory stopped;
  Resource s = good;
  s.props["is_logging"] = false;
  stopped.add(s);
  auto f = run_on("cloudtrail_multi_region_enabled", coverage("eu-west-1", {s}), stopped);
  EXPECT_EQ(f.status, CheckStatus::kFail);
  EXPECT_NE(f.detail.find("is not logging"), std::string::npos) << f.detail;
  Resource w = good;
  w.props["management_events_all"] = false;
  Inventory writes;
  writes.add(w);
  EXPECT_EQ(run_on("cloudtrail_multi_region_enabled", coverage("eu-west-1", {w}), writes).status, CheckStatus::kFail);

  // The status could not be read.
  Resource unknown = good;
  unknown.props.erase("is_logging");
  unknown.missing["is_logging"] = "cloudtrail:GetTrailStatus denied (AccessDenied)";
  Inventory u;
  u.add(unknown);
  auto n = run_on("cloudtrail_multi_region_enabled", coverage("eu-west-1", {unknown}), u);
  EXPECT_EQ(n.status, CheckStatus::kNotAssessed);
  EXPECT_NE(n.detail.find("cloudtrail:GetTrailStatus denied"), std::string::npos) << n.detail;
  // The trail's home region was not scanned.
  auto h = run_on("cloudtrail_multi_region_enabled", coverage("eu-west-1", {good}), Inventory{});
  EXPECT_EQ(h.status, CheckStatus::kNotAssessed);
  EXPECT_NE(h.detail.find("us-east-1 was not scanned"), std::string::npos) << h.detail;
}

TEST(CloudTrailS3DataEvents, ReadAndWrite) {
  Resource t = trail("data", "us-west-2", false);
  t.props["s3_data_events_write"] = true;
  Inventory inv;
  inv.add(t);
  Resource cov = coverage("us-west-2", {t});
  EXPECT_EQ(run_on("cloudtrail_s3_dataevents_write_enabled", cov, inv).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("cloudtrail_s3_dataevents_read_enabled", cov, inv).status, CheckStatus::kFail);
  // No trail at all applies to a region.
  EXPECT_EQ(run_on("cloudtrail_s3_dataevents_write_enabled", coverage("eu-west-1", {}), inv).status,
            CheckStatus::kFail);
  Resource m = t;
  m.props.erase("s3_data_events_read");
  m.missing["s3_data_events_read"] = "cloudtrail:GetEventSelectors denied (AccessDenied)";
  Inventory mi;
  mi.add(m);
  auto n = run_on("cloudtrail_s3_dataevents_read_enabled", coverage("us-west-2", {m}), mi);
  EXPECT_EQ(n.status, CheckStatus::kNotAssessed);
  EXPECT_NE(n.detail.find("cloudtrail:GetEventSelectors"), std::string::npos);
}

}  // namespace
}  // namespace cloudpeek::checks
