// FSBP RDS.14: Amazon Aurora MySQL clusters should have backtracking enabled
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
  if (*engine != "aurora-mysql" && *engine != "aurora")
    return not_applicable("DB cluster " + r.id + " runs " + engine->get<std::string>() + ", which has no backtracking.");
  const json* window = require_prop(r, "backtrack_window", &why);
  if (!window) return not_assessed(why);
  if (window->is_number() && window->get<int64_t>() > 0)
    return pass("DB cluster " + r.id + " can be backtracked " + std::to_string(window->get<int64_t>() / 3600) + " h.");
  return fail("DB cluster " + r.id + " has backtracking off.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_cluster_backtracking_enabled",
             .title = "Amazon Aurora MySQL clusters should have backtracking enabled",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBCluster",
             .description = "Checks that each Aurora MySQL cluster has a backtrack window (other engines have no backtracking and get no finding).",
             .risk = "Without backtracking, undoing a destructive change (a dropped table, a mass update by a compromised client) needs a full point-in-time restore into a new cluster.",
             .remediation = {.text = "Set a backtrack window (up to 72 hours) on the cluster; it must be enabled when the cluster is created or restored.",
                             .cli = "aws rds modify-db-cluster --db-cluster-identifier <id> --backtrack-window 86400",
                             .terraform = "resource \"aws_rds_cluster\" \"this\" {\n  # ...\n  backtrack_window = 86400\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Managing.Backtrack.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-14"},
             .cis = {},
             .fsbp = {"RDS.14"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
