// OpenSearch domain error logging to CloudWatch Logs should be enabled (FSBP Opensearch.4, ES.4).
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return opensearch::enabled(r, "error_logs", "publishes its error logs to CloudWatch Logs", "does not publish its error logs (ES_APPLICATION_LOGS) to CloudWatch Logs");
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_cloudwatch_logging_enabled",
             .title = "OpenSearch domain error logging to CloudWatch Logs should be enabled",
             .severity = Severity::kMedium,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that LogPublishingOptions.ES_APPLICATION_LOGS is enabled with a CloudWatch Logs log group on each domain.",
             .risk = "Without error logs, failed requests, crashes and misconfigurations of the domain go unseen.",
             .remediation = {.text = "Publish the domain's error logs to a CloudWatch Logs group (whose resource policy lets OpenSearch Service write to it).",
                             .cli = "aws opensearch update-domain-config --domain-name <domain> --log-publishing-options 'ES_APPLICATION_LOGS={CloudWatchLogsLogGroupArn=<log-group-arn>,Enabled=true}'",
                             .terraform = "resource \"aws_opensearch_domain\" \"this\" {\n  # ...\n  log_publishing_options {\n    log_type                 = \"ES_APPLICATION_LOGS\"\n    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html", opensearch::kReference},
             .cis = {},
             .fsbp = {"Opensearch.4", "ES.4"}},
    .reads = {"error_logs"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
