// S3 buckets have server access logging enabled.
#include "checks/check.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  if (auto why = r.missing_reason("logging")) return not_assessed(*why);
  const json* l = r.prop("logging");
  if (!l) return fail("bucket " + r.name + " does not have server access logging enabled");
  return pass("bucket " + r.name + " logs requests to bucket " + l->value("target_bucket", "?"));
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_server_access_logging_enabled",
             .title = "S3 buckets have server access logging enabled",
             .severity = Severity::kMedium,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "Server access logging delivers a record of every request made to the bucket to a target bucket.",
             .risk = "Without access logs, data access and exfiltration through the bucket cannot be investigated.",
             .remediation = {.text = "Enable server access logging to a dedicated log bucket.",
                             .cli = "aws s3api put-bucket-logging --bucket <bucket> --bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\",\"TargetPrefix\":\"<bucket>/\"}}'",
                             .terraform = "resource \"aws_s3_bucket_logging\" \"this\" {\n  bucket        = aws_s3_bucket.this.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = \"log/\"\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-9"},
             .cis = {},
             .fsbp = {"S3.9"}},
    .reads = {"logging"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
