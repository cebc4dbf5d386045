// AWS WAF rule groups publish CloudWatch metrics (FSBP WAF.12, AWS Config
// wafv2-rulegroup-logging-enabled: VisibilityConfig.CloudWatchMetricsEnabled).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* on = require_prop(r, "metrics_enabled", &why);
  if (!on) return not_assessed(why);
  if (on->is_boolean() && on->get<bool>()) return pass("rule group " + r.name + " publishes CloudWatch metrics");
  return fail("rule group " + r.name + " has CloudWatch metrics disabled (VisibilityConfig.CloudWatchMetricsEnabled false)");
}

const RegisterCheck reg({
    .meta = {.id = "wafv2_rulegroup_logging_enabled",
             .title = "AWS WAF rule groups should have CloudWatch metrics enabled",
             .severity = Severity::kLow,
             .service = "wafv2",
             .resource_type = "AWS::WAFv2::RuleGroup",
             .description = "The rule group's VisibilityConfig (GetRuleGroup) has CloudWatchMetricsEnabled true.",
             .risk = "Without metrics, what the rule group matches and blocks is invisible to CloudWatch alarms and "
                     "dashboards: attacks and false positives go unnoticed.",
             .remediation = {.text = "Turn on CloudWatch metrics in the rule group's visibility configuration.",
                             .cli = "aws wafv2 update-rule-group --name <name> --scope REGIONAL --id <id> --lock-token <token> --rules file://rules.json --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=<name>",
                             .terraform = "resource \"aws_wafv2_rule_group\" \"this\" {\n  # ...\n  visibility_config {\n    cloudwatch_metrics_enabled = true\n    metric_name                = \"rule-group\"\n    sampled_requests_enabled   = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/config/latest/developerguide/wafv2-rulegroup-logging-enabled.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-12"},
             .cis = {},
             .fsbp = {}},
    .reads = {"metrics_enabled"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
