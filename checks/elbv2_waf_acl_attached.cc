// Application Load Balancers are protected by an AWS WAF web ACL (Prowler elbv2_waf_acl_attached).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kAcl = "AWS::WAFv2::WebACL";

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  const json* type = r.prop("type");
  if (!type || !type->is_string()) return not_assessed("the type of load balancer " + r.id + " was not collected");
  if (type->get<std::string>() != "application")
    return not_applicable("load balancer " + r.name + " is a " + type->get<std::string>() + " load balancer: AWS WAF protects Application Load Balancers only");
  if (auto gap = inv.gap(kAcl, r.region)) return not_assessed(*gap);
  for (const auto& acl : inv.of_type(kAcl)) {
    if (acl.region != r.region || acl.account != r.account) continue;
    if (auto why = acl.missing_reason("albs"))
      return not_assessed("the resources web ACL " + acl.name + " protects are unknown: " + *why);
    const json* arns = acl.prop("albs");
    if (!arns || !arns->is_array()) continue;
    for (const auto& a : *arns)
      if (a.is_string() && a.get<std::string>() == r.arn) return pass("load balancer " + r.name + " is protected by web ACL " + acl.name);
  }
  return fail("load balancer " + r.name + " is associated with no AWS WAF web ACL: its requests reach it uninspected");
}

const RegisterCheck reg({
    .meta = {.id = "elbv2_waf_acl_attached",
             .title = "Application Load Balancers should be protected by an AWS WAF web ACL",
             .severity = Severity::kMedium,
             .service = "wafv2",
             .resource_type = "AWS::ElasticLoadBalancingV2::LoadBalancer",
             .description = "An Application Load Balancer is among the resources of a regional AWS WAF web ACL of its region (ListResourcesForWebACL, APPLICATION_LOAD_BALANCER). Network and Gateway Load Balancers get no finding: AWS WAF cannot protect them. An association with a WAF Classic Regional web ACL is not seen.",
             .risk = "Without a web ACL, SQL injection, cross-site scripting, bad bots and request floods reach the application behind the load balancer.",
             .remediation = {.text = "Associate a regional web ACL (with AWS managed rule groups at least) with the load balancer.",
                             .cli = "aws wafv2 associate-web-acl --web-acl-arn <web-acl-arn> --resource-arn <load-balancer-arn>",
                             .terraform = "resource \"aws_wafv2_web_acl_association\" \"alb\" {\n  resource_arn = aws_lb.this.arn\n  web_acl_arn  = aws_wafv2_web_acl.this.arn\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::WAFv2::WebACL"},
    .reads = {"type", "AWS::WAFv2::WebACL.albs"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
