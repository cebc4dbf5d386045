// Storage Gateway NFS and SMB file shares encrypt the objects they write to S3 with a KMS key (SSE-KMS or DSSE-KMS), not S3 managed keys.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* enc = require_prop(r, "encryption", &why);
  if (!enc) return not_assessed(why);
  if (!has_prop(r, "kms_key", &why)) return not_assessed(why);
  if (*enc == "SseKms" || *enc == "DsseKms") {
    const json* key = r.prop("kms_key");
    return pass("file share " + r.name + " encrypts with " + enc->get<std::string>() +
                (key && key->is_string() ? " key " + key->get<std::string>() : std::string()));
  }
  return fail("file share " + r.name + " encrypts only with S3 managed keys (SSE-S3), not a KMS key");
}

const RegisterCheck reg({
    .meta = {.id = "storagegateway_fileshare_kms_encryption_enabled",
             .title = "Storage Gateway file shares should encrypt data with a customer managed KMS key",
             .severity = Severity::kMedium,
             .service = "storagegateway",
             .resource_type = "AWS::StorageGateway::FileShare",
             .description = "The file share's EncryptionType (DescribeNFSFileShares / DescribeSMBFileShares; KMSEncrypted on older gateways) is SseKms or DsseKms, with the KMS key it names.",
             .risk = "With S3 managed keys anyone allowed to read the bucket reads the files: no key policy limits decryption and key use is not logged separately.",
             .remediation = {.text = "Set the file share's encryption to SSE-KMS with a customer managed key.",
                             .cli = "aws storagegateway update-nfs-file-share --file-share-arn <arn> --encryption-type SseKms --kms-key <customer-key-arn>  # update-smb-file-share for SMB",
                             .terraform = "resource \"aws_storagegateway_nfs_file_share\" \"this\" {\n  # ...\n  kms_encrypted = true\n  kms_key_arn   = aws_kms_key.gateway.arn\n}"},
             .references = {"https://docs.aws.amazon.com/filegateway/latest/files3/encrypt-objects-stored-by-file-gateway-in-amazon-s3.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"encryption", "kms_key"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
