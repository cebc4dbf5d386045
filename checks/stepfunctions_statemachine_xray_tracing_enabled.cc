// Step Functions state machines send traces to AWS X-Ray.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "tracing_enabled", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("tracing_enabled of state machine " + r.name + " was not collected");
  if (v->get<bool>()) return pass("state machine " + r.name + " sends traces to X-Ray");
  return fail("state machine " + r.name + " does not send traces to X-Ray");
}

const RegisterCheck reg({
    .meta = {.id = "stepfunctions_statemachine_xray_tracing_enabled",
             .title = "Step Functions state machines should have X-Ray tracing enabled",
             .severity = Severity::kLow,
             .service = "stepfunctions",
             .resource_type = "AWS::StepFunctions::StateMachine",
             .description = "tracingConfiguration.enabled is true.",
             .risk = "Without traces, which service a workflow step called, how long it took and where a failure "
                     "started cannot be followed across the services the workflow orchestrates.",
             .remediation = {.text = "Turn on X-Ray tracing for the state machine (its role needs the X-Ray write "
                                     "permissions).",
                             .cli = "aws stepfunctions update-state-machine --state-machine-arn <arn> --tracing-configuration enabled=true",
                             .terraform = "resource \"aws_sfn_state_machine\" \"this\" {\n  # ...\n  tracing_configuration {\n    enabled = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"tracing_enabled"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
