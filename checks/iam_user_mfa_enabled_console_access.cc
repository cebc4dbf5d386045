// CIS 1.10, FSBP IAM.5: Ensure MFA is enabled for all IAM users that have a console password.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  auto rep = report_of(r);
  if (!rep.row) return not_assessed(rep.why);
  const json& row = *rep.row;
  if (!row.value("password_enabled", false)) return not_applicable("User " + r.name + " has no console password.");
  if (row.value("mfa_active", false)) return pass("User " + r.name + " has a console password and MFA.");
  return fail("User " + r.name + " has a console password but no MFA device.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_user_mfa_enabled_console_access",
             .title = "Ensure MFA is enabled for all IAM users that have a console password",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::User",
             .description = "Every IAM user with a console password should have an MFA device (credential report: password_enabled and mfa_active).",
             .risk = "A console password without MFA can be phished or guessed and gives the user's full permissions.",
             .remediation = {.text = "Assign an MFA device to each IAM user who signs in to the console, or remove their password.",
                             .cli = "aws iam enable-mfa-device --user-name <user> --serial-number <serial> --authentication-code1 <code1> --authentication-code2 <code2>",
                             .terraform = "# Enforce MFA with a policy that denies actions when aws:MultiFactorAuthPresent is false,\n# and create virtual MFA devices with aws_iam_virtual_mfa_device."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-5"},
             .cis = {"1.10"},
             .fsbp = {"IAM.5"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
