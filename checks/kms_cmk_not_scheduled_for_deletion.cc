// KMS customer managed keys are not scheduled for deletion.
#include "checks/check.h"
#include "checks/policy_statements.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  if (auto why = r.missing_reason("key_state")) return not_assessed(*why);
  if (r.props.value("key_manager", "") != "CUSTOMER") return not_applicable("key " + r.name + " is AWS managed");
  if (r.props.value("key_state", "") != "PendingDeletion") return pass("key " + r.name + " is not scheduled for deletion");
  const json* when = r.prop("deletion_date");
  return fail("key " + r.name + " is scheduled for deletion" +
              (when && when->is_string() ? " on " + when->get<std::string>() : std::string()));
}

const RegisterCheck reg({
    .meta = {.id = "kms_cmk_not_scheduled_for_deletion",
             .title = "KMS customer managed keys are not scheduled for deletion",
             .severity = Severity::kInformational,
             .service = "kms",
             .resource_type = "AWS::KMS::Key",
             .description = "No customer managed key is in the PendingDeletion state; a deletion is irreversible once the waiting period ends.",
             .risk = "Deleting a key makes everything encrypted under it unrecoverable; an unintended or malicious scheduled deletion destroys data.",
             .remediation = {.text = "If the deletion is not intended, cancel it and re-enable the key.",
                             .cli = "aws kms cancel-key-deletion --key-id <key-id> && aws kms enable-key --key-id <key-id>",
                             .terraform = "resource \"aws_kms_key\" \"this\" {\n  deletion_window_in_days = 30\n  lifecycle {\n    prevent_destroy = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-3"},
             .cis = {},
             .fsbp = {"KMS.3"}},
    .reads = {"key_state", "deletion_date", "key_manager"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
