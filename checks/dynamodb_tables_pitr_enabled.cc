// DynamoDB tables have point-in-time recovery enabled.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("pitr_status")) return not_assessed(*why);
  const json* s = r.prop("pitr_status");
  if (!s || !s->is_string()) return not_assessed("continuous backups of table " + r.name + " were not collected");
  if (*s == "ENABLED") return pass("table " + r.name + " has point-in-time recovery enabled");
  return fail("table " + r.name + " has point-in-time recovery " + s->get<std::string>());
}

const RegisterCheck reg({
    .meta = {.id = "dynamodb_tables_pitr_enabled",
             .title = "DynamoDB tables have point-in-time recovery enabled",
             .severity = Severity::kMedium,
             .service = "dynamodb",
             .resource_type = "AWS::DynamoDB::Table",
             .description = "Point-in-time recovery (continuous backups) is enabled for the table.",
             .risk = "Without point-in-time recovery, accidental writes or deletes, or a ransomware-style overwrite, "
                     "cannot be rolled back to a moment in the last 35 days.",
             .remediation = {.text = "Enable point-in-time recovery on the table.",
                             .cli = "aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true",
                             .terraform = "resource \"aws_dynamodb_table\" \"this\" {\n  # ...\n  point_in_time_recovery {\n    enabled = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-2"},
             .cis = {},
             .fsbp = {"DynamoDB.2"}},
    .reads = {"pitr_status"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
