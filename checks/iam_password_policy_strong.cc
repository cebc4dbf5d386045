// FSBP IAM.7: Ensure the IAM password policy requires uppercase, lowercase, numbers and symbols.
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
  std::vector<std::string> lacking;
  for (const char* k : {"RequireUppercaseCharacters", "RequireLowercaseCharacters", "RequireNumbers", "RequireSymbols"})
    if (!policy.value(k, false)) lacking.push_back(k);
  if (policy.value("MinimumPasswordLength", 0) < 8) lacking.push_back("MinimumPasswordLength >= 8");
  if (!lacking.empty()) return fail("The password policy does not set: " + join(lacking) + ".");
  return pass("The password policy requires uppercase, lowercase, numbers and symbols.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_password_policy_strong",
             .title = "Ensure the IAM password policy requires uppercase, lowercase, numbers and symbols",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::PasswordPolicy",
             .description = "The account password policy should require at least one uppercase letter, one lowercase letter, one number and one symbol, and a length of at least 8.",
             .risk = "Passwords without character variety are easier to guess and crack.",
             .remediation = {.text = "Require uppercase, lowercase, numbers and symbols in the account password policy.",
                             .cli = "aws iam update-account-password-policy --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols --minimum-password-length 14",
                             .terraform = "resource \"aws_iam_account_password_policy\" \"strict\" {\n  require_uppercase_characters = true\n  require_lowercase_characters = true\n  require_numbers              = true\n  require_symbols              = true\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-7"},
             .cis = {},
             .fsbp = {"IAM.7"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
