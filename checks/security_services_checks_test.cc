// Security Hub (CIS 4.16, standards) and GuardDuty (GuardDuty.1).
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::denied;
using testing::resource;
using testing::run_on;

Resource hub(bool enabled, json standards = json::array()) {
  return resource("AWS::SecurityHub::Hub", "hub/default",
                  {{"enabled", enabled}, {"auto_enable_controls", true}, {"standards", standards}});
}

Inventory gap_inventory(const std::string& service, const std::string& action, const std::string& type) {
  Inventory inv;
  inv.account = "111122223333";
  inv.regions = {{"us-east-1", "opt-in-not-required", true}, {"eu-west-1", "opt-in-not-required", true}};
  inv.add_gap(denied(service, action, "eu-west-1", type));
  return inv;
}

TEST(SecurityHubEnabled, PassFailNotAssessed) {
  EXPECT_EQ(run_on("securityhub_enabled", hub(true)).status, CheckStatus::kPass);
  auto r = run_on("securityhub_enabled", hub(false));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Security Hub is not enabled in us-east-1");
  auto findings = run_check(*find_check("securityhub_enabled"),
                            gap_inventory("securityhub", "securityhub:DescribeHub", "AWS::SecurityHub::Hub"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status, CheckStatus::kNotAssessed);
  EXPECT_EQ(findings[0].detail, "securityhub:DescribeHub denied in eu-west-1 (AccessDenied)");
  EXPECT_EQ(find_check("securityhub_enabled")->meta.cis, std::vector<std::string>{"4.16"});
}

TEST(SecurityHubStandards, PassFailNotAssessed) {
  json both = {{{"arn", "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0"},
                {"status", "READY"}},
               {{"arn", "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0"},
                {"status", "READY"}}};
  EXPECT_EQ(run_on("securityhub_standards_enabled", hub(true, both)).status, CheckStatus::kPass);
  json fsbp_only = json::array({both[0]});
  auto r = run_on("securityhub_standards_enabled", hub(true, fsbp_only));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "no CIS AWS Foundations standard is enabled in Security Hub in us-east-1");
  EXPECT_EQ(run_on("securityhub_standards_enabled", hub(true)).status, CheckStatus::kFail);
  EXPECT_EQ(run_on("securityhub_standards_enabled", hub(false)).status, CheckStatus::kFail);
  json failed = both;
  failed[1]["status"] = "FAILED";
  EXPECT_EQ(run_on("securityhub_standards_enabled", hub(true, failed)).status, CheckStatus::kFail);
  Resource unknown = hub(true);
  unknown.props.erase("standards");
  unknown.missing["standards"] = "securityhub:GetEnabledStandards denied (AccessDenied)";
  r = run_on("securityhub_standards_enabled", unknown);
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "securityhub:GetEnabledStandards denied (AccessDenied)");
}

Resource guardduty(json detectors, bool enabled) {
  return resource("AWS::GuardDuty::RegionStatus", "guardduty-us-east-1",
                  {{"detectors", detectors}, {"enabled", enabled}});
}

TEST(GuardDutyEnabled, PassFailNotAssessed) {
  EXPECT_EQ(run_on("guardduty_is_enabled", guardduty({{{"id", "d1"}, {"status", "ENABLED"}}}, true)).status,
            CheckStatus::kPass);
  auto r = run_on("guardduty_is_enabled", guardduty(json::array(), false));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "no GuardDuty detector in us-east-1");
  r = run_on("guardduty_is_enabled", guardduty({{{"id", "d1"}, {"status", "DISABLED"}}}, false));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "GuardDuty detector d1 in us-east-1 is suspended");
  Resource unknown = guardduty({{{"id", "d1"}, {"status", nullptr}}}, false);
  unknown.missing["enabled"] = "guardduty:GetDetector denied (AccessDenied)";
  r = run_on("guardduty_is_enabled", unknown);
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "guardduty:GetDetector denied (AccessDenied)");
  auto findings = run_check(*find_check("guardduty_is_enabled"),
                            gap_inventory("guardduty", "guardduty:ListDetectors", "AWS::GuardDuty::RegionStatus"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].detail, "guardduty:ListDetectors denied in eu-west-1 (AccessDenied)");
  EXPECT_EQ(find_check("guardduty_is_enabled")->meta.fsbp, std::vector<std::string>{"GuardDuty.1"});
}

}  // namespace
}  // namespace cloudpeek::checks
