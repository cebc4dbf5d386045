// Shield Advanced subscribers protect every resource of this kind (Prowler's shield_advanced_protection_in_associated_elastic_ips).
#include "checks/check.h"
#include "checks/shield_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  return shield::judge(r, inv, "AWS::EC2::EIP", "associated Elastic IP addresses",
                       [](const Resource& x) { const json* a = x.prop("association_id"); return a && a->is_string(); },
                       [](const Resource& x, const std::set<std::string>& arns) {
                         // Shield names an address by its allocation: arn:…:ec2:<region>:<account>:eip-allocation/<id>.
                         const json* id = x.prop("allocation_id");
                         if (!id || !id->is_string()) return false;
                         const std::string suffix = ":" + x.region + ":" + x.account + ":eip-allocation/" + id->get<std::string>();
                         for (const auto& a : arns)
                           if (a.ends_with(suffix)) return true;
                         return false;
                       });
}

const RegisterCheck reg({
    .meta = {.id = "shield_advanced_protection_in_associated_elastic_ips",
             .title = "Associated Elastic IP addresses should be protected by Shield Advanced",
             .severity = Severity::kMedium,
             .service = "shield",
             .resource_type = "AWS::Shield::Subscription",
             .description = "With a Shield Advanced subscription ACTIVE (GetSubscriptionState), every Elastic IP address associated with an instance or network interface is the resource of a protection (ListProtections). Shield names an address by its allocation (arn:…:ec2:<region>:<account>:eip-allocation/<id>); unassociated addresses are left out. Accounts without the subscription are not judged.",
             .risk = "An unprotected Elastic IP address associated with an instance or network interface gets only Shield Standard: no application-layer DDoS mitigation, no Shield Response Team engagement and no cost protection for scaling during an attack, though the account pays for Shield Advanced.",
             .remediation = {.text = "Add a Shield Advanced protection for each Elastic IP address associated with an instance or network interface.",
                             .cli = "aws shield create-protection --name <name> --resource-arn arn:aws:ec2:<region>:<account-id>:eip-allocation/<allocation-id>",
                             .terraform = "resource \"aws_shield_protection\" \"this\" {\n  name         = \"protected\"\n  resource_arn = \"arn:aws:ec2:${var.region}:${data.aws_caller_identity.current.account_id}:eip-allocation/${aws_eip.this.id}\"\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/ddos-manage-protected-resources.html",
                            "https://docs.aws.amazon.com/waf/latest/developerguide/ddos-advanced-summary-protected-resources.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::EC2::EIP"},
    .reads = {"protected", "AWS::EC2::EIP.association_id", "AWS::EC2::EIP.allocation_id"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
