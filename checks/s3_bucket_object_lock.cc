// S3 buckets have Object Lock enabled.
#include "checks/check.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  if (auto why = r.missing_reason("object_lock")) return not_assessed(*why);
  if (r.props.value("object_lock", false)) return pass("bucket " + r.name + " has Object Lock enabled");
  return fail("bucket " + r.name + " does not have Object Lock enabled");
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_object_lock",
             .title = "S3 buckets have Object Lock enabled",
             .severity = Severity::kInformational,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "Object Lock is enabled on the bucket, so objects can be protected from deletion and overwrite for a retention period (WORM).",
             .risk = "Without Object Lock, data that must be immutable (logs, backups, records) can be deleted or overwritten by anyone with write access.",
             .remediation = {.text = "Enable Object Lock on buckets that hold records or backups (set a default retention).",
                             .cli = "aws s3api put-object-lock-configuration --bucket <bucket> --object-lock-configuration '{\"ObjectLockEnabled\":\"Enabled\",\"Rule\":{\"DefaultRetention\":{\"Mode\":\"GOVERNANCE\",\"Days\":30}}}'",
                             .terraform = "resource \"aws_s3_bucket_object_lock_configuration\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    default_retention {\n      mode = \"GOVERNANCE\"\n      days = 30\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-15"},
             .cis = {},
             .fsbp = {"S3.15"}},
    .reads = {"object_lock"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
