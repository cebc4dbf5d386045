// Redshift Serverless namespaces do not use the default admin user name
// (Security Hub RedshiftServerless.5, which the FSBP catalog here predates).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "admin_username", &why)) return not_assessed(why);
  const json* user = r.prop("admin_username");
  if (!user || !user->is_string())
    return not_assessed("AWS did not return the admin user name of namespace " + r.name + " (ListNamespaces)");
  if (user->get<std::string>() == "admin")
    return fail("namespace " + r.name + " uses the default admin user name \"admin\"");
  return pass("namespace " + r.name + " uses a custom admin user name");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_serverless_namespace_non_default_admin",
             .title = "Redshift Serverless namespaces should not use the default admin username",
             .severity = Severity::kMedium,
             .service = "redshift-serverless",
             .resource_type = "AWS::RedshiftServerless::Namespace",
             .description = "Checks that the namespace's adminUsername is not \"admin\".",
             .risk = "A well-known admin name leaves only the password between an attacker and the superuser.",
             .remediation = {.text = "Change the namespace's admin user name (this also sets a new password).",
                             .cli = "aws redshift-serverless update-namespace --namespace-name <namespace> --admin-username <custom-name> --manage-admin-password",
                             .terraform = "resource \"aws_redshiftserverless_namespace\" \"this\" {\n  # ...\n  admin_username        = \"dw_admin\"\n  manage_admin_password = true\n}"},
             .references = {"https://docs.aws.amazon.com/redshift-serverless/latest/APIReference/API_UpdateNamespace.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshiftserverless-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"admin_username"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
