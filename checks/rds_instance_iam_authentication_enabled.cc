// FSBP RDS.10: IAM authentication should be configured for RDS instances
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/rds_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::optional<std::string> gap;
  const Resource* s = rds::settings_of(r, inv, &gap);
  if (!s) return not_assessed(*gap);
  std::string why;
  const json* engine = require_prop(r, "engine", &why);
  if (!engine) return not_assessed(why);
  std::string family = rds::engine_family(engine->get<std::string>());
  if (family != "mysql" && family != "postgres")
    return not_applicable("DB instance " + r.id + " runs " + engine->get<std::string>() + ", which has no IAM database authentication.");
  const json* iam = require_prop(*s, "iam_auth", &why);
  if (!iam) return not_assessed(why);
  std::string where = s == &r ? "" : " (set on its cluster " + s->id + ")";
  if (iam->is_boolean() && iam->get<bool>()) return pass("DB instance " + r.id + " accepts IAM database authentication" + where + ".");
  return fail("DB instance " + r.id + " does not accept IAM database authentication" + where + ": only database passwords open it.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_iam_authentication_enabled",
             .title = "IAM authentication should be configured for RDS instances",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that IAM database authentication is enabled on each MySQL, MariaDB or PostgreSQL DB instance (for instances of a DB cluster, on the cluster).",
             .risk = "Without IAM authentication every application and person connects with long-lived database passwords, which leak in configuration and are rarely rotated; access cannot be granted or revoked with IAM.",
             .remediation = {.text = "Enable IAM database authentication and grant rds-db:connect to the roles that need it.",
                             .cli = "aws rds modify-db-instance --db-instance-identifier <id> --enable-iam-database-authentication --apply-immediately",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  iam_database_authentication_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-10"},
             .cis = {},
             .fsbp = {"RDS.10"}},
    .context_types = {"AWS::RDS::DBCluster"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
