// Ground truth for Lambda, ECR, DynamoDB, EKS and CloudFront: the insecure
// scenario's planted problems are all reported, its good configurations
// pass, nothing else fails, and every call is served (coverage complete).
#include <gtest/gtest.h>

#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

TEST(GroundTruthAppServices, MatchesTheInsecureScenario) {
  GroundTruthOptions options;
  // EC2 for the subnets (their Availability Zones) that VPC functions use; its checks are judged elsewhere.
  options.services = {"lambda", "lambda-layers", "ecr", "dynamodb", "eks", "cloudfront", "ec2"};
  options.check_services = {"lambda", "ecr", "dynamodb", "eks", "cloudfront"};
  GroundTruth result = run_ground_truth(options);
  EXPECT_TRUE(result.problems.empty()) << join_lines(result.problems);
  EXPECT_GE(result.expected_fail, 30);
  EXPECT_GE(result.expected_pass, 40);

  // Environment variable values never reach the inventory: names only.
  for (const auto& fn : result.inventory.of_type("AWS::Lambda::Function")) {
    const std::string dump = fn.raw.dump() + fn.props.dump();
    EXPECT_EQ(dump.find("not-a-real-"), std::string::npos) << "environment value kept for " << fn.name;
  }
  // CloudFront paging (3 distributions, page size 2) loses none.
  EXPECT_EQ(result.inventory.of_type("AWS::CloudFront::Distribution").size(), 3u);
  // One registry scanning configuration per scanned region.
  EXPECT_EQ(result.inventory.of_type("AWS::ECR::RegistryScanningConfiguration").size(), 3u);
}

// `limited` may not call lambda:GetPolicy: the public-policy check says so
// for every function instead of passing them.
TEST(GroundTruthAppServices, DeniedGetPolicyIsNotAssessedNamingTheAction) {
  GroundTruthOptions options;
  options.services = {"lambda"};
  options.identity = "limited";
  options.require_full_coverage = false;
  GroundTruth result = run_ground_truth(options);
  int not_assessed = 0;
  for (const auto& f : result.findings) {
    if (f.check_id != "lambda_function_not_publicly_accessible") continue;
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.resource_arn << ": " << f.detail;
    EXPECT_NE(f.detail.find("lambda:GetPolicy"), std::string::npos) << f.detail;
    ++not_assessed;
  }
  EXPECT_EQ(not_assessed, 5);
  // The runtime check does not need the policy and still decides.
  for (const auto& f : result.findings)
    if (f.check_id == "lambda_function_using_supported_runtimes") EXPECT_NE(f.status, CheckStatus::kNotAssessed);
}

}  // namespace
}  // namespace cloudpeek::testing
