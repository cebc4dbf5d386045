// AWS Batch job definitions do not run privileged containers.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* containers = require_prop(r, "containers", &why);
  if (!containers) return not_assessed(why);
  std::string privileged;
  for (const auto& c : *containers)
    if (c.value("privileged", false)) privileged += (privileged.empty() ? "" : ", ") + c.value("name", "");
  if (!privileged.empty())
    return fail("job definition " + r.name + " runs privileged container(s): " + privileged);
  return pass("job definition " + r.name + " runs no privileged container");
}

const RegisterCheck reg({
    .meta = {.id = "batch_job_definition_container_not_privileged",
             .title = "AWS Batch job definitions should not run privileged containers",
             .severity = Severity::kHigh,
             .service = "batch",
             .resource_type = "AWS::Batch::JobDefinition",
             .description = "No container of the active job definition (containerProperties, each node range's "
                            "container, each EKS pod container's securityContext) has privileged set "
                            "(DescribeJobDefinitions).",
             .risk = "A privileged container has root on the compute environment's host: a compromised or "
                     "malicious job reads other jobs' data and credentials and escapes to the instance and its "
                     "instance role.",
             .remediation = {.text = "Register a new revision without privileged (grant only the Linux capabilities "
                                     "the job needs through linuxParameters) and deregister the privileged one.",
                             .cli = "aws batch register-job-definition --job-definition-name <name> --type container --container-properties file://container.json   # privileged false; then: aws batch deregister-job-definition --job-definition <name>:<revision>",
                             .terraform = "resource \"aws_batch_job_definition\" \"this\" {\n  name = \"etl\"\n  type = \"container\"\n  container_properties = jsonencode({\n    image      = \"<image>\"\n    privileged = false\n    user       = \"1000\"\n    resourceRequirements = [{ type = \"VCPU\", value = \"1\" }, { type = \"MEMORY\", value = \"2048\" }]\n  })\n}"},
             .references = {"https://docs.aws.amazon.com/batch/latest/userguide/job_definition_parameters.html#ContainerProperties-privileged"},
             .cis = {},
             .fsbp = {}},
    .reads = {"containers"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
