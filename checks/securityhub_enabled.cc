// Ensure AWS Security Hub is enabled.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("enabled")) return not_assessed(*why);
  const json* on = r.prop("enabled");
  if (!on) return not_assessed("Security Hub status not collected");
  return on->get<bool>() ? pass("Security Hub is enabled in " + r.region)
                         : fail("Security Hub is not enabled in " + r.region);
}

const RegisterCheck reg({
    .meta = {.id = "securityhub_enabled",
             .title = "Ensure AWS Security Hub is enabled",
             .severity = Severity::kMedium,
             .service = "securityhub",
             .resource_type = "AWS::SecurityHub::Hub",
             .description = "Security Hub is enabled in the region, aggregating findings from AWS security services and checking the account against security standards.",
             .risk = "Without Security Hub, findings from GuardDuty, Inspector, Macie and the standards' automated checks are not gathered in one place, so problems go unnoticed.",
             .remediation = {.text = "Enable Security Hub in every region you use (and consider a delegated administrator for the organization).",
                             .cli = "aws securityhub enable-security-hub --enable-default-standards --region <region>",
                             .terraform = "resource \"aws_securityhub_account\" \"this\" {}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html"},
             .cis = {"4.16"},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
