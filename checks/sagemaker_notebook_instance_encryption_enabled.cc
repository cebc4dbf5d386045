// SageMaker notebook instances encrypt their storage volume with a customer managed KMS key.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "kms_key_id", &why)) return not_assessed(why);
  const json* key = r.prop("kms_key_id");
  if (key && key->is_string() && !key->get<std::string>().empty())
    return pass("notebook instance " + r.name + " encrypts its volume with KMS key " + key->get<std::string>());
  return fail("notebook instance " + r.name + " has no customer managed KMS key for its storage volume");
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_notebook_instance_encryption_enabled",
             .title = "SageMaker notebook instances should encrypt their storage with a KMS key",
             .severity = Severity::kMedium,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::NotebookInstance",
             .description = "DescribeNotebookInstance names a KmsKeyId for the ML storage volume attached to the instance.",
             .risk = "Without a key of the account, who may decrypt the notebook's data and datasets cannot be restricted by a key policy nor audited in CloudTrail, and the key cannot be disabled to cut access.",
             .remediation = {.text = "Recreate the notebook instance with a customer managed KMS key (the key cannot be added in place).",
                             .cli = "aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type ml.t3.medium --role-arn <role-arn> --kms-key-id <key-arn>",
                             .terraform = "resource \"aws_sagemaker_notebook_instance\" \"this\" {\n  name          = \"analysis\"\n  role_arn      = aws_iam_role.notebook.arn\n  instance_type = \"ml.t3.medium\"\n  kms_key_id    = aws_kms_key.sagemaker.arn\n}"},
             .references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"kms_key_id"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
