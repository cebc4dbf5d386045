// Redshift Serverless namespaces export connection and user logs to CloudWatch
// Logs (Security Hub RedshiftServerless.6, which the FSBP catalog here predates).
#include <algorithm>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* exports = require_prop(r, "log_exports", &why);
  if (!exports) return not_assessed(why);
  std::string missing;
  for (const char* log : {"connectionlog", "userlog"}) {
    bool on = exports->is_array() && std::find(exports->begin(), exports->end(), json(log)) != exports->end();
    if (!on) missing += (missing.empty() ? "" : ", ") + std::string(log);
  }
  if (!missing.empty()) return fail("namespace " + r.name + " does not export " + missing + " to CloudWatch Logs");
  return pass("namespace " + r.name + " exports connection and user logs to CloudWatch Logs");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_serverless_namespace_logging_enabled",
             .title = "Redshift Serverless namespaces should export logs to CloudWatch Logs",
             .severity = Severity::kMedium,
             .service = "redshift-serverless",
             .resource_type = "AWS::RedshiftServerless::Namespace",
             .description = "Checks that the namespace's logExports include connectionlog and userlog.",
             .risk = "Without connection and user logs, sign-ins and user changes cannot be reviewed after an "
                     "incident.",
             .remediation = {.text = "Export the connection, user and user activity logs of the namespace.",
                             .cli = "aws redshift-serverless update-namespace --namespace-name <namespace> --log-exports connectionlog userlog useractivitylog",
                             .terraform = "resource \"aws_redshiftserverless_namespace\" \"this\" {\n  # ...\n  log_exports = [\"connectionlog\", \"userlog\", \"useractivitylog\"]\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-audit-logging.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshiftserverless-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"log_exports"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
