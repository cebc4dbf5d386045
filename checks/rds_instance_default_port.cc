// FSBP RDS.23: RDS instances should not use a database engine default port
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
  std::string family = rds::engine_family(engine->get<std::string>());
  int def = family == "mysql" ? 3306 : family == "postgres" ? 5432 : family == "oracle" ? 1521
          : family == "sqlserver" ? 1433 : family == "db2" ? 50000 : 0;
  if (!def) return not_assessed("DB instance " + r.id + " runs " + engine->get<std::string>() + ", whose default port CloudPeek does not know.");
  if (!has_prop(r, "port", &why)) return not_assessed(why);
  const json* port = r.prop("port");
  if (!port || !port->is_number()) return not_assessed("DB instance " + r.id + " has no endpoint yet (it is being created).");
  if (port->get<int>() == def)
    return fail("DB instance " + r.id + " listens on " + engine->get<std::string>() + "'s default port " + std::to_string(def) + ".");
  return pass("DB instance " + r.id + " listens on port " + port->dump() + ", not the engine's default.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_default_port",
             .title = "RDS instances should not use a database engine default port",
             .severity = Severity::kLow,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that each DB instance listens on a port other than its engine's default (MySQL/MariaDB/Aurora MySQL 3306, PostgreSQL 5432, Oracle 1521, SQL Server 1433, Db2 50000).",
             .risk = "Scanners look for databases on their default ports first; a known port makes an instance that is reachable by mistake easier to find and attack.",
             .remediation = {.text = "Modify the instance to listen on a non-default port and update the clients and security groups.",
                             .cli = "aws rds modify-db-instance --db-instance-identifier <id> --db-port-number <port> --apply-immediately",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  port = <non-default-port>\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.DBInstance.Modifying.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-23"},
             .cis = {},
             .fsbp = {"RDS.23"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
