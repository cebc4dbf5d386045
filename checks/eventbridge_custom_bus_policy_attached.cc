// Custom event buses have a resource-based policy attached (FSBP
// EventBridge.3), so who may put events on them is stated on the bus.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* custom = require_prop(r, "custom", &why);
  if (!custom) return not_assessed(why);
  if (!custom->is_boolean() || !custom->get<bool>())
    return not_applicable("event bus " + r.name + " is not a custom bus: the control applies to custom buses");
  if (auto reason = r.missing_reason("policy")) return not_assessed(*reason);
  if (!r.props.contains("policy")) return not_assessed("policy of event bus " + r.id + " was not collected");
  const json* policy = r.prop("policy");
  if (policy && policy->is_object()) return pass("custom event bus " + r.name + " has a resource policy");
  return fail("custom event bus " + r.name + " has no resource-based policy");
}

const RegisterCheck reg({
    .meta = {.id = "eventbridge_custom_bus_policy_attached",
             .title = "EventBridge custom event buses should have a resource-based policy attached",
             .severity = Severity::kLow,
             .service = "events",
             .resource_type = "AWS::Events::EventBus",
             .description = "Each custom event bus (not the default bus, not a partner bus) has a resource-based "
                            "policy.",
             .risk = "Without a bus policy, access is whatever identity policies happen to grant: no statement on "
                     "the bus limits which accounts and principals may put events or manage rules on it.",
             .remediation = {.text = "Attach a policy naming the principals (accounts, organization) allowed to put "
                                     "events on the bus.",
                             .cli = "aws events put-permission --event-bus-name <bus> --policy file://bus-policy.json",
                             .terraform = "resource \"aws_cloudwatch_event_bus_policy\" \"this\" {\n  event_bus_name = aws_cloudwatch_event_bus.this.name\n  policy         = data.aws_iam_policy_document.bus.json\n}"},
             .references = {"https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/eventbridge-controls.html#eventbridge-3"},
             .cis = {},
             .fsbp = {"EventBridge.3"}},
    .reads = {"custom", "policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
