// SNS topics and SQS queues: encryption at rest and public policies.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

json policy(json principal, json condition = nullptr) {
  json s = {{"Sid", "S1"}, {"Effect", "Allow"}, {"Principal", principal}, {"Action", "sns:Publish"}, {"Resource", "*"}};
  if (!condition.is_null()) s["Condition"] = condition;
  return {{"Version", "2012-10-17"}, {"Statement", json::array({s})}};
}

Resource topic(json key, json pol) {
  return resource("AWS::SNS::Topic", "t", {{"name", "t"}, {"kms_master_key_id", key}, {"policy", pol},
                                           {"confirmed_subscriptions", 0}});
}

TEST(SnsEncryption, PassFailNotAssessed) {
  const char* id = "sns_topics_kms_encryption_at_rest_enabled";
  EXPECT_EQ(run_on(id, topic("alias/aws/sns", nullptr)).status, CheckStatus::kPass);
  auto r = run_on(id, topic(nullptr, nullptr));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "topic t is not encrypted at rest with a KMS key");
  Resource unknown = resource("AWS::SNS::Topic", "t", {{"name", "t"}});
  unknown.missing["kms_master_key_id"] = "sns:GetTopicAttributes denied (AccessDenied)";
  r = run_on(id, unknown);
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "sns:GetTopicAttributes denied (AccessDenied)");
  EXPECT_EQ(find_check(id)->meta.fsbp, std::vector<std::string>{"SNS.1"});
}

TEST(SnsPublic, PassFailNotAssessed) {
  const char* id = "sns_topics_not_publicly_accessible";
  EXPECT_EQ(run_on(id, topic(nullptr, nullptr)).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, topic(nullptr, policy({{"AWS", "arn:aws:iam::111122223333:root"}}))).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, topic(nullptr, policy("*", {{"StringEquals", {{"aws:SourceOwner", "111122223333"}}}}))).status,
            CheckStatus::kPass);
  auto r = run_on(id, topic(nullptr, policy("*")));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "topic t policy statement S1 allows any principal (\"*\") without a condition");
  EXPECT_EQ(run_on(id, topic(nullptr, policy({{"AWS", json::array({"*"})}}))).status, CheckStatus::kFail);
  json deny = policy("*");
  deny["Statement"][0]["Effect"] = "Deny";
  EXPECT_EQ(run_on(id, topic(nullptr, deny)).status, CheckStatus::kPass);
  Resource unknown = resource("AWS::SNS::Topic", "t", {{"name", "t"}});
  unknown.missing["policy"] = "sns:GetTopicAttributes denied (AccessDenied)";
  EXPECT_EQ(run_on(id, unknown).status, CheckStatus::kNotAssessed);
}

Resource queue(json key, bool sse, json pol) {
  return resource("AWS::SQS::Queue", "q",
                  {{"name", "q"}, {"kms_master_key_id", key}, {"sqs_managed_sse_enabled", sse}, {"policy", pol}});
}

TEST(SqsEncryption, PassFailNotAssessed) {
  const char* id = "sqs_queues_server_side_encryption_enabled";
  EXPECT_EQ(run_on(id, queue("alias/aws/sqs", false, nullptr)).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, queue(nullptr, true, nullptr)).status, CheckStatus::kPass);
  auto r = run_on(id, queue(nullptr, false, nullptr));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "queue q is not encrypted at rest");
  Resource unknown = resource("AWS::SQS::Queue", "q", {{"name", "q"}});
  unknown.missing["kms_master_key_id"] = "sqs:GetQueueAttributes denied (AccessDenied)";
  r = run_on(id, unknown);
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "sqs:GetQueueAttributes denied (AccessDenied)");
  EXPECT_EQ(find_check(id)->meta.fsbp, std::vector<std::string>{"SQS.1"});
}

TEST(SqsPublic, PassFailNotAssessed) {
  const char* id = "sqs_queues_not_publicly_accessible";
  EXPECT_EQ(run_on(id, queue(nullptr, true, nullptr)).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, queue(nullptr, true, policy({{"Service", "sns.amazonaws.com"}},
                                                   {{"ArnEquals", {{"aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:t"}}}})))
                .status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on(id, queue(nullptr, true, policy({{"AWS", "*"}}))).status, CheckStatus::kFail);
  Resource unknown = resource("AWS::SQS::Queue", "q", {{"name", "q"}});
  unknown.missing["policy"] = "sqs:GetQueueAttributes denied (AccessDenied)";
  auto r = run_on(id, unknown);
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "sqs:GetQueueAttributes denied (AccessDenied)");
}

}  // namespace
}  // namespace cloudpeek::checks
