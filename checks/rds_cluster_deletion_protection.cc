// FSBP RDS.7: RDS DB clusters should have deletion protection enabled
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "deletion_protection", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == true) return pass("DB cluster " + r.id + " has deletion protection enabled.");
  return fail("DB cluster " + r.id + " has deletion protection disabled.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_cluster_deletion_protection",
             .title = "RDS DB clusters should have deletion protection enabled",
             .severity = Severity::kLow,
             .service = "rds",
             .resource_type = "AWS::RDS::DBCluster",
             .description = "Checks that each RDS DB cluster has deletion protection enabled.",
             .risk = "Without deletion protection a cluster can be deleted by mistake or by a compromised identity in one call.",
             .remediation = {.text = "Enable deletion protection on the cluster.",
                             .cli = "aws rds modify-db-cluster --db-cluster-identifier <id> --deletion-protection --apply-immediately",
                             .terraform = "resource \"aws_rds_cluster\" \"this\" {\n  # ...\n  deletion_protection = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_DeleteCluster.html#USER_DeletionProtection", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-7"},
             .cis = {},
             .fsbp = {"RDS.7"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
