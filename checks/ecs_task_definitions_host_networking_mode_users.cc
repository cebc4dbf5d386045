// ECS task definitions in host network mode do not run containers as root
// unless they are explicitly privileged (FSBP ECS.1's rule). A user left
// unset runs as the image's USER, which the task definition does not say: AWS
// and this check count it as root, the image default of most base images.
#include "checks/check.h"
#include "checks/ecs_util.h"

namespace cloudpeek::checks {
namespace {

bool is_root(const json& user) {
  if (!user.is_string()) return true;
  const std::string& u = user.get_ref<const std::string&>();
  return u.empty() || u == "root" || u == "0" || u.starts_with("root:") || u.starts_with("0:");
}

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* mode = require_prop(r, "network_mode", &why);
  if (!mode) return not_assessed(why);
  if (*mode != "host") return not_applicable("task definition " + r.id + " uses network mode " + mode->get<std::string>());
  const json* cs = ecs::containers(r, &why);
  if (!cs) return not_assessed(why);
  std::string root;
  for (const auto& c : *cs)
    if (!c.value("privileged", false) && is_root(c.value("user", json())))
      ecs::append(root, ecs::container_name(c) + (c.value("user", json()).is_string()
                                                      ? " (user " + c["user"].get<std::string>() + ")"
                                                      : std::string(" (no user: the image's, root by default)")));
  if (!root.empty())
    return fail("task definition " + r.id + " uses host networking with containers running as root: " + root);
  return pass("task definition " + r.id + " uses host networking with non-root users only");
}

const RegisterCheck reg({
    .meta = {.id = "ecs_task_definitions_host_networking_mode_users",
             .title = "ECS task definitions should have secure networking modes and user definitions",
             .severity = Severity::kHigh,
             .service = "ecs",
             .resource_type = "AWS::ECS::TaskDefinition",
             .description = "A task definition in host network mode has, in every container that is not "
                            "explicitly privileged, a non-root user (user set, and not root or 0). Other network "
                            "modes pass.",
             .risk = "With host networking a container shares the instance's network stack; running as root there "
                     "lets it bind privileged ports, sniff or reconfigure the host's interfaces and reach the "
                     "instance metadata service with the instance role's credentials.",
             .remediation = {.text = "Use the awsvpc network mode, or set a non-root user (\"user\": \"1000:1000\") on "
                                     "each container of a host-mode task definition, and register a new revision.",
                             .cli = "aws ecs register-task-definition --cli-input-json file://taskdef-awsvpc.json",
                             .terraform = "resource \"aws_ecs_task_definition\" \"this\" {\n  # ...\n  network_mode = \"awsvpc\"\n  container_definitions = jsonencode([{\n    name  = \"app\"\n    image = var.image\n    user  = \"1000:1000\"\n  }])\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-1"},
             .cis = {},
             .fsbp = {"ECS.1"}},
    .reads = {"network_mode", "containers"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
