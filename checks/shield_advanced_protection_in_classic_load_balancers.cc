// Shield Advanced subscribers protect every resource of this kind (Prowler's shield_advanced_protection_in_classic_load_balancers).
#include "checks/check.h"
#include "checks/shield_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  return shield::judge(r, inv, "AWS::ElasticLoadBalancing::LoadBalancer", "internet-facing Classic Load Balancers",
                       [](const Resource& x) { const json* s = x.prop("scheme"); return s && s->is_string() && s->get<std::string>() == "internet-facing"; });
}

const RegisterCheck reg({
    .meta = {.id = "shield_advanced_protection_in_classic_load_balancers",
             .title = "Internet-facing Classic Load Balancers should be protected by Shield Advanced",
             .severity = Severity::kMedium,
             .service = "shield",
             .resource_type = "AWS::Shield::Subscription",
             .description = "With a Shield Advanced subscription ACTIVE (GetSubscriptionState), every internet-facing Classic Load Balancer is the resource of a protection (ListProtections). Accounts without the subscription are not judged.",
             .risk = "An unprotected internet-facing Classic Load Balancer gets only Shield Standard: no application-layer DDoS mitigation, no Shield Response Team engagement and no cost protection for scaling during an attack, though the account pays for Shield Advanced.",
             .remediation = {.text = "Add a Shield Advanced protection for each internet-facing Classic Load Balancer.",
                             .cli = "aws shield create-protection --name <name> --resource-arn arn:aws:elasticloadbalancing:<region>:<account-id>:loadbalancer/<name>",
                             .terraform = "resource \"aws_shield_protection\" \"this\" {\n  name         = \"protected\"\n  resource_arn = aws_elb.this.arn\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/ddos-manage-protected-resources.html",
                            "https://docs.aws.amazon.com/waf/latest/developerguide/ddos-advanced-summary-protected-resources.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::ElasticLoadBalancing::LoadBalancer"},
    .reads = {"protected", "AWS::ElasticLoadBalancing::LoadBalancer.scheme"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
