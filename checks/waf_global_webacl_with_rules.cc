// AWS WAF Classic global web ACLs hold at least one rule or rule group (FSBP WAF.8).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* n = require_prop(r, "rules", &why);
  if (!n) return not_assessed(why);
  if (!n->is_number()) return not_assessed("rules of web ACL " + r.id + " were not collected");
  if (n->get<long>() > 0) return pass("web ACL " + r.name + " has " + std::to_string(n->get<long>()) + " rule(s) or rule group(s)");
  return fail("web ACL " + r.name + " has no rule nor rule group: every request gets its default action uninspected");
}

const RegisterCheck reg({
    .meta = {.id = "waf_global_webacl_with_rules",
             .title = "AWS WAF Classic global web ACLs should have at least one rule or rule group",
             .severity = Severity::kMedium,
             .service = "waf",
             .resource_type = "AWS::WAF::WebACL",
             .description = "The web ACL (GetWebACL, WAF Classic global API) activates at least one rule or rule group.",
             .risk = "An empty web ACL inspects nothing while appearing to protect the CloudFront distributions it is attached to.",
             .remediation = {.text = "Add rules or rule groups to the web ACL — better, migrate it to AWS WAF (WAFv2), as AWS WAF Classic reached end of support.",
                             .cli = "aws waf update-web-acl --web-acl-id <web-acl-id> --change-token $(aws waf get-change-token --query ChangeToken --output text) --updates Action=INSERT,ActivatedRule={Priority=1,RuleId=<rule-id>,Action={Type=BLOCK}}",
                             .terraform = "resource \"aws_waf_web_acl\" \"this\" {\n  name        = \"cdn\"\n  metric_name = \"cdn\"\n  default_action {\n    type = \"ALLOW\"\n  }\n  rules {\n    action {\n      type = \"BLOCK\"\n    }\n    priority = 1\n    rule_id  = aws_waf_rule.this.id\n    type     = \"REGULAR\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/classic-web-acl-editing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-8"},
             .cis = {},
             .fsbp = {"WAF.8"}},
    .reads = {"rules"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
