// Neptune clusters export their audit log to CloudWatch Logs (Security Hub Neptune.2).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::exports_log(r, "Neptune cluster " + r.id, "audit");
}

const RegisterCheck reg({
    .meta = {.id = "neptune_cluster_audit_logs_exported",
             .title = "Neptune DB clusters should publish audit logs to CloudWatch Logs",
             .severity = Severity::kMedium,
             .service = "neptune",
             .resource_type = "AWS::Neptune::DBCluster",
             .description = "Checks that EnabledCloudwatchLogsExports includes audit on each Neptune cluster (Security Hub Neptune.2; neptune_enable_audit_log must be 1 in its parameter group too).",
             .risk = "Without audit logs, who queried or changed the graph cannot be established after an incident.",
             .remediation = {.text = "Set neptune_enable_audit_log to 1 and export the audit log to CloudWatch Logs.",
                             .cli = "aws neptune modify-db-cluster --db-cluster-identifier <cluster> --cloudwatch-logs-export-configuration '{\"EnableLogTypes\":[\"audit\"]}' --apply-immediately",
                             .terraform = "resource \"aws_neptune_cluster\" \"this\" {\n  # ...\n  enable_cloudwatch_logs_exports = [\"audit\"]\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"enabled_logs"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
