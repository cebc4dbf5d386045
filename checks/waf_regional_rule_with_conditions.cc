// AWS WAF Classic Regional rules have at least one condition (FSBP WAF.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* n = require_prop(r, "conditions", &why);
  if (!n) return not_assessed(why);
  if (!n->is_number()) return not_assessed("conditions of rule " + r.id + " were not collected");
  if (n->get<long>() > 0) return pass("rule " + r.name + " has " + std::to_string(n->get<long>()) + " condition(s)");
  return fail("rule " + r.name + " has no condition: it matches no request and protects nothing");
}

const RegisterCheck reg({
    .meta = {.id = "waf_regional_rule_with_conditions",
             .title = "AWS WAF Classic Regional rules should have at least one condition",
             .severity = Severity::kMedium,
             .service = "waf-regional",
             .resource_type = "AWS::WAFRegional::Rule",
             .description = "The rule (GetRule) has at least one predicate (IP, byte match, SQL injection, XSS, geo, size or regex condition).",
             .risk = "A rule without conditions never matches: the web ACLs using it allow what the rule was meant to block.",
             .remediation = {.text = "Add conditions to the rule, or remove it from its web ACLs and delete it.",
                             .cli = "aws waf-regional update-rule --rule-id <rule-id> --change-token $(aws waf-regional get-change-token --query ChangeToken --output text) --updates Action=INSERT,Predicate={Negated=false,Type=IPMatch,DataId=<ip-set-id>}",
                             .terraform = "resource \"aws_wafregional_rule\" \"this\" {\n  name        = \"blocklist\"\n  metric_name = \"blocklist\"\n  predicate {\n    type    = \"IPMatch\"\n    data_id = aws_wafregional_ipset.blocklist.id\n    negated = false\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/classic-web-acl-rules-editing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-2"},
             .cis = {},
             .fsbp = {"WAF.2"}},
    .reads = {"conditions"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
