// CIS 1.6, FSBP IAM.6: Ensure hardware MFA is enabled for the 'root' user account.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::optional<bool> mfa;
  if (const json* on = r.prop("account_mfa_enabled")) mfa = on->get<bool>();
  auto rep = report_of(r);
  if (!mfa && rep.row) mfa = rep.row->value("mfa_active", false);
  if (!mfa) return not_assessed(r.missing_reason("account_summary").value_or(rep.why));
  if (!*mfa) return fail("MFA is not enabled for the root user.");
  if (auto why = r.missing_reason("virtual_mfa")) return not_assessed(*why);
  const json* virt = r.prop("virtual_mfa");
  if (!virt) return not_assessed("iam:ListVirtualMFADevices: virtual MFA devices not collected");
  if (virt->get<bool>()) return fail("The root user's MFA is a virtual device, not hardware.");
  return pass("The root user has a hardware MFA device.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_root_hardware_mfa_enabled",
             .title = "Ensure hardware MFA is enabled for the 'root' user account",
             .severity = Severity::kCritical,
             .service = "iam",
             .resource_type = "AWS::IAM::Root",
             .description = "The root user's MFA should be a hardware device: MFA must be enabled and no virtual MFA device (ListVirtualMFADevices) may be assigned to the root user.",
             .risk = "A virtual MFA lives on a phone or computer that can be lost, cloned or compromised; the root user deserves a dedicated hardware key.",
             .remediation = {.text = "Sign in as the root user, remove the virtual MFA device and register a hardware TOTP token or FIDO security key.",
                             .cli = "aws iam list-virtual-mfa-devices --assignment-status Assigned  # a device whose User is the root ARN is virtual",
                             .terraform = "# Root MFA cannot be configured by Terraform; register a hardware MFA device in the console."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_physical.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-6"},
             .cis = {"1.6"},
             .fsbp = {"IAM.6"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
