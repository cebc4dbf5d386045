// Cognito user pool password policies are strong (FSBP Cognito.3 with its
// default parameters: at least 8 characters, every character class, temporary
// passwords valid at most 7 days).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* p = require_prop(r, "password_policy", &why);
  if (!p) return not_assessed(why);
  if (!p->is_object()) return not_assessed("password policy of user pool " + r.id + " was not collected");
  std::string weak;
  auto add = [&](const std::string& s) { weak += (weak.empty() ? "" : ", ") + s; };
  const int min_length = p->value("min_length", 0);
  if (min_length < 8) add("minimum length " + std::to_string(min_length) + " (< 8)");
  static const std::pair<const char*, const char*> kClasses[] = {{"require_uppercase", "upper-case letters"},
                                                                  {"require_lowercase", "lower-case letters"},
                                                                  {"require_numbers", "numbers"},
                                                                  {"require_symbols", "symbols"}};
  for (const auto& [key, label] : kClasses)
    if (!p->value(key, false)) add(std::string(label) + " not required");
  const int days = p->value("temporary_password_validity_days", 0);
  if (days > 7) add("temporary passwords valid " + std::to_string(days) + " days (> 7)");
  if (!weak.empty()) return fail("user pool " + r.name + " password policy is weak: " + weak);
  return pass("user pool " + r.name + " requires " + std::to_string(min_length) +
              "+ characters of every class and temporary passwords expire within " + std::to_string(days) + " days");
}

const RegisterCheck reg({
    .meta = {.id = "cognito_user_pool_password_policy_strong",
             .title = "Password policies for Cognito user pools should have strong configurations",
             .severity = Severity::kMedium,
             .service = "cognito-idp",
             .resource_type = "AWS::Cognito::UserPool",
             .description = "The pool's password policy (DescribeUserPool) requires at least 8 characters, upper- and lower-case letters, numbers and symbols, and temporary passwords valid at most 7 days.",
             .risk = "Short or single-class passwords fall to guessing and credential stuffing; long-lived temporary passwords stay usable when an invitation e-mail leaks.",
             .remediation = {.text = "Raise the minimum length (14 or more is better) and require every character class; keep temporary passwords at 7 days or less.",
                             .cli = "aws cognito-idp update-user-pool --user-pool-id <pool-id> --policies 'PasswordPolicy={MinimumLength=14,RequireUppercase=true,RequireLowercase=true,RequireNumbers=true,RequireSymbols=true,TemporaryPasswordValidityDays=7}'",
                             .terraform = "resource \"aws_cognito_user_pool\" \"this\" {\n  # ...\n  password_policy {\n    minimum_length                   = 14\n    require_uppercase                = true\n    require_lowercase                = true\n    require_numbers                  = true\n    require_symbols                  = true\n    temporary_password_validity_days = 7\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html#cognito-3"},
             .cis = {},
             .fsbp = {}},
    .reads = {"password_policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
