// Cognito user pools require multi-factor authentication (FSBP Cognito.5).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "mfa", &why);
  if (!v) return not_assessed(why);
  const std::string value = v->is_string() ? v->get<std::string>() : "";
  if (value == "ON") return pass("user pool " + r.name + " requires MFA for every user (MfaConfiguration ON)");
  return fail("user pool " + r.name + " MFA configuration is " + (value.empty() ? std::string("not set") : value) + ": users can sign in with a password alone (OPTIONAL leaves MFA to each user)");
}

const RegisterCheck reg({
    .meta = {.id = "cognito_user_pool_mfa_enabled",
             .title = "MFA should be enabled for Cognito user pools",
             .severity = Severity::kMedium,
             .service = "cognito-idp",
             .resource_type = "AWS::Cognito::UserPool",
             .description = "The user pool's MfaConfiguration (DescribeUserPool) is ON. OPTIONAL fails: users who never set up a second factor sign in with a password alone.",
             .risk = "A stolen or guessed password is enough to take over an account of a pool without required MFA.",
             .remediation = {.text = "Set the pool's MFA to required with TOTP (software token) or SMS as second factor.",
                             .cli = "aws cognito-idp set-user-pool-mfa-config --user-pool-id <pool-id> --software-token-mfa-configuration Enabled=true --mfa-configuration ON",
                             .terraform = "resource \"aws_cognito_user_pool\" \"this\" {\n  # ...\n  mfa_configuration = \"ON\"\n  software_token_mfa_configuration {\n    enabled = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html#cognito-5"},
             .cis = {},
             .fsbp = {}},
    .reads = {"mfa"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
