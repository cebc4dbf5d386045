// Redshift clusters do not use the default database name (FSBP Redshift.9).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* db = require_prop(r, "db_name", &why);
  if (!db) return not_assessed(why);
  const std::string name = db->is_string() ? db->get<std::string>() : "";
  if (name == "dev") return fail("cluster " + r.name + " uses the default database name \"dev\"");
  return pass("cluster " + r.name + " uses the database name \"" + name + "\"");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_cluster_non_default_database_name",
             .title = "Redshift clusters should not use the default database name",
             .severity = Severity::kMedium,
             .service = "redshift",
             .resource_type = "AWS::Redshift::Cluster",
             .description = "Checks that the cluster's DBName is not \"dev\", the database AWS creates when none is "
                            "named.",
             .risk = "A default database name is one thing fewer an attacker has to guess to connect.",
             .remediation = {.text = "Name the database when creating the cluster; for an existing one, create a "
                                     "database with another name and move the data.",
                             .cli = "aws redshift create-cluster --cluster-identifier <cluster> --db-name <custom-name> --node-type ra3.xlplus --master-username <admin> --manage-master-password",
                             .terraform = "resource \"aws_redshift_cluster\" \"this\" {\n  # ...\n  database_name = \"analytics\"\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateCluster.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-9"},
             .cis = {},
             .fsbp = {"Redshift.9"}},
    .reads = {"db_name"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
