// AWS WAF Classic Regional rule groups hold at least one rule (FSBP WAF.3).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* n = require_prop(r, "rules", &why);
  if (!n) return not_assessed(why);
  if (!n->is_number()) return not_assessed("rules of rule group " + r.id + " were not collected");
  if (n->get<long>() > 0) return pass("rule group " + r.name + " has " + std::to_string(n->get<long>()) + " rule(s)");
  return fail("rule group " + r.name + " has no rule: the web ACLs using it inspect nothing with it");
}

const RegisterCheck reg({
    .meta = {.id = "waf_regional_rulegroup_not_empty",
             .title = "AWS WAF Classic Regional rule groups should have at least one rule",
             .severity = Severity::kMedium,
             .service = "waf-regional",
             .resource_type = "AWS::WAFRegional::RuleGroup",
             .description = "The rule group has at least one activated rule (ListActivatedRulesInRuleGroup).",
             .risk = "An empty rule group looks like protection in a web ACL while matching no request.",
             .remediation = {.text = "Add rules to the rule group, or remove it from its web ACLs and delete it.",
                             .cli = "aws waf-regional update-rule-group --rule-group-id <rule-group-id> --change-token $(aws waf-regional get-change-token --query ChangeToken --output text) --updates Action=INSERT,ActivatedRule={Priority=1,RuleId=<rule-id>,Action={Type=BLOCK}}",
                             .terraform = "resource \"aws_wafregional_rule_group\" \"this\" {\n  name        = \"baseline\"\n  metric_name = \"baseline\"\n  activated_rule {\n    action {\n      type = \"BLOCK\"\n    }\n    priority = 1\n    rule_id  = aws_wafregional_rule.this.id\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/classic-rule-group-editing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-3"},
             .cis = {},
             .fsbp = {"WAF.3"}},
    .reads = {"rules"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
