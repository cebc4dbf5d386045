// CloudTrail records S3 object-level read events.
#include "checks/check.h"
#include "checks/cloudtrail_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  return cloudtrail::any_trail(
      r, inv, "records S3 object-level read events",
      [&r](const json& e) { return e.value("is_multi_region", false) || e.value("home_region", "") == r.region; },
      {"s3_data_events_read"},
      [](const Resource& t) -> std::string {
        return t.props.value("s3_data_events_read", false) ? "" : "does not record S3 read data events for all buckets";
      });
}

const RegisterCheck reg({
    .meta = {.id = "cloudtrail_s3_dataevents_read_enabled",
             .title = "CloudTrail records S3 object-level read events",
             .severity = Severity::kLow,
             .service = "cloudtrail",
             .resource_type = "AWS::CloudTrail::TrailCoverage",
             .description = "A trail that applies to the region records S3 data events for read operations (GetObject...) on all buckets.",
             .risk = "Without object-level read logging, data exfiltration from buckets cannot be traced.",
             .remediation = {.text = "Add an event selector for S3 object data events (ReadOnly or All) on all buckets to a multi-region trail.",
                             .cli = "aws cloudtrail put-event-selectors --trail-name <trail> --event-selectors '[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true,\"DataResources\":[{\"Type\":\"AWS::S3::Object\",\"Values\":[\"arn:aws:s3\"]}]}]'",
                             .terraform = "resource \"aws_cloudtrail\" \"this\" {\n  # ...\n  event_selector {\n    read_write_type           = \"All\"\n    include_management_events = true\n    data_resource {\n      type   = \"AWS::S3::Object\"\n      values = [\"arn:aws:s3\"]\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html"},
             .cis = {"3.9"},
             .fsbp = {}},
    .context_types = {"AWS::CloudTrail::Trail"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
