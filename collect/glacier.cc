// Amazon S3 Glacier (regional): vaults with their access policy and Vault Lock.
//
// Calls (issue 13): ListVaults (accountId "-": the caller's account; paged by
// marker), then per vault GetVaultAccessPolicy and GetVaultLock — there is no
// bulk form — each only when a selected check reads what it returns.
//
// AWS::Glacier::Vault  arn = VaultARN, id = name = VaultName
//   props.archives          NumberOfArchives
//   props.access_policy     the vault access policy (object), null when the vault has none
//                           (ResourceNotFoundException)              missing when GetVaultAccessPolicy failed
//   props.vault_lock_state  "Locked" | "InProgress", or null when no Vault Lock policy
//                           (ResourceNotFoundException)              missing when GetVaultLock failed
// Vaults whose ARN names another account are dropped.
#include <string>

#include "collect/collector.h"
#include "collect/storage_euc_arn.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "glacier";
constexpr const char* kVault = "AWS::Glacier::Vault";

void describe(CollectContext& ctx, Resource r) {
  const json vault{{"accountId", "-"}, {"vaultName", r.name}};
  if (!ctx.needs(kVault, "access_policy")) {
    not_needed(r, "access_policy");
  } else if (auto p = ctx.call(kSvc, "GetVaultAccessPolicy", vault, r.region); p) {
    const json doc = p->value("policy", json::object()).value("Policy", json());
    if (doc.is_null() || (doc.is_string() && doc.get_ref<const std::string&>().empty()))
      r.props["access_policy"] = nullptr;
    else if (put_policy(ctx, r, "access_policy", doc, "the access policy of vault " + r.name, kSvc,
                        "GetVaultAccessPolicy"))
      r.raw["AccessPolicy"] = r.props["access_policy"];
  } else if (p.error().code == "ResourceNotFoundException") {
    r.props["access_policy"] = nullptr;
  } else {
    record_missing(ctx, r, "access_policy", p.error(), kSvc, "GetVaultAccessPolicy");
  }
  if (!ctx.needs(kVault, "vault_lock_state")) {
    not_needed(r, "vault_lock_state");
  } else if (auto l = ctx.call(kSvc, "GetVaultLock", vault, r.region); l) {
    r.props["vault_lock_state"] = l->value("State", "");
    r.raw["VaultLockState"] = r.props["vault_lock_state"];
  } else if (l.error().code == "ResourceNotFoundException") {
    r.props["vault_lock_state"] = nullptr;
  } else {
    record_missing(ctx, r, "vault_lock_state", l.error(), kSvc, "GetVaultLock");
  }
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, kSvc, "ListVaults", json{{"accountId", "-"}}, region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "ListVaults", region, {kVault});
    return;
  }
  for (auto& v : (*out)["VaultList"]) {
    Resource r;
    r.type = kVault;
    r.account = ctx.account();
    r.region = region;
    r.id = r.name = v.value("VaultName", "");
    r.arn = v.value("VaultARN", "arn:" + ctx.partition() + ":glacier:" + region + ":" + ctx.account() + ":vaults/" + r.id);
    if (std::string a = arn_account_of(r.arn); !a.empty() && a != ctx.account()) continue;
    r.props["archives"] = v.value("NumberOfArchives", 0);
    r.raw = std::move(v);
    ctx.spawn([&ctx, r = std::move(r)]() mutable { describe(ctx, std::move(r)); });
  }
}

const RegisterCollector reg({.service = "glacier", .global = false, .produces = {kVault}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
