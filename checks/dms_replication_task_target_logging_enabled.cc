// DMS replication tasks log their target components (Security Hub DMS.7).
#include "checks/check.h"
#include "checks/dms_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return dms::task_logging(r, {"TARGET_APPLY", "TARGET_LOAD"});
}

const RegisterCheck reg({
    .meta = {.id = "dms_replication_task_target_logging_enabled",
             .title = "DMS replication tasks for the target database should have logging enabled",
             .severity = Severity::kMedium,
             .service = "dms",
             .resource_type = "AWS::DMS::ReplicationTask",
             .description = "Checks that each replication task's settings turn logging on with TARGET_APPLY and TARGET_LOAD at LOGGER_SEVERITY_DEFAULT or more detail (DescribeReplicationTasks; Security Hub DMS.7).",
             .risk = "Without task logs, failed or partial loads into the target and who changed what during a migration cannot be traced.",
             .remediation = {.text = "Turn on task logging and set TARGET_APPLY and TARGET_LOAD to LOGGER_SEVERITY_DEFAULT (stop the task to change its settings).",
                             .cli = "aws dms modify-replication-task --replication-task-arn <arn> --replication-task-settings file://settings-with-logging.json",
                             .terraform = "resource \"aws_dms_replication_task\" \"this\" {\n  # ...\n  replication_task_settings = jsonencode({\n    Logging = {\n      EnableLogging = true\n      LogComponents = [\n        { Id = \"TARGET_APPLY\", Severity = \"LOGGER_SEVERITY_DEFAULT\" },\n        { Id = \"TARGET_LOAD\", Severity = \"LOGGER_SEVERITY_DEFAULT\" },\n      ]\n    }\n  })\n}"},
             .references = {"https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.Logging.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"logging_enabled", "log_severity"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
