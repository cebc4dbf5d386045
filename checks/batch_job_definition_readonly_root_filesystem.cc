// AWS Batch job definitions give their containers read-only root file
// systems (as Security Hub ECS.5 asks of ECS containers).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* containers = require_prop(r, "containers", &why);
  if (!containers) return not_assessed(why);
  std::string writable;
  for (const auto& c : *containers)
    if (!c.value("readonly_root_filesystem", false)) writable += (writable.empty() ? "" : ", ") + c.value("name", "");
  if (!writable.empty())
    return fail("job definition " + r.name + " lets container(s) " + writable + " write to their root file system");
  return pass("job definition " + r.name + " mounts its containers' root file systems read-only");
}

const RegisterCheck reg({
    .meta = {.id = "batch_job_definition_readonly_root_filesystem",
             .title = "AWS Batch job definitions should limit containers to read-only root file systems",
             .severity = Severity::kLow,
             .service = "batch",
             .resource_type = "AWS::Batch::JobDefinition",
             .description = "Every container of the active job definition has readonlyRootFilesystem (an EKS "
                            "container, securityContext.readOnlyRootFilesystem) set (DescribeJobDefinitions).",
             .risk = "A writable root file system lets a compromised job change binaries and configuration inside "
                     "the container and persist tooling for the rest of its run.",
             .remediation = {.text = "Register a new revision with readonlyRootFilesystem true, writing scratch "
                                     "data to a mounted volume.",
                             .cli = "aws batch register-job-definition --job-definition-name <name> --type container --container-properties '{\"image\":\"<image>\",\"readonlyRootFilesystem\":true,\"user\":\"1000\",\"resourceRequirements\":[{\"type\":\"VCPU\",\"value\":\"1\"},{\"type\":\"MEMORY\",\"value\":\"2048\"}]}'",
                             .terraform = "resource \"aws_batch_job_definition\" \"this\" {\n  name = \"etl\"\n  type = \"container\"\n  container_properties = jsonencode({\n    image                  = \"<image>\"\n    readonlyRootFilesystem = true\n    resourceRequirements   = [{ type = \"VCPU\", value = \"1\" }, { type = \"MEMORY\", value = \"2048\" }]\n  })\n}"},
             .references = {"https://docs.aws.amazon.com/batch/latest/userguide/job_definition_parameters.html#ContainerProperties-readonlyRootFilesystem"},
             .cis = {},
             .fsbp = {}},
    .reads = {"containers"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
