// FSBP RDS.12: IAM authentication should be configured for RDS clusters
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/rds_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& ) {
  std::string why;
  const json* engine = require_prop(r, "engine", &why);
  if (!engine) return not_assessed(why);
  std::string family = rds::engine_family(engine->get<std::string>());
  if (family != "mysql" && family != "postgres" && family != "neptune")
    return not_applicable("DB cluster " + r.id + " runs " + engine->get<std::string>() + ", which has no IAM database authentication.");
  const json* iam = require_prop(r, "iam_auth", &why);
  if (!iam) return not_assessed(why);
  if (iam->is_boolean() && iam->get<bool>()) return pass("DB cluster " + r.id + " accepts IAM database authentication.");
  return fail("DB cluster " + r.id + " does not accept IAM database authentication: only database passwords open it.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_cluster_iam_authentication_enabled",
             .title = "IAM authentication should be configured for RDS clusters",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBCluster",
             .description = "Checks that IAM database authentication is enabled on each Aurora, Multi-AZ or Neptune DB cluster whose engine supports it.",
             .risk = "Without IAM authentication every client connects with long-lived database passwords; access cannot be granted, audited or revoked through IAM.",
             .remediation = {.text = "Enable IAM database authentication on the cluster.",
                             .cli = "aws rds modify-db-cluster --db-cluster-identifier <id> --enable-iam-database-authentication --apply-immediately",
                             .terraform = "resource \"aws_rds_cluster\" \"this\" {\n  # ...\n  iam_database_authentication_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.IAMDBAuth.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-12"},
             .cis = {},
             .fsbp = {"RDS.12"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
