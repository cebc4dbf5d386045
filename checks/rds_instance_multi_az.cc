// FSBP RDS.5: RDS DB instances should be configured with multiple Availability Zones
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  const json* cluster = r.prop("cluster");
  if (cluster && cluster->is_string()) {
    for (const auto& c : inv.of_type("AWS::RDS::DBCluster")) {
      if (c.region != r.region || c.id != cluster->get<std::string>()) continue;
      const json* multi = require_prop(c, "multi_az", &why);
      if (!multi) return not_assessed(why);
      if (multi->get<bool>()) return pass("DB instance " + r.id + " belongs to Multi-AZ cluster " + c.id + ".");
      return fail("DB instance " + r.id + " belongs to cluster " + c.id + ", which is not Multi-AZ.");
    }
    if (auto gap = inv.gap("AWS::RDS::DBCluster", r.region)) return not_assessed(*gap);
  }
  const json* multi = require_prop(r, "multi_az", &why);
  if (!multi) return not_assessed(why);
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
