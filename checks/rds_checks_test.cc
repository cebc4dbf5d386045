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

}  // namespace
}  // namespace cloudpeek::checks
