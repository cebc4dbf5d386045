// Ground truth through the whole product path: scan::ScanEngine with every
// collector and every check over the insecure scenario's three regions.
//  1. The auditor (SecurityAudit): every planted problem reported, every good
//     configuration passes, nothing else fails, every check has a declared
//     result, and coverage is complete.
//  2. The limited identity (denied seven SecurityAudit actions): whatever it
//     cannot read is NOT_ASSESSED naming the denied action, never a PASS or
//     FAIL that the clean run contradicts; the gaps name exactly the denied
//     actions.
//  3. Throttling, 5xx and dropped connections: the same findings as the
//     clean run, after retries.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "checks/check.h"
#include "tests/integration/declared_reads.h"
#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

using Verdicts = std::set<std::tuple<std::string, std::string, std::string>>;  // check, resource, status

Verdicts verdicts(const std::vector<Finding>& findings) {
  Verdicts out;
  for (const auto& f : findings) out.insert({f.check_id, f.resource_arn, std::string(to_string(f.status))});
  return out;
}

const std::set<std::string> kDenied = {"s3:GetBucketPolicy",      "iam:GenerateCredentialReport",
                                       "iam:GetCredentialReport", "ec2:DescribeSecurityGroups",
                                       "kms:GetKeyRotationStatus", "logs:DescribeMetricFilters",
                                       "lambda:GetPolicy"};

class FullScanGroundTruth : public ::testing::Test {
 protected:
  // The clean run, shared by the tests that compare with it.
  static const ScanGroundTruth& clean() {
    static const ScanGroundTruth result = run_scan_ground_truth(GroundTruthOptions{});
    return result;
  }
};

TEST_F(FullScanGroundTruth, InsecureAccountMatchesExactly) {
  const ScanGroundTruth& r = clean();
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty());
  EXPECT_FALSE(r.scan.cancelled);
  // Every registered check ran and was compared.
  EXPECT_GE(r.scan.checks_run.size(), 140u);
  EXPECT_GE(r.truth.expected_fail, 190);
  EXPECT_GE(r.truth.expected_pass, 240);
  EXPECT_EQ(r.scan.regions_scanned, (std::vector<std::string>{"us-east-1", "eu-west-1", "us-west-2"}));
  // Each CIS section is decided by the scan, and the planted problems fail some control in each.
  ASSERT_EQ(r.scan.cis_sections.size(), 5u);
  for (const auto& s : r.scan.cis_sections) EXPECT_GT(s.fail, 0) << "CIS section " << s.section.id;
  for (const auto& c : r.scan.cis_controls)
    EXPECT_TRUE(c.status != "NOT_RUN" && c.status != "NOT_ASSESSED") << c.control.id << " " << c.status;
  std::cout << "full scan: " << r.scan.checks_run.size() << " checks, " << r.truth.findings.size()
            << " findings, expected FAIL " << r.truth.expected_fail << ", expected PASS " << r.truth.expected_pass
            << ", " << r.scan.api_calls << " calls, " << r.scan.resources() << " resources\n";
}

TEST_F(FullScanGroundTruth, LimitedIdentityIsNotAssessedWhereDeniedNeverWrong) {
  GroundTruthOptions options;
  options.identity = "limited";
  options.require_full_coverage = false;
  ScanGroundTruth r = run_scan_ground_truth(options);

  // The gaps are exactly the denied actions (GetCredentialReport is never
  // reached once GenerateCredentialReport is denied), each as access denied.
  std::set<std::string> gap_actions;
  for (const auto& g : r.scan.gaps) {
    gap_actions.insert(g.action);
    EXPECT_TRUE(kDenied.count(g.action)) << "unexpected gap: " << g.reason();
    EXPECT_EQ(g.error_kind, "access_denied") << g.reason();
  }
  std::set<std::string> want = kDenied;
  want.erase("iam:GetCredentialReport");
  EXPECT_EQ(gap_actions, want);

  std::map<std::pair<std::string, std::string>, std::string> clean_status;
  for (const auto& f : clean().truth.findings) clean_status[{f.check_id, f.resource_arn}] = to_string(f.status);

  std::set<std::string> named;  // denied actions some NOT_ASSESSED finding names
  int not_assessed = 0, decided = 0;
  for (const auto& f : r.truth.findings) {
    auto clean_it = clean_status.find({f.check_id, f.resource_arn});
    bool as_clean = clean_it != clean_status.end() && clean_it->second == to_string(f.status);
    // NOT_ASSESSED in the clean run too (e.g. a cross-account log bucket) is not the denial's doing.
    if (f.status == CheckStatus::kNotAssessed && !as_clean) {
      ++not_assessed;
      bool names_one = false;
      for (const auto& a : kDenied)
        if (f.detail.find(a + " denied") != std::string::npos) {
          names_one = true;
          named.insert(a);
        }
      EXPECT_TRUE(names_one) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      continue;
    }
    ++decided;
    // A verdict reached without the denied data is the clean run's verdict.
    auto it = clean_status.find({f.check_id, f.resource_arn});
    ASSERT_NE(it, clean_status.end()) << f.check_id << " on " << f.resource_arn << " is not in the clean run";
    EXPECT_EQ(std::string(to_string(f.status)), it->second) << f.check_id << " on " << f.resource_arn << ": "
                                                            << f.detail;
  }
  EXPECT_EQ(named, want);
  // A CIS control the denial left undecided says why, naming what was missing.
  int cis_not_assessed = 0;
  for (const auto& c : r.scan.cis_controls) {
    if (c.status != "NOT_ASSESSED") continue;
    ++cis_not_assessed;
    EXPECT_NE(c.reason.find(" denied"), std::string::npos) << "CIS " << c.control.id << ": '" << c.reason << "'";
  }
  EXPECT_GT(cis_not_assessed, 0);
  EXPECT_GE(not_assessed, 30);
  EXPECT_GE(decided, 300);
  std::cout << "limited identity: " << not_assessed << " NOT_ASSESSED naming " << named.size()
            << " denied actions, " << decided << " as in the clean run, " << r.scan.gaps.size() << " gaps\n";
}

// Every IAM action a collector calls that the AWS managed policy SecurityAudit
// (v91, 2026-07-21) does not grant (audit of task H4: 282 distinct actions of
// the collectors and the permission probe matched against its Allow list with
// IAM wildcards), none with a granted API giving the same data.
// ses:ListEmailIdentities is here although CloudPeek no longer calls it (SES
// identities are listed with v1's ListIdentities, which SecurityAudit grants).
const std::set<std::string> kNotInSecurityAudit = {
    "appstream:DescribeFleets", "backup:ListBackupPlans", "backup:ListRecoveryPointsByBackupVault",
    "backup:ListReportPlans", "ce:GetCostAndUsage", "cloudwatch:GetMetricData", "codeartifact:ListDomains",
    "codebuild:BatchGetBuilds", "codebuild:ListBuildsForProject", "dlm:GetLifecyclePolicies",
    "dlm:GetLifecyclePolicy", "drs:DescribeSourceServers", "ds:DescribeEventTopics", "ds:GetSnapshotLimits",
    "ds:ListCertificates", "ds:ListLogSubscriptions", "lightsail:GetRelationalDatabases",
    "macie2:GetAutomatedDiscoveryConfiguration", "macie2:GetMacieSession", "redshift-serverless:ListNamespaces",
    "ses:ListEmailIdentities", "storagegateway:DescribeSMBFileShares", "storagegateway:DescribeSMBSettings",
    "waf:GetRule", "waf:ListActivatedRulesInRuleGroup", "waf:ListLoggingConfigurations", "waf:ListRuleGroups",
    "waf:ListRules", "waf-regional:GetRule", "waf-regional:ListActivatedRulesInRuleGroup",
    "waf-regional:ListRuleGroups", "waf-regional:ListRules",
    "wafv2:GetRuleGroup", "wellarchitected:GetLensReview", "wellarchitected:ListWorkloads"};

// An identity with SecurityAudit alone (the auditor denied what SecurityAudit
// does not grant): every verdict that differs from the clean run is
// NOT_ASSESSED naming one of those actions, every coverage gap is one of them,
// and everything else (the SES identity checks included) is decided as in the
// clean run.
TEST_F(FullScanGroundTruth, SecurityAuditAloneIsNotAssessedOnlyForWhatItDoesNotGrant) {
  GroundTruthOptions options;
  options.require_full_coverage = false;
  json deny = json::array();
  for (const auto& a : kNotInSecurityAudit) deny.push_back(a);
  options.faults = json{{"deny", deny}}.dump();
  ScanGroundTruth r = run_scan_ground_truth(options);

  std::set<std::string> gap_actions;
  for (const auto& g : r.scan.gaps) {
    gap_actions.insert(g.action);
    EXPECT_TRUE(kNotInSecurityAudit.count(g.action)) << "a gap SecurityAudit would not have: " << g.reason();
  }
  EXPECT_FALSE(gap_actions.count("ses:ListEmailIdentities"));
  EXPECT_EQ(r.requests["ListEmailIdentities"], 0);

  std::map<std::pair<std::string, std::string>, std::string> clean_status;
  for (const auto& f : clean().truth.findings) clean_status[{f.check_id, f.resource_arn}] = to_string(f.status);
  std::map<std::string, std::set<std::string>> named;  // check -> the actions its NOT_ASSESSED names
  int decided = 0;
  for (const auto& f : r.truth.findings) {
    auto it = clean_status.find({f.check_id, f.resource_arn});
    if (it != clean_status.end() && it->second == to_string(f.status)) {
      ++decided;
      continue;
    }
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    bool names_one = false;
    for (const auto& a : kNotInSecurityAudit)
      if (f.detail.find(a + " denied") != std::string::npos) {
        names_one = true;
        named[f.check_id].insert(a);
      }
    EXPECT_TRUE(names_one) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    EXPECT_FALSE(f.check_id.starts_with("ses_")) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
  }
  // Every denied action the scan reached leaves some check NOT_ASSESSED naming it, but Cost
  // Explorer's: it gives the dashboard's month-to-date spend, which no check reads.
  std::set<std::string> named_actions;
  for (const auto& [check, actions] : named) named_actions.insert(actions.begin(), actions.end());
  EXPECT_TRUE(gap_actions.count("ce:GetCostAndUsage"));
  gap_actions.erase("ce:GetCostAndUsage");
  EXPECT_EQ(named_actions, gap_actions);
  EXPECT_GE(decided, 300);
  std::cout << "SecurityAudit alone: " << named.size() << " checks NOT_ASSESSED, " << decided
            << " as in the clean run, " << gap_actions.size() << " actions reached (and Cost Explorer's)\n";
  for (const auto& [check, actions] : named) {
    std::cout << "  " << check << ":";
    for (const auto& a : actions) std::cout << " " << a;
    std::cout << "\n";
  }
}

// The actions of that list the first run cannot reach (asked per resource, or
// after a listing SecurityAudit also lacks), denied alone: each leaves some
// check NOT_ASSESSED naming it, and nothing else changes.
TEST_F(FullScanGroundTruth, SecurityAuditsMissingPerResourceReadsAreNotAssessedNamingThem) {
  const std::set<std::string> behind = {
      "backup:ListReportPlans", "codebuild:BatchGetBuilds", "dlm:GetLifecyclePolicy",
      "macie2:GetAutomatedDiscoveryConfiguration", "waf:GetRule", "waf:ListActivatedRulesInRuleGroup",
      "waf-regional:GetRule", "waf-regional:ListActivatedRulesInRuleGroup", "wellarchitected:GetLensReview"};
  for (const auto& a : behind) ASSERT_TRUE(kNotInSecurityAudit.count(a)) << a;
  GroundTruthOptions options;
  options.require_full_coverage = false;
  json deny = json::array();
  for (const auto& a : behind) deny.push_back(a);
  options.faults = json{{"deny", deny}}.dump();
  ScanGroundTruth r = run_scan_ground_truth(options);

  std::set<std::string> gap_actions;
  for (const auto& g : r.scan.gaps) gap_actions.insert(g.action);
  EXPECT_EQ(gap_actions, behind);
  std::map<std::pair<std::string, std::string>, std::string> clean_status;
  for (const auto& f : clean().truth.findings) clean_status[{f.check_id, f.resource_arn}] = to_string(f.status);
  std::set<std::string> named;
  for (const auto& f : r.truth.findings) {
    auto it = clean_status.find({f.check_id, f.resource_arn});
    if (it != clean_status.end() && it->second == to_string(f.status)) continue;
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    bool names_one = false;
    for (const auto& a : behind)
      if (f.detail.find(a + " denied") != std::string::npos) {
        names_one = true;
        named.insert(a);
      }
    EXPECT_TRUE(names_one) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
  }
  EXPECT_EQ(named, behind);
}

TEST_F(FullScanGroundTruth, ThrottlingServerErrorsAndDropsGiveTheCleanFindings) {
  GroundTruthOptions options;
  // Deterministic faults on the first calls of busy services (fewer than the
  // attempts a call has, so even a service's lone first call gets through),
  // and a background of random ones everywhere.
  options.faults = R"({"seed": 7, "rules": [
      {"service": "ec2", "throttle_rate": 1.0, "count": 4},
      {"service": "iam", "throttle_rate": 1.0, "count": 3},
      {"service": "s3", "error_rate": 1.0, "error_status": 503, "count": 4},
      {"service": "cloudtrail", "error_rate": 1.0, "error_status": 500, "count": 2},
      {"service": "kms", "drop_rate": 1.0, "count": 3},
      {"service": "lambda", "drop_rate": 1.0, "count": 2},
      {"throttle_rate": 0.04, "error_rate": 0.03, "error_status": 503, "drop_rate": 0.03}]})";
  // Random faults on 10% of attempts: six attempts (AWS_MAX_ATTEMPTS=6) make a
  // call failing them all a one-in-a-million event.
  options.max_attempts = 6;
  ScanGroundTruth r = run_scan_ground_truth(options);

  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_EQ(verdicts(r.truth.findings), verdicts(clean().truth.findings));
  EXPECT_GE(r.faults_served["throttle"], 10);
  EXPECT_GE(r.faults_served["error"], 10);
  EXPECT_GE(r.faults_served["drop"], 10);
  std::cout << "faults: " << r.faults_served["throttle"] << " throttled, " << r.faults_served["error"] << " 5xx, "
            << r.faults_served["drop"] << " dropped; " << r.scan.api_calls << " calls\n";
}

// Issue 13: a check's declared reads (Check::reads) decide which per-resource
// calls a scan makes. A declaration that leaves out a property the check uses
// would make it NOT_ASSESSED when that check alone is selected. Here every
// declaring check is evaluated over the insecure scenario's full inventory and
// over one that keeps only what it declares (the rest "not collected", as a
// scan leaves it): the verdicts and details must be the same.
TEST(DeclaredReads, AreAllACheckUses) {
  GroundTruthOptions o;
  o.services = {"s3", "lambda", "kms", "cloudtrail", "iam", "dynamodb", "ecr", "sns", "ec2", "ssm", "backup", "firehose", "kinesis"};
  o.require_full_coverage = false;
  GroundTruth full = run_ground_truth(o);
  size_t declaring = std::count_if(checks::all_checks().begin(), checks::all_checks().end(),
                                    [](const checks::Check* c) { return !c->reads.empty(); });
  size_t compared =
      testing::expect_declared_reads_suffice(full.inventory, [](const checks::Check&) { return true; }, false);
  EXPECT_GE(declaring, 30u) << "the S3, Lambda, KMS, DynamoDB, ECR and SNS checks declare their reads";
  EXPECT_GE(compared, 40u) << "the scenario has resources for the declaring checks";
}

// Issue 13: with only some checks selected, a scan makes the per-resource
// calls those checks read and no others, and their findings are still exactly
// the scenario's.
TEST(DeclaredReads, DecideThePerResourceCallsOfAScan) {
  GroundTruthOptions all;
  all.services = {"s3", "lambda", "kms"};
  ScanGroundTruth full = run_scan_ground_truth(all);
  EXPECT_TRUE(full.truth.problems.empty()) << join_lines(full.truth.problems);

  GroundTruthOptions o;
  o.checks = {"s3_bucket_default_encryption", "lambda_function_url_public", "kms_cmk_rotation_enabled"};
  ScanGroundTruth narrowed = run_scan_ground_truth(o);
  EXPECT_TRUE(narrowed.truth.problems.empty()) << join_lines(narrowed.truth.problems);
  EXPECT_TRUE(narrowed.scan.gaps.empty());
  EXPECT_EQ(std::set<std::string>(narrowed.scan.checks_run.begin(), narrowed.scan.checks_run.end()),
            std::set<std::string>(o.checks.begin(), o.checks.end()));
  auto& n = narrowed.requests;
  auto& f = full.requests;
  ASSERT_GT(f["GetBucketEncryption"], 0);
  // What the selected checks read: as many calls as the full scan made.
  for (const char* read : {"GetBucketEncryption", "ListFunctionUrlConfigs", "GetKeyRotationStatus", "DescribeKey"})
    EXPECT_EQ(n[read], f[read]) << read;
  // What no selected check reads: not one call (the full scan made them).
  for (const char* unread : {"GetBucketPolicy", "GetBucketPolicyStatus", "GetBucketAcl",
                             "GetBucketVersioning", "GetBucketLogging", "GetObjectLockConfiguration",
                             "GetBucketOwnershipControls", "GetPolicy", "GetKeyPolicy"}) {
    EXPECT_GT(f[unread], 0) << unread << " (the full scan makes it)";
    EXPECT_EQ(n[unread], 0) << unread;
  }
  // s3:GetPublicAccessBlock per bucket is not made; s3control's one for the account still is (one call).
  EXPECT_EQ(n["GetPublicAccessBlock"], 1);
  EXPECT_GT(f["GetPublicAccessBlock"], 1);
  std::cout << "calls: all checks of s3, lambda, kms " << full.truth.calls << ", three checks " << narrowed.truth.calls
            << "\n";
}

}  // namespace
}  // namespace cloudpeek::testing
