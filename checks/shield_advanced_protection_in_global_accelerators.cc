// Shield Advanced subscribers protect every resource of this kind (Prowler's shield_advanced_protection_in_global_accelerators).
#include "checks/check.h"
#include "checks/shield_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  return shield::judge(r, inv, "AWS::GlobalAccelerator::Accelerator", "accelerators",
                       [](const Resource& x) { return true; });
}

const RegisterCheck reg({
    .meta = {.id = "shield_advanced_protection_in_global_accelerators",
             .title = "Global Accelerator accelerators should be protected by Shield Advanced",
             .severity = Severity::kMedium,
             .service = "shield",
             .resource_type = "AWS::Shield::Subscription",
             .description = "With a Shield Advanced subscription ACTIVE (GetSubscriptionState), every Global Accelerator accelerator is the resource of a protection (ListProtections). Accounts without the subscription are not judged.",
             .risk = "An unprotected Global Accelerator accelerator gets only Shield Standard: no application-layer DDoS mitigation, no Shield Response Team engagement and no cost protection for scaling during an attack, though the account pays for Shield Advanced.",
             .remediation = {.text = "Add a Shield Advanced protection for each Global Accelerator accelerator.",
                             .cli = "aws shield create-protection --name <name> --resource-arn <accelerator-arn>",
                             .terraform = "resource \"aws_shield_protection\" \"this\" {\n  name         = \"protected\"\n  resource_arn = aws_globalaccelerator_accelerator.this.id\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/ddos-manage-protected-resources.html",
                            "https://docs.aws.amazon.com/waf/latest/developerguide/ddos-advanced-summary-protected-resources.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::GlobalAccelerator::Accelerator"},
    .reads = {"protected"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
