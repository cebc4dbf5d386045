// FSx for Windows File Server file systems audit access to files and to file shares, and send the events somewhere.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "file_system_type", &why);
  if (!type) return not_assessed(why);
  if (*type != "WINDOWS")
    return not_applicable("file system " + r.name + " is not FSx for Windows File Server: file access auditing applies to Windows");
  const json* files = require_prop(r, "audit_file_access", &why);
  if (!files) return not_assessed(why);
  const json* shares = require_prop(r, "audit_file_share_access", &why);
  if (!shares) return not_assessed(why);
  if (!has_prop(r, "audit_log_destination", &why)) return not_assessed(why);
  std::vector<std::string> off;
  if (*files == "DISABLED") off.push_back("file and folder access");
  if (*shares == "DISABLED") off.push_back("file share access");
  if (!off.empty())
    return fail("Windows file system " + r.name + " does not audit " + off.front() + (off.size() > 1 ? " nor " + off.back() : std::string()));
  const json* dest = r.prop("audit_log_destination");
  return pass("Windows file system " + r.name + " audits file and file share access to " +
              (dest && dest->is_string() ? dest->get<std::string>() : std::string("its log destination")));
}

const RegisterCheck reg({
    .meta = {.id = "fsx_windows_file_system_audit_logging_enabled",
             .title = "FSx for Windows File Server file systems should audit file and file share access",
             .severity = Severity::kMedium,
             .service = "fsx",
             .resource_type = "AWS::FSx::FileSystem",
             .description = "The file system's AuditLogConfiguration logs file and folder access and file share access (FileAccessAuditLogLevel and FileShareAccessAuditLogLevel not DISABLED) to a CloudWatch Logs group or Firehose stream (DescribeFileSystems).",
             .risk = "Without audit events, who read, changed or deleted files on the share cannot be established after an incident or a data leak.",
             .remediation = {.text = "Turn on auditing of file and folder access and of file share access, with a CloudWatch Logs or Firehose destination.",
                             .cli = "aws fsx update-file-system --file-system-id <fs-id> --windows-configuration 'AuditLogConfiguration={FileAccessAuditLogLevel=SUCCESS_AND_FAILURE,FileShareAccessAuditLogLevel=SUCCESS_AND_FAILURE,AuditLogDestination=<log-group-arn>}'",
                             .terraform = "resource \"aws_fsx_windows_file_system\" \"this\" {\n  # ...\n  audit_log_configuration {\n    file_access_audit_log_level       = \"SUCCESS_AND_FAILURE\"\n    file_share_access_audit_log_level = \"SUCCESS_AND_FAILURE\"\n    audit_log_destination             = aws_cloudwatch_log_group.fsx.arn\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/fsx/latest/WindowsGuide/file-access-auditing.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"file_system_type", "audit_file_access", "audit_file_share_access", "audit_log_destination"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
