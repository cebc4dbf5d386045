// ECS containers do not run privileged (root on the host instance).
#include "checks/check.h"
#include "checks/ecs_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* cs = ecs::containers(r, &why);
  if (!cs) return not_assessed(why);
  std::string privileged;
  for (const auto& c : *cs)
    if (c.value("privileged", false)) ecs::append(privileged, ecs::container_name(c));
  if (!privileged.empty())
    return fail("task definition " + r.id + " runs privileged containers: " + privileged);
  return pass("task definition " + r.id + " has no privileged container");
}

const RegisterCheck reg({
    .meta = {.id = "ecs_task_definitions_no_privileged_containers",
             .title = "ECS containers should run as non-privileged",
             .severity = Severity::kHigh,
             .service = "ecs",
             .resource_type = "AWS::ECS::TaskDefinition",
             .description = "No container definition of the latest active revision sets privileged to true.",
             .risk = "A privileged container has every capability and the host's devices: escaping to the "
                     "container instance, and from there to every other task on it and the instance role, is "
                     "one step.",
             .remediation = {.text = "Register a revision without privileged (grant only the Linux capabilities "
                                     "the container needs with linuxParameters.capabilities.add).",
                             .cli = "aws ecs register-task-definition --cli-input-json file://taskdef-unprivileged.json",
                             .terraform = "resource \"aws_ecs_task_definition\" \"this\" {\n  # ...\n  container_definitions = jsonencode([{\n    name       = \"app\"\n    image      = var.image\n    privileged = false\n  }])\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4"},
             .cis = {},
             .fsbp = {"ECS.4"}},
    .reads = {"containers"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
