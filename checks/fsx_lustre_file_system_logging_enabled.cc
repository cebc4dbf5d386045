// FSx for Lustre file systems log data repository events (warnings and errors) to CloudWatch Logs.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "file_system_type", &why);
  if (!type) return not_assessed(why);
  if (*type != "LUSTRE") return not_applicable("file system " + r.name + " is not FSx for Lustre: event logging applies to Lustre");
  const json* level = require_prop(r, "lustre_log_level", &why);
  if (!level) return not_assessed(why);
  if (*level == "DISABLED") return fail("Lustre file system " + r.name + " does not log data repository events");
  return pass("Lustre file system " + r.name + " logs data repository events (" + level->get<std::string>() + ")");
}

const RegisterCheck reg({
    .meta = {.id = "fsx_lustre_file_system_logging_enabled",
             .title = "FSx for Lustre file systems should log events to CloudWatch Logs",
             .severity = Severity::kLow,
             .service = "fsx",
             .resource_type = "AWS::FSx::FileSystem",
             .description = "The file system's LustreConfiguration.LogConfiguration.Level (DescribeFileSystems) is not DISABLED (absent counts as DISABLED).",
             .risk = "Without logs, failed or partial imports and exports between the file system and its S3 data repository go unnoticed: data may silently be missing or stale.",
             .remediation = {.text = "Turn on logging of warnings and errors to a CloudWatch Logs group.",
                             .cli = "aws fsx update-file-system --file-system-id <fs-id> --lustre-configuration 'LogConfiguration={Level=WARN_ERROR,Destination=<log-group-arn>}'",
                             .terraform = "resource \"aws_fsx_lustre_file_system\" \"this\" {\n  # ...\n  log_configuration {\n    level       = \"WARN_ERROR\"\n    destination = aws_cloudwatch_log_group.fsx.arn\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/fsx/latest/LustreGuide/cw-event-logging.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"file_system_type", "lustre_log_level"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
