// S3 buckets have default encryption configured.
#include "checks/check.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  if (auto why = r.missing_reason("encryption")) return not_assessed(*why);
  const json* enc = r.prop("encryption");
  if (!enc) return fail("bucket " + r.name + " has no default encryption configuration");
  return pass("bucket " + r.name + " encrypts new objects by default with " + enc->value("algorithm", "?"));
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_default_encryption",
             .title = "S3 buckets have default encryption configured",
             .severity = Severity::kMedium,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "The bucket has a default server-side encryption configuration (SSE-S3, SSE-KMS or DSSE-KMS).",
             .risk = "Objects stored without encryption at rest are readable by anyone who gains access to the underlying storage or a misdirected copy.",
             .remediation = {.text = "Configure default encryption on the bucket (SSE-KMS with a customer managed key where possible).",
                             .cli = "aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"AES256\"}}]}'",
                             .terraform = "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = \"AES256\"\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-4"},
             .cis = {},
             .fsbp = {"S3.4"}},
    .reads = {"encryption"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
