// FSx file systems encrypt their data with a customer managed KMS key, not the AWS managed aws/fsx key or keys FSx manages.
#include "checks/check.h"
#include "checks/require_prop.h"
#include "checks/storage_euc_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  if (!has_prop(r, "kms_key_id", &why)) return not_assessed(why);
  const json* key = r.prop("kms_key_id");
  if (!key || !key->is_string() || key->get<std::string>().empty())
    return fail("file system " + r.name + " is encrypted with keys FSx manages, not a KMS key of the account");
  return storage_euc::customer_key(r, key->get<std::string>(), inv, "file system " + r.name);
}

const RegisterCheck reg({
    .meta = {.id = "fsx_file_system_encrypted_with_cmk",
             .title = "FSx file systems should be encrypted at rest with a customer managed KMS key",
             .severity = Severity::kLow,
             .service = "fsx",
             .resource_type = "AWS::FSx::FileSystem",
             .description = "The file system's KmsKeyId (DescribeFileSystems) is a customer managed key (KeyManager CUSTOMER in the KMS inventory), not the AWS managed aws/fsx key; a Lustre scratch file system with no KMS key fails.",
             .risk = "With an AWS managed or service key, the key policy cannot limit who may decrypt the data, the key cannot be disabled to cut off access, and its use cannot be separated from every other FSx file system of the account.",
             .remediation = {.text = "A file system's key cannot be changed: create a new file system (or restore a backup) with a customer managed key and move the data.",
                             .cli = "aws fsx create-file-system-from-backup --backup-id <backup-id> --subnet-ids <subnet-id> --kms-key-id <customer-key-arn>",
                             .terraform = "resource \"aws_fsx_windows_file_system\" \"this\" {\n  # ...\n  kms_key_id = aws_kms_key.fsx.arn\n}"},
             .references = {"https://docs.aws.amazon.com/fsx/latest/WindowsGuide/encryption-at-rest.html",
                            "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#customer-cmk"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::KMS::Key"},
    .reads = {"kms_key_id", "AWS::KMS::Key.key_manager"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
