// DocumentDB clusters export their audit log to CloudWatch Logs (Security Hub DocumentDB.4).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::exports_log(r, "DocumentDB cluster " + r.id, "audit");
}

const RegisterCheck reg({
    .meta = {.id = "documentdb_cluster_cloudwatch_log_export",
             .title = "Amazon DocumentDB clusters should publish audit logs to CloudWatch Logs",
             .severity = Severity::kMedium,
             .service = "docdb",
             .resource_type = "AWS::DocDB::DBCluster",
             .description = "Checks that EnabledCloudwatchLogsExports includes audit on each DocumentDB cluster (Security Hub DocumentDB.4; the audit_logs cluster parameter must be enabled too).",
             .risk = "Without audit logs, authentication attempts and changes to users and collections cannot be reviewed after an incident.",
             .remediation = {.text = "Enable the audit_logs parameter in the cluster parameter group and export the audit log to CloudWatch Logs.",
                             .cli = "aws docdb modify-db-cluster --db-cluster-identifier <cluster> --cloudwatch-logs-export-configuration '{\"EnableLogTypes\":[\"audit\"]}' --apply-immediately",
                             .terraform = "resource \"aws_docdb_cluster\" \"this\" {\n  # ...\n  enabled_cloudwatch_logs_exports = [\"audit\", \"profiler\"]\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"enabled_logs"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
