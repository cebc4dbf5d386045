// AWS Batch job definitions name a non-root user for their containers, as
// Security Hub ECS.20 asks of ECS task definitions: without a user the
// container runs as the image's user, root unless the image says otherwise.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

bool is_root(const std::string& user) {
  const std::string name = user.substr(0, user.find(':'));
  return name == "root" || name == "0";
}

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* containers = require_prop(r, "containers", &why);
  if (!containers) return not_assessed(why);
  std::string root, unset;
  for (const auto& c : *containers) {
    const std::string name = c.value("name", "");
    const json user = c.value("user", json());
    if (user.is_string() && is_root(user.get<std::string>())) root += (root.empty() ? "" : ", ") + name;
    else if (!user.is_string() && !c.value("non_root", false)) unset += (unset.empty() ? "" : ", ") + name;
  }
  if (!root.empty()) return fail("job definition " + r.name + " runs container(s) " + root + " as root");
  if (!unset.empty())
    return fail("job definition " + r.name + " names no user for container(s) " + unset +
                ": they run as the image's user, root unless the image sets one");
  return pass("job definition " + r.name + " runs its containers as a non-root user");
}

const RegisterCheck reg({
    .meta = {.id = "batch_job_definition_container_non_root_user",
             .title = "AWS Batch job definitions should run containers as a non-root user",
             .severity = Severity::kMedium,
             .service = "batch",
             .resource_type = "AWS::Batch::JobDefinition",
             .description = "Every container of the active job definition names a user that is not root (user, or "
                            "an EKS container's runAsUser / runAsNonRoot) (DescribeJobDefinitions).",
             .risk = "Root inside the container makes any escape (a kernel or runtime flaw, a mounted host path, "
                     "an added capability) root on the host that runs other jobs.",
             .remediation = {.text = "Register a new revision whose containers set user to an unprivileged UID "
                                     "(and build the image to run as it).",
                             .cli = "aws batch register-job-definition --job-definition-name <name> --type container --container-properties '{\"image\":\"<image>\",\"user\":\"1000\",\"resourceRequirements\":[{\"type\":\"VCPU\",\"value\":\"1\"},{\"type\":\"MEMORY\",\"value\":\"2048\"}]}'",
                             .terraform = "resource \"aws_batch_job_definition\" \"this\" {\n  name = \"etl\"\n  type = \"container\"\n  container_properties = jsonencode({\n    image = \"<image>\"\n    user  = \"1000\"\n    resourceRequirements = [{ type = \"VCPU\", value = \"1\" }, { type = \"MEMORY\", value = \"2048\" }]\n  })\n}"},
             .references = {"https://docs.aws.amazon.com/batch/latest/userguide/job_definition_parameters.html#ContainerProperties-user",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-20"},
             .cis = {},
             .fsbp = {}},
    .reads = {"containers"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
