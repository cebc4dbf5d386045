// FSBP RDS.8: RDS DB instances should have deletion protection enabled
#include "checks/check.h"
#include "checks/rds_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::optional<std::string> gap;
  const Resource* c = rds::owning_cluster(r, inv, &gap);  // Aurora keeps the setting on the cluster
  if (gap) return not_assessed(*gap);
  std::string why;
  const json* on = require_prop(c ? *c : r, "deletion_protection", &why);
  if (!on) return not_assessed(why);
  if (c && on->get<bool>()) return pass("DB instance " + r.id + " belongs to cluster " + c->id + ", which has deletion protection enabled.");
  if (c) return fail("DB instance " + r.id + " belongs to cluster " + c->id + ", which has deletion protection disabled.");
  if (on->get<bool>()) return pass("DB instance " + r.id + " has deletion protection enabled.");
  return fail("DB instance " + r.id + " has deletion protection disabled.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_deletion_protection",
             .title = "RDS DB instances should have deletion protection enabled",
             .severity = Severity::kLow,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that each RDS DB instance has deletion protection enabled. Instances of a DB cluster are judged by their cluster's setting, where Aurora keeps it.",
             .risk = "Without deletion protection a database can be deleted by mistake or by a compromised identity in one call.",
             .remediation = {.text = "Enable deletion protection on the instance.",
                             .cli = "aws rds modify-db-instance --db-instance-identifier <id> --deletion-protection --apply-immediately",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  deletion_protection = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-8"},
             .cis = {},
             .fsbp = {"RDS.8"}},
    .context_types = {"AWS::RDS::DBCluster"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
