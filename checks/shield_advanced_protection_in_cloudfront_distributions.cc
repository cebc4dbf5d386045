// Shield Advanced subscribers protect every resource of this kind (Prowler's shield_advanced_protection_in_cloudfront_distributions).
#include "checks/check.h"
#include "checks/shield_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  return shield::judge(r, inv, "AWS::CloudFront::Distribution", "CloudFront distributions",
                       [](const Resource& x) { return true; });
}

const RegisterCheck reg({
    .meta = {.id = "shield_advanced_protection_in_cloudfront_distributions",
             .title = "CloudFront distributions should be protected by Shield Advanced",
             .severity = Severity::kMedium,
             .service = "shield",
             .resource_type = "AWS::Shield::Subscription",
             .description = "With a Shield Advanced subscription ACTIVE (GetSubscriptionState), every CloudFront distribution is the resource of a protection (ListProtections). Accounts without the subscription are not judged.",
             .risk = "An unprotected CloudFront distribution gets only Shield Standard: no application-layer DDoS mitigation, no Shield Response Team engagement and no cost protection for scaling during an attack, though the account pays for Shield Advanced.",
             .remediation = {.text = "Add a Shield Advanced protection for each CloudFront distribution.",
                             .cli = "aws shield create-protection --name <name> --resource-arn arn:aws:cloudfront::<account-id>:distribution/<id>",
                             .terraform = "resource \"aws_shield_protection\" \"this\" {\n  name         = \"protected\"\n  resource_arn = aws_cloudfront_distribution.this.arn\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/ddos-manage-protected-resources.html",
                            "https://docs.aws.amazon.com/waf/latest/developerguide/ddos-advanced-summary-protected-resources.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::CloudFront::Distribution"},
    .reads = {"protected"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
