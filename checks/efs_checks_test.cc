// EFS checks: encryption at rest (CIS 2.4.1) and automatic backups.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

TEST(EfsChecks, EncryptionAtRest) {
  const char* id = "efs_encryption_at_rest_enabled";
  EXPECT_EQ(run_on(id, resource("AWS::EFS::FileSystem", "fs-1", {{"encrypted", true}})).status, CheckStatus::kPass);
  auto f = run_on(id, resource("AWS::EFS::FileSystem", "fs-1", {{"encrypted", false}}));
  EXPECT_EQ(f.status, CheckStatus::kFail);
  EXPECT_EQ(f.detail, "EFS file system fs-1 is not encrypted at rest.");
  EXPECT_EQ(run_on(id, resource("AWS::EFS::FileSystem", "fs-1", json::object())).status, CheckStatus::kNotAssessed);
  EXPECT_EQ(find_check(id)->meta.cis, std::vector<std::string>{"2.4.1"});
}

TEST(EfsChecks, Backups) {
  const char* id = "efs_have_backup_enabled";
  EXPECT_EQ(run_on(id, resource("AWS::EFS::FileSystem", "fs-1", {{"backup_status", "ENABLED"}})).status,
            CheckStatus::kPass);
  auto f = run_on(id, resource("AWS::EFS::FileSystem", "fs-1", {{"backup_status", "DISABLED"}}));
  EXPECT_EQ(f.status, CheckStatus::kFail);
  EXPECT_EQ(f.detail, "EFS file system fs-1 has automatic backups DISABLED.");
  Resource r = resource("AWS::EFS::FileSystem", "fs-1", {{"encrypted", true}});
  r.missing["backup_status"] = "elasticfilesystem:DescribeBackupPolicy denied (AccessDeniedException)";
  auto na = run_on(id, r);
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(na.detail, "elasticfilesystem:DescribeBackupPolicy denied (AccessDeniedException)");
}

}  // namespace
}  // namespace cloudpeek::checks
