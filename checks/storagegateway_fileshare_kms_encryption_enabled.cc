// Storage Gateway NFS and SMB file shares encrypt the objects they write to S3 with a customer managed KMS key (SSE-KMS or DSSE-KMS), not S3 managed keys or the AWS managed aws/s3 key.
#include "checks/check.h"
#include "checks/require_prop.h"
#include "checks/storage_euc_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  const json* enc = require_prop(r, "encryption", &why);
  if (!enc) return not_assessed(why);
  if (!has_prop(r, "kms_key", &why)) return not_assessed(why);
  if (*enc != "SseKms" && *enc != "DsseKms")
    return fail("file share " + r.name + " encrypts only with S3 managed keys (SSE-S3), not a KMS key");
  const json* key = r.prop("kms_key");
  if (!key || !key->is_string() || key->get<std::string>().empty())
    return fail("file share " + r.name + " uses " + enc->get<std::string>() + " without a key of its own: S3's AWS managed key aws/s3");
  return storage_euc::customer_key(r, key->get<std::string>(), inv, "file share " + r.name);
}

const RegisterCheck reg({
    .meta = {.id = "storagegateway_fileshare_kms_encryption_enabled",
             .title = "Storage Gateway file shares should encrypt data with a customer managed KMS key",
             .severity = Severity::kMedium,
             .service = "storagegateway",
             .resource_type = "AWS::StorageGateway::FileShare",
             .description = "The file share's EncryptionType (DescribeNFSFileShares / DescribeSMBFileShares; KMSEncrypted on older gateways) is SseKms or DsseKms with a KMSKey that the KMS inventory says is customer managed.",
             .risk = "With S3 managed keys or the AWS managed aws/s3 key, anyone allowed to read the bucket reads the files: no key policy limits decryption, and access cannot be cut off by disabling the key.",
             .remediation = {.text = "Set the file share's encryption to SSE-KMS with a customer managed key.",
                             .cli = "aws storagegateway update-nfs-file-share --file-share-arn <arn> --encryption-type SseKms --kms-key <customer-key-arn>  # update-smb-file-share for SMB",
                             .terraform = "resource \"aws_storagegateway_nfs_file_share\" \"this\" {\n  # ...\n  kms_encrypted = true\n  kms_key_arn   = aws_kms_key.gateway.arn\n}"},
             .references = {"https://docs.aws.amazon.com/filegateway/latest/files3/encrypt-objects-stored-by-file-gateway-in-amazon-s3.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::KMS::Key"},
    .reads = {"encryption", "kms_key", "AWS::KMS::Key.key_manager"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
