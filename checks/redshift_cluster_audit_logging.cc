// Redshift clusters have audit logging on (FSBP Redshift.4).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* logging = require_prop(r, "audit_logging", &why);
  if (!logging) return not_assessed(why);
  if (!logging->is_object() || !logging->value("enabled", false))
    return fail("cluster " + r.name + " does not log connections and user activity (audit logging off)");
  const json dest = logging->value("destination", json());
  const json bucket = logging->value("bucket", json());
  std::string to = dest.is_string() && dest.get<std::string>() == "cloudwatch" ? " to CloudWatch Logs"
                   : bucket.is_string()                                      ? " to s3://" + bucket.get<std::string>()
                                                                             : "";
  return pass("cluster " + r.name + " has audit logging on" + to);
}

const RegisterCheck reg({
    .meta = {.id = "redshift_cluster_audit_logging",
             .title = "Amazon Redshift clusters should have audit logging enabled",
             .severity = Severity::kMedium,
             .service = "redshift",
             .resource_type = "AWS::Redshift::Cluster",
             .description = "Checks that LoggingEnabled is true for each cluster (DescribeLoggingStatus, one call "
                            "per cluster, made only when this check is selected).",
             .risk = "Without connection and user logs, who signed in and what was changed in the warehouse "
                     "cannot be established after an incident.",
             .remediation = {.text = "Turn on audit logging to S3 or CloudWatch Logs (and set "
                                     "enable_user_activity_logging for query logs).",
                             .cli = "aws redshift enable-logging --cluster-identifier <cluster> --log-destination-type cloudwatch --log-exports connectionlog userlog useractivitylog",
                             .terraform = "resource \"aws_redshift_logging\" \"this\" {\n  cluster_identifier   = aws_redshift_cluster.this.id\n  log_destination_type = \"cloudwatch\"\n  log_exports          = [\"connectionlog\", \"userlog\", \"useractivitylog\"]\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-4"},
             .cis = {},
             .fsbp = {"Redshift.4"}},
    .reads = {"audit_logging"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
