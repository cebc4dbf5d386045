// SNS topic policies do not allow public access.
#include "checks/check.h"
#include "checks/monitoring_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("policy")) return not_assessed(*why);
  const json* policy = r.prop("policy");
  if (!policy) return pass("topic " + r.name + " has no access policy beyond the owner's");
  if (auto sid = monitoring::public_statement(*policy))
    return fail("topic " + r.name + " policy statement " + *sid + " allows any principal (\"*\") without a condition");
  return pass("topic " + r.name + " policy grants access only to named principals or under conditions");
}

const RegisterCheck reg({
    .meta = {.id = "sns_topics_not_publicly_accessible",
             .title = "SNS topic policies do not allow public access",
             .severity = Severity::kHigh,
             .service = "sns",
             .resource_type = "AWS::SNS::Topic",
             .description = "The SNS topic's access policy has no Allow statement for every principal (\"*\") without a condition.",
             .risk = "Anyone with an AWS account could publish to or subscribe to a public topic: spam and phishing through your topic, or reading the messages it carries.",
             .remediation = {.text = "Restrict the topic policy's principals to specific accounts, or add conditions such as aws:SourceAccount or aws:PrincipalOrgID.",
                             .cli = "aws sns set-topic-attributes --topic-arn <topic-arn> --attribute-name Policy --attribute-value file://policy.json",
                             .terraform = "resource \"aws_sns_topic_policy\" \"this\" {\n  arn    = aws_sns_topic.this.arn\n  policy = data.aws_iam_policy_document.restricted.json\n}"},
             .references = {"https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/sns-controls.html"},
             .cis = {},
             .fsbp = {"SNS.4"}},
    .reads = {"policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
