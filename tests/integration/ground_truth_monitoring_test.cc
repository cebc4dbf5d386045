// Ground truth for the monitoring vertical: the CIS 4.x chain (CloudTrail from
// 21-cloudtrail.json, log groups and metric filters, alarms, SNS topics),
// GuardDuty, Security Hub, SQS, Secrets Manager and ACM against the insecure
// scenario — every expected FAIL and PASS, no unexpected FAIL, full coverage.
#include <gtest/gtest.h>

#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

GroundTruthOptions options() {
  GroundTruthOptions o;
  o.services = {"cloudtrail", "logs", "cloudwatch", "cloudwatch_account", "sns", "guardduty",
                "securityhub", "sqs", "secretsmanager", "acm"};
  o.check_services = {"cloudwatch", "sns", "guardduty", "securityhub", "sqs", "secretsmanager", "acm"};
  return o;
}

TEST(GroundTruthMonitoring, InsecureScenarioMatchesExactly) {
  GroundTruth result = run_ground_truth(options());
  EXPECT_TRUE(result.problems.empty()) << join_lines(result.problems);
  EXPECT_GE(result.expected_fail, 30);
  EXPECT_GE(result.expected_pass, 30);
  // The chain is judged once for the account.
  int chain = 0;
  for (const auto& f : result.findings)
    if (f.resource_arn == "arn:aws:cloudwatch::111122223333:account-monitoring") ++chain;
  EXPECT_EQ(chain, 15);
}

TEST(GroundTruthMonitoring, DeniedMetricFiltersMakeTheChainNotAssessed) {
  GroundTruthOptions o = options();
  o.identity = "limited";  // lacks logs:DescribeMetricFilters
  o.require_full_coverage = false;
  GroundTruth result = run_ground_truth(o);
  int not_assessed = 0;
  for (const auto& f : result.findings) {
    if (f.resource_arn != "arn:aws:cloudwatch::111122223333:account-monitoring") continue;
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << ": " << f.detail;
    EXPECT_NE(f.detail.find("logs:DescribeMetricFilters denied in us-east-1"), std::string::npos) << f.detail;
    ++not_assessed;
  }
  EXPECT_EQ(not_assessed, 15);
}

}  // namespace
}  // namespace cloudpeek::testing
