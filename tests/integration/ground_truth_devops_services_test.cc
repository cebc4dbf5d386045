// Ground truth for Auto Scaling, CloudFormation, CodeBuild, Kinesis, Firehose
// and Step Functions: through the real scan engine, the insecure scenario's planted problems are all
// reported, its good configurations pass, and nothing else is found — every
// finding of these services' checks is declared in the scenario with its
// status. Then what the collectors keep (no credential, parameter, output,
// user data, environment value, HEC token or workflow definition; no other
// account's resource) and what they cost in calls, and NOT_ASSESSED naming a
// denied per-resource call, also through a Firehose stream's source stream.
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

const std::vector<std::string> kServices = {"autoscaling", "cloudformation", "codebuild",
                                            "kinesis",     "firehose",       "stepfunctions"};

TEST(GroundTruthDevOpsServices, EngineFindingsAreExactlyTheScenarios) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());

  // Exact: each finding is declared, with its status, and nothing declared is missing.
  const auto want = declared_findings(r.scan.checks_run);
  const auto got = finding_keys(r.truth.findings);
  const std::set<std::string> in_scope(r.scan.checks_run.begin(), r.scan.checks_run.end());
  EXPECT_EQ(got, want);
  EXPECT_EQ(r.truth.findings.size(), want.size()) << "a resource was reported twice";
  EXPECT_EQ(in_scope.size(), 22u);
  // Another account's group and stack, returned by the endpoint, are never findings.
  for (const auto& f : r.truth.findings) EXPECT_EQ(f.resource_arn.find("999988887777"), std::string::npos) << f.resource_arn;
  std::cout << r.scan.checks_run.size() << " checks, " << r.truth.findings.size() << " findings (FAIL "
            << r.truth.expected_fail << ", PASS " << r.truth.expected_pass << "), " << r.scan.api_calls << " calls\n";
}

// What the collectors keep and what they cost: every resource of the
// scenario and no other account's, no secret value anywhere (the planted ones
// all contain "not-a-real-" or "NOTAREAL"), and the calls the scan-cost rules allow.
TEST(GroundTruthDevOpsServices, CollectorsKeepNoSecretValuesAndCallOnlyWhatTheyNeed) {
  GroundTruthOptions options;
  options.services = kServices;
  GroundTruth r = run_ground_truth(options);
  EXPECT_TRUE(r.problems.empty()) << join_lines(r.problems);
  const std::map<std::string, size_t> want = {{"AWS::AutoScaling::AutoScalingGroup", 4},
                                              {"AWS::AutoScaling::LaunchConfiguration", 4},
                                              {"AWS::CloudFormation::Stack", 4},
                                              {"AWS::CodeBuild::Project", 3},
                                              {"AWS::Kinesis::Stream", 4},
                                              {"AWS::KinesisFirehose::DeliveryStream", 4},
                                              {"AWS::StepFunctions::StateMachine", 3}};
  for (const auto& [type, n] : want) EXPECT_EQ(r.inventory.of_type(type).size(), n) << type;

  for (const auto& [type, n] : want)
    for (const auto& res : r.inventory.of_type(type)) {
      const std::string dump = res.raw.dump() + res.props.dump();
      EXPECT_EQ(dump.find("not-a-real-"), std::string::npos) << "a secret value was kept for " << res.arn;
      EXPECT_EQ(dump.find("NOTAREAL"), std::string::npos) << "a credential was kept for " << res.arn;
      EXPECT_EQ(dump.find("notarealtoken"), std::string::npos) << "a token was kept for " << res.arn;
      EXPECT_EQ(res.arn.find("999988887777"), std::string::npos) << "another account's resource: " << res.arn;
    }

  // What replaced the values: their kinds, and the URLs with the credentials masked.
  const Resource* deploy = r.inventory.find_arn("arn:aws:codebuild:us-east-1:111122223333:project/legacy-deploy");
  ASSERT_NE(deploy, nullptr);
  EXPECT_EQ(deploy->props["env_secret_values"],
            json::parse(R"([{"name":"AWS_ACCESS_KEY_ID","kind":"an AWS access key id"},
                            {"name":"UPSTREAM","kind":"a URL with a password"}])"));
  EXPECT_EQ(deploy->props["sources"][0]["location"], "https://***@bitbucket.org/example/deploy.git");
  EXPECT_EQ(deploy->props["sources"][0]["credentials"], "a user name and password");
  EXPECT_EQ(deploy->props["sources"][1]["credentials"], "an access token");
  EXPECT_TRUE(deploy->props["sources"][2]["credentials"].is_null()) << "a user name alone is not a credential";
  EXPECT_EQ(deploy->props["sources"][2]["location"], "https://alice@bitbucket.org/example/tools.git");
  EXPECT_EQ(deploy->raw["source"]["location"], "https://***@bitbucket.org/example/deploy.git");

  const Resource* legacy = nullptr;
  const Resource* nested = nullptr;
  for (const auto& s : r.inventory.of_type("AWS::CloudFormation::Stack")) {
    if (s.name == "legacy-app") legacy = &s;
    if (s.name == "platform-NetworkStack-1ABCDEF") nested = &s;
  }
  ASSERT_NE(legacy, nullptr);
  ASSERT_NE(nested, nullptr);
  EXPECT_EQ(legacy->props["output_secret_values"],
            json::parse(R"([{"name":"DeployUserAccessKey","kind":"an AWS access key id"},
                            {"name":"ServiceUrl","kind":"a URL with a password"}])"));
  // AWS reports false on the nested stack; its root's protection applies.
  EXPECT_EQ(nested->raw["EnableTerminationProtection"], false);
  EXPECT_EQ(nested->props["termination_protection"], true);
  EXPECT_EQ(nested->props["root_stack"], "platform");
  // User data (where the launch configuration's fake password is) is not kept.
  for (const auto& lc : r.inventory.of_type("AWS::AutoScaling::LaunchConfiguration"))
    EXPECT_FALSE(lc.raw.contains("UserData")) << lc.name;

  // The workflow definition (it holds a fake secret) is not kept; the Splunk HEC token neither.
  for (const auto& m : r.inventory.of_type("AWS::StepFunctions::StateMachine"))
    EXPECT_FALSE(m.raw.contains("definition")) << m.name;

  // Three regions, page size 2. Auto Scaling: DescribeAutoScalingGroups 2+1+1 and
  // DescribeLaunchConfigurations 2+1+1 (bulk listings, nothing per resource) = 8. CloudFormation:
  // DescribeStacks 2+1+1 = 4. CodeBuild: ListProjects 2+1+1, BatchGetProjects 1 (100 names a call,
  // only in the region with projects), ListBuildsForProject 3 (one per project, newest first) and
  // BatchGetBuilds 1 (the batch's newest builds together) = 9. Kinesis: ListStreams 2+1+1, DescribeStreamSummary 4 (no
  // bulk form) = 8. Firehose: ListDeliveryStreams 2+1+1, DescribeDeliveryStream 4 = 8. Step
  // Functions: ListStateMachines 2+1+1, DescribeStateMachine 3 = 7.
  EXPECT_EQ(r.calls, 8 + 4 + 9 + 8 + 8 + 7);
}

// A denied BatchGetProjects makes every CodeBuild check NOT_ASSESSED naming
// the action, for each project, never PASS or FAIL; the other services'
// checks still decide as in the clean run.
TEST(GroundTruthDevOpsServices, DeniedBatchGetProjectsIsNotAssessedNamingTheAction) {
  GroundTruthOptions options;
  options.services = kServices;
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["codebuild:BatchGetProjects"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  auto clean = declared_statuses();
  std::map<std::string, int> not_assessed;
  int decided = 0;
  for (const auto& f : r.truth.findings) {
    if (f.check_id.starts_with("codebuild_")) {
      EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      EXPECT_NE(f.detail.find("codebuild:BatchGetProjects denied"), std::string::npos) << f.detail;
      ++not_assessed[f.check_id];
      continue;
    }
    ++decided;
    EXPECT_EQ(std::string(to_string(f.status)), clean[std::make_pair(f.check_id, f.resource_arn)])
        << f.check_id << " on " << f.resource_arn;
  }
  // Every project is still reported by every CodeBuild check (none dropped for lack of data).
  EXPECT_EQ(not_assessed.size(), 7u);
  for (const auto& [check, n] : not_assessed) EXPECT_EQ(n, 3) << check;
  // Less the Auto Scaling group without a load balancer (ELB health checks): no finding.
  EXPECT_EQ(decided, 3 * 4 + 3 * 4 + 4 * 4 + 2 * 4 + 4 + 2 * 3 - 1);
  ASSERT_EQ(r.scan.gaps.size(), 1u);
  EXPECT_EQ(r.scan.gaps.front().action, "codebuild:BatchGetProjects");
}

// Denied per-resource calls of the streaming services: their checks are
// NOT_ASSESSED naming the action, and a Firehose stream that reads a Kinesis
// stream is NOT_ASSESSED naming the Kinesis call it depends on, while Direct
// PUT streams are decided as in the clean run.
TEST(GroundTruthDevOpsServices, DeniedDescribeCallsAreNotAssessedThroughTheSourceStreamToo) {
  GroundTruthOptions options;
  options.services = kServices;
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["kinesis:DescribeStreamSummary", "states:DescribeStateMachine"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  auto clean = declared_statuses();
  const std::string from_kinesis = "arn:aws:firehose:us-east-1:111122223333:deliverystream/";
  std::map<std::string, int> not_assessed;
  for (const auto& f : r.truth.findings) {
    std::string action;
    if (f.check_id.starts_with("kinesis_")) action = "kinesis:DescribeStreamSummary";
    if (f.check_id.starts_with("stepfunctions_")) action = "states:DescribeStateMachine";
    if (f.resource_arn == from_kinesis + "clicks-archive" || f.resource_arn == from_kinesis + "audit-archive")
      action = "kinesis:DescribeStreamSummary";
    if (action.empty()) {
      EXPECT_EQ(std::string(to_string(f.status)), clean[std::make_pair(f.check_id, f.resource_arn)])
          << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      continue;
    }
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    EXPECT_NE(f.detail.find(action + " denied"), std::string::npos) << f.detail;
    ++not_assessed[f.check_id];
  }
  EXPECT_EQ(not_assessed["kinesis_stream_encrypted_at_rest"], 4);
  EXPECT_EQ(not_assessed["kinesis_stream_data_retention_period"], 4);
  EXPECT_EQ(not_assessed["firehose_stream_encrypted_at_rest"], 2);
  EXPECT_EQ(not_assessed["stepfunctions_statemachine_logging_enabled"], 3);
  EXPECT_EQ(not_assessed["stepfunctions_statemachine_xray_tracing_enabled"], 3);
}

// Issue 13: the newest build of each project is looked up only when a
// selected check reads it; when that lookup is denied, only the check that
// reads it is NOT_ASSESSED, naming the action.
TEST(GroundTruthDevOpsServices, BuildLookupsOnlyForTheCheckThatReadsThem) {
  GroundTruthOptions o;
  o.services = kServices;
  o.checks = {"codebuild_project_privileged_mode_disabled"};
  ScanGroundTruth without = run_scan_ground_truth(o);
  EXPECT_TRUE(without.truth.problems.empty()) << join_lines(without.truth.problems);
  EXPECT_EQ(without.requests["BatchGetProjects"], 1);
  EXPECT_EQ(without.requests["ListBuildsForProject"], 0);
  EXPECT_EQ(without.requests["BatchGetBuilds"], 0);

  o.checks = {"codebuild_project_privileged_mode_disabled", "codebuild_project_older_90_days"};
  ScanGroundTruth with = run_scan_ground_truth(o);
  EXPECT_TRUE(with.truth.problems.empty()) << join_lines(with.truth.problems);
  EXPECT_EQ(with.requests["ListBuildsForProject"], 3);
  EXPECT_EQ(with.requests["BatchGetBuilds"], 1);

  o.require_full_coverage = false;
  o.faults = R"({"deny": ["codebuild:ListBuildsForProject"]})";
  ScanGroundTruth denied = run_scan_ground_truth(o);
  int not_assessed = 0;
  for (const auto& f : denied.truth.findings) {
    if (f.check_id == "codebuild_project_older_90_days") {
      EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.resource_arn << ": " << f.detail;
      EXPECT_NE(f.detail.find("codebuild:ListBuildsForProject denied"), std::string::npos) << f.detail;
      ++not_assessed;
    } else {
      EXPECT_NE(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    }
  }
  EXPECT_EQ(not_assessed, 3);
  EXPECT_EQ(denied.requests["BatchGetBuilds"], 0);  // nothing left to ask for
}

// A failed listing is a coverage gap for its region: the checks say
// NOT_ASSESSED there instead of passing an empty region.
TEST(GroundTruthDevOpsServices, DeniedListingsAreNotAssessedForTheRegion) {
  GroundTruthOptions options;
  options.services = kServices;
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["autoscaling:DescribeLaunchConfigurations", "cloudformation:DescribeStacks"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  int stacks = 0, configs = 0;
  for (const auto& f : r.truth.findings) {
    if (f.check_id.starts_with("cloudformation_") || f.check_id.starts_with("autoscaling_launch_configuration_")) {
      EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      EXPECT_NE(f.detail.find(" denied"), std::string::npos) << f.detail;
      (f.check_id.starts_with("cloudformation_") ? stacks : configs)++;
    }
  }
  EXPECT_EQ(stacks, 4 * 3);   // four checks, one finding per region
  EXPECT_EQ(configs, 3 * 3);  // three checks, one per region
}

// Issue 13: these checks declare what they read (Check::reads), and a scan
// makes a per-resource call only for what a selected check reads. Each check
// gives the same verdict and detail over an inventory that keeps only its
// declared properties (the rest "not collected", as a scan leaves them).
TEST(GroundTruthDevOpsServices, DeclaredReadsAreAllACheckUses) {
  GroundTruthOptions o;
  o.services = kServices;
  GroundTruth full = run_ground_truth(o);
  size_t compared = testing::expect_declared_reads_suffice(full.inventory, testing::of_services(kServices), true);
  // Less 2 resources outside their check (no finding): the Auto Scaling group without a load balancer, and the
  // project that writes no logs to S3 (S3 log encryption).
  EXPECT_EQ(compared, 4u * 3 + 4u * 3 + 4u * 4 + 3u * 7 + 4u * 2 + 4u * 1 + 3u * 2 - 2);
}

}  // namespace
}  // namespace cloudpeek::testing
