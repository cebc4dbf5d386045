// FSBP RDS.9: RDS DB instances should publish logs to CloudWatch Logs
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
  const json* engine = require_prop(r, "engine", &why);
  if (!engine) return not_assessed(why);
  const std::string& name = engine->get_ref<const std::string&>();
  std::string family = rds::engine_family(name);
  std::vector<std::string> needed;
  if (family == "mysql") needed = {"audit", "error", "general", "slowquery"};
  else if (name == "aurora-postgresql") needed = {"postgresql"};
  else if (family == "postgres") needed = {"postgresql", "upgrade"};
  else if (family == "oracle") needed = {"alert", "audit", "trace", "listener"};
  else if (family == "sqlserver") needed = {"error", "agent"};
  else if (family == "db2") needed = {"diag.log", "notify.log"};
  else return not_assessed("DB instance " + r.id + " runs " + name + ", for which CloudPeek does not know the log types to export.");
  const json* logs = require_prop(*s, "enabled_logs", &why);
  if (!logs) return not_assessed(why);
  std::string missing;
  for (const auto& n : needed) {
    bool found = false;
    if (logs->is_array())
      for (const auto& l : *logs) found = found || l == n;
    if (!found) missing += (missing.empty() ? "" : ", ") + n;
  }
  std::string where = s == &r ? "" : " (through its cluster " + s->id + ")";
  if (missing.empty()) return pass("DB instance " + r.id + " exports its " + name + " logs to CloudWatch Logs" + where + ".");
  return fail("DB instance " + r.id + " does not export these " + name + " logs to CloudWatch Logs" + where + ": " + missing + ".");
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_cloudwatch_logs_exported",
             .title = "RDS DB instances should publish logs to CloudWatch Logs",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that each DB instance (or its cluster) exports its engine's security-relevant logs to CloudWatch Logs: MySQL and MariaDB audit, error, general and slow query; PostgreSQL postgresql and upgrade (Aurora PostgreSQL: postgresql); Oracle alert, audit, trace and listener; SQL Server error and agent; Db2 diag.log and notify.log.",
             .risk = "Database logs kept only on the instance rotate away and die with it: failed logins, privilege changes and suspicious queries cannot be searched, alarmed on or kept for an investigation.",
             .remediation = {.text = "Enable the log exports for the engine (MySQL's audit log also needs the MARIADB_AUDIT_PLUGIN option).",
                             .cli = "aws rds modify-db-instance --db-instance-identifier <id> --cloudwatch-logs-export-configuration '{\"EnableLogTypes\":[\"audit\",\"error\",\"general\",\"slowquery\"]}'",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  enabled_cloudwatch_logs_exports = [\"audit\", \"error\", \"general\", \"slowquery\"]\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-9"},
             .cis = {},
             .fsbp = {"RDS.9"}},
    .context_types = {"AWS::RDS::DBCluster"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
