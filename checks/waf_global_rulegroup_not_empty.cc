// AWS WAF Classic global rule groups have at least one rule (FSBP WAF.7).
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
  return fail("rule group " + r.name + " has no rule: a web ACL using it inspects nothing with it");
}

const RegisterCheck reg({
    .meta = {.id = "waf_global_rulegroup_not_empty",
             .title = "AWS WAF Classic global rule groups should have at least one rule",
             .severity = Severity::kMedium,
             .service = "waf",
             .resource_type = "AWS::WAF::RuleGroup",
             .description = "The rule group (ListActivatedRulesInRuleGroup, WAF Classic global API) activates at least one rule.",
             .risk = "An empty rule group in a web ACL gives the appearance of protection while inspecting nothing.",
             .remediation = {.text = "Add rules to the rule group, or remove it from the web ACLs and delete it — better, migrate to AWS WAF (WAFv2).",
                             .cli = "aws waf update-rule-group --rule-group-id <group-id> --change-token $(aws waf get-change-token --query ChangeToken --output text) --updates Action=INSERT,ActivatedRule={Priority=1,RuleId=<rule-id>,Action={Type=BLOCK}}",
                             .terraform = "resource \"aws_waf_rule_group\" \"this\" {\n  name        = \"baseline\"\n  metric_name = \"baseline\"\n  activated_rule {\n    action {\n      type = \"BLOCK\"\n    }\n    priority = 1\n    rule_id  = aws_waf_rule.this.id\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/classic-rule-group-editing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-7"},
             .cis = {},
             .fsbp = {"WAF.7"}},
    .reads = {"rules"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
