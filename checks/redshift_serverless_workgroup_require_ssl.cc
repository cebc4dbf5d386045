// Redshift Serverless workgroups require SSL connections (Security Hub
// RedshiftServerless.2, which the FSBP catalog here predates).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "require_ssl", &why)) return not_assessed(why);
  const json* ssl = r.prop("require_ssl");
  if (ssl && ssl->is_boolean() && ssl->get<bool>()) return pass("workgroup " + r.name + " requires SSL connections");
  if (ssl && ssl->is_boolean())
    return fail("workgroup " + r.name + " accepts unencrypted connections (require_ssl is false)");
  return not_assessed("AWS did not list the require_ssl parameter of workgroup " + r.name +
                      " (ListWorkgroups configParameters)");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_serverless_workgroup_require_ssl",
             .title = "Connections to Redshift Serverless workgroups should be required to use SSL",
             .severity = Severity::kMedium,
             .service = "redshift-serverless",
             .resource_type = "AWS::RedshiftServerless::Workgroup",
             .description = "Checks that the workgroup's configParameters set require_ssl to true.",
             .risk = "Without require_ssl clients may connect in clear text, exposing credentials and results.",
             .remediation = {.text = "Set the require_ssl configuration parameter of the workgroup to true.",
                             .cli = "aws redshift-serverless update-workgroup --workgroup-name <workgroup> --config-parameters parameterKey=require_ssl,parameterValue=true",
                             .terraform = "resource \"aws_redshiftserverless_workgroup\" \"this\" {\n  # ...\n  config_parameter {\n    parameter_key   = \"require_ssl\"\n    parameter_value = \"true\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-connecting.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshiftserverless-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"require_ssl"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
