// Lambda checks: public function policies, deprecated runtimes, public
// function URLs, secret-looking environment variable names.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

Resource fn(json props) { return resource("AWS::Lambda::Function", "fn", std::move(props)); }

json policy(json statement) { return json{{"Version", "2012-10-17"}, {"Statement", json::array({statement})}}; }

TEST(LambdaPublicPolicy, PassFailNotAssessed) {
  const char* id = "lambda_function_not_publicly_accessible";
  EXPECT_EQ(run_on(id, fn({{"policy", nullptr}})).status, CheckStatus::kPass);
  auto s3 = policy({{"Sid", "s3"}, {"Effect", "Allow"}, {"Principal", {{"Service", "s3.amazonaws.com"}}},
                    {"Action", "lambda:InvokeFunction"}});
  EXPECT_EQ(run_on(id, fn({{"policy", s3}})).status, CheckStatus::kPass);
  auto open = policy({{"Sid", "open"}, {"Effect", "Allow"}, {"Principal", "*"}, {"Action", "lambda:InvokeFunction"}});
  auto r = run_on(id, fn({{"policy", open}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("open"), std::string::npos);
  // A function URL auth-type condition does not make "*" private...
  auto url = policy({{"Sid", "FunctionURLAllowPublicAccess"}, {"Effect", "Allow"}, {"Principal", "*"},
                     {"Action", "lambda:InvokeFunctionUrl"},
                     {"Condition", {{"StringEquals", {{"lambda:FunctionUrlAuthType", "NONE"}}}}}});
  EXPECT_EQ(run_on(id, fn({{"policy", url}})).status, CheckStatus::kFail);
  // ...a source account does.
  auto scoped = policy({{"Sid", "scoped"}, {"Effect", "Allow"}, {"Principal", {{"AWS", "*"}}},
                        {"Action", "lambda:InvokeFunction"},
                        {"Condition", {{"StringEquals", {{"AWS:SourceAccount", "111122223333"}}}}}});
  EXPECT_EQ(run_on(id, fn({{"policy", scoped}})).status, CheckStatus::kPass);
  Resource denied = fn(json::object());
  denied.missing["policy"] = "lambda:GetPolicy denied (AccessDeniedException)";
  r = run_on(id, denied);
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "lambda:GetPolicy denied (AccessDeniedException)");
}

TEST(LambdaRuntime, PassFailNotAssessed) {
  const char* id = "lambda_function_using_supported_runtimes";
  EXPECT_EQ(run_on(id, fn({{"runtime", "python3.13"}})).status, CheckStatus::kPass);
  EXPECT_FALSE(run_on(id, fn({{"runtime", nullptr}, {"package_type", "Image"}})).applicable);
  auto r = run_on(id, fn({{"runtime", "python3.8"}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("2024-10-14"), std::string::npos) << r.detail;
  EXPECT_EQ(run_on(id, fn({{"runtime", "nodejs18.x"}})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, fn({{"runtime", "go1.x"}})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, fn({{"runtime", "python3.9"}})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, fn({{"runtime", nullptr}, {"package_type", "Zip"}})).status, CheckStatus::kNotAssessed);
}

TEST(LambdaUrl, PassFailNotAssessed) {
  const char* id = "lambda_function_url_public";
  EXPECT_EQ(run_on(id, fn({{"function_urls", json::array()}})).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, fn({{"function_urls", {{{"url", "https://x.lambda-url.us-east-1.on.aws/"},
                                                {"auth_type", "AWS_IAM"}}}}}))
                .status,
            CheckStatus::kPass);
  auto r = run_on(id, fn({{"function_urls", {{{"url", "https://y.lambda-url.us-east-1.on.aws/"},
                                              {"auth_type", "NONE"}, {"qualifier", "live"}}}}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("alias live"), std::string::npos);
  Resource denied = fn(json::object());
  denied.missing["function_urls"] = "lambda:ListFunctionUrlConfigs denied (AccessDeniedException)";
  r = run_on(id, denied);
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_NE(r.detail.find("lambda:ListFunctionUrlConfigs"), std::string::npos);
}

TEST(LambdaSecretNames, PassFailNotAssessed) {
  const char* id = "lambda_function_no_secrets_in_variable_names";
  EXPECT_EQ(run_on(id, fn({{"env_var_names", {"DB_HOST", "DB_SECRET_ARN", "TOKEN_URL", "LOG_LEVEL"}}})).status,
            CheckStatus::kPass);
  auto r = run_on(id, fn({{"env_var_names", {"DB_HOST", "DB_PASSWORD", "stripe_api_key"}}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("DB_PASSWORD, stripe_api_key"), std::string::npos) << r.detail;
  EXPECT_EQ(run_on(id, fn(json::object())).status, CheckStatus::kNotAssessed);
}

TEST(LambdaTracingAndVpc, PassFailNotAssessed) {
  EXPECT_EQ(run_on("lambda_function_tracing_enabled", fn({{"tracing_mode", "Active"}})).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("lambda_function_tracing_enabled", fn({{"tracing_mode", "PassThrough"}})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on("lambda_function_tracing_enabled", fn(json::object())).status, CheckStatus::kNotAssessed);
  EXPECT_EQ(run_on("lambda_function_in_vpc", fn({{"vpc_id", "vpc-1"}})).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("lambda_function_in_vpc", fn({{"vpc_id", nullptr}})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on("lambda_function_in_vpc", fn(json::object())).status, CheckStatus::kNotAssessed);
}

TEST(LambdaVpcMultiAz, ZonesComeFromTheSubnets) {
  const char* id = "lambda_function_vpc_multi_az";
  Inventory inv;
  inv.add(resource("AWS::EC2::Subnet", "subnet-a", {{"availability_zone", "us-east-1a"}}));
  inv.add(resource("AWS::EC2::Subnet", "subnet-a2", {{"availability_zone", "us-east-1a"}}));
  inv.add(resource("AWS::EC2::Subnet", "subnet-b", {{"availability_zone", "us-east-1b"}}));
  EXPECT_EQ(run_on(id, fn({{"vpc_id", "vpc-1"}, {"subnets", {"subnet-a", "subnet-b"}}}), inv).status, CheckStatus::kPass);
  auto one = run_on(id, fn({{"vpc_id", "vpc-1"}, {"subnets", {"subnet-a", "subnet-a2"}}}), inv);
  EXPECT_EQ(one.status, CheckStatus::kFail);
  EXPECT_EQ(one.detail, "Function fn has its VPC subnets in a single Availability Zone (us-east-1a).");
  EXPECT_FALSE(run_on(id, fn({{"vpc_id", nullptr}, {"subnets", json::array()}}), inv).applicable);
  // A subnet the inventory does not hold: its zone is unknown, never a PASS.
  EXPECT_EQ(run_on(id, fn({{"vpc_id", "vpc-1"}, {"subnets", {"subnet-a", "subnet-x"}}}), inv).status,
            CheckStatus::kNotAssessed);
}

}  // namespace
}  // namespace cloudpeek::checks
