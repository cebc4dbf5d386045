// KMS checks on small inventories: PASS, FAIL and NOT_ASSESSED for each.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

json root_policy() {
  return {{"Version", "2012-10-17"},
          {"Statement", json::array({{{"Effect", "Allow"},
                                      {"Principal", {{"AWS", "arn:aws:iam::111122223333:root"}}},
                                      {"Action", "kms:*"},
                                      {"Resource", "*"}}})}};
}

Resource key(json extra = json::object()) {
  json props = {{"key_id", "k"}, {"key_manager", "CUSTOMER"}, {"key_spec", "SYMMETRIC_DEFAULT"},
                {"key_usage", "ENCRYPT_DECRYPT"}, {"key_state", "Enabled"}, {"enabled", true},
                {"origin", "AWS_KMS"}, {"deletion_date", nullptr}, {"rotation_enabled", true},
                {"policy", root_policy()}, {"aliases", json::array()}};
  props.update(extra);
  return resource("AWS::KMS::Key", "k", props);
}

TEST(KmsRotation, PassFailNotAssessed) {
  EXPECT_EQ(run_on("kms_cmk_rotation_enabled", key()).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("kms_cmk_rotation_enabled", key({{"rotation_enabled", false}})).status, CheckStatus::kFail);
  // AWS managed keys pass (AWS rotates them); an asymmetric key is outside the check.
  EXPECT_EQ(run_on("kms_cmk_rotation_enabled", key({{"key_manager", "AWS"}, {"rotation_enabled", false}})).status,
            CheckStatus::kPass);
  EXPECT_FALSE(run_on("kms_cmk_rotation_enabled", key({{"key_spec", "RSA_2048"}, {"rotation_enabled", false}})).applicable);
  EXPECT_FALSE(run_on("kms_cmk_rotation_enabled", key({{"origin", "EXTERNAL"}, {"rotation_enabled", false}})).applicable);
  EXPECT_FALSE(
      run_on("kms_cmk_rotation_enabled", key({{"key_state", "PendingDeletion"}, {"rotation_enabled", false}})).applicable);
  Resource d = key();
  d.props.erase("rotation_enabled");
  d.missing["rotation_enabled"] = "kms:GetKeyRotationStatus denied in us-east-1 (AccessDenied)";
  auto n = run_on("kms_cmk_rotation_enabled", d);
  EXPECT_EQ(n.status, CheckStatus::kNotAssessed);
  EXPECT_NE(n.detail.find("kms:GetKeyRotationStatus"), std::string::npos);
}

TEST(KmsScheduledDeletion, PassFailNotAssessed) {
  EXPECT_EQ(run_on("kms_cmk_not_scheduled_for_deletion", key()).status, CheckStatus::kPass);
  // KMS.3 is about customer managed keys: an AWS managed key gets no finding.
  EXPECT_FALSE(run_on("kms_cmk_not_scheduled_for_deletion", key({{"key_manager", "AWS"}})).applicable);
  auto f = run_on("kms_cmk_not_scheduled_for_deletion",
                  key({{"key_state", "PendingDeletion"}, {"deletion_date", "2026-12-02T00:00:00Z"}}));
  EXPECT_EQ(f.status, CheckStatus::kFail);
  EXPECT_NE(f.detail.find("2026-12-02"), std::string::npos);
  Resource d = key();
  d.props.erase("key_state");
  d.missing["key_state"] = "kms:DescribeKey denied (AccessDenied)";
  EXPECT_EQ(run_on("kms_cmk_not_scheduled_for_deletion", d).status, CheckStatus::kNotAssessed);
}

TEST(KmsPublicPolicy, PassFailNotAssessed) {
  EXPECT_EQ(run_on("kms_key_not_publicly_accessible", key()).status, CheckStatus::kPass);
  json open = root_policy();
  open["Statement"].push_back({{"Sid", "Everyone"}, {"Effect", "Allow"}, {"Principal", "*"}, {"Action", "kms:Decrypt"}});
  auto f = run_on("kms_key_not_publicly_accessible", key({{"policy", open}}));
  EXPECT_EQ(f.status, CheckStatus::kFail);
  EXPECT_NE(f.detail.find("Everyone"), std::string::npos);
  // The AWS managed key pattern: "*" limited by kms:CallerAccount.
  open["Statement"][1]["Condition"] = {{"StringEquals", {{"kms:CallerAccount", "111122223333"}}}};
  EXPECT_EQ(run_on("kms_key_not_publicly_accessible", key({{"policy", open}})).status, CheckStatus::kPass);
  Resource d = key();
  d.props.erase("policy");
  d.missing["policy"] = "kms:GetKeyPolicy denied (AccessDenied)";
  auto n = run_on("kms_key_not_publicly_accessible", d);
  EXPECT_EQ(n.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(n.detail, "kms:GetKeyPolicy denied (AccessDenied)");
}

}  // namespace
}  // namespace cloudpeek::checks
