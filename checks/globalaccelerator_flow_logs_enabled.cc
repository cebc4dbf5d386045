// Global Accelerator accelerators record flow logs.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* on = require_prop(r, "flow_logs", &why);
  if (!on) return not_assessed(why);
  if (on->is_boolean() && on->get<bool>()) return pass("accelerator " + r.name + " writes flow logs to S3");
  return fail("accelerator " + r.name + " has flow logs disabled: the traffic it carried to its endpoints is not recorded");
}

const RegisterCheck reg({
    .meta = {.id = "globalaccelerator_flow_logs_enabled",
             .title = "Global Accelerator accelerators should have flow logs enabled",
             .severity = Severity::kLow,
             .service = "globalaccelerator",
             .resource_type = "AWS::GlobalAccelerator::Accelerator",
             .description = "The accelerator's attributes (DescribeAcceleratorAttributes) have FlowLogsEnabled true.",
             .risk = "Without flow logs, the clients that reached the applications behind the accelerator, and what was refused, cannot be investigated.",
             .remediation = {.text = "Turn on flow logs for the accelerator, delivered to an S3 bucket.",
                             .cli = "aws globalaccelerator update-accelerator-attributes --region us-west-2 --accelerator-arn <accelerator-arn> --flow-logs-enabled --flow-logs-s3-bucket <bucket> --flow-logs-s3-prefix flow-logs/",
                             .terraform = "resource \"aws_globalaccelerator_accelerator\" \"this\" {\n  # ...\n  attributes {\n    flow_logs_enabled   = true\n    flow_logs_s3_bucket = aws_s3_bucket.flow_logs.bucket\n    flow_logs_s3_prefix = \"flow-logs/\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/global-accelerator/latest/dg/monitoring-global-accelerator.flow-logs.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"flow_logs"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
