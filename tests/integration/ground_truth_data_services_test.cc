// Ground truth for the data services — Redshift and Redshift Serverless,
// OpenSearch, DocumentDB, Neptune, DMS, MSK and Amazon MQ: through the real scan engine, the
// insecure scenario's planted problems are all reported, its good
// configurations pass, and nothing else is found (every finding of these
// services' checks is declared in the scenario with its status). DocumentDB
// and Neptune come through the RDS API (collect/rds.cc): no second listing,
// and the RDS checks never judge their clusters, instances or snapshots. Then
// what the collectors keep (only the account's own resources) and cost in
// calls, NOT_ASSESSED naming a denied call, and per-resource calls made only
// for the checks that read them.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "checks/check.h"
#include "tests/integration/declared_reads.h"
#include "tests/integration/fakeaws_process.h"
#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

// Check services; DocumentDB's and Neptune's have no collector of their own (rds's).
const std::vector<std::string> kServices = {"redshift", "redshift-serverless", "opensearch", "docdb", "neptune",
                                            "dms", "kafka", "mq"};
const std::vector<std::string> kCollectors = {"redshift", "redshift-serverless", "opensearch", "rds", "dms", "kafka",
                                              "mq"};

TEST(GroundTruthDataServices, EngineFindingsAreExactlyTheScenarios) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());
  // 9 Redshift, 5 Redshift Serverless, 12 OpenSearch, 6 DocumentDB, 9 Neptune, 9 DMS, 5 MSK, 5 Amazon MQ.
  EXPECT_EQ(r.scan.checks_run.size(), 60u);
  EXPECT_EQ(finding_keys(r.truth.findings), declared_findings(r.scan.checks_run));
  // Less 28 resources outside their check (no finding): 7 endpoints × 3 engine-specific DMS checks (MongoDB,
  // Neptune, Redis settings), the serverless MSK cluster (mutual TLS), and 2 × 3 Amazon MQ engine-specific
  // checks (ActiveMQ audit logs and active/standby, RabbitMQ cluster mode) on the other engine's brokers.
  EXPECT_EQ(r.truth.findings.size(), 46u + 72 + 31 + 48 + 15 + 20 - 28);
  for (const auto& f : r.truth.findings)
    EXPECT_EQ(f.resource_arn.find("999988887777"), std::string::npos) << f.check_id << " on " << f.resource_arn;
  std::cout << r.scan.checks_run.size() << " checks, " << r.truth.findings.size() << " findings (FAIL "
            << r.truth.expected_fail << ", PASS " << r.truth.expected_pass << "), " << r.scan.api_calls << " calls\n";
}

// DocumentDB and Neptune items of the RDS listings are theirs alone: with the
// RDS checks selected too, every finding is still exactly the scenario's (an
// RDS check judging a DocumentDB cluster or instance would be a finding the
// scenario does not declare), and no RDS check names a us-west-2 resource,
// where the scenario's RDS API holds only DocumentDB and Neptune.
TEST(GroundTruthDataServices, RdsChecksNeverJudgeDocumentDbOrNeptune) {
  GroundTruthOptions options;
  options.services = {"rds", "docdb", "neptune"};
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_EQ(finding_keys(r.truth.findings), declared_findings(r.scan.checks_run));
  int docdb = 0, neptune = 0;
  for (const auto& f : r.truth.findings) {
    // The event-subscription checks judge the account in every region, us-west-2 too.
    if (f.check_id.starts_with("rds_") && f.resource_type != "AWS::RDS::EventSubscriptions") {
      EXPECT_NE(f.region, "us-west-2") << f.check_id << " judged " << f.resource_arn << ": " << f.detail;
    }
    docdb += f.check_id.starts_with("documentdb_");
    neptune += f.check_id.starts_with("neptune_");
  }
  EXPECT_EQ(docdb, 5 * 2 + 3);
  EXPECT_EQ(neptune, 7 * 2 + 2 * 2);
  // One listing per region serves all three engines (page size 2: us-west-2's 4 clusters are 2 pages, its 5
  // cluster snapshots 3; one page each in the other regions).
  EXPECT_EQ(r.requests["DescribeDBClusters"], 2 + 1 + 1);
  EXPECT_EQ(r.requests["DescribeDBClusterSnapshots"], 3 + 1 + 1);
}

TEST(GroundTruthDataServices, CollectorsKeepOnlyOwnResources) {
  GroundTruthOptions options;
  options.services = kCollectors;
  options.check_services = kServices;
  GroundTruth r = run_ground_truth(options);
  EXPECT_TRUE(r.problems.empty()) << join_lines(r.problems);
  const std::map<std::string, size_t> want = {{"AWS::Redshift::Cluster", 4},
                                              {"AWS::RedshiftServerless::Workgroup", 2},
                                              {"AWS::RedshiftServerless::Namespace", 2},
                                              {"AWS::OpenSearch::Domain", 6},
                                              {"AWS::DocDB::DBCluster", 2},
                                              {"AWS::DocDB::DBInstance", 1},
                                              {"AWS::DocDB::DBClusterSnapshot", 3},
                                              {"AWS::Neptune::DBCluster", 2},
                                              {"AWS::Neptune::DBInstance", 1},
                                              {"AWS::Neptune::DBClusterSnapshot", 2},
                                              {"AWS::DMS::ReplicationInstance", 2},
                                              {"AWS::DMS::Endpoint", 9},
                                              {"AWS::DMS::ReplicationTask", 3},
                                              {"AWS::MSK::Cluster", 3},
                                              {"AWS::AmazonMQ::Broker", 4}};
  for (const auto& [type, n] : want) EXPECT_EQ(r.inventory.of_type(type).size(), n) << type;
  for (const auto& n : r.inventory.of_type("AWS::RedshiftServerless::Namespace")) EXPECT_NE(n.name, "partner-ns");
  for (const auto& d : r.inventory.of_type("AWS::OpenSearch::Domain")) EXPECT_NE(d.name, "partner-search");
  // DMS endpoints keep no connection details.
  for (const auto& e : r.inventory.of_type("AWS::DMS::Endpoint")) {
    const std::string dump = e.raw.dump() + e.props.dump();
    EXPECT_EQ(dump.find("example.internal"), std::string::npos) << e.id;
    EXPECT_EQ(dump.find("dms_reader"), std::string::npos) << e.id;
  }
  for (const auto& b : r.inventory.of_type("AWS::AmazonMQ::Broker"))
    EXPECT_EQ(b.raw.dump().find("mq-admin"), std::string::npos) << "broker users kept for " << b.name;
  for (const char* type : {"AWS::RDS::DBCluster", "AWS::RDS::DBInstance", "AWS::RDS::DBClusterSnapshot"})
    for (const auto& x : r.inventory.of_type(type))
      EXPECT_NE(x.region, "us-west-2") << type << " " << x.id << " is DocumentDB's or Neptune's";
}

TEST(GroundTruthDataServices, CallsPerOperation) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  // Three regions, page size 2.
  const std::map<std::string, int> want = {
      // Redshift: clusters (3 in us-east-1 → 2 pages); the parameters of each group in use once, however many
      // clusters share it (default.redshift-1.0's 7 → 4 pages, ssl-required's 3 → 2, eu-ssl's 3 → 2); the
      // logging status per cluster (no bulk form).
      {"DescribeClusters", 2 + 1 + 1},
      {"DescribeClusterParameters", 4 + 2 + 2},
      {"DescribeLoggingStatus", 4},
      // Redshift Serverless: both listings carry every setting (2 workgroups → 1 page, 3 namespaces → 2).
      {"ListWorkgroups", 1 + 1 + 1},
      {"ListNamespaces", 2 + 1 + 1},
      // OpenSearch: one listing per region, then at most five domains per DescribeDomains (6 → 2 calls).
      {"ListDomainNames", 3},
      {"DescribeDomains", 2 + 1},
      // DocumentDB and Neptune: RDS's listings, the attributes of manual cluster snapshots only (4 in
      // us-west-2; the automated one is not asked) beside RDS's own (1 in us-east-1, 1 in eu-west-1).
      {"DescribeDBClusterSnapshotAttributes", 4 + 1 + 1},
      // DMS and MSK: one listing per region each carries every setting.
      {"DescribeReplicationInstances", 3},
      {"DescribeEndpoints", 5 + 1 + 1},
      {"DescribeReplicationTasks", 2 + 1 + 1},
      {"ListClustersV2", 2 + 1 + 1},
      // Amazon MQ: the listing carries engine and deployment mode; DescribeBroker per broker (no bulk form).
      {"ListBrokers", 2 + 1 + 1},
      {"DescribeBroker", 4}};
  for (const auto& [op, n] : want) EXPECT_EQ(r.requests[op], n) << op;
}

// A denied per-resource call makes the checks that read its answer
// NOT_ASSESSED naming the action, for each resource; the others still decide
// as in the clean run.
TEST(GroundTruthDataServices, DeniedCallsAreNotAssessedNamingTheAction) {
  GroundTruthOptions options;
  options.services = kServices;
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["redshift:DescribeClusterParameters", "redshift:DescribeLoggingStatus",
                                "rds:DescribeDBClusterSnapshotAttributes", "mq:DescribeBroker"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  const std::map<std::string, std::string> denied_for = {
      {"redshift_cluster_in_transit_encryption_enabled", "redshift:DescribeClusterParameters"},
      {"redshift_cluster_audit_logging", "redshift:DescribeLoggingStatus"},
      {"documentdb_cluster_public_snapshot", "rds:DescribeDBClusterSnapshotAttributes"},
      {"neptune_cluster_snapshot_public", "rds:DescribeDBClusterSnapshotAttributes"},
      {"mq_broker_auto_minor_version_upgrade", "mq:DescribeBroker"},
      {"mq_broker_not_publicly_accessible", "mq:DescribeBroker"}};
  auto clean = declared_statuses();
  std::map<std::string, int> not_assessed;
  int decided = 0;
  for (const auto& f : r.truth.findings) {
    auto it = denied_for.find(f.check_id);
    // An automated snapshot cannot be shared: decided without the attributes.
    bool automated = f.resource_arn.find(":cluster-snapshot:rds:") != std::string::npos;
    // RabbitMQ has no audit log: decided from the listing's engine. ActiveMQ's needs DescribeBroker.
    if (f.check_id == "mq_broker_audit_logging_enabled" && f.status == CheckStatus::kNotAssessed) {
      EXPECT_NE(f.detail.find("mq:DescribeBroker denied"), std::string::npos) << f.detail;
      ++not_assessed[f.check_id];
      continue;
    }
    if (it != denied_for.end() && !automated) {
      EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      EXPECT_NE(f.detail.find(it->second + " denied"), std::string::npos) << f.detail;
      ++not_assessed[f.check_id];
      continue;
    }
    ++decided;
    const std::string want = clean[{f.check_id, f.resource_arn}];
    EXPECT_EQ(std::string(to_string(f.status)), want) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
  }
  EXPECT_EQ(not_assessed["redshift_cluster_in_transit_encryption_enabled"], 4);
  EXPECT_EQ(not_assessed["redshift_cluster_audit_logging"], 4);
  EXPECT_EQ(not_assessed["documentdb_cluster_public_snapshot"], 2);
  EXPECT_EQ(not_assessed["neptune_cluster_snapshot_public"], 2);
  EXPECT_EQ(not_assessed["mq_broker_auto_minor_version_upgrade"], 4);
  EXPECT_EQ(not_assessed["mq_broker_not_publicly_accessible"], 4);
  EXPECT_EQ(not_assessed["mq_broker_audit_logging_enabled"], 2);  // the ActiveMQ brokers
  // Redshift 7 × 4 clusters, Serverless 3 × 2 + 2 × 2, OpenSearch 12 × 6, DocumentDB 5 × 2 + the automated
  // snapshot, Neptune 7 × 2 + 2 encrypted-snapshot findings, DMS 3 × 2 + 4 × 9 + 2 × 3, MSK 5 × 3, Amazon MQ's
  // deployment modes 2 × 4 and the RabbitMQ brokers' audit logs 2; less the 28 outside their check.
  EXPECT_EQ(decided, 7 * 4 + 3 * 2 + 2 * 2 + 72 + 10 + 1 + 14 + 2 + 48 + 15 + 8 + 2 - 28);
  EXPECT_FALSE(r.scan.gaps.empty());
}

// Issue 13: each check gives the same verdict and detail over an inventory
// that keeps only its declared properties.
TEST(GroundTruthDataServices, DeclaredReadsAreAllACheckUses) {
  GroundTruthOptions o;
  o.services = kCollectors;
  o.check_services = kServices;
  GroundTruth full = run_ground_truth(o);
  EXPECT_TRUE(full.problems.empty()) << join_lines(full.problems);
  size_t compared = expect_declared_reads_suffice(full.inventory, of_services(kServices), true);
  // Redshift 9 × 4, Serverless 3 × 2 + 2 × 2, OpenSearch 12 × 6, DocumentDB 5 × 2 + 3, Neptune 7 × 2 + 2 × 2,
  // DMS 3 × 2 + 4 × 9 + 2 × 3, MSK 5 × 3, Amazon MQ 5 × 4; less the 28 outside their check.
  EXPECT_EQ(compared, 9u * 4 + 3 * 2 + 2 * 2 + 12 * 6 + 5 * 2 + 3 + 7 * 2 + 2 * 2 + 48 + 15 + 20 - 28);
}

// Per-resource calls follow the selected checks: without the SSL and logging
// checks, neither DescribeClusterParameters nor DescribeLoggingStatus is made,
// and the selected checks' findings are still exactly the scenario's.
TEST(GroundTruthDataServices, UnreadPerResourceCallsAreNotMade) {
  GroundTruthOptions o;
  o.checks = {"redshift_cluster_public_access", "redshift_cluster_non_default_username"};
  ScanGroundTruth listing_only = run_scan_ground_truth(o);
  EXPECT_TRUE(listing_only.truth.problems.empty()) << join_lines(listing_only.truth.problems);
  EXPECT_TRUE(listing_only.scan.gaps.empty());
  EXPECT_EQ(listing_only.requests["DescribeClusters"], 4);
  EXPECT_EQ(listing_only.requests["DescribeClusterParameters"], 0);
  EXPECT_EQ(listing_only.requests["DescribeLoggingStatus"], 0);
  EXPECT_EQ(listing_only.requests["ListWorkgroups"], 0);

  o.checks = {"redshift_cluster_in_transit_encryption_enabled"};
  ScanGroundTruth ssl_only = run_scan_ground_truth(o);
  EXPECT_TRUE(ssl_only.truth.problems.empty()) << join_lines(ssl_only.truth.problems);
  EXPECT_EQ(ssl_only.requests["DescribeClusterParameters"], 8);
  EXPECT_EQ(ssl_only.requests["DescribeLoggingStatus"], 0);

  // Amazon MQ's deployment modes come from the listing: no DescribeBroker.
  o.checks = {"mq_broker_active_deployment_mode", "mq_broker_cluster_deployment_mode"};
  ScanGroundTruth modes_only = run_scan_ground_truth(o);
  EXPECT_TRUE(modes_only.truth.problems.empty()) << join_lines(modes_only.truth.problems);
  EXPECT_EQ(modes_only.requests["ListBrokers"], 4);
  EXPECT_EQ(modes_only.requests["DescribeBroker"], 0);

  // A DocumentDB check alone runs the RDS collector that lists DocumentDB clusters.
  o.checks = {"documentdb_cluster_deletion_protection"};
  ScanGroundTruth docdb_only = run_scan_ground_truth(o);
  EXPECT_TRUE(docdb_only.truth.problems.empty()) << join_lines(docdb_only.truth.problems);
  EXPECT_EQ(docdb_only.truth.findings.size(), 2u);
  EXPECT_EQ(docdb_only.requests["DescribeDBClusters"], 2 + 1 + 1);
}

}  // namespace
}  // namespace cloudpeek::testing
