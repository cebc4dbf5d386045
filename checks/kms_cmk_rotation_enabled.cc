// KMS customer managed symmetric keys have rotation enabled.
#include "checks/check.h"
#include "checks/policy_statements.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  if (auto why = r.missing_reason("key_state")) return not_assessed(*why);
  std::string manager = r.props.value("key_manager", "");
  std::string spec = r.props.value("key_spec", "");
  std::string state = r.props.value("key_state", "");
  if (manager != "CUSTOMER") return pass("key " + r.name + " is AWS managed: AWS rotates it every year");
  if (spec != "SYMMETRIC_DEFAULT") return not_applicable("key " + r.name + " is a " + spec + " key: automatic rotation does not apply");
  if (r.props.value("origin", "AWS_KMS") == "EXTERNAL")
    return not_applicable("key " + r.name + " has imported key material: automatic rotation does not apply");
  if (state == "PendingDeletion" || state == "PendingReplicaDeletion")
    return not_applicable("key " + r.name + " is pending deletion: rotation does not apply");
  if (auto why = r.missing_reason("rotation_enabled")) return not_assessed(*why);
  if (r.props.value("rotation_enabled", false)) return pass("key " + r.name + " has automatic rotation enabled");
  return fail("key " + r.name + " (" + state + ") does not have automatic rotation enabled");
}

const RegisterCheck reg({
    .meta = {.id = "kms_cmk_rotation_enabled",
             .title = "KMS customer managed symmetric keys have rotation enabled",
             .severity = Severity::kMedium,
             .service = "kms",
             .resource_type = "AWS::KMS::Key",
             .description = "Automatic key rotation is enabled for every enabled customer managed symmetric encryption key (AWS managed keys are rotated by AWS).",
             .risk = "A key that never rotates protects ever more data with the same key material, so a compromise of it exposes everything encrypted under it.",
             .remediation = {.text = "Enable automatic rotation of the key.",
                             .cli = "aws kms enable-key-rotation --key-id <key-id>",
                             .terraform = "resource \"aws_kms_key\" \"this\" {\n  description         = \"...\"\n  enable_key_rotation = true\n}"},
             .references = {"https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-4"},
             .cis = {"3.6"},
             .fsbp = {"KMS.4"}},
    .reads = {"key_state", "rotation_enabled", "key_manager", "key_spec", "origin"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
