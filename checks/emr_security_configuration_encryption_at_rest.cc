// EMR security configurations encrypt data at rest (EMRFS on S3 and local disks).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "at_rest_encryption", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("at_rest_encryption" " of " + r.id + " is not a boolean");
  if (v->get<bool>()) return pass("security configuration " + r.name + " encrypts data at rest");
  return fail("security configuration " + r.name + " does not encrypt data at rest (EnableAtRestEncryption is false)");
}

const RegisterCheck reg({
    .meta = {.id = "emr_security_configuration_encryption_at_rest",
             .title = "Amazon EMR security configurations should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "emr",
             .resource_type = "AWS::EMR::SecurityConfiguration",
             .description = "The security configuration's EncryptionConfiguration.EnableAtRestEncryption is true (DescribeSecurityConfiguration).",
             .risk = "Clusters launched with it write EMRFS data to S3 and HDFS and spill data to local disks unencrypted: a copied volume or a misread bucket exposes it.",
             .remediation = {.text = "Create a security configuration with at-rest encryption (S3 SSE-KMS or SSE-S3 and local disk encryption with a KMS key) and launch clusters with it; a configuration cannot be edited.",
                             .cli = "aws emr create-security-configuration --name <name> --security-configuration '{\"EncryptionConfiguration\":{\"EnableAtRestEncryption\":true,\"EnableInTransitEncryption\":true,\"AtRestEncryptionConfiguration\":{\"S3EncryptionConfiguration\":{\"EncryptionMode\":\"SSE-KMS\",\"AwsKmsKey\":\"<key-arn>\"},\"LocalDiskEncryptionConfiguration\":{\"EncryptionKeyProviderType\":\"AwsKms\",\"AwsKmsKey\":\"<key-arn>\"}},\"InTransitEncryptionConfiguration\":{\"TLSCertificateConfiguration\":{\"CertificateProviderType\":\"PEM\",\"S3Object\":\"s3://<bucket>/certs.zip\"}}}}'",
                             .terraform = "resource \"aws_emr_security_configuration\" \"this\" {\n  name = \"encrypted\"\n  configuration = jsonencode({\n    EncryptionConfiguration = {\n      EnableAtRestEncryption    = true\n      EnableInTransitEncryption = true\n      AtRestEncryptionConfiguration = {\n        S3EncryptionConfiguration       = { EncryptionMode = \"SSE-KMS\", AwsKmsKey = aws_kms_key.emr.arn }\n        LocalDiskEncryptionConfiguration = { EncryptionKeyProviderType = \"AwsKms\", AwsKmsKey = aws_kms_key.emr.arn }\n      }\n      InTransitEncryptionConfiguration = {\n        TLSCertificateConfiguration = { CertificateProviderType = \"PEM\", S3Object = \"s3://<bucket>/certs.zip\" }\n      }\n    }\n  })\n}"},
             .references = {"https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html",
                            "https://docs.aws.amazon.com/config/latest/developerguide/emr-security-configuration-encryption-rest.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"at_rest_encryption"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
