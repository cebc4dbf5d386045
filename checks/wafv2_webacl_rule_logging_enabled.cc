// Every rule of an AWS WAF web ACL, and the ACL itself, publishes CloudWatch metrics.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* acl = require_prop(r, "metrics_enabled", &why);
  if (!acl) return not_assessed(why);
  const json* rules = require_prop(r, "rules_without_metrics", &why);
  if (!rules) return not_assessed(why);
  if (!rules->is_array()) return not_assessed("rules of web ACL " + r.id + " were not collected");
  std::string off;
  for (const auto& n : *rules) off += (off.empty() ? "" : ", ") + (n.is_string() ? n.get<std::string>() : "?");
  const bool acl_on = acl->is_boolean() && acl->get<bool>();
  if (!acl_on && !off.empty())
    return fail("web ACL " + r.name + " and its rule(s) " + off + " have CloudWatch metrics disabled");
  if (!acl_on) return fail("web ACL " + r.name + " has CloudWatch metrics disabled for its default action");
  if (!off.empty()) return fail("web ACL " + r.name + " rule(s) " + off + " have CloudWatch metrics disabled");
  return pass("web ACL " + r.name + " and all of its rules publish CloudWatch metrics");
}

const RegisterCheck reg({
    .meta = {.id = "wafv2_webacl_rule_logging_enabled",
             .title = "AWS WAF web ACLs and their rules should have CloudWatch metrics enabled",
             .severity = Severity::kLow,
             .service = "wafv2",
             .resource_type = "AWS::WAFv2::WebACL",
             .description = "The web ACL's VisibilityConfig and that of each of its rules (GetWebACL) have "
                            "CloudWatchMetricsEnabled true.",
             .risk = "A rule without metrics blocks or counts requests invisibly: a spike of blocked attacks, or a "
                     "rule that suddenly blocks legitimate traffic, raises no alarm.",
             .remediation = {.text = "Turn on CloudWatch metrics in the visibility configuration of the web ACL and "
                                     "of each rule.",
                             .cli = "aws wafv2 update-web-acl --name <name> --scope REGIONAL --id <id> --lock-token <token> --default-action Allow={} --rules file://rules-with-metrics.json --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=<name>",
                             .terraform = "visibility_config {\n  cloudwatch_metrics_enabled = true\n  metric_name                = \"web-acl\"\n  sampled_requests_enabled   = true\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/monitoring-cloudwatch.html",
                            "https://docs.aws.amazon.com/waf/latest/APIReference/API_VisibilityConfig.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"metrics_enabled", "rules_without_metrics"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
