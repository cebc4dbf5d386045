// S3 buckets are encrypted at rest with AWS KMS keys.
#include "checks/check.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  if (auto why = r.missing_reason("encryption")) return not_assessed(*why);
  const json* enc = r.prop("encryption");
  std::string alg = enc ? enc->value("algorithm", "") : "";
  if (alg == "aws:kms" || alg == "aws:kms:dsse") return pass("bucket " + r.name + " encrypts by default with " + alg);
  return fail("bucket " + r.name + (alg.empty() ? std::string(" has no default encryption") : " encrypts by default with " + alg + ", not a KMS key"));
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_kms_encryption",
             .title = "S3 buckets are encrypted at rest with AWS KMS keys",
             .severity = Severity::kLow,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "The bucket's default encryption uses AWS KMS keys (SSE-KMS or DSSE-KMS).",
             .risk = "With SSE-S3 only, access to the data cannot be controlled or audited through KMS key policies and CloudTrail records of key use.",
             .remediation = {.text = "Set the bucket's default encryption to aws:kms with a customer managed key.",
                             .cli = "aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"<key-arn>\"},\"BucketKeyEnabled\":true}]}'",
                             .terraform = "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = \"aws:kms\"\n      kms_master_key_id = aws_kms_key.this.arn\n    }\n    bucket_key_enabled = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-17"},
             .cis = {},
             .fsbp = {"S3.17"}},
    .reads = {"encryption"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
