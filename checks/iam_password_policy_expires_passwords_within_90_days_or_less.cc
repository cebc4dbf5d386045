// FSBP IAM.17: Ensure IAM password policy expires passwords within 90 days or less.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("exists")) return not_assessed(*why);
  const json* exists = r.prop("exists");
  if (!exists) return not_assessed("iam:GetAccountPasswordPolicy: password policy not collected");
  if (!exists->get<bool>()) return fail("No account password policy is set (AWS then applies its defaults).");
  const json policy = r.props.value("policy", json::object());
  int age = policy.value("MaxPasswordAge", 0);
  if (age <= 0) return fail("Passwords never expire.");
  if (age > 90) return fail("Passwords expire after " + std::to_string(age) + " days, more than 90.");
  return pass("Passwords expire after " + std::to_string(age) + " days.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_password_policy_expires_passwords_within_90_days_or_less",
             .title = "Ensure IAM password policy expires passwords within 90 days or less",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::PasswordPolicy",
             .description = "The account password policy should make passwords expire after at most 90 days (MaxPasswordAge 1-90).",
             .risk = "Passwords that never expire stay valid indefinitely after a leak.",
             .remediation = {.text = "Set MaxPasswordAge to 90 days or less.",
                             .cli = "aws iam update-account-password-policy --max-password-age 90",
                             .terraform = "resource \"aws_iam_account_password_policy\" \"strict\" {\n  max_password_age = 90\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-17"},
             .cis = {},
             .fsbp = {"IAM.17"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
