// Ground truth for ECS, ElastiCache and API Gateway (REST, HTTP/WebSocket):
// through the real scan engine, the insecure scenario's planted problems are
// all reported, its good configurations pass, and nothing else is found —
// every finding of these services' checks is declared in the scenario with
// its status. Then what the collectors keep (no environment value) and what
// they cost in calls, and NOT_ASSESSED naming a denied per-resource call.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "checks/check.h"
#include "tests/integration/fakeaws_process.h"
#include "tests/integration/declared_reads.h"
#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

const std::vector<std::string> kServices = {"ecs", "elasticache", "apigateway", "apigatewayv2"};

TEST(GroundTruthContainersApis, EngineFindingsAreExactlyTheScenarios) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());

  // Exact: each finding is declared, with its status, and nothing declared is missing.
  const auto want = declared_findings(r.scan.checks_run);
  const auto got = finding_keys(r.truth.findings);
  EXPECT_EQ(got, want);
  std::cout << r.scan.checks_run.size() << " checks, " << r.truth.findings.size() << " findings (FAIL "
            << r.truth.expected_fail << ", PASS " << r.truth.expected_pass << "), " << r.scan.api_calls << " calls\n";
}


// What the collectors keep and what they cost: every resource of the
// scenario, no environment variable value (the credential-shaped one is
// named with its kind only), and the calls the scan-cost rules allow.
TEST(GroundTruthContainersApis, CollectorsKeepNoSecretValuesAndCallOnlyWhatTheyNeed) {
  GroundTruthOptions options;
  options.services = kServices;
  GroundTruth r = run_ground_truth(options);
  EXPECT_TRUE(r.problems.empty()) << join_lines(r.problems);
  const std::map<std::string, size_t> want = {
      {"AWS::ECS::Cluster", 3},          {"AWS::ECS::Service", 4},
      {"AWS::ECS::TaskDefinition", 4},   {"AWS::ElastiCache::ReplicationGroup", 3},
      {"AWS::ElastiCache::CacheCluster", 5}, {"AWS::ApiGateway::RestApi", 4},
      {"AWS::ApiGateway::Stage", 3},     {"AWS::ApiGatewayV2::Api", 4},
      {"AWS::ApiGatewayV2::Stage", 4}};
  for (const auto& [type, n] : want) EXPECT_EQ(r.inventory.of_type(type).size(), n) << type;

  bool flagged = false;
  for (const auto& td : r.inventory.of_type("AWS::ECS::TaskDefinition")) {
    const std::string dump = td.raw.dump() + td.props.dump();
    EXPECT_EQ(dump.find("not-a-real-"), std::string::npos) << "environment value kept for " << td.id;
    flagged = flagged || td.props.dump().find("\"UPSTREAM_URL\",\"kind\":\"a URL with a password\"") != std::string::npos ||
              td.props.dump().find("\"kind\":\"a URL with a password\",\"name\":\"UPSTREAM_URL\"") != std::string::npos;
  }
  EXPECT_TRUE(flagged) << "the URL with a password was not flagged";
  // Only the latest ACTIVE revision of each family is described.
  for (const auto& td : r.inventory.of_type("AWS::ECS::TaskDefinition"))
    EXPECT_TRUE(td.id == "web:12" || td.id == "api:4" || td.id == "agent:2" || td.id == "batch:7") << td.id;

  // Three regions, page size 2. ECS: ListClusters 3, DescribeClusters 2 (one per region with clusters: 100 a
  // call), ListServices 2+1+1, DescribeServices 2 (10 a call, per cluster with services),
  // ListTaskDefinitionFamilies 2+1+1, DescribeTaskDefinition 4 (one per family) = 19. ElastiCache: two listings
  // per region, us-east-1's clusters over 2 pages = 7. API Gateway REST: GetRestApis 2+1+1, then per API
  // GetStages 4 and GetResources 2+1+1+1 = 13. HTTP/WebSocket: GetApis 3, per API GetRoutes 2+2+1+1 and
  // GetStages 1+1+1+1 = 13.
  EXPECT_EQ(r.calls, 19 + 7 + 13 + 13);
}

// A denied per-resource call makes the checks that read its answer
// NOT_ASSESSED naming the action, for each resource, never PASS or FAIL;
// checks that read other calls still decide as in the clean run.
TEST(GroundTruthContainersApis, DeniedPerResourceCallsAreNotAssessedNamingTheAction) {
  GroundTruthOptions options;
  options.services = kServices;
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["ecs:DescribeTaskDefinition", "ecs:DescribeServices", "apigateway:GetResources",
                                "apigateway:GetRoutes"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  const std::map<std::string, std::string> denied_for = {
      {"ecs_task_definitions_no_environment_secrets", "ecs:DescribeTaskDefinition"},
      {"ecs_task_definitions_no_privileged_containers", "ecs:DescribeTaskDefinition"},
      {"ecs_task_definitions_host_networking_mode_users", "ecs:DescribeTaskDefinition"},
      {"ecs_task_definitions_host_namespace_not_shared", "ecs:DescribeTaskDefinition"},
      {"ecs_task_definitions_containers_readonly_access", "ecs:DescribeTaskDefinition"},
      {"ecs_task_definitions_logging_enabled", "ecs:DescribeTaskDefinition"},
      {"ecs_service_no_assign_public_ip", "ecs:DescribeServices"},
      {"apigateway_restapi_authorizers_enabled", "apigateway:GET denied"},
      {"apigatewayv2_api_authorizers_enabled", "apigateway:GET denied"}};
  auto clean = declared_statuses();
  std::map<std::string, int> not_assessed;
  int decided = 0;
  for (const auto& f : r.truth.findings) {
    auto it = denied_for.find(f.check_id);
    if (it != denied_for.end()) {
      EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      EXPECT_NE(f.detail.find(it->second), std::string::npos) << f.detail;
      EXPECT_NE(f.detail.find("denied"), std::string::npos) << f.detail;
      ++not_assessed[f.check_id];
      continue;
    }
    ++decided;
    const std::string want = clean[std::make_pair(f.check_id, f.resource_arn)];
    EXPECT_EQ(std::string(to_string(f.status)), want) << f.check_id << " on " << f.resource_arn;
  }
  // Every resource of those checks is still reported (none dropped for lack of data).
  EXPECT_EQ(not_assessed["ecs_task_definitions_logging_enabled"], 4);
  EXPECT_EQ(not_assessed["ecs_service_no_assign_public_ip"], 4);
  EXPECT_EQ(not_assessed["apigateway_restapi_authorizers_enabled"], 4);
  EXPECT_EQ(not_assessed["apigatewayv2_api_authorizers_enabled"], 4);
  EXPECT_GE(decided, 40);
  EXPECT_FALSE(r.scan.gaps.empty());
}


// Issue 13: these checks declare what they read (Check::reads), and a scan
// makes a per-resource call only for what a selected check reads. Each check
// gives the same verdict and detail over an inventory that keeps only its
// declared properties (the rest "not collected", as a scan leaves them).
TEST(GroundTruthContainersApis, DeclaredReadsAreAllACheckUses) {
  GroundTruthOptions o;
  o.services = kServices;
  GroundTruth full = run_ground_truth(o);
  size_t compared = testing::expect_declared_reads_suffice(full.inventory, testing::of_services(kServices), true);
  // Less 3 resources outside their check (no finding): a stage without a cache (cache encryption) and 2 task
  // definitions not in host network mode (host-mode users).
  EXPECT_EQ(compared, 90u - 3);
}

// With the REST API endpoint check selected but not the authorizer check,
// GetResources (per API, for "methods") is not made; what the selected checks
// read still is, and their findings are exactly the scenario's. (A type no
// selected check reads is collected whole, for the inventory.)
TEST(GroundTruthContainersApis, UnreadPerResourceCallsAreNotMade) {
  GroundTruthOptions o;
  o.checks = {"apigateway_restapi_public", "apigateway_restapi_authorizers_enabled",
              "ecs_task_definitions_logging_enabled"};
  ScanGroundTruth full = run_scan_ground_truth(o);
  EXPECT_TRUE(full.truth.problems.empty()) << join_lines(full.truth.problems);
  EXPECT_EQ(full.requests["GetResources"], 5);

  o.checks = {"apigateway_restapi_public", "ecs_task_definitions_logging_enabled"};
  ScanGroundTruth narrowed = run_scan_ground_truth(o);
  EXPECT_TRUE(narrowed.truth.problems.empty()) << join_lines(narrowed.truth.problems);
  EXPECT_TRUE(narrowed.scan.gaps.empty());
  EXPECT_EQ(narrowed.requests["GetResources"], 0);
  EXPECT_EQ(narrowed.requests["DescribeTaskDefinition"], 4);
  EXPECT_EQ(narrowed.requests["GetRestApis"], full.requests["GetRestApis"]);
}

}  // namespace
}  // namespace cloudpeek::testing
