// FSx for Lustre file systems copy their tags to backups (FSBP FSx.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "file_system_type", &why);
  if (!type) return not_assessed(why);
  if (*type != "LUSTRE") return not_applicable("file system " + r.name + " is not FSx for Lustre: the control applies to Lustre");
  const json* copy = require_prop(r, "copy_tags_to_backups", &why);
  if (!copy) return not_assessed(why);
  if (copy->is_boolean() && copy->get<bool>()) return pass("Lustre file system " + r.name + " copies its tags to backups");
  return fail("Lustre file system " + r.name + " does not copy its tags to backups");
}

const RegisterCheck reg({
    .meta = {.id = "fsx_lustre_copy_tags_to_backups",
             .title = "FSx for Lustre file systems should be configured to copy tags to backups",
             .severity = Severity::kLow,
             .service = "fsx",
             .resource_type = "AWS::FSx::FileSystem",
             .description = "CopyTagsToBackups is on in the file system's LustreConfiguration (DescribeFileSystems).",
             .risk = "Backups without the file system's tags escape tag-based access control, cost allocation and the policies that select resources by tag.",
             .remediation = {.text = "Turn on copying tags to backups.",
                             .cli = "aws fsx update-file-system --file-system-id <fs-id> --lustre-configuration CopyTagsToBackups=true",
                             .terraform = "resource \"aws_fsx_lustre_file_system\" \"this\" {\n  # ...\n  copy_tags_to_backups = true\n}"},
             .references = {"https://docs.aws.amazon.com/fsx/latest/LustreGuide/using-backups-fsx.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/fsx-controls.html#fsx-2"},
             .cis = {},
             .fsbp = {"FSx.2"}},
    .reads = {"file_system_type", "copy_tags_to_backups"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
