// AWS WAF web ACLs send their traffic logs somewhere (FSBP WAF.11).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* logging = require_prop(r, "logging", &why);
  if (!logging) return not_assessed(why);
  if (logging->is_boolean() && logging->get<bool>())
    return pass("web ACL " + r.name + " has a logging configuration");
  return fail("web ACL " + r.name + " has no logging configuration: the requests it allows and blocks are not recorded");
}

const RegisterCheck reg({
    .meta = {.id = "wafv2_webacl_logging_enabled",
             .title = "AWS WAF web ACL logging should be enabled",
             .severity = Severity::kMedium,
             .service = "wafv2",
             .resource_type = "AWS::WAFv2::WebACL",
             .description = "A logging configuration (ListLoggingConfigurations, one call per scope) names the web "
                            "ACL, sending its traffic logs to CloudWatch Logs, S3 or Data Firehose.",
             .risk = "Without WAF logs there is no record of which requests were blocked or let through, which rules "
                     "matched, or where an attack came from: neither detection nor an investigation can use them.",
             .remediation = {.text = "Enable logging on the web ACL to a CloudWatch Logs group, an S3 bucket or a "
                                     "Firehose stream whose name starts with aws-waf-logs-.",
                             .cli = "aws wafv2 put-logging-configuration --logging-configuration ResourceArn=<web-acl-arn>,LogDestinationConfigs=<arn-of-aws-waf-logs-destination>",
                             .terraform = "resource \"aws_wafv2_web_acl_logging_configuration\" \"this\" {\n  resource_arn            = aws_wafv2_web_acl.this.arn\n  log_destination_configs = [aws_cloudwatch_log_group.aws_waf_logs.arn]\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/logging.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-11"},
             .cis = {},
             .fsbp = {"WAF.11"}},
    .reads = {"logging"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
