// Athena workgroups publish query metrics to CloudWatch (FSBP Athena.4).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* metrics = require_prop(r, "publish_metrics", &why);
  if (!metrics) return not_assessed(why);
  if (metrics->is_boolean() && metrics->get<bool>())
    return pass("workgroup " + r.name + " publishes query metrics to CloudWatch");
  return fail("workgroup " + r.name + " does not publish query metrics to CloudWatch");
}

const RegisterCheck reg({
    .meta = {.id = "athena_workgroup_logging_enabled",
             .title = "Athena workgroups should have logging enabled",
             .severity = Severity::kMedium,
             .service = "athena",
             .resource_type = "AWS::Athena::WorkGroup",
             .description = "PublishCloudWatchMetricsEnabled is on (GetWorkGroup): the workgroup's query metrics go "
                            "to CloudWatch.",
             .risk = "Without metrics, unusual query volume or data scanned (exfiltration through queries, a "
                     "runaway job) is not visible or alarmed on.",
             .remediation = {.text = "Turn on \"Publish query metrics to AWS CloudWatch\" for the workgroup.",
                             .cli = "aws athena update-work-group --work-group <name> --configuration-updates PublishCloudWatchMetricsEnabled=true",
                             .terraform = "resource \"aws_athena_workgroup\" \"this\" {\n  name = \"analytics\"\n  configuration {\n    publish_cloudwatch_metrics_enabled = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/athena/latest/ug/query-metrics-viewing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/athena-controls.html#athena-4"},
             .cis = {},
             .fsbp = {"Athena.4"}},
    .reads = {"publish_metrics"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
