// Kinesis data streams keep records for at least 7 days (168 hours), so
// consumers that fall behind or fail can replay them.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr int kMinimumHours = 168;

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "retention_hours", &why);
  if (!v) return not_assessed(why);
  if (!v->is_number_integer()) return not_assessed("retention_hours of stream " + r.name + " was not collected");
  const int hours = v->get<int>();
  if (hours >= kMinimumHours)
    return pass("stream " + r.name + " keeps records for " + std::to_string(hours) + " hours");
  return fail("stream " + r.name + " keeps records for " + std::to_string(hours) + " hours (less than " +
              std::to_string(kMinimumHours) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "kinesis_stream_data_retention_period",
             .title = "Kinesis streams should have an adequate data retention period",
             .severity = Severity::kMedium,
             .service = "kinesis",
             .resource_type = "AWS::Kinesis::Stream",
             .description = "RetentionPeriodHours is at least 168 (7 days), Security Hub's default minimum for this "
                            "control. AWS's default is 24 hours.",
             .risk = "With the default 24 hours, records that a consumer did not process in time (an outage over a "
                     "weekend, a failed deployment) are lost, and so is the evidence they held.",
             .remediation = {.text = "Increase the stream's retention period to at least 7 days (extended retention "
                                     "is billed per shard hour).",
                             .cli = "aws kinesis increase-stream-retention-period --stream-name <stream> --retention-period-hours 168",
                             .terraform = "resource \"aws_kinesis_stream\" \"this\" {\n  # ...\n  retention_period = 168\n}"},
             .references = {"https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/kinesis-controls.html#kinesis-3"},
             .cis = {},
             .fsbp = {"Kinesis.3"}},
    .reads = {"retention_hours"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
