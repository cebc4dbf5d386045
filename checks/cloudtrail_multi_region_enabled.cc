// CloudTrail is enabled in all regions with a multi-region trail.
#include "checks/check.h"
#include "checks/cloudtrail_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  return cloudtrail::any_trail(
      r, inv, "is multi-region, logging and recording all management events",
      [](const json& e) { return e.value("is_multi_region", false); }, {"is_logging", "management_events_all"},
      [](const Resource& t) -> std::string {
        if (!t.props.value("is_logging", false)) return "is not logging";
        if (!t.props.value("management_events_all", false)) return "does not record all management events";
        return "";
      });
}

const RegisterCheck reg({
    .meta = {.id = "cloudtrail_multi_region_enabled",
             .title = "CloudTrail is enabled in all regions with a multi-region trail",
             .severity = Severity::kHigh,
             .service = "cloudtrail",
             .resource_type = "AWS::CloudTrail::TrailCoverage",
             .description = "At least one multi-region trail applies to the region, is logging, and records all management events (read and write).",
             .risk = "Without it, API activity in the region (including by an attacker who picks an unused region) is not recorded.",
             .remediation = {.text = "Create a multi-region trail that records all management events, and start logging.",
                             .cli = "aws cloudtrail create-trail --name <trail> --s3-bucket-name <bucket> --is-multi-region-trail && aws cloudtrail start-logging --name <trail>",
                             .terraform = "resource \"aws_cloudtrail\" \"this\" {\n  name                          = \"main\"\n  s3_bucket_name                = aws_s3_bucket.trail.id\n  is_multi_region_trail         = true\n  include_global_service_events = true\n}"},
             .references = {"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1"},
             .cis = {"3.1"},
             .fsbp = {"CloudTrail.1"}},
    .context_types = {"AWS::CloudTrail::Trail"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
