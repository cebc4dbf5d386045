// FSBP RDS.15: RDS DB clusters should be configured for multiple Availability Zones
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
  const json* multi = require_prop(r, "multi_az", &why);
  if (!multi) return not_assessed(why);
  if (multi->is_boolean() && multi->get<bool>()) return pass("DB cluster " + r.id + " spans several Availability Zones.");
  return fail("DB cluster " + r.id + " runs in a single Availability Zone.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_cluster_multi_az",
             .title = "RDS DB clusters should be configured for multiple Availability Zones",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBCluster",
             .description = "Checks that each DB cluster has instances in more than one Availability Zone (MultiAZ).",
             .risk = "A cluster whose instances all sit in one Availability Zone goes down with it; failover needs a replica elsewhere.",
             .remediation = {.text = "Add a reader instance in another Availability Zone (Aurora) or recreate the cluster as Multi-AZ.",
                             .cli = "aws rds create-db-instance --db-instance-identifier <reader-id> --db-cluster-identifier <cluster-id> --engine <engine> --db-instance-class <class> --availability-zone <other-az>",
                             .terraform = "resource \"aws_rds_cluster_instance\" \"reader\" {\n  cluster_identifier = aws_rds_cluster.this.id\n  availability_zone  = \"<other-az>\"\n  # ...\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-15"},
             .cis = {},
             .fsbp = {"RDS.15"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
