// Amazon Inspector ECR scanning is activated in the region (FSBP Inspector.2).
#include "checks/check.h"
#include "checks/inspector2_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return inspector2::scan_type_enabled(r, "ecr", "ECR scanning");
}

const RegisterCheck reg({
    .meta = {.id = "inspector2_ecr_scanning_enabled",
             .title = "Amazon Inspector ECR scanning should be enabled",
             .severity = Severity::kHigh,
             .service = "inspector2",
             .resource_type = "AWS::Inspector2::AccountStatus",
             .description = "The account's ECR scan type has the status ENABLED in the region (BatchGetAccountStatus).",
             .risk = "Without ECR scanning, software vulnerabilities and exposures in the ECR resources of the region are not found, and no finding reaches Security Hub or the team.",
             .remediation = {.text = "Activate Amazon Inspector ECR scanning in every region the account uses (from the delegated administrator for an organization).",
                             .cli = "aws inspector2 enable --resource-types ECR --region <region>",
                             .terraform = "resource \"aws_inspector2_enabler\" \"this\" {\n  account_ids    = [data.aws_caller_identity.current.account_id]\n  resource_types = [\"ECR\"]\n}"},
             .references = {"https://docs.aws.amazon.com/inspector/latest/user/activate-scans.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html#inspector-2"},
             .cis = {},
             .fsbp = {"Inspector.2"}},
    .reads = {"ecr"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
