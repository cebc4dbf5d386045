// FSBP RDS.1: RDS DB snapshots should be private
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "public", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == false) return pass("DB snapshot " + r.id + " is not public.");
  return fail("DB snapshot " + r.id + " is public: every AWS account may restore it.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_snapshots_public_access",
             .title = "RDS DB snapshots should be private",
             .severity = Severity::kCritical,
             .service = "rds",
             .resource_type = "AWS::RDS::DBSnapshot",
             .description = "Checks that no manual DB snapshot can be restored by every AWS account (the restore attribute holds \"all\"). Automated snapshots cannot be shared.",
             .risk = "Anyone can restore a public snapshot into their own account and read the whole database.",
             .remediation = {.text = "Remove \"all\" from the snapshot's restore attribute.",
                             .cli = "aws rds modify-db-snapshot-attribute --db-snapshot-identifier <snapshot> --attribute-name restore --values-to-remove all",
                             .terraform = "# Remove any sharing of the snapshot with \"all\"; share with named accounts only."},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-1"},
             .cis = {},
             .fsbp = {"RDS.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
