// Ground truth for the compute and application platforms (AWS Batch, Elastic
// Beanstalk, EMR, App Runner, Lightsail, CodePipeline, CodeArtifact): through
// the real scan engine, the insecure scenario's planted problems are all
// reported, its good configurations pass, and nothing else is found — every
// finding of these services' checks is declared in the scenario with its
// status. Then what the collectors keep (no secret value, no other account's
// resource) and what they cost in calls, NOT_ASSESSED naming a denied
// per-resource call, and per-resource calls made only for the checks that
// read them.
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

const std::vector<std::string> kServices = {"batch",     "elasticbeanstalk", "emr",         "apprunner",
                                            "lightsail", "codepipeline",     "codeartifact"};
// The KMS collector gives the key managers the customer-managed-key checks read.
const std::vector<std::string> kCollectors = {"batch",     "elasticbeanstalk", "emr",          "apprunner",
                                              "lightsail", "codepipeline",     "codeartifact", "kms"};

TEST(GroundTruthComputePlatforms, EngineFindingsAreExactlyTheScenarios) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());
  // Batch 3, Elastic Beanstalk 3, EMR 4, App Runner 3, Lightsail 6, CodePipeline 1, CodeArtifact 2.
  EXPECT_EQ(r.scan.checks_run.size(), 3u + 3 + 4 + 3 + 6 + 1 + 2);

  const auto got = finding_keys(r.truth.findings);
  EXPECT_EQ(got, declared_findings(r.scan.checks_run));
  EXPECT_EQ(r.truth.findings.size(), got.size()) << "a resource was reported twice";
  // 4 job definitions × 3, 3 environments × 3, 2 clusters + 3 regions + 3 security configurations × 2,
  // 2 services × 3, 3 instances × 4 + 2 databases × 2, 4 pipelines, 2 domains + 3 repositories.
  EXPECT_EQ(got.size(), 12u + 9 + 11 + 6 + 16 + 4 + 5);
  for (const auto& f : r.truth.findings)
    EXPECT_EQ(f.resource_arn.find("999988887777"), std::string::npos) << f.check_id << " on " << f.resource_arn;
  std::cout << r.scan.checks_run.size() << " checks, " << r.truth.findings.size() << " findings (FAIL "
            << r.truth.expected_fail << ", PASS " << r.truth.expected_pass << "), " << r.scan.api_calls << " calls\n";
}

// What the collectors keep: every resource of the scenario, no other
// account's, and no secret value (environment variables, option settings,
// runtime variables, a pending master password — each planted in the scenario).
TEST(GroundTruthComputePlatforms, CollectorsKeepOnlyOwnResourcesAndNoSecrets) {
  GroundTruthOptions options;
  options.services = kCollectors;
  options.check_services = kServices;
  GroundTruth r = run_ground_truth(options);
  EXPECT_TRUE(r.problems.empty()) << join_lines(r.problems);
  const std::map<std::string, size_t> want = {{"AWS::Batch::JobDefinition", 4},
                                              {"AWS::ElasticBeanstalk::Environment", 3},
                                              {"AWS::EMR::Cluster", 2},
                                              {"AWS::EMR::BlockPublicAccessConfiguration", 3},
                                              {"AWS::EMR::SecurityConfiguration", 3},
                                              {"AWS::AppRunner::Service", 2},
                                              {"AWS::Lightsail::Instance", 3},
                                              {"AWS::Lightsail::Database", 2},
                                              {"AWS::CodePipeline::Pipeline", 4},
                                              {"AWS::CodeArtifact::Domain", 2},
                                              {"AWS::CodeArtifact::Repository", 3}};
  for (const auto& [type, n] : want) {
    EXPECT_EQ(r.inventory.of_type(type).size(), n) << type;
    for (const auto& res : r.inventory.of_type(type)) {
      const std::string dump = res.raw.dump() + res.props.dump();
      for (const char* secret : {"Sup3rSecretBatchValue", "Beanstalk-Secret-Value", "AppRunner-Plain-Secret",
                                 "Lightsail-Pending-Pass"})
        EXPECT_EQ(dump.find(secret), std::string::npos) << "a secret value was kept for " << res.arn;
      EXPECT_EQ(res.arn.find("999988887777"), std::string::npos) << "another account's resource: " << res.arn;
    }
  }
  // The environment being terminated is not kept.
  for (const auto& e : r.inventory.of_type("AWS::ElasticBeanstalk::Environment")) EXPECT_NE(e.name, "old-campaign");
  const Resource* etl = r.inventory.find_arn("arn:aws:batch:us-east-1:111122223333:job-definition/etl-nightly:3");
  ASSERT_NE(etl, nullptr);
  EXPECT_EQ(etl->props["containers"],
            json::parse(R"([{"name":"container","privileged":true,"user":null,"readonly_root_filesystem":false}])"));
  const Resource* multi = r.inventory.find_arn("arn:aws:codepipeline:us-east-1:111122223333:release-multi");
  ASSERT_NE(multi, nullptr);
  EXPECT_EQ(multi->props["artifact_stores"].size(), 2u);
}

TEST(GroundTruthComputePlatforms, CallsPerOperation) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  // Three regions, page size 2; everything the scenario has is in us-east-1.
  const std::map<std::string, int> want = {
      // Batch: the active job definitions with their containers, paged (4 → 2 pages); nothing per definition.
      {"DescribeJobDefinitions", 2 + 1 + 1},
      // Elastic Beanstalk: environments paged (4 → 2 pages), then the option settings of each of the 3 kept
      // (no bulk form; not the one terminating).
      {"DescribeEnvironments", 2 + 1 + 1},
      {"DescribeConfigurationSettings", 3},
      // EMR: active clusters (2 → 1 page), each described (no bulk form); block public access once per region;
      // security configurations paged (3 → 2 pages), each described (no bulk form).
      {"ListClusters", 3},
      {"DescribeCluster", 2},
      {"GetBlockPublicAccessConfiguration", 3},
      {"ListSecurityConfigurations", 2 + 1 + 1},
      {"DescribeSecurityConfiguration", 3},
      // App Runner: one listing per region (no paginator), each service described (no bulk form).
      {"ListServices", 3},
      {"DescribeService", 2},
      // Lightsail: bulk listings only (3 instances → 2 pages).
      {"GetInstances", 2 + 1 + 1},
      {"GetRelationalDatabases", 3},
      // CodePipeline: pipelines paged (4 → 2 pages), each read (no bulk form).
      {"ListPipelines", 2 + 1 + 1},
      {"GetPipeline", 4},
      // CodeArtifact: domains (3 → 2 pages) and repositories (4 → 2 pages) of the region at once, then the
      // policy of each of the account's own 3 repositories (no bulk form; not another account's).
      {"ListDomains", 2 + 1 + 1},
      {"ListRepositories", 2 + 1 + 1},
      {"GetRepositoryPermissionsPolicy", 3}};
  for (const auto& [op, n] : want) EXPECT_EQ(r.requests[op], n) << op;
}

// A denied per-resource call makes the checks that read its answer
// NOT_ASSESSED naming the action, for each resource, never PASS or FAIL;
// checks that read other calls still decide as in the clean run.
TEST(GroundTruthComputePlatforms, DeniedCallsAreNotAssessedNamingTheAction) {
  GroundTruthOptions options;
  options.services = kServices;
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["elasticbeanstalk:DescribeConfigurationSettings", "elasticmapreduce:DescribeCluster",
                                "elasticmapreduce:DescribeSecurityConfiguration", "apprunner:DescribeService",
                                "codepipeline:GetPipeline", "codeartifact:GetRepositoryPermissionsPolicy"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  const std::map<std::string, std::string> denied_for = {
      {"elasticbeanstalk_environment_enhanced_health_reporting", "elasticbeanstalk:DescribeConfigurationSettings"},
      {"elasticbeanstalk_environment_managed_updates_enabled", "elasticbeanstalk:DescribeConfigurationSettings"},
      {"elasticbeanstalk_environment_cloudwatch_logging_enabled", "elasticbeanstalk:DescribeConfigurationSettings"},
      {"emr_cluster_master_nodes_no_public_ip", "elasticmapreduce:DescribeCluster"},
      {"emr_security_configuration_encryption_at_rest", "elasticmapreduce:DescribeSecurityConfiguration"},
      {"emr_security_configuration_encryption_in_transit", "elasticmapreduce:DescribeSecurityConfiguration"},
      {"apprunner_service_not_publicly_accessible", "apprunner:DescribeService"},
      {"apprunner_service_encrypted_cmk", "apprunner:DescribeService"},
      {"apprunner_service_observability_enabled", "apprunner:DescribeService"},
      {"codepipeline_pipeline_artifact_store_cmk_encrypted", "codepipeline:GetPipeline"},
      {"codeartifact_repository_policy_not_public", "codeartifact:GetRepositoryPermissionsPolicy"}};
  auto clean = declared_statuses();
  std::map<std::string, int> not_assessed;
  int decided = 0;
  for (const auto& f : r.truth.findings) {
    auto it = denied_for.find(f.check_id);
    if (it == denied_for.end()) {
      EXPECT_EQ(std::string(to_string(f.status)), clean[std::make_pair(f.check_id, f.resource_arn)])
          << f.check_id << " on " << f.resource_arn;
      ++decided;
      continue;
    }
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    EXPECT_NE(f.detail.find(it->second + " denied"), std::string::npos) << f.detail;
    ++not_assessed[f.check_id];
  }
  // Every resource of those checks is still reported (none dropped for lack of data).
  for (const char* id : {"elasticbeanstalk_environment_enhanced_health_reporting",
                         "elasticbeanstalk_environment_managed_updates_enabled",
                         "elasticbeanstalk_environment_cloudwatch_logging_enabled"})
    EXPECT_EQ(not_assessed[id], 3) << id;
  EXPECT_EQ(not_assessed["emr_cluster_master_nodes_no_public_ip"], 2);
  EXPECT_EQ(not_assessed["emr_security_configuration_encryption_at_rest"], 3);
  EXPECT_EQ(not_assessed["emr_security_configuration_encryption_in_transit"], 3);
  for (const char* id : {"apprunner_service_not_publicly_accessible", "apprunner_service_encrypted_cmk",
                         "apprunner_service_observability_enabled"})
    EXPECT_EQ(not_assessed[id], 2) << id;
  EXPECT_EQ(not_assessed["codepipeline_pipeline_artifact_store_cmk_encrypted"], 4);
  EXPECT_EQ(not_assessed["codeartifact_repository_policy_not_public"], 3);
  // Batch 12, EMR block public access 3, Lightsail 16, CodeArtifact domains 2.
  EXPECT_EQ(decided, 12 + 3 + 16 + 2);
  EXPECT_FALSE(r.scan.gaps.empty());
}

// Issue 13: each check gives the same verdict and detail over an inventory
// that keeps only its declared properties.
TEST(GroundTruthComputePlatforms, DeclaredReadsAreAllACheckUses) {
  GroundTruthOptions o;
  o.services = kCollectors;
  o.check_services = kServices;
  GroundTruth full = run_ground_truth(o);
  size_t compared = testing::expect_declared_reads_suffice(full.inventory, testing::of_services(kServices), true);
  // 4 job definitions × 3, 3 environments × 3, 2 clusters, 3 regions, 3 security configurations × 2,
  // 2 services × 3, 3 instances × 4, 2 databases × 2, 4 pipelines, 2 domains, 3 repositories.
  EXPECT_EQ(compared, 12u + 9 + 2 + 3 + 6 + 6 + 12 + 4 + 4 + 2 + 3);
}

// Only the services a selected check reads are collected, per-resource calls
// only for the account's own resources, and a check reading KMS key managers
// brings the KMS listing with it. (Each per-resource call here fills every
// property a check reads of its type, and a type no selected check reads is
// collected whole for the inventory, as for every service.)
TEST(GroundTruthComputePlatforms, UnreadServicesAreNotCalled) {
  GroundTruthOptions o;
  o.checks = {"codeartifact_repository_policy_not_public", "emr_cluster_account_public_block_enabled"};
  ScanGroundTruth narrowed = run_scan_ground_truth(o);
  EXPECT_TRUE(narrowed.truth.problems.empty()) << join_lines(narrowed.truth.problems);
  EXPECT_TRUE(narrowed.scan.gaps.empty());
  EXPECT_EQ(narrowed.requests["GetRepositoryPermissionsPolicy"], 3);
  EXPECT_EQ(narrowed.requests["GetBlockPublicAccessConfiguration"], 3);
  for (const char* op : {"DescribeJobDefinitions", "DescribeEnvironments", "DescribeConfigurationSettings",
                         "ListServices", "DescribeService", "GetInstances", "ListPipelines", "GetPipeline", "ListKeys"})
    EXPECT_EQ(narrowed.requests[op], 0) << op;

  o.checks = {"codepipeline_pipeline_artifact_store_cmk_encrypted"};
  ScanGroundTruth pipelines = run_scan_ground_truth(o);
  EXPECT_TRUE(pipelines.truth.problems.empty()) << join_lines(pipelines.truth.problems);
  EXPECT_EQ(pipelines.requests["GetPipeline"], 4);
  EXPECT_EQ(pipelines.requests["ListKeys"], 2 + 1 + 1);  // the KMS listing the key managers come from (3 keys in us-east-1)
  EXPECT_EQ(pipelines.requests["ListDomains"], 0);
}

}  // namespace
}  // namespace cloudpeek::testing
