// Secrets Manager secrets have automatic rotation enabled.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* on = r.prop("rotation_enabled");
  if (!on) return not_assessed("rotation status of " + r.name + " not collected");
  return on->get<bool>() ? pass("secret " + r.name + " rotates automatically")
                         : fail("secret " + r.name + " has no automatic rotation");
}

const RegisterCheck reg({
    .meta = {.id = "secretsmanager_automatic_rotation_enabled",
             .title = "Secrets Manager secrets have automatic rotation enabled",
             .severity = Severity::kMedium,
             .service = "secretsmanager",
             .resource_type = "AWS::SecretsManager::Secret",
             .description = "The secret is configured to rotate automatically.",
             .risk = "A secret that never rotates stays valid for as long as it leaks; rotation limits the window of a compromised credential.",
             .remediation = {.text = "Configure a rotation function and schedule for the secret.",
                             .cli = "aws secretsmanager rotate-secret --secret-id <secret> --rotation-lambda-arn <function-arn> --rotation-rules AutomaticallyAfterDays=90",
                             .terraform = "resource \"aws_secretsmanager_secret_rotation\" \"this\" {\n  secret_id           = aws_secretsmanager_secret.this.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n  rotation_rules {\n    automatically_after_days = 90\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html"},
             .cis = {},
             .fsbp = {"SecretsManager.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
