// SageMaker notebook instances are launched in a VPC subnet (FSBP SageMaker.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "subnet_id", &why)) return not_assessed(why);
  const json* subnet = r.prop("subnet_id");
  if (subnet && subnet->is_string() && !subnet->get<std::string>().empty())
    return pass("notebook instance " + r.name + " runs in subnet " + subnet->get<std::string>());
  return fail("notebook instance " + r.name + " is not in a VPC: it runs in SageMaker's own network");
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_notebook_instance_vpc_settings_configured",
             .title = "SageMaker notebook instances should be launched in a custom VPC",
             .severity = Severity::kHigh,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::NotebookInstance",
             .description = "DescribeNotebookInstance names a SubnetId: the instance's network interface sits in one of the account's VPCs.",
             .risk = "Outside a VPC the notebook's traffic escapes security groups, VPC endpoints policies, flow logs and network firewalls.",
             .remediation = {.text = "Recreate the notebook instance with a subnet and security groups of a VPC.",
                             .cli = "aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type ml.t3.medium --role-arn <role-arn> --subnet-id <subnet-id> --security-group-ids <sg-id>",
                             .terraform = "resource \"aws_sagemaker_notebook_instance\" \"this\" {\n  name          = \"analysis\"\n  role_arn      = aws_iam_role.notebook.arn\n  instance_type = \"ml.t3.medium\"\n  subnet_id       = aws_subnet.private.id\n  security_groups = [aws_security_group.notebook.id]\n}"},
             .references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/process-vpc.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-2"},
             .cis = {},
             .fsbp = {"SageMaker.2"}},
    .reads = {"subnet_id"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
