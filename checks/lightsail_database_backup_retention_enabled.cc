// Lightsail managed databases keep automated backups.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "backup_retention", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("backup_retention" " of " + r.id + " is not a boolean");
  if (v->get<bool>()) return pass("database " + r.name + " keeps automated backups");
  return fail("database " + r.name + " keeps no automated backups (backupRetentionEnabled is false)");
}

const RegisterCheck reg({
    .meta = {.id = "lightsail_database_backup_retention_enabled",
             .title = "Lightsail databases should have automated backup retention enabled",
             .severity = Severity::kMedium,
             .service = "lightsail",
             .resource_type = "AWS::Lightsail::Database",
             .description = "The database's backupRetentionEnabled is true (GetRelationalDatabases).",
             .risk = "Without automated backups, no point-in-time restore is possible: deleted or corrupted data (ransomware, an errant migration) is lost.",
             .remediation = {.text = "Enable backup retention on the database.",
                             .cli = "aws lightsail update-relational-database --relational-database-name <db> --enable-backup-retention --apply-immediately",
                             .terraform = "resource \"aws_lightsail_database\" \"this\" {\n  relational_database_name = \"app\"\n  # ...\n  backup_retention_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/lightsail/latest/userguide/amazon-lightsail-enabling-disabling-automatic-database-backups.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"backup_retention"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
