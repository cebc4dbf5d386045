// DMS replication tasks log their source components (Security Hub DMS.8).
#include "checks/check.h"
#include "checks/dms_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return dms::task_logging(r, {"SOURCE_CAPTURE", "SOURCE_UNLOAD"});
}

const RegisterCheck reg({
    .meta = {.id = "dms_replication_task_source_logging_enabled",
             .title = "DMS replication tasks for the source database should have logging enabled",
             .severity = Severity::kMedium,
             .service = "dms",
             .resource_type = "AWS::DMS::ReplicationTask",
             .description = "Checks that each replication task's settings turn logging on with SOURCE_CAPTURE and SOURCE_UNLOAD at LOGGER_SEVERITY_DEFAULT or more detail (DescribeReplicationTasks; Security Hub DMS.8).",
             .risk = "Without task logs, what was read from the source during a migration, and capture failures, cannot be traced.",
             .remediation = {.text = "Turn on task logging and set SOURCE_CAPTURE and SOURCE_UNLOAD to LOGGER_SEVERITY_DEFAULT (stop the task to change its settings).",
                             .cli = "aws dms modify-replication-task --replication-task-arn <arn> --replication-task-settings file://settings-with-logging.json",
                             .terraform = "resource \"aws_dms_replication_task\" \"this\" {\n  # ...\n  replication_task_settings = jsonencode({\n    Logging = {\n      EnableLogging = true\n      LogComponents = [\n        { Id = \"SOURCE_CAPTURE\", Severity = \"LOGGER_SEVERITY_DEFAULT\" },\n        { Id = \"SOURCE_UNLOAD\", Severity = \"LOGGER_SEVERITY_DEFAULT\" },\n      ]\n    }\n  })\n}"},
             .references = {"https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.Logging.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"logging_enabled", "log_severity"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
