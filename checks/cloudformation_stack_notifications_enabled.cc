// CloudFormation stacks send their events to an SNS topic.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* topics = require_prop(r, "notification_arns", &why);
  if (!topics) return not_assessed(why);
  if (!topics->is_array()) return not_assessed("notification_arns of stack " + r.name + " were not collected");
  if (topics->empty()) return fail("stack " + r.name + " sends its events to no SNS topic");
  std::string list;
  for (const auto& t : *topics)
    if (t.is_string()) list += (list.empty() ? "" : ", ") + t.get<std::string>();
  return pass("stack " + r.name + " sends its events to " + list);
}

const RegisterCheck reg({
    .meta = {.id = "cloudformation_stack_notifications_enabled",
             .title = "CloudFormation stacks should be integrated with Simple Notification Service (SNS)",
             .severity = Severity::kLow,
             .service = "cloudformation",
             .resource_type = "AWS::CloudFormation::Stack",
             .description = "The stack has at least one notification ARN (an SNS topic that receives its events).",
             .risk = "Without notifications, stack updates, failed deployments and deletions happen unnoticed "
                     "until something breaks.",
             .remediation = {.text = "Add an SNS topic to the stack's notification options (update-stack with the "
                                     "previous template keeps everything else).",
                             .cli = "aws cloudformation update-stack --stack-name <stack> --use-previous-template --capabilities CAPABILITY_NAMED_IAM --notification-arns <topic-arn>",
                             .terraform = "resource \"aws_cloudformation_stack\" \"this\" {\n  # ...\n  notification_arns = [aws_sns_topic.stack_events.arn]\n}"},
             .references = {"https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cfn-console-add-tags.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudformation-controls.html#cloudformation-1"},
             .cis = {},
             .fsbp = {"CloudFormation.1"}},
    .reads = {"notification_arns"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
