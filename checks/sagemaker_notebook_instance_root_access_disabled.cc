// SageMaker notebook instances do not give their users root access (FSBP SageMaker.3).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* root = require_prop(r, "root_access", &why);
  if (!root) return not_assessed(why);
  if (root->is_string() && root->get<std::string>() == "Disabled")
    return pass("notebook instance " + r.name + " has root access disabled");
  return fail("notebook instance " + r.name + " gives its users root access");
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_notebook_instance_root_access_disabled",
             .title = "Users should not have root access to SageMaker notebook instances",
             .severity = Severity::kHigh,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::NotebookInstance",
             .description = "DescribeNotebookInstance's RootAccess is Disabled (AWS's default is Enabled).",
             .risk = "Root on the notebook lets any of its users change its software, disable its controls and read everything on it, including other users' work and the role's credentials.",
             .remediation = {.text = "Stop the notebook instance, set root access to Disabled, and start it again.",
                             .cli = "aws sagemaker stop-notebook-instance --notebook-instance-name <name> && aws sagemaker update-notebook-instance --notebook-instance-name <name> --root-access Disabled",
                             .terraform = "resource \"aws_sagemaker_notebook_instance\" \"this\" {\n  name          = \"analysis\"\n  role_arn      = aws_iam_role.notebook.arn\n  instance_type = \"ml.t3.medium\"\n  root_access   = \"Disabled\"\n}"},
             .references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-3"},
             .cis = {},
             .fsbp = {"SageMaker.3"}},
    .reads = {"root_access"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
