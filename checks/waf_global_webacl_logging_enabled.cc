// AWS WAF Classic global web ACLs have logging enabled (FSBP WAF.1).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* logging = require_prop(r, "logging", &why);
  if (!logging) return not_assessed(why);
  if (logging->is_boolean() && logging->get<bool>()) return pass("web ACL " + r.name + " has a logging configuration");
  return fail("web ACL " + r.name + " has no logging configuration: the requests it inspects are not logged");
}

const RegisterCheck reg({
    .meta = {.id = "waf_global_webacl_logging_enabled",
             .title = "AWS WAF Classic Global Web ACL logging should be enabled",
             .severity = Severity::kMedium,
             .service = "waf",
             .resource_type = "AWS::WAF::WebACL",
             .description = "ListLoggingConfigurations (WAF Classic global API) has a logging configuration for the web ACL.",
             .risk = "Without logs, attacks the web ACL sees (and what it let through) cannot be investigated or alarmed on.",
             .remediation = {.text = "Send the web ACL's logs to a Kinesis Data Firehose stream whose name starts with aws-waf-logs- — better, migrate to AWS WAF (WAFv2), as AWS WAF Classic reached end of support.",
                             .cli = "aws waf put-logging-configuration --logging-configuration ResourceArn=<web-acl-arn>,LogDestinationConfigs=<firehose-arn>",
                             .terraform = "# AWS WAF Classic global logging has no Terraform resource; migrate to WAFv2:\nresource \"aws_wafv2_web_acl_logging_configuration\" \"this\" {\n  resource_arn            = aws_wafv2_web_acl.cdn.arn\n  log_destination_configs = [aws_kinesis_firehose_delivery_stream.waf.arn]\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/classic-logging.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-1"},
             .cis = {},
             .fsbp = {"WAF.1"}},
    .reads = {"logging"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
