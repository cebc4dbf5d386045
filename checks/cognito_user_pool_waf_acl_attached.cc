// Cognito user pools are protected by an AWS WAF web ACL (Prowler cognito_user_pool_waf_acl_attached).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kAcl = "AWS::WAFv2::WebACL";

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  if (auto gap = inv.gap(kAcl, r.region)) return not_assessed(*gap);
  for (const auto& acl : inv.of_type(kAcl)) {
    if (acl.region != r.region || acl.account != r.account) continue;
    if (auto why = acl.missing_reason("user_pools"))
      return not_assessed("the resources web ACL " + acl.name + " protects are unknown: " + *why);
    const json* arns = acl.prop("user_pools");
    if (!arns || !arns->is_array()) continue;
    for (const auto& a : *arns)
      if (a.is_string() && a.get<std::string>() == r.arn) return pass("user pool " + r.name + " is protected by web ACL " + acl.name);
  }
  return fail("user pool " + r.name + " is associated with no AWS WAF web ACL: its requests reach it uninspected");
}

const RegisterCheck reg({
    .meta = {.id = "cognito_user_pool_waf_acl_attached",
             .title = "Cognito user pools should be protected by an AWS WAF web ACL",
             .severity = Severity::kMedium,
             .service = "wafv2",
             .resource_type = "AWS::Cognito::UserPool",
             .description = "The user pool is among the resources of a regional AWS WAF web ACL of its region (ListResourcesForWebACL, COGNITO_USER_POOL).",
             .risk = "Without a web ACL, the pool's sign-in, sign-up and token endpoints face credential stuffing and request floods with only Cognito's own quotas in the way.",
             .remediation = {.text = "Associate a regional web ACL (rate-based rules and the AWS managed rule groups for account takeover) with the user pool.",
                             .cli = "aws wafv2 associate-web-acl --web-acl-arn <web-acl-arn> --resource-arn arn:aws:cognito-idp:<region>:<account-id>:userpool/<pool-id>",
                             .terraform = "resource \"aws_wafv2_web_acl_association\" \"pool\" {\n  resource_arn = aws_cognito_user_pool.this.arn\n  web_acl_arn  = aws_wafv2_web_acl.this.arn\n}"},
             .references = {"https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-waf.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::WAFv2::WebACL"},
    .reads = {"AWS::WAFv2::WebACL.user_pools"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
