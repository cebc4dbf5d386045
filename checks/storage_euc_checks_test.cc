// Storage, backup and end-user computing checks (FSx, S3 Glacier, Data
// Lifecycle Manager, Elastic Disaster Recovery, Storage Gateway, WorkSpaces,
// AppStream 2.0): each one PASSes, FAILs, and says NOT_ASSESSED with the
// reason when what it reads was not collected. One test binary for these
// services (compile time).
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"
#include "checks/testing_expect.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;
using testing::expect;
using testing::expect_not_applicable;

Resource missing(std::string type, std::string id, std::initializer_list<const char*> props, const std::string& why) {
  Resource r = resource(std::move(type), std::move(id), json::object());
  for (const char* p : props) r.missing[p] = why;
  return r;
}

// ---- FSx ----

Resource fs(std::string id, json props) { return resource("AWS::FSx::FileSystem", std::move(id), std::move(props)); }

TEST(FsxOpenZfsCopyTags, BothNeeded) {
  const char* id = "fsx_openzfs_copy_tags_enabled";
  json z = {{"file_system_type", "OPENZFS"}, {"copy_tags_to_backups", true}, {"copy_tags_to_volumes", true}};
  expect(id, fs("a", z), CheckStatus::kPass, "backups and volumes");
  z["copy_tags_to_volumes"] = false;
  expect(id, fs("b", z), CheckStatus::kFail, "does not copy its tags to volumes");
  z["copy_tags_to_backups"] = false;
  expect(id, fs("c", z), CheckStatus::kFail, "backups nor volumes");
  expect_not_applicable(id, fs("d", {{"file_system_type", "LUSTRE"}, {"copy_tags_to_backups", false}, {"copy_tags_to_volumes", nullptr}}), "not FSx for OpenZFS");
  expect(id, fs("e", {{"file_system_type", "OPENZFS"}}), CheckStatus::kNotAssessed, "not collected");
  expect(id, missing("AWS::FSx::FileSystem", "f", {"file_system_type"}, "fsx:DescribeFileSystems denied"),
         CheckStatus::kNotAssessed, "fsx:DescribeFileSystems denied");
}

TEST(FsxLustreCopyTags, LustreOnly) {
  const char* id = "fsx_lustre_copy_tags_to_backups";
  expect(id, fs("a", {{"file_system_type", "LUSTRE"}, {"copy_tags_to_backups", true}}), CheckStatus::kPass);
  expect(id, fs("b", {{"file_system_type", "LUSTRE"}, {"copy_tags_to_backups", false}}), CheckStatus::kFail,
         "does not copy its tags to backups");
  expect_not_applicable(id, fs("c", {{"file_system_type", "WINDOWS"}, {"copy_tags_to_backups", false}}), "not FSx for Lustre");
  expect(id, fs("d", {{"file_system_type", "LUSTRE"}}), CheckStatus::kNotAssessed, "not collected");
}

TEST(FsxAutomaticBackups, RetentionDays) {
  const char* id = "fsx_file_system_automatic_backups_enabled";
  expect(id, fs("a", {{"backup_retention_days", 7}}), CheckStatus::kPass, "7 day(s)");
  expect(id, fs("b", {{"backup_retention_days", 0}}), CheckStatus::kFail, "turned off");
  expect_not_applicable(id, fs("c", {{"backup_retention_days", nullptr}, {"deployment_type", "SCRATCH_2"}}), "scratch");
  expect(id, fs("d", json::object()), CheckStatus::kNotAssessed, "not collected");
}

TEST(FsxWindowsAuditLogging, BothLevelsAndDestination) {
  const char* id = "fsx_windows_file_system_audit_logging_enabled";
  json w = {{"file_system_type", "WINDOWS"},
            {"audit_file_access", "SUCCESS_AND_FAILURE"},
            {"audit_file_share_access", "FAILURE_ONLY"},
            {"audit_log_destination", "arn:aws:logs:us-east-1:111122223333:log-group:/aws/fsx/windows"}};
  expect(id, fs("a", w), CheckStatus::kPass, "/aws/fsx/windows");
  w["audit_file_share_access"] = "DISABLED";
  expect(id, fs("b", w), CheckStatus::kFail, "does not audit file share access");
  w["audit_file_access"] = "DISABLED";
  expect(id, fs("c", w), CheckStatus::kFail, "file and folder access nor file share access");
  expect_not_applicable(id, fs("d", {{"file_system_type", "ONTAP"}}), "not FSx for Windows");
  expect(id, fs("e", {{"file_system_type", "WINDOWS"}}), CheckStatus::kNotAssessed, "not collected");
}

TEST(FsxCustomerKey, KeyManagerFromKmsInventory) {
  const char* id = "fsx_file_system_encrypted_with_cmk";
  Inventory inv;
  Resource cmk = resource("AWS::KMS::Key", "k1", {{"key_manager", "CUSTOMER"}});
  cmk.arn = "arn:aws:kms:us-east-1:111122223333:key/k1";
  Resource aws = resource("AWS::KMS::Key", "k2", {{"key_manager", "AWS"}});
  aws.arn = "arn:aws:kms:us-east-1:111122223333:key/k2";
  aws.name = "alias/aws/fsx";
  inv.add(cmk);
  inv.add(aws);
  expect(id, fs("a", {{"kms_key_id", cmk.arn}}), CheckStatus::kPass, "customer managed key", inv);
  expect(id, fs("b", {{"kms_key_id", aws.arn}}), CheckStatus::kFail, "AWS managed key alias/aws/fsx", inv);
  expect(id, fs("c", {{"kms_key_id", nullptr}}), CheckStatus::kFail, "keys FSx manages", inv);
  expect(id, fs("d", {{"kms_key_id", "arn:aws:kms:us-east-1:444455556666:key/x"}}), CheckStatus::kPass,
         "of account 444455556666", inv);
  // A key the KMS inventory does not hold, or whose listing failed: never a PASS.
  expect(id, fs("e", {{"kms_key_id", "arn:aws:kms:us-east-1:111122223333:key/gone"}}), CheckStatus::kNotAssessed,
         "not among the account's KMS keys", inv);
  Inventory denied;
  denied.add_gap(testing::denied("kms", "kms:ListKeys", "us-east-1", "AWS::KMS::Key"));
  expect(id, fs("f", {{"kms_key_id", cmk.arn}}), CheckStatus::kNotAssessed, "kms:ListKeys", denied);
  expect(id, fs("g", json::object()), CheckStatus::kNotAssessed, "not collected", inv);
}

TEST(FsxMultiAz, EachTypeItsOwnMultiAzDeployments) {
  const char* zfs = "fsx_openzfs_file_system_multi_az_enabled";
  const char* ontap = "fsx_ontap_file_system_multi_az_enabled";
  const char* win = "fsx_windows_file_system_multi_az_enabled";
  auto sys = [](const char* type, json dep) { return fs("a", {{"file_system_type", type}, {"deployment_type", std::move(dep)}}); };
  expect(zfs, sys("OPENZFS", "MULTI_AZ_1"), CheckStatus::kPass, "across Availability Zones");
  expect(zfs, sys("OPENZFS", "SINGLE_AZ_HA_2"), CheckStatus::kFail, "one Availability Zone (SINGLE_AZ_HA_2)");
  expect(ontap, sys("ONTAP", "MULTI_AZ_2"), CheckStatus::kPass);
  expect(ontap, sys("ONTAP", "SINGLE_AZ_2"), CheckStatus::kFail);
  expect(win, sys("WINDOWS", "MULTI_AZ_1"), CheckStatus::kPass);
  expect(win, sys("WINDOWS", "SINGLE_AZ_1"), CheckStatus::kFail);
  // Absent for an old Windows file system: AWS's default, SINGLE_AZ_1.
  expect(win, sys("WINDOWS", nullptr), CheckStatus::kFail, "no deployment type");
  expect_not_applicable(win, sys("LUSTRE", "SCRATCH_2"), "not FSx for Windows File Server");
  expect(ontap, fs("b", {{"file_system_type", "ONTAP"}}), CheckStatus::kNotAssessed, "not collected");
}

TEST(FsxLustreLogging, LevelOrDisabled) {
  const char* id = "fsx_lustre_file_system_logging_enabled";
  expect(id, fs("a", {{"file_system_type", "LUSTRE"}, {"lustre_log_level", "WARN_ERROR"}}), CheckStatus::kPass, "WARN_ERROR");
  expect(id, fs("b", {{"file_system_type", "LUSTRE"}, {"lustre_log_level", "DISABLED"}}), CheckStatus::kFail);
  expect_not_applicable(id, fs("c", {{"file_system_type", "OPENZFS"}, {"lustre_log_level", nullptr}}), "not FSx for Lustre");
  expect(id, fs("d", {{"file_system_type", "LUSTRE"}}), CheckStatus::kNotAssessed, "not collected");
}

// ---- S3 Glacier ----

Resource vault(std::string id, json props) { return resource("AWS::Glacier::Vault", std::move(id), std::move(props)); }

TEST(GlacierVaultPolicy, PublicNamedNone) {
  const char* id = "glacier_vaults_policy_public_access";
  json open = {{"Version", "2012-10-17"},
               {"Statement", {{{"Sid", "everyone"}, {"Effect", "Allow"}, {"Principal", "*"},
                               {"Action", "glacier:InitiateJob"}, {"Resource", "*"}}}}};
  json named = {{"Version", "2012-10-17"},
                {"Statement", {{{"Sid", "dr"}, {"Effect", "Allow"},
                                {"Principal", {{"AWS", "arn:aws:iam::444455556666:root"}}},
                                {"Action", "glacier:InitiateJob"}, {"Resource", "*"}}}}};
  expect(id, vault("a", {{"access_policy", open}}), CheckStatus::kFail, "everyone");
  expect(id, vault("b", {{"access_policy", named}}), CheckStatus::kPass, "named principals");
  expect(id, vault("c", {{"access_policy", nullptr}}), CheckStatus::kPass, "no access policy");
  expect(id, missing("AWS::Glacier::Vault", "d", {"access_policy"}, "glacier:GetVaultAccessPolicy denied"),
         CheckStatus::kNotAssessed, "glacier:GetVaultAccessPolicy denied");
  expect(id, vault("e", json::object()), CheckStatus::kNotAssessed, "not collected");
}

TEST(GlacierVaultLock, LockedInProgressNone) {
  const char* id = "glacier_vault_lock_enabled";
  expect(id, vault("a", {{"vault_lock_state", "Locked"}}), CheckStatus::kPass);
  expect(id, vault("b", {{"vault_lock_state", "InProgress"}}), CheckStatus::kFail, "never completed");
  expect(id, vault("c", {{"vault_lock_state", nullptr}}), CheckStatus::kFail, "no Vault Lock policy");
  expect(id, missing("AWS::Glacier::Vault", "d", {"vault_lock_state"}, "glacier:GetVaultLock denied"),
         CheckStatus::kNotAssessed, "glacier:GetVaultLock denied");
}

// ---- Data Lifecycle Manager ----

TEST(DlmSnapshotPolicy, RegionsWithVolumesNeedOne) {
  const char* id = "dlm_ebs_snapshot_lifecycle_policy_exists";
  Inventory inv;
  inv.add(resource("AWS::EC2::Volume", "vol-1", {{"state", "in-use"}}, "us-east-1"));
  Resource with = resource("AWS::DLM::RegionSummary", "us-east-1", {{"enabled_ebs_snapshot_policies", {"policy-1"}}});
  Resource without = resource("AWS::DLM::RegionSummary", "us-east-1", {{"enabled_ebs_snapshot_policies", json::array()}});
  Resource empty_region =
      resource("AWS::DLM::RegionSummary", "eu-west-1", {{"enabled_ebs_snapshot_policies", json::array()}}, "eu-west-1");
  expect(id, with, CheckStatus::kPass, "policy-1", inv);
  expect(id, without, CheckStatus::kFail, "1 EBS volume(s) in us-east-1", inv);
  expect(id, empty_region, CheckStatus::kPass, "no EBS volumes in eu-west-1", inv);
  // Volumes not listed: whether the region needs a policy is unknown.
  Inventory denied;
  denied.add_gap(testing::denied("ec2", "ec2:DescribeVolumes", "us-east-1", "AWS::EC2::Volume"));
  expect(id, without, CheckStatus::kNotAssessed, "ec2:DescribeVolumes", denied);
  expect(id, missing("AWS::DLM::RegionSummary", "us-east-1", {"enabled_ebs_snapshot_policies"},
                     "dlm:GetLifecyclePolicies denied"),
         CheckStatus::kNotAssessed, "dlm:GetLifecyclePolicies denied", inv);
}

TEST(DlmCrossRegionCopy, EncryptedOrNot) {
  const char* id = "dlm_cross_region_copy_encrypted";
  auto policy = [](json targets) {
    return resource("AWS::DLM::LifecyclePolicy", "policy-1", {{"unencrypted_copy_targets", std::move(targets)}});
  };
  expect(id, policy(json::array()), CheckStatus::kPass);
  expect(id, policy({"us-west-2", "eu-west-1"}), CheckStatus::kFail, "us-west-2, eu-west-1");
  expect(id, missing("AWS::DLM::LifecyclePolicy", "p", {"unencrypted_copy_targets"}, "dlm:GetLifecyclePolicy denied"),
         CheckStatus::kNotAssessed, "dlm:GetLifecyclePolicy denied");
}

// ---- Elastic Disaster Recovery ----

TEST(DrsReplication, StalledDisconnectedErrored) {
  const char* id = "drs_source_server_replication_healthy";
  auto server = [](json state, json error) {
    return resource("AWS::DRS::SourceServer", "s-1", {{"replication_state", std::move(state)}, {"replication_error", std::move(error)}});
  };
  expect(id, server("CONTINUOUS", nullptr), CheckStatus::kPass, "CONTINUOUS");
  expect(id, server("STALLED", "AGENT_NOT_SEEN"), CheckStatus::kFail, "STALLED (AGENT_NOT_SEEN)");
  expect(id, server("DISCONNECTED", nullptr), CheckStatus::kFail, "DISCONNECTED");
  expect(id, server("BACKLOG", "UNSTABLE_NETWORK"), CheckStatus::kFail, "UNSTABLE_NETWORK");
  expect(id, server(nullptr, nullptr), CheckStatus::kNotAssessed, "no data replication state");
  expect(id, resource("AWS::DRS::SourceServer", "s-2", json::object()), CheckStatus::kNotAssessed, "not collected");
}

TEST(DrsInitialized, PerRegion) {
  const char* id = "drs_service_initialized";
  expect(id, resource("AWS::DRS::RegionSummary", "us-east-1", {{"initialized", true}, {"source_servers", 2}}),
         CheckStatus::kPass, "2 source server(s)");
  expect(id, resource("AWS::DRS::RegionSummary", "us-east-1", {{"initialized", false}, {"source_servers", 0}}),
         CheckStatus::kFail, "UninitializedAccountException");
  expect(id, resource("AWS::DRS::RegionSummary", "us-east-1", json::object()), CheckStatus::kNotAssessed);
}

// ---- Storage Gateway ----

Resource share(std::string id, json props) {
  return resource("AWS::StorageGateway::FileShare", std::move(id), std::move(props));
}

TEST(StorageGatewayShareEncryption, CustomerKeyAwsKeyOrS3Managed) {
  const char* id = "storagegateway_fileshare_kms_encryption_enabled";
  Inventory inv;
  Resource cmk = resource("AWS::KMS::Key", "k1", {{"key_manager", "CUSTOMER"}});
  cmk.arn = "arn:aws:kms:us-east-1:111122223333:key/k1";
  Resource s3key = resource("AWS::KMS::Key", "k2", {{"key_manager", "AWS"}});
  s3key.arn = "arn:aws:kms:us-east-1:111122223333:key/k2";
  s3key.name = "alias/aws/s3";
  inv.add(cmk);
  inv.add(s3key);
  expect(id, share("a", {{"encryption", "SseKms"}, {"kms_key", cmk.arn}}), CheckStatus::kPass, "customer managed key", inv);
  expect(id, share("b", {{"encryption", "DsseKms"}, {"kms_key", cmk.arn}}), CheckStatus::kPass, "", inv);
  expect(id, share("c", {{"encryption", "SseKms"}, {"kms_key", s3key.arn}}), CheckStatus::kFail, "AWS managed key alias/aws/s3", inv);
  expect(id, share("d", {{"encryption", "SseKms"}, {"kms_key", nullptr}}), CheckStatus::kFail, "aws/s3", inv);
  expect(id, share("e", {{"encryption", "SseS3"}, {"kms_key", nullptr}}), CheckStatus::kFail, "SSE-S3", inv);
  // A key the KMS inventory does not hold: never a PASS.
  expect(id, share("f", {{"encryption", "SseKms"}, {"kms_key", "arn:aws:kms:us-east-1:111122223333:key/gone"}}),
         CheckStatus::kNotAssessed, "not among the account's KMS keys", inv);
  expect(id, missing("AWS::StorageGateway::FileShare", "g", {"encryption", "kms_key"},
                     "storagegateway:DescribeNFSFileShares denied"),
         CheckStatus::kNotAssessed, "storagegateway:DescribeNFSFileShares denied");
}

TEST(StorageGatewaySmbGuest, GuestFailsNfsPasses) {
  const char* id = "storagegateway_smb_fileshare_guest_access_disabled";
  expect(id, share("a", {{"share_type", "SMB"}, {"authentication", "GuestAccess"}}), CheckStatus::kFail, "guest access");
  expect(id, share("b", {{"share_type", "SMB"}, {"authentication", "ActiveDirectory"}}), CheckStatus::kPass);
  expect_not_applicable(id, share("c", {{"share_type", "NFS"}, {"authentication", nullptr}}), "NFS share");
  expect(id, share("d", {{"share_type", "SMB"}}), CheckStatus::kNotAssessed, "not collected");
}

TEST(StorageGatewaySmbStrategy, MandatoryOrClientSpecified) {
  const char* id = "storagegateway_smb_fileshare_security_strategy_mandatory";
  expect(id, share("a", {{"share_type", "SMB"}, {"smb_security_strategy", "ClientSpecified"}}), CheckStatus::kFail,
         "ClientSpecified");
  expect(id, share("b", {{"share_type", "SMB"}, {"smb_security_strategy", "MandatoryEncryption"}}), CheckStatus::kPass);
  expect(id, share("c", {{"share_type", "SMB"}, {"smb_security_strategy", "MandatorySigning"}}), CheckStatus::kPass);
  expect_not_applicable(id, share("d", {{"share_type", "NFS"}, {"smb_security_strategy", nullptr}}));
  expect(id, missing("AWS::StorageGateway::FileShare", "e", {"smb_security_strategy"},
                     "storagegateway:DescribeSMBSettings denied"),
         CheckStatus::kNotAssessed, "not collected");
  Resource e = share("e", {{"share_type", "SMB"}});
  e.missing["smb_security_strategy"] = "storagegateway:DescribeSMBSettings denied";
  expect(id, e, CheckStatus::kNotAssessed, "storagegateway:DescribeSMBSettings denied");
}

TEST(StorageGatewayNfsSquash, NoSquashFails) {
  const char* id = "storagegateway_nfs_fileshare_root_squash_enabled";
  expect(id, share("a", {{"share_type", "NFS"}, {"squash", "NoSquash"}}), CheckStatus::kFail, "does not squash root");
  expect(id, share("b", {{"share_type", "NFS"}, {"squash", "RootSquash"}}), CheckStatus::kPass, "RootSquash");
  expect(id, share("c", {{"share_type", "NFS"}, {"squash", "AllSquash"}}), CheckStatus::kPass);
  expect_not_applicable(id, share("d", {{"share_type", "SMB"}, {"squash", nullptr}}), "SMB share");
  expect(id, share("e", {{"share_type", "NFS"}}), CheckStatus::kNotAssessed, "not collected");
}

TEST(StorageGatewayLogGroup, SetOrNot) {
  const char* id = "storagegateway_gateway_cloudwatch_logging_enabled";
  auto gw = [](json group) {
    return resource("AWS::StorageGateway::Gateway", "sgw-1", {{"cloudwatch_log_group", std::move(group)}});
  };
  expect(id, gw("arn:aws:logs:us-east-1:111122223333:log-group:/aws/storagegateway"), CheckStatus::kPass);
  expect(id, gw(nullptr), CheckStatus::kFail, "no CloudWatch log group");
  expect(id, missing("AWS::StorageGateway::Gateway", "sgw-2", {"cloudwatch_log_group"},
                     "storagegateway:DescribeGatewayInformation denied"),
         CheckStatus::kNotAssessed, "storagegateway:DescribeGatewayInformation denied");
}

TEST(StorageGatewayShareAudit, DestinationOrNone) {
  const char* id = "storagegateway_fileshare_audit_logging_enabled";
  expect(id, share("a", {{"audit_destination", "arn:aws:logs:us-east-1:111122223333:log-group:/audit"}}), CheckStatus::kPass,
         "log-group:/audit");
  expect(id, share("b", {{"audit_destination", nullptr}}), CheckStatus::kFail, "no audit log destination");
  expect(id, missing("AWS::StorageGateway::FileShare", "c", {"audit_destination"},
                     "storagegateway:DescribeSMBFileShares denied"),
         CheckStatus::kNotAssessed, "storagegateway:DescribeSMBFileShares denied");
  expect(id, share("d", json::object()), CheckStatus::kNotAssessed, "not collected");
}

// ---- WorkSpaces ----

TEST(WorkSpacesVolumes, UserAndRoot) {
  auto ws = [](bool user, bool root) {
    return resource("AWS::WorkSpaces::Workspace", "ws-1", {{"user_volume_encrypted", user}, {"root_volume_encrypted", root}});
  };
  expect("workspaces_user_volume_encryption_enabled", ws(true, false), CheckStatus::kPass);
  expect("workspaces_user_volume_encryption_enabled", ws(false, true), CheckStatus::kFail, "user volume");
  expect("workspaces_root_volume_encryption_enabled", ws(false, true), CheckStatus::kPass);
  expect("workspaces_root_volume_encryption_enabled", ws(true, false), CheckStatus::kFail, "root volume");
  expect("workspaces_root_volume_encryption_enabled", resource("AWS::WorkSpaces::Workspace", "ws-2", json::object()),
         CheckStatus::kNotAssessed, "not collected");
}

// ---- AppStream 2.0 ----

Resource fleet(json props) { return resource("AWS::AppStream::Fleet", "fleet-1", std::move(props)); }

TEST(AppStreamFleet, InternetAccessAndTimeouts) {
  expect("appstream_fleet_default_internet_access_disabled", fleet({{"default_internet_access", true}}),
         CheckStatus::kFail);
  expect("appstream_fleet_default_internet_access_disabled", fleet({{"default_internet_access", false}}),
         CheckStatus::kPass);
  expect("appstream_fleet_maximum_session_duration", fleet({{"max_user_duration_s", 36000}}), CheckStatus::kPass);
  expect("appstream_fleet_maximum_session_duration", fleet({{"max_user_duration_s", 36001}}), CheckStatus::kFail,
         "36001 s");
  expect("appstream_fleet_session_disconnect_timeout", fleet({{"disconnect_timeout_s", 300}}), CheckStatus::kPass);
  expect("appstream_fleet_session_disconnect_timeout", fleet({{"disconnect_timeout_s", 900}}), CheckStatus::kFail);
  expect("appstream_fleet_session_idle_disconnect_timeout", fleet({{"idle_disconnect_timeout_s", 600}}),
         CheckStatus::kPass);
  expect("appstream_fleet_session_idle_disconnect_timeout", fleet({{"idle_disconnect_timeout_s", 900}}),
         CheckStatus::kFail);
  expect("appstream_fleet_session_idle_disconnect_timeout", fleet({{"idle_disconnect_timeout_s", 0}}),
         CheckStatus::kFail, "never disconnects idle users");
  expect("appstream_fleet_session_idle_disconnect_timeout", fleet({{"idle_disconnect_timeout_s", nullptr}}),
         CheckStatus::kNotAssessed);
  expect("appstream_fleet_maximum_session_duration", fleet(json::object()), CheckStatus::kNotAssessed, "not collected");
}

}  // namespace
}  // namespace cloudpeek::checks
