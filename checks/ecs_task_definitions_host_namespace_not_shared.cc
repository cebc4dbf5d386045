// ECS task definitions do not share the host's process namespace.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "pid_mode", &why)) return not_assessed(why);
  const json* pid = r.prop("pid_mode");
  if (pid && *pid == "host") return fail("task definition " + r.id + " shares the host's process namespace (pidMode host)");
  return pass("task definition " + r.id + " does not share the host's process namespace");
}

const RegisterCheck reg({
    .meta = {.id = "ecs_task_definitions_host_namespace_not_shared",
             .title = "ECS task definitions should not share the host's process namespace",
             .severity = Severity::kHigh,
             .service = "ecs",
             .resource_type = "AWS::ECS::TaskDefinition",
             .description = "The latest active revision does not set pidMode to host.",
             .risk = "A container in the host's PID namespace sees every process on the instance and, with enough "
                     "privilege, can signal, trace or inject into them, including the ECS agent.",
             .remediation = {.text = "Remove pidMode (or set it to task) and register a new revision.",
                             .cli = "aws ecs register-task-definition --cli-input-json file://taskdef-without-pidmode.json",
                             .terraform = "resource \"aws_ecs_task_definition\" \"this\" {\n  # ...\n  pid_mode = \"task\"  # or leave unset\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3"},
             .cis = {},
             .fsbp = {"ECS.3"}},
    .reads = {"pid_mode"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
