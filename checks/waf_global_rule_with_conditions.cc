// AWS WAF Classic global rules have at least one condition (FSBP WAF.6).
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
  return fail("rule " + r.name + " has no condition: it matches nothing and inspects no request");
}

const RegisterCheck reg({
    .meta = {.id = "waf_global_rule_with_conditions",
             .title = "AWS WAF Classic global rules should have at least one condition",
             .severity = Severity::kMedium,
             .service = "waf",
             .resource_type = "AWS::WAF::Rule",
             .description = "The rule (GetRule, WAF Classic global API) has at least one predicate (condition).",
             .risk = "A rule without conditions never matches: the web ACL looks protective while the traffic it was meant to block passes.",
             .remediation = {.text = "Add conditions (IP, string match, SQL injection, ...) to the rule, or delete it — better, migrate to AWS WAF (WAFv2).",
                             .cli = "aws waf update-rule --rule-id <rule-id> --change-token $(aws waf get-change-token --query ChangeToken --output text) --updates Action=INSERT,Predicate={Negated=false,Type=IPMatch,DataId=<ip-set-id>}",
                             .terraform = "resource \"aws_waf_rule\" \"this\" {\n  name        = \"bad-ips\"\n  metric_name = \"badips\"\n  predicates {\n    data_id = aws_waf_ipset.bad.id\n    negated = false\n    type    = \"IPMatch\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/classic-web-acl-rules-editing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-6"},
             .cis = {},
             .fsbp = {"WAF.6"}},
    .reads = {"conditions"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
