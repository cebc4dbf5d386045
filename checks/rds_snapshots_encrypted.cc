// FSBP RDS.4: RDS DB snapshots should be encrypted at rest
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "encrypted", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == true) return pass("DB snapshot " + r.id + " is encrypted.");
  return fail("DB snapshot " + r.id + " is not encrypted.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_snapshots_encrypted",
             .title = "RDS DB snapshots should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBSnapshot",
             .description = "Checks that each DB snapshot is encrypted.",
             .risk = "An unencrypted snapshot exposes the database's data to anyone it is shared with or who gets access to the storage.",
             .remediation = {.text = "Copy the snapshot with encryption using a KMS key and delete the unencrypted one.",
                             .cli = "aws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <snap>-enc --kms-key-id <key>",
                             .terraform = "# Snapshots inherit encryption from their source: set storage_encrypted = true on the instance or cluster."},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-4"},
             .cis = {},
             .fsbp = {"RDS.4"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
