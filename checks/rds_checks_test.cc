// RDS checks: instances (encryption, minor upgrades, public access, Multi-AZ,
// deletion protection, backups — cluster members judged by their cluster),
// clusters, and DB / cluster snapshots.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::denied;
using testing::resource;
using testing::run_on;

json good_instance() {
  return {{"storage_encrypted", true}, {"auto_minor_version_upgrade", true}, {"publicly_accessible", false},
          {"backup_retention_period", 7}, {"multi_az", true}, {"deletion_protection", true}, {"cluster", nullptr}};
}

TEST(RdsChecks, InstancePassFailNotAssessed) {
  struct {
    const char* check;
    const char* prop;
    json bad;
  } cases[] = {{"rds_instance_storage_encrypted", "storage_encrypted", false},
               {"rds_instance_minor_version_upgrade_enabled", "auto_minor_version_upgrade", false},
               {"rds_instance_no_public_access", "publicly_accessible", true},
               {"rds_instance_multi_az", "multi_az", false},
               {"rds_instance_deletion_protection", "deletion_protection", false},
               {"rds_instance_backup_enabled", "backup_retention_period", 0}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.check);
    EXPECT_EQ(run_on(c.check, resource("AWS::RDS::DBInstance", "db-1", good_instance())).status, CheckStatus::kPass);
    json bad = good_instance();
    bad[c.prop] = c.bad;
    EXPECT_EQ(run_on(c.check, resource("AWS::RDS::DBInstance", "db-1", bad)).status, CheckStatus::kFail);
    Resource missing = resource("AWS::RDS::DBInstance", "db-1", good_instance());
    missing.props.erase(c.prop);
    missing.missing[c.prop] = "rds:DescribeDBInstances denied (AccessDenied)";
    auto na = run_on(c.check, missing);
    EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
    EXPECT_EQ(na.detail, "rds:DescribeDBInstances denied (AccessDenied)");
  }
  json short_backups = good_instance();
  short_backups["backup_retention_period"] = 3;
  EXPECT_EQ(run_on("rds_instance_backup_enabled", resource("AWS::RDS::DBInstance", "db-1", short_backups)).detail,
            "DB instance db-1 keeps automated backups for only 3 days (fewer than 7).");
}

TEST(RdsChecks, ClusterMembersAreJudgedByTheirCluster) {
  json member = good_instance();
  member["multi_az"] = false;  // Aurora instances report false; the cluster decides
  member["deletion_protection"] = false;
  member["cluster"] = "aurora-1";
  Resource inst = resource("AWS::RDS::DBInstance", "aurora-1-a", member);
  Inventory inv;
  inv.add(resource("AWS::RDS::DBCluster", "aurora-1", {{"multi_az", true}, {"deletion_protection", false}}));
  EXPECT_EQ(run_on("rds_instance_multi_az", inst, inv).status, CheckStatus::kPass);
  auto del = run_on("rds_instance_deletion_protection", inst, inv);
  EXPECT_EQ(del.status, CheckStatus::kFail);
  EXPECT_EQ(del.detail, "DB instance aurora-1-a belongs to cluster aurora-1, which has deletion protection disabled.");
  // The clusters could not be listed: no verdict.
  Inventory gap;
  gap.add_gap(denied("rds", "rds:DescribeDBClusters", "us-east-1", "AWS::RDS::DBCluster"));
  auto na = run_on("rds_instance_multi_az", inst, gap);
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(na.detail, "rds:DescribeDBClusters denied in us-east-1 (AccessDenied)");
}

TEST(RdsChecks, ClustersAndSnapshots) {
  struct {
    const char* check;
    const char* type;
    const char* prop;
    bool good;
    const char* action;
  } cases[] = {
      {"rds_cluster_storage_encrypted", "AWS::RDS::DBCluster", "storage_encrypted", true, "rds:DescribeDBClusters"},
      {"rds_cluster_deletion_protection", "AWS::RDS::DBCluster", "deletion_protection", true, "rds:DescribeDBClusters"},
      {"rds_snapshots_public_access", "AWS::RDS::DBSnapshot", "public", false, "rds:DescribeDBSnapshotAttributes"},
      {"rds_snapshots_encrypted", "AWS::RDS::DBSnapshot", "encrypted", true, "rds:DescribeDBSnapshots"},
      {"rds_cluster_snapshots_public_access", "AWS::RDS::DBClusterSnapshot", "public", false,
       "rds:DescribeDBClusterSnapshotAttributes"},
      {"rds_cluster_snapshots_encrypted", "AWS::RDS::DBClusterSnapshot", "encrypted", true,
       "rds:DescribeDBClusterSnapshots"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.check);
    EXPECT_EQ(run_on(c.check, resource(c.type, "x", {{c.prop, c.good}})).status, CheckStatus::kPass);
    EXPECT_EQ(run_on(c.check, resource(c.type, "x", {{c.prop, !c.good}})).status, CheckStatus::kFail);
    Resource r = resource(c.type, "x", json::object());
    r.missing[c.prop] = std::string(c.action) + " denied (AccessDenied)";
    auto na = run_on(c.check, r);
    EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
    EXPECT_EQ(na.detail, std::string(c.action) + " denied (AccessDenied)");
  }
  EXPECT_EQ(find_check("rds_instance_no_public_access")->meta.cis, std::vector<std::string>{"2.3.3"});
  EXPECT_EQ(find_check("rds_snapshots_public_access")->meta.fsbp, std::vector<std::string>{"RDS.1"});
}

// The settings checks added for FSBP RDS.6, 9, 10, 12, 14, 15, 16, 17, 23, 24, 25.
json mysql_instance() {
  return {{"engine", "mysql"}, {"cluster", nullptr}, {"iam_auth", true}, {"monitoring_interval", 60},
          {"enabled_logs", {"audit", "error", "general", "slowquery"}}, {"master_username", "dbowner"},
          {"port", 3307}, {"copy_tags_to_snapshot", true}};
}

TEST(RdsChecks, InstanceSettingsPassFailNotAssessed) {
  struct {
    const char* check;
    const char* prop;
    json bad;
  } cases[] = {{"rds_instance_iam_authentication_enabled", "iam_auth", false},
               {"rds_instance_enhanced_monitoring_enabled", "monitoring_interval", 0},
               {"rds_instance_cloudwatch_logs_exported", "enabled_logs", {"error", "slowquery"}},
               {"rds_instance_default_admin_username", "master_username", "admin"},
               {"rds_instance_default_port", "port", 3306},
               {"rds_instance_copy_tags_to_snapshots", "copy_tags_to_snapshot", false}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.check);
    EXPECT_EQ(run_on(c.check, resource("AWS::RDS::DBInstance", "db-1", mysql_instance())).status, CheckStatus::kPass);
    json bad = mysql_instance();
    bad[c.prop] = c.bad;
    EXPECT_EQ(run_on(c.check, resource("AWS::RDS::DBInstance", "db-1", bad)).status, CheckStatus::kFail);
    Resource missing = resource("AWS::RDS::DBInstance", "db-1", mysql_instance());
    missing.props.erase(c.prop);
    missing.missing[c.prop] = "rds:DescribeDBInstances denied (AccessDenied)";
    EXPECT_EQ(run_on(c.check, missing).status, CheckStatus::kNotAssessed);
  }
  json partial = mysql_instance();
  partial["enabled_logs"] = {"error", "slowquery"};
  EXPECT_EQ(run_on("rds_instance_cloudwatch_logs_exported", resource("AWS::RDS::DBInstance", "db-1", partial)).detail,
            "DB instance db-1 does not export these mysql logs to CloudWatch Logs: audit, general.");
}

TEST(RdsChecks, EngineSpecificSettings) {
  json pg = mysql_instance();
  pg["engine"] = "postgres";
  pg["port"] = 5432;
  pg["enabled_logs"] = {"postgresql"};
  auto r = resource("AWS::RDS::DBInstance", "pg-1", pg);
  EXPECT_EQ(run_on("rds_instance_default_port", r).status, CheckStatus::kFail);
  EXPECT_EQ(run_on("rds_instance_cloudwatch_logs_exported", r).detail,
            "DB instance pg-1 does not export these postgres logs to CloudWatch Logs: upgrade.");
  // SQL Server has no IAM database authentication: nothing to fix.
  json ss = mysql_instance();
  ss["engine"] = "sqlserver-se";
  ss["iam_auth"] = false;
  EXPECT_FALSE(run_on("rds_instance_iam_authentication_enabled", resource("AWS::RDS::DBInstance", "ss-1", ss)).applicable);
  // An engine CloudPeek does not know is never a PASS of the port or log checks.
  json other = mysql_instance();
  other["engine"] = "custom-engine";
  EXPECT_EQ(run_on("rds_instance_default_port", resource("AWS::RDS::DBInstance", "x-1", other)).status,
            CheckStatus::kNotAssessed);
  EXPECT_EQ(run_on("rds_instance_cloudwatch_logs_exported", resource("AWS::RDS::DBInstance", "x-1", other)).status,
            CheckStatus::kNotAssessed);
  // An instance being created has no endpoint yet.
  json creating = mysql_instance();
  creating["port"] = nullptr;
  EXPECT_EQ(run_on("rds_instance_default_port", resource("AWS::RDS::DBInstance", "c-1", creating)).status,
            CheckStatus::kNotAssessed);
}

TEST(RdsChecks, ClusterMemberSettingsComeFromTheCluster) {
  json member = mysql_instance();
  member["engine"] = "aurora-mysql";
  member["cluster"] = "aurora-2";
  member["iam_auth"] = false;          // the cluster's setting applies
  member["enabled_logs"] = json::array();
  Resource inst = resource("AWS::RDS::DBInstance", "aurora-2-a", member);
  Inventory inv;
  inv.add(resource("AWS::RDS::DBCluster", "aurora-2",
                   {{"engine", "aurora-mysql"}, {"iam_auth", true}, {"enabled_logs", {"audit", "error", "general", "slowquery"}},
                    {"master_username", "admin"}, {"copy_tags_to_snapshot", false}}));
  EXPECT_EQ(run_on("rds_instance_iam_authentication_enabled", inst, inv).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("rds_instance_cloudwatch_logs_exported", inst, inv).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("rds_instance_default_admin_username", inst, inv).status, CheckStatus::kFail);
  auto tags = run_on("rds_instance_copy_tags_to_snapshots", inst, inv);
  EXPECT_EQ(tags.status, CheckStatus::kFail);
  EXPECT_EQ(tags.detail, "DB instance aurora-2-a does not copy its tags to snapshots (set on its cluster aurora-2).");
}

TEST(RdsChecks, ClusterSettings) {
  json good = {{"engine", "aurora-mysql"}, {"iam_auth", true}, {"multi_az", true}, {"master_username", "owner"},
               {"copy_tags_to_snapshot", true}, {"backtrack_window", 86400}};
  struct {
    const char* check;
    const char* prop;
    json bad;
  } cases[] = {{"rds_cluster_iam_authentication_enabled", "iam_auth", false},
               {"rds_cluster_multi_az", "multi_az", false},
               {"rds_cluster_default_admin_username", "master_username", "postgres"},
               {"rds_cluster_copy_tags_to_snapshots", "copy_tags_to_snapshot", false},
               {"rds_cluster_backtracking_enabled", "backtrack_window", 0}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.check);
    EXPECT_EQ(run_on(c.check, resource("AWS::RDS::DBCluster", "cl-1", good)).status, CheckStatus::kPass);
    json bad = good;
    bad[c.prop] = c.bad;
    EXPECT_EQ(run_on(c.check, resource("AWS::RDS::DBCluster", "cl-1", bad)).status, CheckStatus::kFail);
    Resource missing = resource("AWS::RDS::DBCluster", "cl-1", good);
    missing.props.erase(c.prop);
    missing.missing[c.prop] = "rds:DescribeDBClusters denied (AccessDenied)";
    EXPECT_EQ(run_on(c.check, missing).status, CheckStatus::kNotAssessed);
  }
  // Backtracking exists for Aurora MySQL only.
  json pg = good;
  pg["engine"] = "aurora-postgresql";
  pg["backtrack_window"] = 0;
  EXPECT_FALSE(run_on("rds_cluster_backtracking_enabled", resource("AWS::RDS::DBCluster", "pg", pg)).applicable);
  // DocumentDB clusters (DescribeDBClusters lists them too) have no IAM database authentication.
  json docdb = good;
  docdb["engine"] = "docdb";
  docdb["iam_auth"] = false;
  EXPECT_FALSE(run_on("rds_cluster_iam_authentication_enabled", resource("AWS::RDS::DBCluster", "doc", docdb)).applicable);
}


// Snapshots shared with named accounts (the restore attribute without "all"):
// FAIL naming every account, PASS when none, NOT_ASSESSED naming the denied
// attributes call. A public snapshot shared with no named account passes
// here (the public-access check reports it).
TEST(RdsChecks, SnapshotsSharedWithOtherAccounts) {
  struct {
    const char* check;
    const char* type;
    const char* what;
    const char* action;
  } cases[] = {{"rds_snapshots_shared_with_other_accounts", "AWS::RDS::DBSnapshot", "DB snapshot",
                "rds:DescribeDBSnapshotAttributes"},
               {"rds_cluster_snapshots_shared_with_other_accounts", "AWS::RDS::DBClusterSnapshot",
                "DB cluster snapshot", "rds:DescribeDBClusterSnapshotAttributes"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.check);
    auto one = run_on(c.check, resource(c.type, "s1", {{"public", false}, {"shared_accounts", {"444455556666"}}}));
    EXPECT_EQ(one.status, CheckStatus::kFail);
    EXPECT_EQ(one.detail, std::string(c.what) + " s1 can be restored by 1 other AWS account: 444455556666.");
    auto two = run_on(c.check, resource(c.type, "s2", {{"public", true},
                                                      {"shared_accounts", {"222233334444", "555566667777"}}}));
    EXPECT_EQ(two.status, CheckStatus::kFail);
    EXPECT_EQ(two.detail,
              std::string(c.what) + " s2 can be restored by 2 other AWS accounts: 222233334444, 555566667777.");
    auto pub = run_on(c.check, resource(c.type, "s3", {{"public", true}, {"shared_accounts", json::array()}}));
    EXPECT_EQ(pub.status, CheckStatus::kPass);
    EXPECT_EQ(pub.detail, std::string(c.what) + " s3 is not shared with another AWS account.");
    Resource r = resource(c.type, "s4", {{"encrypted", true}});
    r.missing["shared_accounts"] = std::string(c.action) + " denied (AccessDenied)";
    auto na = run_on(c.check, r);
    EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
    EXPECT_EQ(na.detail, std::string(c.action) + " denied (AccessDenied)");
    const Check* check = find_check(c.check);
    ASSERT_NE(check, nullptr);
    EXPECT_EQ(check->meta.severity, Severity::kMedium);
    EXPECT_EQ(check->reads, std::vector<std::string>{"shared_accounts"});
  }
}

}  // namespace
}  // namespace cloudpeek::checks
