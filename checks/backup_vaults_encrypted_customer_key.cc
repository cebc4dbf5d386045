// Backup vaults encrypt with a customer managed KMS key, not the AWS managed
// aws/backup key: only a customer key's policy can limit who decrypts (and
// restores or copies) the backups, and it can be shared for cross-account
// copies. The key's manager comes from the KMS inventory.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kKey = "AWS::KMS::Key";

// Field `n` (0-based) of an ARN: 3 is the region, 4 the account.
std::string arn_field(const std::string& arn, int n) {
  size_t pos = 0;
  for (int i = 0; i < n; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  if (!has_prop(r, "encryption_key_arn", &why)) return not_assessed(why);
  const json* key = r.prop("encryption_key_arn");
  if (!key || !key->is_string() || key->get<std::string>().empty())
    return fail("vault " + r.name + " names no KMS key");
  const std::string arn = key->get<std::string>();
  const std::string account = arn_field(arn, 4);
  // AWS managed keys live in the account that uses them: a key of another account is a customer's.
  if (!account.empty() && account != r.account)
    return pass("vault " + r.name + " encrypts with a customer managed key of account " + account);
  const Resource* k = inv.find_arn(arn);
  if (!k) {
    if (auto gap = inv.gap(kKey, arn_field(arn, 3))) return not_assessed(*gap);
    return not_assessed("vault " + r.name + "'s key " + arn + " is not among the account's KMS keys (deleted, or not listed)");
  }
  if (auto m = k->missing_reason("key_manager")) return not_assessed("key " + arn + ": " + *m);
  const json* manager = k->prop("key_manager");
  if (manager && *manager == "CUSTOMER") return pass("vault " + r.name + " encrypts with customer managed key " + k->name);
  return fail("vault " + r.name + " encrypts with the AWS managed key " + k->name +
              ": its policy cannot be changed to limit who may decrypt the backups");
}

const RegisterCheck reg({
    .meta = {.id = "backup_vaults_encrypted_customer_key",
             .title = "AWS Backup vaults should be encrypted with a customer managed KMS key",
             .severity = Severity::kLow,
             .service = "backup",
             .resource_type = "AWS::Backup::BackupVault",
             .description = "The vault's EncryptionKeyArn is a customer managed KMS key (KeyManager CUSTOMER in the "
                            "KMS inventory), not the AWS managed aws/backup key.",
             .risk = "The AWS managed key lets every principal of the account allowed to use AWS Backup decrypt "
                     "the backups; its policy cannot be narrowed, and copies cannot be shared with a recovery "
                     "account.",
             .remediation = {.text = "Create a new vault with a customer managed key (a vault's key cannot be "
                                     "changed), point the backup plans at it, and copy the recovery points over.",
                             .cli = "aws backup create-backup-vault --backup-vault-name <vault> --encryption-key-arn <customer-key-arn>",
                             .terraform = "resource \"aws_backup_vault\" \"this\" {\n  name        = \"prod\"\n  kms_key_arn = aws_kms_key.backup.arn\n}"},
             .references = {"https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {kKey},
    .reads = {"encryption_key_arn", "AWS::KMS::Key.key_manager"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
