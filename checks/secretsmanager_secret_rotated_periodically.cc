// Secrets Manager secrets are rotated within 90 days.
#include "checks/check.h"
#include "checks/monitoring_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* rotated = r.prop("last_rotated_date");
  const json* created = r.prop("created_date");
  const json* since = rotated ? rotated : created;
  if (!since) return not_assessed("neither last rotation nor creation date of " + r.name + " was collected");
  auto days = monitoring::days_since(since->get<std::string>());
  if (!days) return not_assessed("unreadable date " + since->get<std::string>() + " on " + r.name);
  std::string what = rotated ? "last rotated" : "never rotated, created";
  if (*days > 90) return fail("secret " + r.name + " was " + what + " " + std::to_string(*days) + " days ago (more than 90)");
  return pass("secret " + r.name + " was " + what + " " + std::to_string(*days) + " days ago");
}

const RegisterCheck reg({
    .meta = {.id = "secretsmanager_secret_rotated_periodically",
             .title = "Secrets Manager secrets are rotated within 90 days",
             .severity = Severity::kMedium,
             .service = "secretsmanager",
             .resource_type = "AWS::SecretsManager::Secret",
             .description = "The secret was last rotated (or, never rotated, created) no more than 90 days ago.",
             .risk = "Long-lived secrets are more likely to have leaked and stay usable by whoever holds them.",
             .remediation = {.text = "Rotate the secret now and enable automatic rotation with a schedule of 90 days or less.",
                             .cli = "aws secretsmanager rotate-secret --secret-id <secret>",
                             .terraform = "resource \"aws_secretsmanager_secret_rotation\" \"this\" {\n  secret_id           = aws_secretsmanager_secret.this.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n  rotation_rules {\n    automatically_after_days = 90\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html"},
             .cis = {},
             .fsbp = {"SecretsManager.4"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
