// ECS containers mount their root filesystem read-only.
#include "checks/check.h"
#include "checks/ecs_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* cs = ecs::containers(r, &why);
  if (!cs) return not_assessed(why);
  std::string writable;
  for (const auto& c : *cs)
    if (!c.value("readonly_root_filesystem", false)) ecs::append(writable, ecs::container_name(c));
  if (!writable.empty())
    return fail("task definition " + r.id + " has containers with a writable root filesystem: " + writable);
  return pass("task definition " + r.id + " mounts every container's root filesystem read-only");
}

const RegisterCheck reg({
    .meta = {.id = "ecs_task_definitions_containers_readonly_access",
             .title = "ECS containers should be limited to read-only access to root filesystems",
             .severity = Severity::kHigh,
             .service = "ecs",
             .resource_type = "AWS::ECS::TaskDefinition",
             .description = "Every container definition of the latest active revision sets readonlyRootFilesystem "
                            "to true.",
             .risk = "A writable root filesystem lets an attacker who got code execution change binaries and "
                     "configuration inside the container and persist tools there.",
             .remediation = {.text = "Set readonlyRootFilesystem to true and give the container writable volumes "
                                     "(bind mounts, EFS) only where it must write; register a new revision.",
                             .cli = "aws ecs register-task-definition --cli-input-json file://taskdef-readonly.json",
                             .terraform = "resource \"aws_ecs_task_definition\" \"this\" {\n  # ...\n  container_definitions = jsonencode([{\n    name                   = \"app\"\n    image                  = var.image\n    readonlyRootFilesystem = true\n  }])\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-5"},
             .cis = {},
             .fsbp = {"ECS.5"}},
    .reads = {"containers"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
