// OpenSearch domains should have audit logging enabled (FSBP Opensearch.5, ES.5).
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return opensearch::enabled(r, "audit_logs", "publishes audit logs to CloudWatch Logs", "does not publish audit logs (AUDIT_LOGS) to CloudWatch Logs");
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_audit_logging_enabled",
             .title = "OpenSearch domains should have audit logging enabled",
             .severity = Severity::kMedium,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that LogPublishingOptions.AUDIT_LOGS is enabled with a CloudWatch Logs log group on each domain (audit logs need fine-grained access control).",
             .risk = "Without audit logs, who read or changed which index, and failed sign-ins, cannot be established after an incident.",
             .remediation = {.text = "Turn on fine-grained access control, then publish the audit logs to a CloudWatch Logs group.",
                             .cli = "aws opensearch update-domain-config --domain-name <domain> --log-publishing-options 'AUDIT_LOGS={CloudWatchLogsLogGroupArn=<log-group-arn>,Enabled=true}'",
                             .terraform = "resource \"aws_opensearch_domain\" \"this\" {\n  # ...\n  log_publishing_options {\n    log_type                 = \"AUDIT_LOGS\"\n    cloudwatch_log_group_arn = aws_cloudwatch_log_group.audit.arn\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html", opensearch::kReference},
             .cis = {},
             .fsbp = {"Opensearch.5", "ES.5"}},
    .reads = {"audit_logs"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
