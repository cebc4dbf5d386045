// Shield Advanced subscribers protect every resource of this kind (Prowler's shield_advanced_protection_in_internet_facing_load_balancers).
#include "checks/check.h"
#include "checks/shield_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  return shield::judge(r, inv, "AWS::ElasticLoadBalancingV2::LoadBalancer", "internet-facing load balancers",
                       [](const Resource& x) { const json* s = x.prop("scheme"); return s && s->is_string() && s->get<std::string>() == "internet-facing"; });
}

const RegisterCheck reg({
    .meta = {.id = "shield_advanced_protection_in_internet_facing_load_balancers",
             .title = "Internet-facing Application and Network Load Balancers should be protected by Shield Advanced",
             .severity = Severity::kMedium,
             .service = "shield",
             .resource_type = "AWS::Shield::Subscription",
             .description = "With a Shield Advanced subscription ACTIVE (GetSubscriptionState), every internet-facing Application or Network Load Balancer is the resource of a protection (ListProtections). Accounts without the subscription are not judged.",
             .risk = "An unprotected internet-facing Application or Network Load Balancer gets only Shield Standard: no application-layer DDoS mitigation, no Shield Response Team engagement and no cost protection for scaling during an attack, though the account pays for Shield Advanced.",
             .remediation = {.text = "Add a Shield Advanced protection for each internet-facing Application or Network Load Balancer.",
                             .cli = "aws shield create-protection --name <name> --resource-arn <load-balancer-arn>",
                             .terraform = "resource \"aws_shield_protection\" \"this\" {\n  name         = \"protected\"\n  resource_arn = aws_lb.this.arn\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/ddos-manage-protected-resources.html",
                            "https://docs.aws.amazon.com/waf/latest/developerguide/ddos-advanced-summary-protected-resources.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::ElasticLoadBalancingV2::LoadBalancer"},
    .reads = {"protected", "AWS::ElasticLoadBalancingV2::LoadBalancer.scheme"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
