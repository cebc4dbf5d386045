// FSBP RDS.17: RDS DB instances should copy tags to snapshots
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
  const json* copy = require_prop(*s, "copy_tags_to_snapshot", &why);
  if (!copy) return not_assessed(why);
  std::string where = s == &r ? "" : " (set on its cluster " + s->id + ")";
  if (copy->is_boolean() && copy->get<bool>()) return pass("DB instance " + r.id + " copies its tags to snapshots" + where + ".");
  return fail("DB instance " + r.id + " does not copy its tags to snapshots" + where + ".");
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_copy_tags_to_snapshots",
             .title = "RDS DB instances should copy tags to snapshots",
             .severity = Severity::kLow,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that each DB instance (its cluster, for cluster instances) copies its tags to its snapshots.",
             .risk = "Snapshots without the instance's tags escape tag-based access control (ABAC conditions on aws:ResourceTag), ownership, classification and cost reports: a copy of the data nobody accounts for.",
             .remediation = {.text = "Enable CopyTagsToSnapshot.",
                             .cli = "aws rds modify-db-instance --db-instance-identifier <id> --copy-tags-to-snapshot --apply-immediately",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  copy_tags_to_snapshot = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-17"},
             .cis = {},
             .fsbp = {"RDS.17"}},
    .context_types = {"AWS::RDS::DBCluster"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
