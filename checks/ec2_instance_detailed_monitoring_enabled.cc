// Prowler ec2_instance_detailed_monitoring_enabled: 1-minute CloudWatch metrics.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "monitoring", &why);
  if (!v) return not_assessed(why);
  std::string state = v->is_string() ? v->get<std::string>() : "";
  if (state == "enabled") return pass("Instance " + r.name + " has detailed monitoring enabled.");
  return fail("Instance " + r.name + " has detailed monitoring " + (state.empty() ? "disabled" : state) +
              ": CloudWatch receives its metrics every 5 minutes, not every minute.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_instance_detailed_monitoring_enabled",
             .title = "EC2 instances should have detailed monitoring enabled",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::Instance",
             .description = "Checks that each EC2 instance sends its CloudWatch metrics every minute (detailed monitoring).",
             .risk = "With 5-minute metrics, alarms on CPU, network or status checks react late: a runaway process, a "
                     "crypto-miner or an outage shows up minutes after it started.",
             .remediation = {.text = "Enable detailed monitoring on the instance (and in its launch template).",
                             .cli = "aws ec2 monitor-instances --instance-ids <instance-id>",
                             .terraform = "resource \"aws_instance\" \"example\" {\n  # ...\n  monitoring = true\n}"},
             .references = {"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
