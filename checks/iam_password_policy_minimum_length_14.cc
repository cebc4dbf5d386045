// CIS 1.8, FSBP IAM.15: Ensure IAM password policy requires minimum length of 14 or greater.
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
  int length = policy.value("MinimumPasswordLength", 0);
  if (length >= 14) return pass("Minimum password length is " + std::to_string(length) + ".");
  return fail("Minimum password length is " + std::to_string(length) + ", less than 14.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_password_policy_minimum_length_14",
             .title = "Ensure IAM password policy requires minimum length of 14 or greater",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::PasswordPolicy",
             .description = "The account password policy should require passwords of at least 14 characters.",
             .risk = "Short passwords are easier to guess or brute-force.",
             .remediation = {.text = "Set the account password policy's minimum length to 14 or more.",
                             .cli = "aws iam update-account-password-policy --minimum-password-length 14",
                             .terraform = "resource \"aws_iam_account_password_policy\" \"strict\" {\n  minimum_password_length = 14\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-15"},
             .cis = {"1.8"},
             .fsbp = {"IAM.15"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
