// ECS containers have a log driver configured.
#include "checks/check.h"
#include "checks/ecs_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* cs = ecs::containers(r, &why);
  if (!cs) return not_assessed(why);
  std::string unlogged;
  for (const auto& c : *cs) {
    const json driver = c.value("log_driver", json());
    if (!driver.is_string() || driver.get_ref<const std::string&>().empty() || driver == "none")
      ecs::append(unlogged, ecs::container_name(c));
  }
  if (!unlogged.empty())
    return fail("task definition " + r.id + " has containers without a log configuration: " + unlogged);
  return pass("task definition " + r.id + " configures logging for every container");
}

const RegisterCheck reg({
    .meta = {.id = "ecs_task_definitions_logging_enabled",
             .title = "ECS task definitions should have a logging configuration",
             .severity = Severity::kHigh,
             .service = "ecs",
             .resource_type = "AWS::ECS::TaskDefinition",
             .description = "Every container definition of the latest active revision has a logConfiguration with "
                            "a log driver (awslogs, awsfirelens, splunk, ...), not none.",
             .risk = "Without container logs, what a compromised or failing task did cannot be investigated.",
             .remediation = {.text = "Add a logConfiguration (e.g. the awslogs driver to a CloudWatch Logs group) to "
                                     "every container and register a new revision.",
                             .cli = "aws ecs register-task-definition --cli-input-json file://taskdef-with-awslogs.json",
                             .terraform = "resource \"aws_ecs_task_definition\" \"this\" {\n  # ...\n  container_definitions = jsonencode([{\n    name  = \"app\"\n    image = var.image\n    logConfiguration = {\n      logDriver = \"awslogs\"\n      options = {\n        awslogs-group         = aws_cloudwatch_log_group.app.name\n        awslogs-region        = var.region\n        awslogs-stream-prefix = \"app\"\n      }\n    }\n  }])\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-9"},
             .cis = {},
             .fsbp = {"ECS.9"}},
    .reads = {"containers"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
