// KMS: keys with their metadata, rotation status (customer managed symmetric
// keys), key policy and aliases.
//
// "AWS::KMS::Key" (arn = KeyArn, id = KeyId, name = first alias or the key id), props:
//   "key_id" string, "key_manager" "CUSTOMER" | "AWS", "key_spec" string ("SYMMETRIC_DEFAULT", ...),
//   "key_usage" string, "key_state" string ("Enabled", "Disabled", "PendingDeletion", ...),
//   "enabled" bool, "origin" string, "deletion_date" string|null (ISO 8601),
//   "rotation_enabled" bool — only for customer managed SYMMETRIC_DEFAULT keys not pending
//     deletion (absent otherwise; missing["rotation_enabled"] when GetKeyRotationStatus failed),
//   "policy" the "default" key policy (parsed JSON; missing["policy"] when GetKeyPolicy failed),
//   "aliases" [string] (ListAliases; missing["aliases"] when it failed).
// DescribeKey failing leaves only the key id and arn, with every property missing.
#include <map>
#include <vector>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kKey = "AWS::KMS::Key";

void collect_key(CollectContext& ctx, const json& entry, const std::string& region,
                 const std::vector<std::string>& aliases, const std::optional<Error>& alias_error) {
  Resource r;
  r.type = kKey;
  r.account = ctx.account();
  r.region = region;
  r.id = entry.value("KeyId", "");
  r.arn = entry.value("KeyArn", "");
  r.name = aliases.empty() ? r.id : aliases.front();
  if (alias_error) r.missing["aliases"] = "kms:ListAliases failed";
  else r.props["aliases"] = aliases;

  auto described = ctx.call("kms", "DescribeKey", {{"KeyId", r.arn.empty() ? r.id : r.arn}}, region);
  if (!described) {
    record_missing(ctx, r, "key_state", described.error(), "kms", "DescribeKey");
    for (const char* p : {"key_manager", "key_spec", "key_usage", "enabled", "rotation_enabled", "policy"})
      r.missing[p] = r.missing["key_state"];
    ctx.emit(std::move(r));
    return;
  }
  const json md = described->value("KeyMetadata", json::object());
  r.raw["KeyMetadata"] = md;
  std::string manager = md.value("KeyManager", "");
  std::string spec = md.value("KeySpec", md.value("CustomerMasterKeySpec", ""));
  std::string state = md.value("KeyState", "");
  r.props["key_id"] = r.id;
  r.props["key_manager"] = manager;
  r.props["key_spec"] = spec;
  r.props["key_usage"] = md.value("KeyUsage", "");
  r.props["key_state"] = state;
  r.props["enabled"] = md.value("Enabled", false);
  r.props["origin"] = md.value("Origin", "");
  r.props["deletion_date"] = md.contains("DeletionDate") ? md["DeletionDate"] : json();

  if (!ctx.needs(kKey, "rotation_enabled")) {
    not_needed(r, "rotation_enabled");
  } else if (manager == "CUSTOMER" && spec == "SYMMETRIC_DEFAULT" && state != "PendingDeletion" &&
      state != "PendingReplicaDeletion" && md.value("Origin", "AWS_KMS") != "EXTERNAL") {
    auto rot = ctx.call("kms", "GetKeyRotationStatus", {{"KeyId", r.arn}}, region);
    if (rot) r.props["rotation_enabled"] = rot->value("KeyRotationEnabled", false);
    else record_missing(ctx, r, "rotation_enabled", rot.error(), "kms", "GetKeyRotationStatus");
  }
  if (!ctx.needs(kKey, "policy")) {
    not_needed(r, "policy");
    return ctx.emit(std::move(r));
  }
  auto policy = ctx.call("kms", "GetKeyPolicy", {{"KeyId", r.arn}, {"PolicyName", "default"}}, region);
  if (policy) {
    r.raw["Policy"] = policy->value("Policy", "");
    put_policy(ctx, r, "policy", r.raw["Policy"], "the key policy of " + r.id, "kms", "GetKeyPolicy");
  } else {
    record_missing(ctx, r, "policy", policy.error(), "kms", "GetKeyPolicy");
  }
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  auto keys = call_all_pages(ctx, "kms", "ListKeys", json::object(), region);
  if (!keys) {
    record_failure(ctx, keys.error(), "kms", "ListKeys", region, {kKey});
    return;
  }
  std::map<std::string, std::vector<std::string>> aliases;  // key id → alias names
  std::optional<Error> alias_error;
  auto listed = call_all_pages(ctx, "kms", "ListAliases", json::object(), region);
  if (listed) {
    for (const auto& a : listed->value("Aliases", json::array()))
      if (a.contains("TargetKeyId")) aliases[a.value("TargetKeyId", "")].push_back(a.value("AliasName", ""));
  } else {
    alias_error = listed.error();
    record_failure(ctx, listed.error(), "kms", "ListAliases", region, {});
  }
  for (const auto& k : keys->value("Keys", json::array())) {
    auto names = aliases[k.value("KeyId", "")];
    ctx.spawn([&ctx, k, region, names, alias_error]() { collect_key(ctx, k, region, names, alias_error); });
  }
}

const RegisterCollector reg({.service = "kms", .global = false, .produces = {kKey}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
