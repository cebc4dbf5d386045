// Cognito user pools have threat protection (advanced security) in full-function
// enforcement mode (FSBP Cognito.1).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "advanced_security", &why);
  if (!v) return not_assessed(why);
  const std::string value = v->is_string() ? v->get<std::string>() : "";
  if (value == "ENFORCED") return pass("user pool " + r.name + " has threat protection enforced");
  return fail("user pool " + r.name + " threat protection mode is " + (value.empty() ? std::string("not set") : value) + ": compromised credentials and risky sign-ins are not blocked (AUDIT only records them)");
}

const RegisterCheck reg({
    .meta = {.id = "cognito_user_pool_advanced_security_enforced",
             .title = "Cognito user pools should have threat protection activated with full function enforcement mode",
             .severity = Severity::kMedium,
             .service = "cognito-idp",
             .resource_type = "AWS::Cognito::UserPool",
             .description = "The user pool's UserPoolAddOns.AdvancedSecurityMode (DescribeUserPool) is ENFORCED; absent means OFF.",
             .risk = "Without enforced threat protection, sign-ins with leaked credentials or from suspicious locations are allowed without challenge.",
             .remediation = {.text = "Turn on threat protection (the Plus feature plan) in full-function mode.",
                             .cli = "aws cognito-idp update-user-pool --user-pool-id <pool-id> --user-pool-add-ons AdvancedSecurityMode=ENFORCED",
                             .terraform = "resource \"aws_cognito_user_pool\" \"this\" {\n  # ...\n  user_pool_add_ons {\n    advanced_security_mode = \"ENFORCED\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html#cognito-1"},
             .cis = {},
             .fsbp = {}},
    .reads = {"advanced_security"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
