// EFS file systems, per region, with their resource policy and backup policy.
//
// AWS::EFS::FileSystem props:
//   {encrypted, kms_key_id, policy (the policy document as a string, or null when it has none),
//    backup_status ("ENABLED"|"ENABLING"|"DISABLED"|"DISABLING"; "DISABLED" when it has no backup policy)}
// "policy" / "backup_status" are missing when their call failed. PolicyNotFound
// is AWS's answer for "none", not a failure.
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "efs";

void describe_one(CollectContext& ctx, const std::string& region, Resource r) {
  json params = {{"FileSystemId", r.id}};
  auto policy = ctx.call(kSvc, "DescribeFileSystemPolicy", params, region);
  if (policy)
    r.props["policy"] = policy->contains("Policy") ? (*policy)["Policy"] : json(nullptr);
  else if (policy.error().code == "PolicyNotFound")
    r.props["policy"] = nullptr;
  else
    record_missing(ctx, r, "policy", policy.error(), kSvc, "DescribeFileSystemPolicy");
  auto backup = ctx.call(kSvc, "DescribeBackupPolicy", params, region);
  if (backup)
    r.props["backup_status"] = backup->value("BackupPolicy", json::object()).value("Status", "DISABLED");
  else if (backup.error().code == "PolicyNotFound")
    r.props["backup_status"] = "DISABLED";
  else
    record_missing(ctx, r, "backup_status", backup.error(), kSvc, "DescribeBackupPolicy");
  ctx.emit(std::move(r));
}

void collect_efs(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, kSvc, "DescribeFileSystems", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "DescribeFileSystems", region, {"AWS::EFS::FileSystem"});
    return;
  }
  if (!out->contains("FileSystems") || !(*out)["FileSystems"].is_array()) return;
  for (const auto& fs : (*out)["FileSystems"]) {
    Resource r;
    r.type = "AWS::EFS::FileSystem";
    r.account = ctx.account();
    r.region = region;
    r.id = fs.value("FileSystemId", "");
    r.arn = fs.value("FileSystemArn", "arn:" + ctx.partition() + ":elasticfilesystem:" + region + ":" +
                                          ctx.account() + ":file-system/" + r.id);
    if (fs.contains("Tags")) r.tags = tags_from_list(fs["Tags"]);
    r.name = fs.value("Name", r.id);
    r.props = {{"encrypted", fs.value("Encrypted", false)},
               {"kms_key_id", fs.contains("KmsKeyId") ? fs["KmsKeyId"] : json(nullptr)}};
    r.raw = fs;
    ctx.spawn([&ctx, region, r = std::move(r)]() mutable { describe_one(ctx, region, std::move(r)); });
  }
}

const RegisterCollector reg({.service = "efs",
                             .global = false,
                             .produces = {"AWS::EFS::FileSystem"},
                             .collect = collect_efs});

}  // namespace
}  // namespace cloudpeek::collect
