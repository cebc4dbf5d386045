// AWS Backup (regional): backup vaults with their access policy and whether
// their recovery points are encrypted, and a per-region summary of the
// backup plans and report plans.
//
// Calls (issue 13):
//   ListBackupVaults (paged)                           every vault, with its key and lock (bulk)
//   ListBackupPlans (paged), ListReportPlans (paged)   one listing each per region (bulk)
//   per vault: GetBackupVaultAccessPolicy              only when a selected check reads access_policy
//                                                      (no bulk form exists)
//   per vault with recovery points: ListRecoveryPointsByBackupVault (paged)
//                                                      only when a selected check reads
//                                                      unencrypted_recovery_points
// Vaults whose ARN names another account are dropped.
//
// AWS::Backup::BackupVault  arn = BackupVaultArn, id = name = BackupVaultName
//   props.encryption_key_arn        KMS key ARN, or null
//   props.locked                    bool (Vault Lock)
//   props.recovery_points           NumberOfRecoveryPoints
//   props.access_policy             the vault access policy (object), null when none
//                                   (ResourceNotFoundException)                 missing: "access_policy"
//   props.unencrypted_recovery_points  [recovery point ARN] whose IsEncrypted is false
//                                                                               missing: "unencrypted_recovery_points"
// AWS::Backup::RegionSummary  one per region where AWS Backup is in use (a vault or a plan),
//   arn = arn:…:backup:<region>:<account>:backup-summary, id = name = region
//   props.backup_plans              [plan name]                                 missing: "backup_plans"
//   props.report_plans              [report plan name]                          missing: "report_plans"
//   props.vaults                    number of vaults
// When a listing fails the types it leaves incomplete in the region are a gap
// (the summary's is too, so its checks say NOT_ASSESSED there).
#include <string>
#include <vector>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "backup";
constexpr const char* kVault = "AWS::Backup::BackupVault";
constexpr const char* kSummary = "AWS::Backup::RegionSummary";

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

void describe_vault(CollectContext& ctx, Resource r) {
  const json name{{"BackupVaultName", r.name}};
  if (!ctx.needs(kVault, "access_policy")) {
    not_needed(r, "access_policy");
  } else if (auto p = ctx.call(kSvc, "GetBackupVaultAccessPolicy", name, r.region); p) {
    if (put_policy(ctx, r, "access_policy", p->value("Policy", json()), "the access policy of vault " + r.name, kSvc,
                   "GetBackupVaultAccessPolicy"))
      r.raw["AccessPolicy"] = r.props["access_policy"];
  } else if (p.error().code == "ResourceNotFoundException") {
    r.props["access_policy"] = nullptr;
  } else {
    record_missing(ctx, r, "access_policy", p.error(), kSvc, "GetBackupVaultAccessPolicy");
  }

  if (!ctx.needs(kVault, "unencrypted_recovery_points")) {
    not_needed(r, "unencrypted_recovery_points");
  } else if (r.props.value("recovery_points", 0) == 0) {
    r.props["unencrypted_recovery_points"] = json::array();  // nothing to list
  } else {
    json unencrypted = json::array();
    Status listed = for_each_page(ctx, kSvc, "ListRecoveryPointsByBackupVault", name, r.region, [&](json& page) {
      for (const auto& p : page.value("RecoveryPoints", json::array()))
        if (!p.value("IsEncrypted", false)) unencrypted.push_back(p.value("RecoveryPointArn", ""));
    });
    if (listed)
      r.props["unencrypted_recovery_points"] = std::move(unencrypted);
    else
      record_missing(ctx, r, "unencrypted_recovery_points", listed.error(), kSvc, "ListRecoveryPointsByBackupVault");
  }
  ctx.emit(std::move(r));
}

// Names of a listing's items, or the error.
Result<json> names(CollectContext& ctx, const std::string& region, const char* operation, const char* list,
                   const char* member) {
  json out = json::array();
  Status listed = for_each_page(ctx, kSvc, operation, json::object(), region, [&](json& page) {
    for (const auto& p : page.value(list, json::array())) out.push_back(p.value(member, ""));
  });
  if (!listed) return listed.error();
  return out;
}

void collect(CollectContext& ctx, const std::string& region) {
  int vaults = 0;
  Status listed = for_each_page(ctx, kSvc, "ListBackupVaults", json::object(), region, [&](json& page) {
    for (auto& v : page["BackupVaultList"]) {
      Resource r;
      r.type = kVault;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = v.value("BackupVaultName", "");
      r.arn = v.value("BackupVaultArn", "arn:" + ctx.partition() + ":backup:" + region + ":" + ctx.account() +
                                            ":backup-vault:" + r.id);
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      ++vaults;
      r.props["encryption_key_arn"] =
          v.contains("EncryptionKeyArn") && v["EncryptionKeyArn"].is_string() ? v["EncryptionKeyArn"] : json(nullptr);
      r.props["locked"] = v.value("Locked", false);
      r.props["recovery_points"] = v.value("NumberOfRecoveryPoints", 0);
      r.raw = std::move(v);
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_vault(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListBackupVaults", region, {kVault, kSummary});

  Resource s;
  s.type = kSummary;
  s.account = ctx.account();
  s.region = region;
  s.id = s.name = region;
  s.arn = "arn:" + ctx.partition() + ":backup:" + region + ":" + ctx.account() + ":backup-summary";
  s.props["vaults"] = vaults;
  bool in_use = vaults > 0;
  auto plans = names(ctx, region, "ListBackupPlans", "BackupPlansList", "BackupPlanName");
  if (plans) {
    in_use = in_use || !plans->empty();
    s.props["backup_plans"] = std::move(*plans);
  } else {
    record_failure(ctx, plans.error(), kSvc, "ListBackupPlans", region, {kSummary});
    return;
  }
  auto reports = names(ctx, region, "ListReportPlans", "ReportPlans", "ReportPlanName");
  if (reports) {
    s.props["report_plans"] = std::move(*reports);
  } else {
    record_missing(ctx, s, "report_plans", reports.error(), kSvc, "ListReportPlans");
  }
  // A region where the account uses no AWS Backup has nothing to judge.
  if (in_use) ctx.emit(std::move(s));
}

const RegisterCollector reg(
    {.service = "backup", .global = false, .produces = {kVault, kSummary}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
