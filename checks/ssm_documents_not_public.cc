// The account's Systems Manager documents are not shared publicly (FSBP
// SSM.4): DescribeDocumentPermission's AccountIds does not hold "all".
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* shared = require_prop(r, "shared_with", &why);
  if (!shared) return not_assessed(why);
  if (!shared->is_array()) return not_assessed("shared_with of document " + r.id + " was not collected");
  size_t accounts = 0;
  for (const auto& a : *shared) {
    if (a == "all") return fail("document " + r.name + " is shared publicly: any AWS account can run or copy it");
    ++accounts;
  }
  if (accounts == 0) return pass("document " + r.name + " is not shared");
  return pass("document " + r.name + " is shared with " + std::to_string(accounts) +
              " named account(s), not publicly");
}

const RegisterCheck reg({
    .meta = {.id = "ssm_documents_not_public",
             .title = "Systems Manager documents should not be public",
             .severity = Severity::kCritical,
             .service = "ssm",
             .resource_type = "AWS::SSM::Document",
             .description = "A document the account owns is not shared with \"all\" (DescribeDocumentPermission, "
                            "PermissionType Share). Documents owned by Amazon or other accounts are not judged.",
             .risk = "A public document exposes its commands, scripts, parameter names and often account ids, "
                     "bucket names or credentials embedded by mistake, to every AWS account.",
             .remediation = {.text = "Remove the public share (account id \"all\"), share with named accounts if "
                                     "needed, and turn on block public sharing for documents in every region.",
                             .cli = "aws ssm modify-document-permission --name <document> --permission-type Share --account-ids-to-remove all && aws ssm update-service-setting --setting-id /ssm/documents/console/public-sharing-permission --setting-value Disable",
                             .terraform = "resource \"aws_ssm_document\" \"this\" {\n  # ...\n  permissions = {\n    type        = \"Share\"\n    account_ids = \"123456789012\"  # named accounts, never \"All\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html#ssm-4"},
             .cis = {},
             .fsbp = {"SSM.4"}},
    .reads = {"shared_with"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
