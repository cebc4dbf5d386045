// Step Functions state machines log their executions to CloudWatch Logs.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* level = require_prop(r, "logging_level", &why);
  if (!level) return not_assessed(why);
  const json* dest = require_prop(r, "log_destinations", &why);
  if (!dest) return not_assessed(why);
  const std::string l = level->is_string() ? level->get<std::string>() : "OFF";
  if (l == "OFF") return fail("state machine " + r.name + " does not log its executions (level OFF)");
  if (!dest->is_array() || dest->empty())
    return fail("state machine " + r.name + " has logging level " + l + " but no log group to write to");
  return pass("state machine " + r.name + " logs at level " + l + " to " + dest->front().get<std::string>());
}

const RegisterCheck reg({
    .meta = {.id = "stepfunctions_statemachine_logging_enabled",
             .title = "Step Functions state machines should have logging turned on",
             .severity = Severity::kMedium,
             .service = "stepfunctions",
             .resource_type = "AWS::StepFunctions::StateMachine",
             .description = "loggingConfiguration.level is ALL, ERROR or FATAL, with a CloudWatch Logs log group as "
                            "destination.",
             .risk = "Without execution logs, failed or tampered workflow runs (Express workflows keep no execution "
                     "history at all) cannot be investigated.",
             .remediation = {.text = "Set a logging level and a CloudWatch Logs log group on the state machine "
                                     "(ERROR at least; ALL with includeExecutionData only where the data is not sensitive).",
                             .cli = "aws stepfunctions update-state-machine --state-machine-arn <arn> --logging-configuration 'level=ERROR,includeExecutionData=false,destinations=[{cloudWatchLogsLogGroup={logGroupArn=<log-group-arn>:*}}]'",
                             .terraform = "resource \"aws_sfn_state_machine\" \"this\" {\n  # ...\n  logging_configuration {\n    log_destination        = \"${aws_cloudwatch_log_group.sfn.arn}:*\"\n    include_execution_data = false\n    level                  = \"ERROR\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/stepfunctions-controls.html#stepfunctions-1"},
             .cis = {},
             .fsbp = {"StepFunctions.1"}},
    .reads = {"logging_level", "log_destinations"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
