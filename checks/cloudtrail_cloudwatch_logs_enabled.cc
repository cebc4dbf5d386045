// CloudTrail trails deliver to CloudWatch Logs.
#include "checks/check.h"
#include "checks/cloudtrail_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  const json* group = r.prop("cloud_watch_logs_log_group_arn");
  if (group && group->is_string() && !group->get<std::string>().empty())
    return pass("trail " + r.name + " delivers to CloudWatch Logs group " + group->get<std::string>());
  return fail("trail " + r.name + " does not deliver to CloudWatch Logs");
}

const RegisterCheck reg({
    .meta = {.id = "cloudtrail_cloudwatch_logs_enabled",
             .title = "CloudTrail trails deliver to CloudWatch Logs",
             .severity = Severity::kLow,
             .service = "cloudtrail",
             .resource_type = "AWS::CloudTrail::Trail",
             .description = "The trail sends its events to a CloudWatch Logs log group, where they can be searched, kept and alarmed on in near real time.",
             .risk = "Without CloudWatch Logs integration, suspicious activity is only visible by reading files in S3 later; metric filters and alarms cannot fire.",
             .remediation = {.text = "Configure the trail with a CloudWatch Logs log group and a role CloudTrail can assume to write to it.",
                             .cli = "aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn>",
                             .terraform = "resource \"aws_cloudtrail\" \"this\" {\n  name                          = \"main\"\n  s3_bucket_name                = aws_s3_bucket.trail.id\n  is_multi_region_trail         = true\n  include_global_service_events = true\n  enable_log_file_validation    = true\n  kms_key_id                    = aws_kms_key.trail.arn\n  cloud_watch_logs_group_arn    = \"${aws_cloudwatch_log_group.trail.arn}:*\"\n  cloud_watch_logs_role_arn     = aws_iam_role.trail_to_logs.arn\n}"},
             .references = {"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-5"},
             .cis = {},
             .fsbp = {"CloudTrail.5"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
