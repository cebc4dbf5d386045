// Lightsail managed databases are not reachable from the internet.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "publicly_accessible", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("publicly_accessible" " of " + r.id + " is not a boolean");
  if (!v->get<bool>()) return pass("database " + r.name + " is not publicly accessible");
  return fail("database " + r.name + " is publicly accessible: its endpoint accepts connections from the internet");
}

const RegisterCheck reg({
    .meta = {.id = "lightsail_database_not_publicly_accessible",
             .title = "Lightsail databases should not be publicly accessible",
             .severity = Severity::kHigh,
             .service = "lightsail",
             .resource_type = "AWS::Lightsail::Database",
             .description = "The database's publiclyAccessible is false (GetRelationalDatabases): only resources in the account's Lightsail network reach it.",
             .risk = "A public database endpoint is scanned and brute-forced from the internet; a weak or leaked master password, or an engine vulnerability, exposes every row.",
             .remediation = {.text = "Turn public mode off for the database.",
                             .cli = "aws lightsail update-relational-database --relational-database-name <db> --no-publicly-accessible --apply-immediately",
                             .terraform = "resource \"aws_lightsail_database\" \"this\" {\n  relational_database_name = \"app\"\n  # ...\n  publicly_accessible = false\n}"},
             .references = {"https://docs.aws.amazon.com/lightsail/latest/userguide/amazon-lightsail-configuring-database-public-mode.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"publicly_accessible"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
