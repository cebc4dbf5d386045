// The CloudTrail S3 bucket has server access logging enabled.
#include "checks/check.h"
#include "checks/cloudtrail_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  std::string why;
  const Resource* b = cloudtrail::log_bucket(r, inv, why);
  if (!b) return not_assessed(why);
  if (auto m = b->missing_reason("logging")) return not_assessed("bucket " + b->name + ": " + *m);
  if (!b->prop("logging")) return fail("trail " + r.name + " bucket " + b->name + " does not have server access logging enabled");
  return pass("trail " + r.name + " bucket " + b->name + " has server access logging enabled");
}

const RegisterCheck reg({
    .meta = {.id = "cloudtrail_logs_s3_bucket_access_logging_enabled",
             .title = "The CloudTrail S3 bucket has server access logging enabled",
             .severity = Severity::kMedium,
             .service = "cloudtrail",
             .resource_type = "AWS::CloudTrail::Trail",
             .description = "The bucket the trail delivers to logs every request made to it (S3 server access logging).",
             .risk = "Without access logs on the log bucket, reads, deletions and policy changes of the audit trail itself cannot be investigated.",
             .remediation = {.text = "Enable server access logging on the trail's bucket, to another bucket.",
                             .cli = "aws s3api put-bucket-logging --bucket <trail-bucket> --bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\",\"TargetPrefix\":\"cloudtrail/\"}}'",
                             .terraform = "resource \"aws_s3_bucket_logging\" \"trail\" {\n  bucket        = aws_s3_bucket.trail.id\n  target_bucket = aws_s3_bucket.access_logs.id\n  target_prefix = \"cloudtrail/\"\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-7"},
             .cis = {"3.4"},
             .fsbp = {"CloudTrail.7"}},
    .context_types = {"AWS::S3::Bucket"},
    .reads = {"*", "AWS::S3::Bucket.logging"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
