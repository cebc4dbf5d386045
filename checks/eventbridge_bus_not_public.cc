// EventBridge event bus policies do not let everyone put events (or manage
// rules) on the bus.
#include "checks/app_policy.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("policy")) return not_assessed(*why);
  if (!r.props.contains("policy")) return not_assessed("policy of event bus " + r.id + " was not collected");
  const json* policy = r.prop("policy");
  if (!policy || policy->is_null()) return pass("event bus " + r.name + " has no resource policy");
  if (auto sid = app_policy::public_statement(*policy))
    return fail("event bus " + r.name + " policy statement " + *sid +
                " allows any principal (\"*\") without an account or organization condition");
  return pass("event bus " + r.name + " policy grants access only to named principals or under conditions");
}

const RegisterCheck reg({
    .meta = {.id = "eventbridge_bus_not_public",
             .title = "EventBridge event bus policies should not allow public access",
             .severity = Severity::kHigh,
             .service = "events",
             .resource_type = "AWS::Events::EventBus",
             .description = "The event bus's resource policy has no Allow statement for every principal (\"*\") "
                            "unrestricted by an aws:PrincipalOrgID, aws:PrincipalAccount or source condition.",
             .risk = "Any AWS account can put events on a public bus: forged events trigger the rules behind it "
                     "(Lambda functions, Step Functions, remediation automations) with attacker-chosen input.",
             .remediation = {.text = "Replace the \"*\" principal with the accounts that send events, or keep it "
                                     "and add an aws:PrincipalOrgID condition.",
                             .cli = "aws events remove-permission --event-bus-name <bus> --statement-id <sid> && aws events put-permission --event-bus-name <bus> --action events:PutEvents --principal <account-id> --statement-id <sid>",
                             .terraform = "resource \"aws_cloudwatch_event_bus_policy\" \"this\" {\n  event_bus_name = aws_cloudwatch_event_bus.this.name\n  policy         = data.aws_iam_policy_document.org_only.json\n}"},
             .references = {"https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
