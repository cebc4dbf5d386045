// CIS 3.7, FSBP EC2.6: Ensure VPC flow logging is enabled in all VPCs
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* logs = require_prop(r, "flow_logs", &why);
  if (!logs) return not_assessed(why);
  for (const auto& f : *logs) {
    std::string traffic = f.value("traffic_type", "");
    if (f.value("status", "") == "ACTIVE" && (traffic == "ALL" || traffic == "REJECT"))
      return pass("VPC " + r.id + " has flow log " + f.value("id", "") + " capturing " + traffic + " traffic.");
  }
  if (!logs->empty()) return fail("VPC " + r.id + " has no active flow log capturing rejected traffic.");
  return fail("VPC " + r.id + " has no flow log.");
}

const RegisterCheck reg({
    .meta = {.id = "vpc_flow_logs_enabled",
             .title = "Ensure VPC flow logging is enabled in all VPCs",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::VPC",
             .description = "Checks that each VPC has an active flow log at the VPC level capturing rejected traffic (traffic type REJECT or ALL).",
             .risk = "Without flow logs there is no record of rejected connection attempts or of where traffic went, which blinds incident response.",
             .remediation = {.text = "Create a flow log for the VPC capturing at least rejected traffic, delivered to CloudWatch Logs or S3.",
                             .cli = "aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type REJECT --log-destination-type cloud-watch-logs --log-group-name <group> --deliver-logs-permission-arn <role-arn>",
                             .terraform = "resource \"aws_flow_log\" \"this\" {\n  vpc_id          = aws_vpc.this.id\n  traffic_type    = \"REJECT\"\n  log_destination = aws_cloudwatch_log_group.flow.arn\n  iam_role_arn    = aws_iam_role.flow.arn\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6"},
             .cis = {"3.7"},
             .fsbp = {"EC2.6"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
