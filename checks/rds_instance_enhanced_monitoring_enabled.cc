// FSBP RDS.6: Enhanced monitoring should be configured for RDS DB instances
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
  const json* interval = require_prop(r, "monitoring_interval", &why);
  if (!interval) return not_assessed(why);
  if (interval->is_number() && interval->get<int64_t>() > 0)
    return pass("DB instance " + r.id + " has enhanced monitoring every " + interval->dump() + " s.");
  return fail("DB instance " + r.id + " has no enhanced monitoring.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_enhanced_monitoring_enabled",
             .title = "Enhanced monitoring should be configured for RDS DB instances",
             .severity = Severity::kLow,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that enhanced monitoring (MonitoringInterval above 0) is enabled on each DB instance.",
             .risk = "Without enhanced monitoring the operating-system metrics of the database host (processes, memory, I/O) are not available when investigating an incident or an outage.",
             .remediation = {.text = "Enable enhanced monitoring with a monitoring role.",
                             .cli = "aws rds modify-db-instance --db-instance-identifier <id> --monitoring-interval 60 --monitoring-role-arn <role-arn> --apply-immediately",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  monitoring_interval = 60\n  monitoring_role_arn = aws_iam_role.rds_monitoring.arn\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-6"},
             .cis = {},
             .fsbp = {"RDS.6"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
