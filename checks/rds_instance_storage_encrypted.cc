// CIS 2.3.1, FSBP RDS.3: Ensure that encryption-at-rest is enabled for RDS instances
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "storage_encrypted", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == true) return pass("DB instance " + r.id + " has encrypted storage.");
  return fail("DB instance " + r.id + " does not encrypt its storage.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_storage_encrypted",
             .title = "Ensure that encryption-at-rest is enabled for RDS instances",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that each RDS DB instance has storage encryption enabled (StorageEncrypted).",
             .risk = "Unencrypted storage, its automated backups, read replicas and snapshots expose the database's data to anyone with access to the underlying storage or a copied snapshot.",
             .remediation = {.text = "Encryption can only be set at creation: snapshot the instance, copy the snapshot with encryption, and restore a new instance from it.",
                             .cli = "aws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <snap>-enc --kms-key-id <key> && aws rds restore-db-instance-from-db-snapshot --db-instance-identifier <new-id> --db-snapshot-identifier <snap>-enc",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.rds.arn\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-3"},
             .cis = {"2.3.1"},
             .fsbp = {"RDS.3"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
