// CloudWatch log groups retain data for at least 365 days.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* days = r.prop("retention_in_days");
  if (!days) return pass("log group " + r.name + " never expires its events");
  long long d = days->get<long long>();
  if (d >= 365) return pass("log group " + r.name + " retains events for " + std::to_string(d) + " days");
  return fail("log group " + r.name + " retains events for only " + std::to_string(d) + " days (less than 365)");
}

const RegisterCheck reg({
    .meta = {.id = "cloudwatch_log_group_retention_policy_specific_days_enabled",
             .title = "CloudWatch log groups retain data for at least 365 days",
             .severity = Severity::kMedium,
             .service = "cloudwatch",
             .resource_type = "AWS::Logs::LogGroup",
             .description = "The CloudWatch Logs group keeps its events for at least 365 days (or never expires).",
             .risk = "Short retention deletes the logs an incident investigation or an audit needs.",
             .remediation = {.text = "Set the log group's retention to 365 days or more.",
                             .cli = "aws logs put-retention-policy --log-group-name <name> --retention-in-days 365",
                             .terraform = "resource \"aws_cloudwatch_log_group\" \"this\" {\n  name              = \"<name>\"\n  retention_in_days = 365\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention", "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html"},
             .cis = {},
             .fsbp = {"CloudWatch.16"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
