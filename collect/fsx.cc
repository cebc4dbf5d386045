// Amazon FSx (regional): file systems of every type (Windows File Server,
// Lustre, NetApp ONTAP, OpenZFS) with their backup, tag-copy, audit-log,
// deployment and encryption settings.
//
// Calls (issue 13): DescribeFileSystems, paged; it carries every setting the
// checks read, so there is no per-file-system call.
//
// AWS::FSx::FileSystem  arn = ResourceARN, id = FileSystemId, name = Name tag or id
//   props.file_system_type        "WINDOWS" | "LUSTRE" | "ONTAP" | "OPENZFS"
//   props.deployment_type         the type's DeploymentType ("MULTI_AZ_1", "SCRATCH_2", ...), or null
//   props.kms_key_id              KMS key ARN, or null (Lustre scratch: keys FSx manages)
//   props.backup_retention_days   AutomaticBackupRetentionDays (0 = off), or null when the type/deployment
//                                 has no automatic backups (Lustre scratch)
//   props.copy_tags_to_backups    bool, or null when the type has no such setting (ONTAP)
//   props.copy_tags_to_volumes    bool (OpenZFS), else null
//   props.audit_file_access       Windows AuditLogConfiguration.FileAccessAuditLogLevel ("DISABLED" when absent),
//   props.audit_file_share_access   .FileShareAccessAuditLogLevel, props.audit_log_destination (ARN or null);
//                                 null for other types
//   props.lustre_log_level        Lustre LogConfiguration.Level ("DISABLED" when absent), null for other types
// File systems whose OwnerId is another account are dropped. Secrets are not
// kept: ONTAP's FsxAdminPassword is removed from raw.
#include <string>

#include "collect/collector.h"
#include "collect/storage_euc_arn.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "fsx";
constexpr const char* kFileSystem = "AWS::FSx::FileSystem";

json member_or_null(const json& obj, const char* key) {
  return obj.is_object() && obj.contains(key) && !obj[key].is_null() ? obj[key] : json(nullptr);
}

const char* config_key(const std::string& type) {
  if (type == "WINDOWS") return "WindowsConfiguration";
  if (type == "LUSTRE") return "LustreConfiguration";
  if (type == "ONTAP") return "OntapConfiguration";
  if (type == "OPENZFS") return "OpenZFSConfiguration";
  return "";
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, kSvc, "DescribeFileSystems", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "DescribeFileSystems", region, {kFileSystem});
    return;
  }
  for (auto& fs : (*out)["FileSystems"]) {
    const std::string owner = fs.value("OwnerId", "");
    if (!owner.empty() && owner != ctx.account()) continue;
    Resource r;
    r.type = kFileSystem;
    r.account = ctx.account();
    r.region = region;
    r.id = fs.value("FileSystemId", "");
    r.arn = fs.value("ResourceARN", "arn:" + ctx.partition() + ":fsx:" + region + ":" + ctx.account() +
                                        ":file-system/" + r.id);
    if (std::string a = arn_account_of(r.arn); !a.empty() && a != ctx.account()) continue;
    if (fs.contains("Tags")) r.tags = tags_from_list(fs["Tags"]);
    r.name = r.tags.count("Name") ? r.tags["Name"] : r.id;
    const std::string type = fs.value("FileSystemType", "");
    r.props["file_system_type"] = type;
    const char* key = config_key(type);
    json conf = *key && fs.contains(key) && fs[key].is_object() ? fs[key] : json::object();
    r.props["deployment_type"] = member_or_null(conf, "DeploymentType");
    r.props["kms_key_id"] = member_or_null(fs, "KmsKeyId");
    r.props["backup_retention_days"] = member_or_null(conf, "AutomaticBackupRetentionDays");
    if (type == "LUSTRE" && r.props["deployment_type"].is_string() &&
        r.props["deployment_type"].get<std::string>().starts_with("SCRATCH"))
      r.props["backup_retention_days"] = nullptr;
    else if (r.props["backup_retention_days"].is_null())
      r.props["backup_retention_days"] = 0;  // absent: no automatic backups
    r.props["copy_tags_to_backups"] =
        type == "ONTAP" ? json(nullptr) : json(conf.value("CopyTagsToBackups", false));
    r.props["copy_tags_to_volumes"] = type == "OPENZFS" ? json(conf.value("CopyTagsToVolumes", false)) : json(nullptr);
    if (type == "WINDOWS") {
      const json audit = conf.value("AuditLogConfiguration", json::object());
      r.props["audit_file_access"] = audit.value("FileAccessAuditLogLevel", "DISABLED");
      r.props["audit_file_share_access"] = audit.value("FileShareAccessAuditLogLevel", "DISABLED");
      r.props["audit_log_destination"] = member_or_null(audit, "AuditLogDestination");
    } else {
      r.props["audit_file_access"] = nullptr;
      r.props["audit_file_share_access"] = nullptr;
      r.props["audit_log_destination"] = nullptr;
    }
    r.props["lustre_log_level"] =
        type == "LUSTRE" ? json(conf.value("LogConfiguration", json::object()).value("Level", "DISABLED")) : json(nullptr);
    if (fs.contains("OntapConfiguration") && fs["OntapConfiguration"].is_object())
      fs["OntapConfiguration"].erase("FsxAdminPassword");
    r.raw = std::move(fs);
    ctx.emit(std::move(r));
  }
}

const RegisterCollector reg({.service = "fsx", .global = false, .produces = {kFileSystem}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
