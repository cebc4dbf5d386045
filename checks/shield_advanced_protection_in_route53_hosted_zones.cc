// Shield Advanced subscribers protect every resource of this kind (Prowler's shield_advanced_protection_in_route53_hosted_zones).
#include "checks/check.h"
#include "checks/shield_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  return shield::judge(r, inv, "AWS::Route53::HostedZone", "public hosted zones",
                       [](const Resource& x) { const json* p = x.prop("private"); return !(p && p->is_boolean() && p->get<bool>()); });
}

const RegisterCheck reg({
    .meta = {.id = "shield_advanced_protection_in_route53_hosted_zones",
             .title = "Route 53 public hosted zones should be protected by Shield Advanced",
             .severity = Severity::kMedium,
             .service = "shield",
             .resource_type = "AWS::Shield::Subscription",
             .description = "With a Shield Advanced subscription ACTIVE (GetSubscriptionState), every public hosted zone is the resource of a protection (ListProtections). Private zones are not reachable from the internet and are left out. Accounts without the subscription are not judged.",
             .risk = "An unprotected public hosted zone gets only Shield Standard: no application-layer DDoS mitigation, no Shield Response Team engagement and no cost protection for scaling during an attack, though the account pays for Shield Advanced.",
             .remediation = {.text = "Add a Shield Advanced protection for each public hosted zone.",
                             .cli = "aws shield create-protection --name <name> --resource-arn arn:aws:route53:::hostedzone/<zone-id>",
                             .terraform = "resource \"aws_shield_protection\" \"this\" {\n  name         = \"protected\"\n  resource_arn = \"arn:aws:route53:::hostedzone/${aws_route53_zone.this.zone_id}\"\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/ddos-manage-protected-resources.html",
                            "https://docs.aws.amazon.com/waf/latest/developerguide/ddos-advanced-summary-protected-resources.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::Route53::HostedZone"},
    .reads = {"protected", "AWS::Route53::HostedZone.private"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
