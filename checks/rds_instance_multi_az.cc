// FSBP RDS.5: RDS DB instances should be configured with multiple Availability Zones
#include "checks/check.h"
#include "checks/rds_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::optional<std::string> gap;
  const Resource* c = rds::owning_cluster(r, inv, &gap);  // a cluster instance is judged by its cluster's MultiAZ
  if (gap) return not_assessed(*gap);
  std::string why;
  const json* multi = require_prop(c ? *c : r, "multi_az", &why);
  if (!multi) return not_assessed(why);
  if (c && multi->get<bool>()) return pass("DB instance " + r.id + " belongs to Multi-AZ cluster " + c->id + ".");
  if (c) return fail("DB instance " + r.id + " belongs to cluster " + c->id + ", which is not Multi-AZ.");
  if (multi->get<bool>()) return pass("DB instance " + r.id + " is Multi-AZ.");
  return fail("DB instance " + r.id + " runs in a single Availability Zone.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_multi_az",
             .title = "RDS DB instances should be configured with multiple Availability Zones",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that each RDS DB instance is deployed Multi-AZ. Instances of a DB cluster (Aurora, Multi-AZ clusters) are judged by their cluster's MultiAZ.",
             .risk = "A single-AZ database goes down with its Availability Zone, and storage failures need a restore from backup.",
             .remediation = {.text = "Convert the instance to a Multi-AZ deployment.",
                             .cli = "aws rds modify-db-instance --db-instance-identifier <id> --multi-az --apply-immediately",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  multi_az = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-5"},
             .cis = {},
             .fsbp = {"RDS.5"}},
    .context_types = {"AWS::RDS::DBCluster"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
