// AWS WAF web ACLs hold at least one rule or rule group (FSBP WAF.10).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* rules = require_prop(r, "rules", &why);
  if (!rules) return not_assessed(why);
  if (!rules->is_number()) return not_assessed("rules of web ACL " + r.id + " were not collected");
  if (rules->get<long>() > 0)
    return pass("web ACL " + r.name + " has " + std::to_string(rules->get<long>()) + " rule(s) or rule group(s)");
  return fail("web ACL " + r.name + " has no rule nor rule group: every request gets its default action uninspected");
}

const RegisterCheck reg({
    .meta = {.id = "wafv2_webacl_with_rules",
             .title = "AWS WAF web ACLs should have at least one rule or rule group",
             .severity = Severity::kMedium,
             .service = "wafv2",
             .resource_type = "AWS::WAFv2::WebACL",
             .description = "The web ACL (GetWebACL) has at least one rule, rule group reference or managed rule "
                            "group, counting the Firewall Manager rule groups that run before and after its own.",
             .risk = "An empty web ACL inspects nothing: it gives a false sense of protection while every request "
                     "reaches the application with the default action.",
             .remediation = {.text = "Add rules to the web ACL, for example the AWS managed core rule set "
                                     "(AWSManagedRulesCommonRuleSet) and rate-based rules, or delete the web ACL.",
                             .cli = "aws wafv2 update-web-acl --name <name> --scope REGIONAL --id <id> --lock-token <token> --default-action Allow={} --rules file://rules.json --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=<name>",
                             .terraform = "resource \"aws_wafv2_web_acl\" \"this\" {\n  # ...\n  rule {\n    name     = \"common\"\n    priority = 1\n    override_action {\n      none {}\n    }\n    statement {\n      managed_rule_group_statement {\n        name        = \"AWSManagedRulesCommonRuleSet\"\n        vendor_name = \"AWS\"\n      }\n    }\n    visibility_config {\n      cloudwatch_metrics_enabled = true\n      metric_name                = \"common\"\n      sampled_requests_enabled   = true\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-editing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-10"},
             .cis = {},
             .fsbp = {"WAF.10"}},
    .reads = {"rules"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
