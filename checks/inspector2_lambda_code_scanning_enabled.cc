// Amazon Inspector Lambda code scanning is activated in the region (FSBP Inspector.3).
#include "checks/check.h"
#include "checks/inspector2_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return inspector2::scan_type_enabled(r, "lambda_code", "Lambda code scanning");
}

const RegisterCheck reg({
    .meta = {.id = "inspector2_lambda_code_scanning_enabled",
             .title = "Amazon Inspector Lambda code scanning should be enabled",
             .severity = Severity::kHigh,
             .service = "inspector2",
             .resource_type = "AWS::Inspector2::AccountStatus",
             .description = "The account's Lambda code scan type (ResourceState lambdaCode) has the status ENABLED in the region (BatchGetAccountStatus).",
             .risk = "Without Lambda code scanning, vulnerabilities in the functions' own code (injection flaws, data leaks, weak cryptography, missing encryption, hard-coded secrets) are not found: standard scanning only checks the packages the code depends on.",
             .remediation = {.text = "Activate Amazon Inspector Lambda code scanning, together with Lambda standard scanning which it requires, in every region the account uses (from the delegated administrator for an organization).",
                             .cli = "aws inspector2 enable --resource-types LAMBDA LAMBDA_CODE --region <region>",
                             .terraform = "resource \"aws_inspector2_enabler\" \"this\" {\n  account_ids    = [data.aws_caller_identity.current.account_id]\n  resource_types = [\"LAMBDA\", \"LAMBDA_CODE\"]\n}"},
             .references = {"https://docs.aws.amazon.com/inspector/latest/user/scanning_resources_lambda_code.html",
                            "https://docs.aws.amazon.com/inspector/latest/user/activate-scans.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html#inspector-3"},
             .cis = {},
             .fsbp = {"Inspector.3"}},
    .reads = {"lambda_code"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
