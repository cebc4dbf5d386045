// SQS queue policies do not allow public access.
#include "checks/check.h"
#include "checks/monitoring_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("policy")) return not_assessed(*why);
  const json* policy = r.prop("policy");
  if (!policy) return pass("queue " + r.name + " has no access policy");
  if (auto sid = monitoring::public_statement(*policy))
    return fail("queue " + r.name + " policy statement " + *sid + " allows any principal (\"*\") without a condition");
  return pass("queue " + r.name + " policy grants access only to named principals or under conditions");
}

const RegisterCheck reg({
    .meta = {.id = "sqs_queues_not_publicly_accessible",
             .title = "SQS queue policies do not allow public access",
             .severity = Severity::kCritical,
             .service = "sqs",
             .resource_type = "AWS::SQS::Queue",
             .description = "The SQS queue's access policy has no Allow statement for every principal (\"*\") without a condition.",
             .risk = "Anyone with an AWS account could send, receive or delete messages of a public queue: data disclosure and tampering.",
             .remediation = {.text = "Restrict the queue policy's principals to specific accounts, or add conditions such as aws:SourceArn or aws:PrincipalOrgID.",
                             .cli = "aws sqs set-queue-attributes --queue-url <queue-url> --attributes file://policy-attributes.json",
                             .terraform = "resource \"aws_sqs_queue_policy\" \"this\" {\n  queue_url = aws_sqs_queue.this.id\n  policy    = data.aws_iam_policy_document.restricted.json\n}"},
             .references = {"https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html"},
             .cis = {},
             .fsbp = {"SQS.3"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
