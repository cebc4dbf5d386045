// FSBP RDS.16: RDS DB clusters should copy tags to snapshots
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/rds_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& ) {
  const Resource* s = &r;
  std::string why;
  const json* copy = require_prop(*s, "copy_tags_to_snapshot", &why);
  if (!copy) return not_assessed(why);
  if (copy->is_boolean() && copy->get<bool>()) return pass("DB cluster " + r.id + " copies its tags to snapshots.");
  return fail("DB cluster " + r.id + " does not copy its tags to snapshots.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_cluster_copy_tags_to_snapshots",
             .title = "RDS DB clusters should copy tags to snapshots",
             .severity = Severity::kLow,
             .service = "rds",
             .resource_type = "AWS::RDS::DBCluster",
             .description = "Checks that each DB cluster copies its tags to its snapshots.",
             .risk = "Snapshots without the cluster's tags escape tag-based access control, ownership, classification and cost reports.",
             .remediation = {.text = "Enable CopyTagsToSnapshot on the cluster.",
                             .cli = "aws rds modify-db-cluster --db-cluster-identifier <id> --copy-tags-to-snapshot --apply-immediately",
                             .terraform = "resource \"aws_rds_cluster\" \"this\" {\n  # ...\n  copy_tags_to_snapshot = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_Tagging.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-16"},
             .cis = {},
             .fsbp = {"RDS.16"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
