// SageMaker notebook instances have direct internet access disabled (FSBP SageMaker.1).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* access = require_prop(r, "direct_internet_access", &why);
  if (!access) return not_assessed(why);
  if (access->is_string() && access->get<std::string>() == "Disabled")
    return pass("notebook instance " + r.name + " has direct internet access disabled");
  return fail("notebook instance " + r.name + " has direct internet access enabled: it reaches and is reachable from the internet through SageMaker's network");
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_notebook_instance_without_direct_internet_access_configured",
             .title = "Amazon SageMaker notebook instances should not have direct internet access",
             .severity = Severity::kHigh,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::NotebookInstance",
             .description = "DescribeNotebookInstance's DirectInternetAccess is Disabled (traffic goes through the instance's VPC only).",
             .risk = "A notebook with direct internet access can download malicious packages and exfiltrate the training data and credentials it holds, outside the VPC's controls and logs.",
             .remediation = {.text = "Recreate the notebook instance in a VPC subnet with direct internet access disabled (it cannot be changed in place); reach the internet, if needed, through a NAT gateway.",
                             .cli = "aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type ml.t3.medium --role-arn <role-arn> --subnet-id <subnet-id> --security-group-ids <sg-id> --direct-internet-access Disabled",
                             .terraform = "resource \"aws_sagemaker_notebook_instance\" \"this\" {\n  name          = \"analysis\"\n  role_arn      = aws_iam_role.notebook.arn\n  instance_type = \"ml.t3.medium\"\n  subnet_id              = aws_subnet.private.id\n  security_groups        = [aws_security_group.notebook.id]\n  direct_internet_access = \"Disabled\"\n}"},
             .references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-1"},
             .cis = {},
             .fsbp = {"SageMaker.1"}},
    .reads = {"direct_internet_access"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
