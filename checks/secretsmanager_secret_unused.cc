// Unused Secrets Manager secrets are removed.
#include "checks/check.h"
#include "checks/monitoring_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* accessed = r.prop("last_accessed_date");
  const json* created = r.prop("created_date");
  const json* since = accessed ? accessed : created;
  if (!since) return not_assessed("neither last access nor creation date of " + r.name + " was collected");
  auto days = monitoring::days_since(since->get<std::string>());
  if (!days) return not_assessed("unreadable date " + since->get<std::string>() + " on " + r.name);
  std::string what = accessed ? "last accessed" : "never accessed since its creation";
  if (*days > 90) return fail("secret " + r.name + " was " + what + " " + std::to_string(*days) + " days ago (unused for more than 90 days)");
  return pass("secret " + r.name + " was " + what + " " + std::to_string(*days) + " days ago");
}

const RegisterCheck reg({
    .meta = {.id = "secretsmanager_secret_unused",
             .title = "Unused Secrets Manager secrets are removed",
             .severity = Severity::kMedium,
             .service = "secretsmanager",
             .resource_type = "AWS::SecretsManager::Secret",
             .description = "The secret was accessed in the last 90 days (a secret never accessed passes while younger than 90 days).",
             .risk = "Unused secrets are forgotten credentials: still valid, unmonitored, and billed.",
             .remediation = {.text = "Delete secrets nobody reads, after checking no application still needs them.",
                             .cli = "aws secretsmanager delete-secret --secret-id <secret> --recovery-window-in-days 30",
                             .terraform = "# Remove the aws_secretsmanager_secret resource that is no longer used."},
             .references = {"https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_delete-secret.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html"},
             .cis = {},
             .fsbp = {"SecretsManager.3"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
