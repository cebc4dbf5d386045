// FSx for OpenZFS file systems copy their tags to backups and volumes (FSBP FSx.1).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "file_system_type", &why);
  if (!type) return not_assessed(why);
  if (*type != "OPENZFS") return not_applicable("file system " + r.name + " is not FSx for OpenZFS: the control applies to OpenZFS");
  const json* backups = require_prop(r, "copy_tags_to_backups", &why);
  if (!backups) return not_assessed(why);
  const json* volumes = require_prop(r, "copy_tags_to_volumes", &why);
  if (!volumes) return not_assessed(why);
  const bool b = backups->is_boolean() && backups->get<bool>(), v = volumes->is_boolean() && volumes->get<bool>();
  if (b && v) return pass("OpenZFS file system " + r.name + " copies its tags to backups and volumes");
  std::string off = !b && !v ? "backups nor volumes" : !b ? "backups" : "volumes";
  return fail("OpenZFS file system " + r.name + " does not copy its tags to " + off);
}

const RegisterCheck reg({
    .meta = {.id = "fsx_openzfs_copy_tags_enabled",
             .title = "FSx for OpenZFS file systems should be configured to copy tags to backups and volumes",
             .severity = Severity::kLow,
             .service = "fsx",
             .resource_type = "AWS::FSx::FileSystem",
             .description = "CopyTagsToBackups and CopyTagsToVolumes are on in the file system's OpenZFSConfiguration (DescribeFileSystems).",
             .risk = "Backups and volumes without the file system's tags escape tag-based access control (ABAC), cost allocation and the backup and retention policies that select resources by tag.",
             .remediation = {.text = "Turn on copying tags to backups and to volumes.",
                             .cli = "aws fsx update-file-system --file-system-id <fs-id> --open-zfs-configuration CopyTagsToBackups=true,CopyTagsToVolumes=true",
                             .terraform = "resource \"aws_fsx_openzfs_file_system\" \"this\" {\n  # ...\n  copy_tags_to_backups = true\n  copy_tags_to_volumes = true\n}"},
             .references = {"https://docs.aws.amazon.com/fsx/latest/OpenZFSGuide/using-backups.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/fsx-controls.html#fsx-1"},
             .cis = {},
             .fsbp = {"FSx.1"}},
    .reads = {"file_system_type", "copy_tags_to_backups", "copy_tags_to_volumes"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
