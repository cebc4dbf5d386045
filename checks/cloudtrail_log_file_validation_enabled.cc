// CloudTrail trails have log file validation enabled.
#include "checks/check.h"
#include "checks/cloudtrail_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  if (r.props.value("log_file_validation", false)) return pass("trail " + r.name + " has log file validation enabled");
  return fail("trail " + r.name + " does not have log file validation enabled");
}

const RegisterCheck reg({
    .meta = {.id = "cloudtrail_log_file_validation_enabled",
             .title = "CloudTrail trails have log file validation enabled",
             .severity = Severity::kMedium,
             .service = "cloudtrail",
             .resource_type = "AWS::CloudTrail::Trail",
             .description = "The trail writes signed digest files so that modification or deletion of delivered log files can be detected.",
             .risk = "Without validation, an attacker who reaches the log bucket can alter or delete log files to hide activity, undetected.",
             .remediation = {.text = "Enable log file validation on the trail.",
                             .cli = "aws cloudtrail update-trail --name <trail> --enable-log-file-validation",
                             .terraform = "resource \"aws_cloudtrail\" \"this\" {\n  name                          = \"main\"\n  s3_bucket_name                = aws_s3_bucket.trail.id\n  is_multi_region_trail         = true\n  include_global_service_events = true\n  enable_log_file_validation    = true\n  kms_key_id                    = aws_kms_key.trail.arn\n  cloud_watch_logs_group_arn    = \"${aws_cloudwatch_log_group.trail.arn}:*\"\n  cloud_watch_logs_role_arn     = aws_iam_role.trail_to_logs.arn\n}"},
             .references = {"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-4"},
             .cis = {"3.2"},
             .fsbp = {"CloudTrail.4"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
