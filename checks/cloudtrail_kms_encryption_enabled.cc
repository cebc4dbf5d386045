// CloudTrail logs are encrypted at rest with KMS keys.
#include "checks/check.h"
#include "checks/cloudtrail_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  const json* key = r.prop("kms_key_id");
  if (key && key->is_string() && !key->get<std::string>().empty())
    return pass("trail " + r.name + " encrypts its logs with KMS key " + key->get<std::string>());
  return fail("trail " + r.name + " does not encrypt its logs with a KMS key");
}

const RegisterCheck reg({
    .meta = {.id = "cloudtrail_kms_encryption_enabled",
             .title = "CloudTrail logs are encrypted at rest with KMS keys",
             .severity = Severity::kMedium,
             .service = "cloudtrail",
             .resource_type = "AWS::CloudTrail::Trail",
             .description = "The trail encrypts its log files with an AWS KMS key (SSE-KMS) instead of only the bucket's default encryption.",
             .risk = "Anyone with read access to the log bucket can read the logs; with SSE-KMS they also need kms:Decrypt on the key, an extra, audited control.",
             .remediation = {.text = "Configure the trail to use a customer managed KMS key whose policy allows CloudTrail to encrypt.",
                             .cli = "aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn>",
                             .terraform = "resource \"aws_cloudtrail\" \"this\" {\n  name                          = \"main\"\n  s3_bucket_name                = aws_s3_bucket.trail.id\n  is_multi_region_trail         = true\n  include_global_service_events = true\n  enable_log_file_validation    = true\n  kms_key_id                    = aws_kms_key.trail.arn\n  cloud_watch_logs_group_arn    = \"${aws_cloudwatch_log_group.trail.arn}:*\"\n  cloud_watch_logs_role_arn     = aws_iam_role.trail_to_logs.arn\n}"},
             .references = {"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-2"},
             .cis = {"3.5"},
             .fsbp = {"CloudTrail.2"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
