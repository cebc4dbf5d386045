// Redshift clusters do not use the default admin user name (FSBP Redshift.8).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* user = require_prop(r, "master_username", &why);
  if (!user) return not_assessed(why);
  const std::string name = user->is_string() ? user->get<std::string>() : "";
  if (name.empty()) return not_assessed("AWS did not return the admin user name of cluster " + r.id + ".");
  if (name == "awsuser") return fail("cluster " + r.name + " uses the default admin user name \"awsuser\"");
  return pass("cluster " + r.name + " uses a custom admin user name");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_cluster_non_default_username",
             .title = "Amazon Redshift clusters should not use the default Admin username",
             .severity = Severity::kMedium,
             .service = "redshift",
             .resource_type = "AWS::Redshift::Cluster",
             .description = "Checks that the cluster's MasterUsername is not \"awsuser\", the console's default.",
             .risk = "A well-known admin name leaves only the password between an attacker and the superuser of "
                     "a reachable cluster.",
             .remediation = {.text = "The admin user name cannot be changed: restore a snapshot into a new "
                                     "cluster with a custom admin name (or create a new superuser and stop using "
                                     "awsuser).",
                             .cli = "aws redshift restore-from-cluster-snapshot --cluster-identifier <new-cluster> --snapshot-identifier <snapshot>  # create with --master-username <custom-name> for new clusters",
                             .terraform = "resource \"aws_redshift_cluster\" \"this\" {\n  # ...\n  master_username = \"dw_admin\"\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/gsg/rs-gsg-prereq.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-8"},
             .cis = {},
             .fsbp = {"Redshift.8"}},
    .reads = {"master_username"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
