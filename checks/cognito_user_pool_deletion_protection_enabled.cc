// Cognito user pools have deletion protection (FSBP Cognito.6).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "deletion_protection", &why);
  if (!v) return not_assessed(why);
  const std::string value = v->is_string() ? v->get<std::string>() : "";
  if (value == "ACTIVE") return pass("user pool " + r.name + " has deletion protection active");
  return fail("user pool " + r.name + " deletion protection is " + (value.empty() ? std::string("not set") : value) + ": the pool and every user account in it can be deleted in one call");
}

const RegisterCheck reg({
    .meta = {.id = "cognito_user_pool_deletion_protection_enabled",
             .title = "Cognito user pools should have deletion protection enabled",
             .severity = Severity::kMedium,
             .service = "cognito-idp",
             .resource_type = "AWS::Cognito::UserPool",
             .description = "The user pool's DeletionProtection (DescribeUserPool) is ACTIVE; absent means INACTIVE.",
             .risk = "Deleting a user pool deletes all of its users irrecoverably: a mistake or a malicious call locks every user out.",
             .remediation = {.text = "Activate deletion protection on the user pool.",
                             .cli = "aws cognito-idp update-user-pool --user-pool-id <pool-id> --deletion-protection ACTIVE",
                             .terraform = "resource \"aws_cognito_user_pool\" \"this\" {\n  # ...\n  deletion_protection = \"ACTIVE\"\n}"},
             .references = {"https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html#cognito-6"},
             .cis = {},
             .fsbp = {}},
    .reads = {"deletion_protection"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
