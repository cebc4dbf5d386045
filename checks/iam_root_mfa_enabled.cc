// CIS 1.5, FSBP IAM.9: Ensure MFA is enabled for the 'root' user account.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (const json* on = r.prop("account_mfa_enabled"))
    return on->get<bool>() ? pass("MFA is enabled for the root user.") : fail("MFA is not enabled for the root user.");
  auto rep = report_of(r);
  if (rep.row)
    return rep.row->value("mfa_active", false) ? pass("MFA is enabled for the root user.")
                                              : fail("MFA is not enabled for the root user.");
  if (auto why = r.missing_reason("account_summary")) return not_assessed(*why);
  return not_assessed(rep.why);
}

const RegisterCheck reg({
    .meta = {.id = "iam_root_mfa_enabled",
             .title = "Ensure MFA is enabled for the 'root' user account",
             .severity = Severity::kCritical,
             .service = "iam",
             .resource_type = "AWS::IAM::Root",
             .description = "The root user should sign in with multi-factor authentication (GetAccountSummary AccountMFAEnabled, or the credential report's mfa_active for <root_account>).",
             .risk = "Without MFA the root user's password alone gives full control of the account.",
             .remediation = {.text = "Sign in as the root user and assign an MFA device (preferably hardware) under Security credentials.",
                             .cli = "aws iam enable-mfa-device --user-name root --serial-number <serial> --authentication-code1 <code1> --authentication-code2 <code2>  # as root",
                             .terraform = "# Root MFA cannot be configured by Terraform; enable it in the console."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-9"},
             .cis = {"1.5"},
             .fsbp = {"IAM.9"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
