// Ground truth for AWS Directory Service: through the real scan engine, the
// insecure scenario's planted problems are all reported, its good
// configurations pass, directory types a check does not apply to pass with the
// reason (never a FAIL), and nothing else is found — every finding of these
// checks is declared in the scenario with its status. Then what the collector
// keeps (only the account's own directories, no RADIUS shared secret), what it
// costs in calls, NOT_ASSESSED naming a denied call, declared reads, and
// per-directory calls made only for the checks that read them.
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

const std::vector<std::string> kServices = {"ds"};

TEST(GroundTruthDirectoryService, EngineFindingsAreExactlyTheScenarios) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());
  EXPECT_EQ(r.scan.checks_run.size(), 6u);

  const auto got = finding_keys(r.truth.findings);
  EXPECT_EQ(got, declared_findings(r.scan.checks_run));
  // 5 directories × 5 directory checks, 3 certificates; less 8 outside their check (no finding): log
  // forwarding for the 3 that are not Managed Microsoft AD, snapshots for the 2 AD Connectors, RADIUS protocol
  // for the Simple AD and the directory without RADIUS, RADIUS MFA for the Simple AD.
  EXPECT_EQ(got.size(), 25u + 3 - 8);
  for (const auto& f : r.truth.findings) {
    EXPECT_EQ(f.resource_arn.find("d-9999999999"), std::string::npos) << f.check_id << " on " << f.resource_arn;
    // Simple AD has no MFA, log forwarding nor certificates: never failed for them.
    if (f.resource_arn.find("d-4444444444") != std::string::npos &&
        f.check_id != "directoryservice_directory_snapshots_limit" &&
        f.check_id != "directoryservice_directory_monitor_notifications")
      EXPECT_EQ(f.status, CheckStatus::kPass) << f.check_id << ": " << f.detail;
  }
  std::cout << r.scan.checks_run.size() << " checks, " << r.truth.findings.size() << " findings (FAIL "
            << r.truth.expected_fail << ", PASS " << r.truth.expected_pass << "), " << r.scan.api_calls << " calls\n";
}

TEST(GroundTruthDirectoryService, CollectorKeepsOwnDirectoriesAndNoRadiusSecret) {
  GroundTruthOptions options;
  options.services = kServices;
  GroundTruth r = run_ground_truth(options);
  EXPECT_TRUE(r.problems.empty()) << join_lines(r.problems);
  const auto& dirs = r.inventory.of_type("AWS::DirectoryService::Directory");
  std::map<std::string, std::string> types;
  for (const auto& d : dirs) types[d.id] = d.props.value("type", "");
  // The Microsoft AD shared by 999988887777 is the owner's: not kept.
  EXPECT_EQ(types, (std::map<std::string, std::string>{{"d-1111111111", "MicrosoftAD"},
                                                       {"d-2222222222", "MicrosoftAD"},
                                                       {"d-3333333333", "ADConnector"},
                                                       {"d-4444444444", "SimpleAD"},
                                                       {"d-5555555555", "ADConnector"}}));
  EXPECT_EQ(r.inventory.of_type("AWS::DirectoryService::Certificate").size(), 3u);
  for (const auto& d : dirs) {
    EXPECT_EQ(d.arn, "arn:aws:ds:" + d.region + ":111122223333:directory/" + d.id);
    // AWS's answer carries the RADIUS shared secret: nothing of it is kept.
    EXPECT_EQ(d.props.dump().find("fakeaws-radius-shared-secret"), std::string::npos) << d.id;
    EXPECT_EQ(d.raw.dump().find("fakeaws-radius-shared-secret"), std::string::npos) << d.id;
    EXPECT_EQ(d.raw.dump().find("SharedSecret"), std::string::npos) << d.id;
    if (d.id == "d-1111111111") {
      EXPECT_EQ(d.props["log_groups"], json::array({"/aws/directoryservice/d-1111111111"}));
      EXPECT_EQ(d.props["snapshot_limit"]["count"], 1);
      EXPECT_EQ(d.props["radius_protocol"], "MS-CHAPv2");
      EXPECT_TRUE(d.raw.contains("RadiusSettings"));  // the rest of the settings stay
    }
    if (d.id == "d-3333333333") EXPECT_TRUE(d.props["snapshot_limit"].is_null());  // AD Connector: no snapshots
  }
}

TEST(GroundTruthDirectoryService, CallsPerOperation) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  const std::map<std::string, int> want = {
      // Five directories in us-east-1 at two a page, one in eu-west-1, none in us-west-2.
      {"DescribeDirectories", 3 + 1 + 1},
      // Account-wide listings, only in the regions that have a directory.
      {"ListLogSubscriptions", 2},
      {"DescribeEventTopics", 2},
      // Per directory where the type has it: snapshots for Simple AD and Microsoft AD, certificates for
      // Microsoft AD and AD Connector; the certificate listing already carries the expiry dates.
      {"GetSnapshotLimits", 3},
      {"ListCertificates", 4},
      {"DescribeCertificate", 0},
      {"DescribeLDAPSSettings", 0}};
  for (const auto& [op, n] : want) EXPECT_EQ(r.requests[op], n) << op;
}

// A denied call makes the checks that read its answer NOT_ASSESSED naming the
// action — per directory for a per-directory or account-wide listing, per
// region for the certificates a denied ListCertificates leaves unknown — never
// PASS or FAIL; the checks reading DescribeDirectories alone decide as in the clean run.
TEST(GroundTruthDirectoryService, DeniedCallsAreNotAssessedNamingTheAction) {
  GroundTruthOptions options;
  options.services = kServices;
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["ds:ListLogSubscriptions", "ds:DescribeEventTopics", "ds:GetSnapshotLimits",
                                "ds:ListCertificates"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  auto clean = declared_statuses();
  std::map<std::string, int> not_assessed;
  int decided = 0;
  for (const auto& f : r.truth.findings) {
    std::string action;
    const bool microsoft_ad = f.resource_arn.find("d-1111111111") != std::string::npos ||
                              f.resource_arn.find("d-2222222222") != std::string::npos;
    const bool has_snapshots = microsoft_ad || f.resource_arn.find("d-4444444444") != std::string::npos;
    if (f.check_id == "directoryservice_directory_log_forwarding_enabled" && microsoft_ad) action = "ds:ListLogSubscriptions";
    if (f.check_id == "directoryservice_directory_monitor_notifications") action = "ds:DescribeEventTopics";
    if (f.check_id == "directoryservice_directory_snapshots_limit" && has_snapshots) action = "ds:GetSnapshotLimits";
    if (f.check_id == "directoryservice_ldap_certificate_expiration") action = "ds:ListCertificates";
    if (action.empty()) {
      EXPECT_EQ(std::string(to_string(f.status)), clean[std::make_pair(f.check_id, f.resource_arn)])
          << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      ++decided;
      continue;
    }
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    EXPECT_NE(f.detail.find(action + " denied"), std::string::npos) << f.check_id << ": " << f.detail;
    ++not_assessed[f.check_id];
  }
  EXPECT_EQ(not_assessed["directoryservice_directory_log_forwarding_enabled"], 2);  // the two Microsoft ADs
  EXPECT_EQ(not_assessed["directoryservice_directory_monitor_notifications"], 5);
  EXPECT_EQ(not_assessed["directoryservice_directory_snapshots_limit"], 3);
  // No certificate is known: one NOT_ASSESSED per region with a directory that can hold them.
  EXPECT_EQ(not_assessed["directoryservice_ldap_certificate_expiration"], 2);
  // RADIUS protocol and MFA for 5 directories, less the 3 of those outside their check (see above); log
  // forwarding for 3 others and snapshots for 2 AD Connectors, decided before, now get no finding.
  EXPECT_EQ(decided, 10 + 3 + 2 - 8);
  EXPECT_FALSE(r.scan.gaps.empty());
}

// Issue 13: each check gives the same verdict and detail over an inventory
// that keeps only its declared properties.
TEST(GroundTruthDirectoryService, DeclaredReadsAreAllACheckUses) {
  GroundTruthOptions o;
  o.services = kServices;
  GroundTruth full = run_ground_truth(o);
  size_t compared = testing::expect_declared_reads_suffice(full.inventory, testing::of_services(kServices), true);
  EXPECT_EQ(compared, 25u + 3 - 8);  // less the 8 outside their check
}

// A per-directory or account-wide call is made only for the properties a
// selected check reads: the RADIUS checks read DescribeDirectories alone, the
// certificates are listed only for their check.
TEST(GroundTruthDirectoryService, UnreadCallsAreNotMade) {
  GroundTruthOptions o;
  o.checks = {"directoryservice_supported_mfa_radius_enabled", "directoryservice_radius_server_security_protocol",
              "directoryservice_ldap_certificate_expiration"};
  ScanGroundTruth radius = run_scan_ground_truth(o);
  EXPECT_TRUE(radius.truth.problems.empty()) << join_lines(radius.truth.problems);
  EXPECT_TRUE(radius.scan.gaps.empty());
  EXPECT_EQ(radius.requests["DescribeDirectories"], 5);
  EXPECT_EQ(radius.requests["ListLogSubscriptions"], 0);
  EXPECT_EQ(radius.requests["DescribeEventTopics"], 0);
  EXPECT_EQ(radius.requests["GetSnapshotLimits"], 0);
  EXPECT_EQ(radius.requests["ListCertificates"], 4);

  o.checks = {"directoryservice_directory_snapshots_limit"};
  ScanGroundTruth snapshots = run_scan_ground_truth(o);
  EXPECT_TRUE(snapshots.truth.problems.empty()) << join_lines(snapshots.truth.problems);
  EXPECT_EQ(snapshots.requests["GetSnapshotLimits"], 3);
  EXPECT_EQ(snapshots.requests["ListLogSubscriptions"], 0);
  EXPECT_EQ(snapshots.requests["DescribeEventTopics"], 0);
  EXPECT_EQ(snapshots.requests["ListCertificates"], 0);

  o.checks = {"directoryservice_directory_log_forwarding_enabled"};
  ScanGroundTruth logs = run_scan_ground_truth(o);
  EXPECT_TRUE(logs.truth.problems.empty()) << join_lines(logs.truth.problems);
  EXPECT_EQ(logs.requests["ListLogSubscriptions"], 2);
  EXPECT_EQ(logs.requests["DescribeEventTopics"], 0);
  EXPECT_EQ(logs.requests["GetSnapshotLimits"], 0);
  EXPECT_EQ(logs.requests["ListCertificates"], 0);
}

}  // namespace
}  // namespace cloudpeek::testing
