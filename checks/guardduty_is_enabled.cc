// GuardDuty is enabled.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* on = r.prop("enabled");
  if (on && on->get<bool>()) return pass("GuardDuty detector enabled in " + r.region);
  if (auto why = r.missing_reason("enabled")) return not_assessed(*why);
  if (!on) return not_assessed("GuardDuty status not collected");
  const json* d = r.prop("detectors");
  if (!d || d->empty()) return fail("no GuardDuty detector in " + r.region);
  return fail("GuardDuty detector " + (*d)[0].value("id", std::string()) + " in " + r.region + " is suspended");
}

const RegisterCheck reg({
    .meta = {.id = "guardduty_is_enabled",
             .title = "GuardDuty is enabled",
             .severity = Severity::kHigh,
             .service = "guardduty",
             .resource_type = "AWS::GuardDuty::RegionStatus",
             .description = "An Amazon GuardDuty detector is enabled in the region.",
             .risk = "Without GuardDuty, threats such as compromised credentials, crypto-mining instances or reconnaissance go undetected in that region.",
             .remediation = {.text = "Enable GuardDuty in every region (for an organization, through the delegated administrator with auto-enable).",
                             .cli = "aws guardduty create-detector --enable --region <region>",
                             .terraform = "resource \"aws_guardduty_detector\" \"this\" {\n  enable = true\n}"},
             .references = {"https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html"},
             .cis = {},
             .fsbp = {"GuardDuty.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
