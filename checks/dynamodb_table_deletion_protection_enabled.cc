// DynamoDB tables have deletion protection enabled.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("deletion_protection")) return not_assessed(*why);
  const json* dp = r.prop("deletion_protection");
  if (!dp || !dp->is_boolean()) return not_assessed("deletion protection of table " + r.name + " was not collected");
  return dp->get<bool>() ? pass("table " + r.name + " has deletion protection enabled")
                         : fail("table " + r.name + " has deletion protection disabled");
}

const RegisterCheck reg({
    .meta = {.id = "dynamodb_table_deletion_protection_enabled",
             .title = "DynamoDB tables have deletion protection enabled",
             .severity = Severity::kMedium,
             .service = "dynamodb",
             .resource_type = "AWS::DynamoDB::Table",
             .description = "The table's DeletionProtectionEnabled setting is on.",
             .risk = "A table without deletion protection can be dropped by one API call, by mistake or by an attacker.",
             .remediation = {.text = "Enable deletion protection on the table.",
                             .cli = "aws dynamodb update-table --table-name <table> --deletion-protection-enabled",
                             .terraform = "resource \"aws_dynamodb_table\" \"this\" {\n  # ...\n  deletion_protection_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-6"},
             .cis = {},
             .fsbp = {"DynamoDB.6"}},
    .reads = {"deletion_protection"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
