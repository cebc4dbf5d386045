// CIS 1.9, FSBP IAM.16: Ensure IAM password policy prevents password reuse.
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
  int reuse = policy.value("PasswordReusePrevention", 0);
  if (reuse >= 24) return pass("Password reuse prevention remembers " + std::to_string(reuse) + " passwords.");
  return fail("Password reuse prevention remembers " + std::to_string(reuse) + " passwords, fewer than 24.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_password_policy_reuse_24",
             .title = "Ensure IAM password policy prevents password reuse",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::PasswordPolicy",
             .description = "The account password policy should prevent reuse of the last 24 passwords.",
             .risk = "Reused passwords keep credentials that may already be compromised in service.",
             .remediation = {.text = "Set PasswordReusePrevention to 24 in the account password policy.",
                             .cli = "aws iam update-account-password-policy --password-reuse-prevention 24",
                             .terraform = "resource \"aws_iam_account_password_policy\" \"strict\" {\n  password_reuse_prevention = 24\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-16"},
             .cis = {"1.9"},
             .fsbp = {"IAM.16"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
