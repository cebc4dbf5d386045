// DynamoDB checks: point-in-time recovery, KMS encryption, deletion protection.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

Resource table(json props) { return resource("AWS::DynamoDB::Table", "orders", std::move(props)); }

Resource described_failed(const std::string& prop) {
  Resource r = table(json::object());
  r.missing[prop] = "dynamodb:DescribeTable denied (AccessDeniedException)";
  return r;
}

TEST(DynamoPitr, PassFailNotAssessed) {
  const char* id = "dynamodb_tables_pitr_enabled";
  EXPECT_EQ(run_on(id, table({{"pitr_status", "ENABLED"}})).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, table({{"pitr_status", "DISABLED"}})).status, CheckStatus::kFail);
  Resource r = table(json::object());
  r.missing["pitr_status"] = "dynamodb:DescribeContinuousBackups denied (AccessDeniedException)";
  auto res = run_on(id, r);
  EXPECT_EQ(res.status, CheckStatus::kNotAssessed);
  EXPECT_NE(res.detail.find("dynamodb:DescribeContinuousBackups"), std::string::npos);
}

TEST(DynamoKms, PassFailNotAssessed) {
  const char* id = "dynamodb_tables_kms_cmk_encryption_enabled";
  const std::string cmk = "arn:aws:kms:us-east-1:111122223333:key/1111";
  const std::string aws_managed = "arn:aws:kms:us-east-1:111122223333:key/2222";
  Inventory inv;
  Resource k1 = resource("AWS::KMS::Key", "1111", {{"key_manager", "CUSTOMER"}});
  k1.arn = cmk;
  Resource k2 = resource("AWS::KMS::Key", "2222", {{"key_manager", "AWS"}});
  k2.arn = aws_managed;
  inv.add(k1);
  inv.add(k2);
  EXPECT_EQ(run_on(id, table({{"sse_type", "KMS"}, {"kms_key_arn", cmk}}), inv).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, table({{"sse_type", nullptr}, {"kms_key_arn", nullptr}}), inv).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, table({{"sse_type", "KMS"}, {"kms_key_arn", aws_managed}}), inv).status, CheckStatus::kFail);
  auto res = run_on(id, described_failed("sse_type"));
  EXPECT_EQ(res.status, CheckStatus::kNotAssessed);
  EXPECT_NE(res.detail.find("dynamodb:DescribeTable"), std::string::npos);
}

TEST(DynamoDeletionProtection, PassFailNotAssessed) {
  const char* id = "dynamodb_table_deletion_protection_enabled";
  EXPECT_EQ(run_on(id, table({{"deletion_protection", true}})).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, table({{"deletion_protection", false}})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, described_failed("deletion_protection")).status, CheckStatus::kNotAssessed);
  // DescribeTable without DeletionProtectionEnabled: unknown, not "disabled".
  Resource silent = table(json::object());
  silent.missing["deletion_protection"] = "DescribeTable of table orders in us-east-1 did not report DeletionProtectionEnabled";
  auto r = run_on(id, silent);
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "DescribeTable of table orders in us-east-1 did not report DeletionProtectionEnabled");
  EXPECT_EQ(run_on(id, table({{"deletion_protection", nullptr}})).status, CheckStatus::kNotAssessed);
}

}  // namespace
}  // namespace cloudpeek::checks
