// Ground truth for Systems Manager, AWS Backup, Route 53 (with Route 53
// Domains), EventBridge, Athena and Glue: through the real scan engine, the insecure scenario's planted
// problems are all reported, its good configurations pass, and nothing else
// is found — every finding of these services' checks is declared in the
// scenario with its status. Then what the collectors keep (only the
// account's own resources, no parameter value) and what they cost in calls,
// NOT_ASSESSED naming a denied call, and per-resource calls made only for
// the checks that read them.
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

// Collectors; the checks of route53domains' type belong to "route53".
const std::vector<std::string> kServices = {"ssm", "backup", "route53", "route53domains", "events", "athena",
                                            "glue"};
const std::vector<std::string> kCheckServices = {"ssm", "backup", "route53", "events", "athena", "glue"};

TEST(GroundTruthManagementServices, EngineFindingsAreExactlyTheScenarios) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());
  EXPECT_EQ(r.scan.checks_run.size(), 24u);

  const auto got = finding_keys(r.truth.findings);
  EXPECT_EQ(got, declared_findings(r.scan.checks_run));
  // No finding on a resource of another account or of AWS.
  for (const auto& f : r.truth.findings) {
    EXPECT_EQ(f.resource_arn.find("999988887777"), std::string::npos) << f.check_id << " on " << f.resource_arn;
    EXPECT_EQ(f.resource_arn.find("AWS-RunPatchBaseline"), std::string::npos) << f.check_id;
  }
  std::cout << r.scan.checks_run.size() << " checks, " << r.truth.findings.size() << " findings (FAIL "
            << r.truth.expected_fail << ", PASS " << r.truth.expected_pass << "), " << r.scan.api_calls << " calls\n";
}

// What the collectors keep and what they cost: the account's resources only
// (AWS's document, another account's document and vault are dropped and
// cause no further call), and the calls the scan-cost rules allow.
TEST(GroundTruthManagementServices, CollectorsKeepOnlyOwnResourcesAndCallOnlyWhatTheyNeed) {
  GroundTruthOptions options;
  options.services = {"ssm", "backup", "route53", "route53domains", "events", "athena", "glue", "ec2", "kms"};
  options.check_services = kCheckServices;
  GroundTruth r = run_ground_truth(options);
  EXPECT_TRUE(r.problems.empty()) << join_lines(r.problems);
  const std::map<std::string, size_t> want = {
      {"AWS::SSM::ManagedInstance", 4}, {"AWS::SSM::Document", 3},        {"AWS::SSM::Parameter", 7},
      {"AWS::Backup::BackupVault", 4},  {"AWS::Backup::RegionSummary", 2}, {"AWS::Route53::HostedZone", 3},
      {"AWS::Route53Domains::Domain", 3}, {"AWS::Events::EventBus", 5},       {"AWS::Athena::WorkGroup", 4},
      {"AWS::Glue::DataCatalog", 3},    {"AWS::Glue::Job", 4}};
  for (const auto& [type, n] : want) EXPECT_EQ(r.inventory.of_type(type).size(), n) << type;
  for (const auto& d : r.inventory.of_type("AWS::SSM::Document"))
    EXPECT_TRUE(d.name == "deploy-app" || d.name == "rotate-logs" || d.name == "bootstrap") << d.name;
  for (const auto& v : r.inventory.of_type("AWS::Backup::BackupVault")) EXPECT_NE(v.name, "foreign-vault");
  // A region without AWS Backup has no summary (and so no finding).
  for (const auto& s : r.inventory.of_type("AWS::Backup::RegionSummary")) EXPECT_NE(s.region, "us-west-2");
  // Compliance comes from the bulk summaries; a deregistered node's summary makes no resource.
  for (const auto& n : r.inventory.of_type("AWS::SSM::ManagedInstance")) EXPECT_NE(n.id, "mi-0fff5555aaaa6666b");
  // Glue job arguments keep their names, never their values; the source control token is dropped.
  bool names_kept = false;
  for (const auto& j : r.inventory.of_type("AWS::Glue::Job")) {
    const std::string dump = j.raw.dump() + j.props.dump();
    EXPECT_EQ(dump.find("not-a-real-"), std::string::npos) << "secret kept for job " << j.name;
    names_kept = names_kept || dump.find("--db_password") != std::string::npos;
  }
  EXPECT_TRUE(names_kept) << "argument names should stay visible in the resource view";
}

TEST(GroundTruthManagementServices, CallsPerOperation) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  // Three regions, page size 2.
  const std::map<std::string, int> want = {
      // SSM: listings per region (us-east-1 pages: 3 nodes → 2, 6 summaries → 3, 4 documents → 2, 5 parameters → 3).
      {"DescribeInstanceInformation", 2 + 1 + 1},
      {"ListResourceComplianceSummaries", 3 + 1 + 1},
      {"ListDocuments", 2 + 1 + 1},
      {"DescribeParameters", 3 + 1 + 1},
      // One per own document: not for AWS's or another account's in the same answer.
      {"DescribeDocumentPermission", 3},
      // Backup: vaults (4 in us-east-1 → 2 pages), plans and report plans per region.
      {"ListBackupVaults", 2 + 1 + 1},
      {"ListBackupPlans", 3},
      {"ListReportPlans", 3},
      // Per own vault; recovery points only of the two vaults holding some (prod-vault's 3 → 2 pages).
      {"GetBackupVaultAccessPolicy", 4},
      {"ListRecoveryPointsByBackupVault", 2 + 1},
      // Route 53: zones (3 → 2 pages), every query logging config at once, DNSSEC of the two public zones.
      {"ListHostedZones", 2},
      {"ListQueryLoggingConfigs", 1},
      {"GetDNSSEC", 2},
      {"ListDomains", 2},
      // EventBridge: one listing per region carries every bus's policy; Athena: one listing per region, then
      // GetWorkGroup per workgroup (no bulk form).
      {"ListEventBuses", 3},
      {"ListWorkGroups", 3},
      {"GetWorkGroup", 4},
      // Glue: the catalog's settings per region, security configurations and jobs (4 → 2 pages) in bulk.
      {"GetDataCatalogEncryptionSettings", 3},
      {"GetSecurityConfigurations", 3},
      {"GetJobs", 2 + 1 + 1}};
  for (const auto& [op, n] : want) EXPECT_EQ(r.requests[op], n) << op;
}

// A denied per-resource (or bulk compliance) call makes the checks that read
// its answer NOT_ASSESSED naming the action, for each resource, never PASS or
// FAIL; checks that read other calls still decide as in the clean run.
TEST(GroundTruthManagementServices, DeniedCallsAreNotAssessedNamingTheAction) {
  GroundTruthOptions options;
  options.services = kServices;
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["ssm:DescribeDocumentPermission", "ssm:ListResourceComplianceSummaries",
                                "backup:GetBackupVaultAccessPolicy", "backup:ListRecoveryPointsByBackupVault",
                                "route53:GetDNSSEC", "route53:ListQueryLoggingConfigs", "athena:GetWorkGroup",
                                "glue:GetSecurityConfigurations"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  const std::map<std::string, std::string> denied_for = {
      {"ssm_documents_not_public", "ssm:DescribeDocumentPermission"},
      {"ssm_managed_instance_patch_compliant", "ssm:ListResourceComplianceSummaries"},
      {"ssm_managed_instance_association_compliant", "ssm:ListResourceComplianceSummaries"},
      {"backup_vaults_access_policy_not_public", "backup:GetBackupVaultAccessPolicy"},
      {"route53_public_hosted_zones_query_logging_enabled", "route53:ListQueryLoggingConfigs"},
      {"athena_workgroup_encryption", "athena:GetWorkGroup"},
      {"athena_workgroup_enforce_configuration", "athena:GetWorkGroup"},
      {"athena_workgroup_logging_enabled", "athena:GetWorkGroup"},
      {"glue_etl_jobs_amazon_s3_encryption_enabled", "glue:GetSecurityConfigurations"},
      {"glue_etl_jobs_cloudwatch_logs_encryption_enabled", "glue:GetSecurityConfigurations"},
      {"glue_etl_jobs_job_bookmark_encryption_enabled", "glue:GetSecurityConfigurations"}};
  auto clean = declared_statuses();
  std::map<std::string, int> not_assessed;
  int decided = 0;
  for (const auto& f : r.truth.findings) {
    const std::string want = clean[{f.check_id, f.resource_arn}];
    auto it = denied_for.find(f.check_id);
    // Private zones pass without the logging and DNSSEC answers; empty vaults need no recovery point listing.
    bool undecidable = it != denied_for.end() && !(f.check_id.starts_with("route53_") && f.detail.find("private") != std::string::npos);
    if (f.check_id == "backup_vaults_recovery_points_encrypted" && f.status == CheckStatus::kNotAssessed) {
      EXPECT_NE(f.detail.find("backup:ListRecoveryPointsByBackupVault denied"), std::string::npos) << f.detail;
      ++not_assessed[f.check_id];
      continue;
    }
    if (f.check_id == "route53_public_hosted_zones_dnssec_signing" && f.status == CheckStatus::kNotAssessed) {
      EXPECT_NE(f.detail.find("route53:GetDNSSEC denied"), std::string::npos) << f.detail;
      ++not_assessed[f.check_id];
      continue;
    }
    if (undecidable) {
      EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      EXPECT_NE(f.detail.find(it->second + " denied"), std::string::npos) << f.detail;
      ++not_assessed[f.check_id];
      continue;
    }
    ++decided;
    EXPECT_EQ(std::string(to_string(f.status)), want) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
  }
  // Every resource of those checks is still reported (none dropped for lack of data).
  EXPECT_EQ(not_assessed["ssm_documents_not_public"], 3);
  EXPECT_EQ(not_assessed["ssm_managed_instance_patch_compliant"], 4);
  EXPECT_EQ(not_assessed["ssm_managed_instance_association_compliant"], 4);
  EXPECT_EQ(not_assessed["backup_vaults_access_policy_not_public"], 4);
  EXPECT_EQ(not_assessed["backup_vaults_recovery_points_encrypted"], 2);  // the two vaults holding recovery points
  EXPECT_EQ(not_assessed["route53_public_hosted_zones_query_logging_enabled"], 2);  // the public zones
  EXPECT_EQ(not_assessed["route53_public_hosted_zones_dnssec_signing"], 2);
  EXPECT_EQ(not_assessed["athena_workgroup_logging_enabled"], 4);
  EXPECT_EQ(not_assessed["glue_etl_jobs_amazon_s3_encryption_enabled"], 4);
  // ssm_ec2_instances_managed 5 (one in 45-cost), parameters 7, plans 2 + 2, domains 6, empty vaults 2,
  // buses 10 less the 3 default buses (the custom-bus policy check does not apply), Glue catalogs 6, vault keys
  // 4. The private zone's two public-zone checks no longer make a finding.
  EXPECT_EQ(decided, 5 + 7 + 4 + 6 + 2 + 10 - 3 + 6 + 4);
  EXPECT_FALSE(r.scan.gaps.empty());
}

// Issue 13: these checks declare what they read (Check::reads), and a scan
// makes a per-resource call only for what a selected check reads. Each check
// gives the same verdict and detail over an inventory that keeps only its
// declared properties (the rest "not collected", as a scan leaves them).
TEST(GroundTruthManagementServices, DeclaredReadsAreAllACheckUses) {
  GroundTruthOptions o;
  o.services = {"ssm", "backup", "route53", "route53domains", "events", "athena", "glue", "ec2", "kms"};
  o.check_services = kCheckServices;
  GroundTruth full = run_ground_truth(o);
  size_t compared = testing::expect_declared_reads_suffice(full.inventory, testing::of_services(kCheckServices), true);
  // 5 instances (one in 45-cost), 4 nodes × 2, 3 documents, 7 parameters, 4 vaults × 3, 2 summaries × 2,
  // 3 zones × 2, 3 domains × 2, 5 buses × 2, 4 workgroups × 3, 3 catalogs × 2, 4 jobs × 3; less 6 outside
  // their check (no finding): the node without an association, the private zone × 2, the 3 default buses.
  EXPECT_EQ(compared, 5u + 8 + 3 + 7 + 12 + 4 + 6 + 6 + 10 + 12 + 6 + 12 - 6);
}

// With checks selected that read listings but not what a per-resource call
// returns, that call is not made: the compliance listing (no node check
// selected; the nodes are only context), GetBackupVaultAccessPolicy (the
// recovery point check is selected, not the policy one) and GetDNSSEC (the
// query logging check reads the zones). The selected checks' findings are
// still exactly the scenario's. (A type no selected check reads, here SSM
// documents, is collected whole, for the inventory.)
TEST(GroundTruthManagementServices, UnreadPerResourceCallsAreNotMade) {
  GroundTruthOptions o;
  o.checks = {"ssm_parameters_secrets_secure_string", "ssm_ec2_instances_managed", "backup_plans_exist",
              "backup_vaults_recovery_points_encrypted", "route53_public_hosted_zones_query_logging_enabled",
              "route53_domains_transferlock_enabled"};
  ScanGroundTruth narrowed = run_scan_ground_truth(o);
  EXPECT_TRUE(narrowed.truth.problems.empty()) << join_lines(narrowed.truth.problems);
  EXPECT_TRUE(narrowed.scan.gaps.empty());
  for (const char* unread : {"ListResourceComplianceSummaries", "GetBackupVaultAccessPolicy", "GetDNSSEC"})
    EXPECT_EQ(narrowed.requests[unread], 0) << unread;
  EXPECT_EQ(narrowed.requests["ListRecoveryPointsByBackupVault"], 3);
  EXPECT_EQ(narrowed.requests["ListQueryLoggingConfigs"], 1);
  EXPECT_EQ(narrowed.requests["DescribeInstanceInformation"], 4);

  o.checks = {"backup_vaults_access_policy_not_public", "eventbridge_bus_not_public"};
  ScanGroundTruth policy_only = run_scan_ground_truth(o);
  EXPECT_TRUE(policy_only.truth.problems.empty()) << join_lines(policy_only.truth.problems);
  EXPECT_EQ(policy_only.requests["GetBackupVaultAccessPolicy"], 4);
  EXPECT_EQ(policy_only.requests["ListRecoveryPointsByBackupVault"], 0);
  // A service none of whose types a selected check reads is not collected at all.
  EXPECT_EQ(policy_only.requests["ListWorkGroups"], 0);
  EXPECT_EQ(policy_only.requests["GetWorkGroup"], 0);
  EXPECT_EQ(policy_only.requests["ListEventBuses"], 3);
}

}  // namespace
}  // namespace cloudpeek::testing
