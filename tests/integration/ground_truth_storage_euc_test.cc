// Ground truth for the storage, backup and end-user computing services (Amazon
// FSx, S3 Glacier, Data Lifecycle Manager, Elastic Disaster Recovery, Storage
// Gateway, WorkSpaces, AppStream 2.0): through the real scan engine the
// insecure scenario's planted problems are all reported, its good
// configurations pass, and nothing else is found — every finding of these
// services' checks is declared in the scenario with its status. Then what the
// collectors keep (only the account's own resources, no secret), what they
// cost in calls, NOT_ASSESSED naming a denied call, and per-resource calls
// made only for the checks that read them.
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

const std::vector<std::string> kServices = {"fsx", "glacier", "dlm", "drs", "storagegateway", "workspaces", "appstream"};
const std::vector<std::string> kCheckServices = kServices;
// Collecting alone needs the context the checks read named: EBS volumes (DLM), KMS keys (FSx).
const std::vector<std::string> kCollectors = {"fsx", "glacier", "dlm", "drs", "storagegateway", "workspaces", "appstream",
                                              "ec2", "kms"};

TEST(GroundTruthStorageEuc, EngineFindingsAreExactlyTheScenarios) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  // DRS answers UninitializedAccountException in eu-west-1: an answer, not a gap.
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());
  // FSx 9, Glacier 2, DLM 2, DRS 2, Storage Gateway 6, WorkSpaces 2, AppStream 4.
  EXPECT_EQ(r.scan.checks_run.size(), 9u + 2 + 2 + 2 + 6 + 2 + 4);

  const auto got = finding_keys(r.truth.findings);
  EXPECT_EQ(got, declared_findings(r.scan.checks_run));
  // 8 file systems × 9, 3 vaults × 2, 4 policies + 3 regions, 3 servers + 3 regions, 2 gateways + 4 shares × 5,
  // 3 WorkSpaces × 2, 3 fleets × 4.
  // Less 49 resources outside their check (no finding): each FSx type-specific check (7) on the 6 file systems
  // of other types, the scratch file system's backups, and the 2 NFS and 2 SMB shares' checks of the other type.
  EXPECT_EQ(got.size(), 72u + 6 + 7 + 6 + 22 + 6 + 12 - 49);
  for (const auto& f : r.truth.findings)
    EXPECT_EQ(f.resource_arn.find("999988887777"), std::string::npos) << f.check_id << " on " << f.resource_arn;
  std::cout << r.scan.checks_run.size() << " checks, " << r.truth.findings.size() << " findings (FAIL "
            << r.truth.expected_fail << ", PASS " << r.truth.expected_pass << "), " << r.scan.api_calls << " calls\n";
}

TEST(GroundTruthStorageEuc, CollectorsKeepOnlyOwnResourcesAndNoSecret) {
  GroundTruthOptions options;
  options.services = kCollectors;
  options.check_services = kCheckServices;
  GroundTruth r = run_ground_truth(options);
  EXPECT_TRUE(r.problems.empty()) << join_lines(r.problems);
  const std::map<std::string, size_t> want = {{"AWS::FSx::FileSystem", 8},         {"AWS::Glacier::Vault", 3},
                                              {"AWS::DLM::LifecyclePolicy", 4},    {"AWS::DLM::RegionSummary", 3},
                                              {"AWS::DRS::SourceServer", 3},       {"AWS::DRS::RegionSummary", 3},
                                              {"AWS::StorageGateway::Gateway", 2}, {"AWS::StorageGateway::FileShare", 4},
                                              {"AWS::WorkSpaces::Workspace", 3},   {"AWS::AppStream::Fleet", 3}};
  for (const auto& [type, n] : want) EXPECT_EQ(r.inventory.of_type(type).size(), n) << type;
  // Another account's file system and source server are dropped.
  for (const auto& f : r.inventory.of_type("AWS::FSx::FileSystem")) EXPECT_NE(f.id, "fs-0f5e00000000b0009");
  for (const auto& s : r.inventory.of_type("AWS::DRS::SourceServer")) EXPECT_NE(s.id, "s-0d55000000000b009");
  // The region that never initialized DRS says so; the others are initialized.
  for (const auto& s : r.inventory.of_type("AWS::DRS::RegionSummary"))
    EXPECT_EQ(s.props.value("initialized", true), s.region != "eu-west-1") << s.region;
  // The ONTAP administrator password AWS might send is kept nowhere.
  for (const auto& type : r.inventory.types())
    for (const auto& res : r.inventory.of_type(type)) {
      EXPECT_EQ(res.raw.dump().find("fakeOntapAdminPassw0rd"), std::string::npos) << res.arn;
      EXPECT_EQ(res.props.dump().find("fakeOntapAdminPassw0rd"), std::string::npos) << res.arn;
    }
  // The SMB share of an older gateway (KMSEncrypted only, no EncryptionType) reads as S3 managed keys.
  for (const auto& s : r.inventory.of_type("AWS::StorageGateway::FileShare"))
    if (s.id == "share-4D5E6F7A") EXPECT_EQ(s.props.value("encryption", ""), "SseS3");
}

TEST(GroundTruthStorageEuc, CallsPerOperation) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  // Three regions, fakeaws pages of 2.
  const std::map<std::string, int> want = {
      // FSx: one bulk listing per region (9 file systems in us-east-1 → 5 pages); no per-file-system call.
      {"DescribeFileSystems", 5 + 1 + 1},
      // Glacier: vaults listed per region (3 in us-east-1 → 2 pages), then each vault's policy and lock (no bulk form).
      {"ListVaults", 2 + 1 + 1},
      {"GetVaultAccessPolicy", 3},
      {"GetVaultLock", 3},
      // DLM: one unpaged listing per region, then each policy's details (its copy rules; no bulk form).
      {"GetLifecyclePolicies", 3},
      {"GetLifecyclePolicy", 4},
      // DRS: one paged listing per region (4 servers in us-east-1 → 2 pages); eu-west-1 answers uninitialized.
      {"DescribeSourceServers", 2 + 1 + 1},
      // Storage Gateway: gateways and every gateway's file shares listed per region (4 shares → 2 pages); each
      // gateway's information, the shares described 10 a call per type, the SMB settings of the 2 gateways with
      // SMB shares.
      {"ListGateways", 3},
      {"ListFileShares", 2 + 1 + 1},
      {"DescribeGatewayInformation", 2},
      {"DescribeNFSFileShares", 1},
      {"DescribeSMBFileShares", 1},
      {"DescribeSMBSettings", 2},
      // WorkSpaces and AppStream: bulk listings only (3 WorkSpaces → 2 pages; 2 fleets → 1 page).
      {"DescribeWorkspaces", 2 + 1 + 1},
      {"DescribeFleets", 3}};
  for (const auto& [op, n] : want) EXPECT_EQ(r.requests[op], n) << op;
}

// A denied per-resource call makes the checks that read its answer
// NOT_ASSESSED naming the action, for each resource, never PASS or FAIL; a
// denied DRS listing leaves both DRS checks NOT_ASSESSED per region (not a
// FAIL "not initialized"); checks reading other calls decide as in the clean run.
TEST(GroundTruthStorageEuc, DeniedCallsAreNotAssessedNamingTheAction) {
  GroundTruthOptions options;
  options.services = kServices;
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["glacier:GetVaultAccessPolicy", "glacier:GetVaultLock", "dlm:GetLifecyclePolicy",
                                "storagegateway:DescribeGatewayInformation", "storagegateway:DescribeNFSFileShares",
                                "storagegateway:DescribeSMBFileShares", "storagegateway:DescribeSMBSettings",
                                "drs:DescribeSourceServers"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  const std::map<std::string, std::vector<std::string>> denied_for = {
      {"glacier_vaults_policy_public_access", {"glacier:GetVaultAccessPolicy"}},
      {"glacier_vault_lock_enabled", {"glacier:GetVaultLock"}},
      {"dlm_cross_region_copy_encrypted", {"dlm:GetLifecyclePolicy"}},
      {"storagegateway_gateway_cloudwatch_logging_enabled", {"storagegateway:DescribeGatewayInformation"}},
      {"storagegateway_fileshare_kms_encryption_enabled",
       {"storagegateway:DescribeNFSFileShares", "storagegateway:DescribeSMBFileShares"}},
      {"storagegateway_fileshare_audit_logging_enabled",
       {"storagegateway:DescribeNFSFileShares", "storagegateway:DescribeSMBFileShares"}},
      {"storagegateway_nfs_fileshare_root_squash_enabled", {"storagegateway:DescribeNFSFileShares"}},
      {"storagegateway_smb_fileshare_guest_access_disabled", {"storagegateway:DescribeSMBFileShares"}},
      {"storagegateway_smb_fileshare_security_strategy_mandatory", {"storagegateway:DescribeSMBSettings"}},
      {"drs_service_initialized", {"drs:DescribeSourceServers"}},
      {"drs_source_server_replication_healthy", {"drs:DescribeSourceServers"}}};
  auto clean = declared_statuses();
  std::map<std::string, int> not_assessed;
  int decided = 0;
  for (const auto& f : r.truth.findings) {
    auto it = denied_for.find(f.check_id);
    if (f.status != CheckStatus::kNotAssessed) {
      // Decided: as in the clean run (an NFS share's SMB checks, an SMB share's squash check need no denied call).
      EXPECT_EQ(std::string(to_string(f.status)), clean[std::make_pair(f.check_id, f.resource_arn)])
          << f.check_id << " on " << f.resource_arn;
      ++decided;
      continue;
    }
    ASSERT_NE(it, denied_for.end()) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    bool named = false;
    for (const auto& action : it->second) named = named || f.detail.find(action + " denied") != std::string::npos;
    EXPECT_TRUE(named) << f.check_id << ": " << f.detail;
    ++not_assessed[f.check_id];
  }
  EXPECT_EQ(not_assessed["glacier_vaults_policy_public_access"], 3);
  EXPECT_EQ(not_assessed["glacier_vault_lock_enabled"], 3);
  EXPECT_EQ(not_assessed["dlm_cross_region_copy_encrypted"], 4);
  EXPECT_EQ(not_assessed["storagegateway_gateway_cloudwatch_logging_enabled"], 2);
  EXPECT_EQ(not_assessed["storagegateway_fileshare_kms_encryption_enabled"], 4);
  EXPECT_EQ(not_assessed["storagegateway_fileshare_audit_logging_enabled"], 4);
  EXPECT_EQ(not_assessed["storagegateway_nfs_fileshare_root_squash_enabled"], 2);
  EXPECT_EQ(not_assessed["storagegateway_smb_fileshare_guest_access_disabled"], 2);
  EXPECT_EQ(not_assessed["storagegateway_smb_fileshare_security_strategy_mandatory"], 2);
  EXPECT_EQ(not_assessed["drs_service_initialized"], 3);
  EXPECT_EQ(not_assessed["drs_source_server_replication_healthy"], 3);
  // FSx 72 less the 43 outside their check, DLM regions 3, WorkSpaces 6, fleets 12. (The shares' checks of the
  // other share type, decided before, now make no finding.)
  EXPECT_EQ(decided, 72 - 43 + 3 + 6 + 12);
  EXPECT_FALSE(r.scan.gaps.empty());
}

// Issue 13: each check gives the same verdict and detail over an inventory
// that keeps only its declared properties.
TEST(GroundTruthStorageEuc, DeclaredReadsAreAllACheckUses) {
  GroundTruthOptions o;
  o.services = kCollectors;
  o.check_services = kCheckServices;
  GroundTruth full = run_ground_truth(o);
  size_t compared = testing::expect_declared_reads_suffice(full.inventory, testing::of_services(kCheckServices), true);
  // 8 file systems × 9, 3 vaults × 2, 4 policies + 3 regions, 3 servers + 3 regions, 2 gateways + 4 shares × 5,
  // 3 WorkSpaces × 2, 3 fleets × 4, less the 49 outside their check: every finding.
  EXPECT_EQ(compared, 131u - 49);
}

// A per-resource call is made only for the properties a selected check reads
// of its type: with the vault lock and NFS root-squash checks selected, no
// vault policy and no SMB share description or settings are fetched. (A type
// no selected check reads at all — gateways, DLM policies here — is collected
// whole, for the inventory, as the engine does for every service.)
TEST(GroundTruthStorageEuc, UnreadPerResourceCallsAreNotMade) {
  GroundTruthOptions o;
  o.checks = {"glacier_vault_lock_enabled", "storagegateway_nfs_fileshare_root_squash_enabled",
              "dlm_ebs_snapshot_lifecycle_policy_exists"};
  ScanGroundTruth narrowed = run_scan_ground_truth(o);
  EXPECT_TRUE(narrowed.truth.problems.empty()) << join_lines(narrowed.truth.problems);
  EXPECT_TRUE(narrowed.scan.gaps.empty());
  EXPECT_EQ(narrowed.requests["GetVaultLock"], 3);
  EXPECT_EQ(narrowed.requests["GetVaultAccessPolicy"], 0);
  EXPECT_EQ(narrowed.requests["DescribeNFSFileShares"], 1);
  EXPECT_EQ(narrowed.requests["DescribeSMBFileShares"], 0);
  EXPECT_EQ(narrowed.requests["DescribeSMBSettings"], 0);
  EXPECT_EQ(narrowed.requests["DescribeGatewayInformation"], 2);
  EXPECT_EQ(narrowed.requests["GetLifecyclePolicies"], 3);
  EXPECT_EQ(narrowed.requests["GetLifecyclePolicy"], 4);
  // A service none of whose types a selected check reads is not collected at all.
  EXPECT_EQ(narrowed.requests["DescribeFileSystems"], 0);
  EXPECT_EQ(narrowed.requests["DescribeFleets"], 0);
}

}  // namespace
}  // namespace cloudpeek::testing
