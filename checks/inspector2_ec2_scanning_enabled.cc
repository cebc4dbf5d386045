// Amazon Inspector EC2 scanning is activated in the region (FSBP Inspector.1).
#include "checks/check.h"
#include "checks/inspector2_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return inspector2::scan_type_enabled(r, "ec2", "EC2 scanning");
}

const RegisterCheck reg({
    .meta = {.id = "inspector2_ec2_scanning_enabled",
             .title = "Amazon Inspector EC2 scanning should be enabled",
             .severity = Severity::kHigh,
             .service = "inspector2",
             .resource_type = "AWS::Inspector2::AccountStatus",
             .description = "The account's EC2 scan type has the status ENABLED in the region (BatchGetAccountStatus).",
             .risk = "Without EC2 scanning, software vulnerabilities and exposures in the EC2 resources of the region are not found, and no finding reaches Security Hub or the team.",
             .remediation = {.text = "Activate Amazon Inspector EC2 scanning in every region the account uses (from the delegated administrator for an organization).",
                             .cli = "aws inspector2 enable --resource-types EC2 --region <region>",
                             .terraform = "resource \"aws_inspector2_enabler\" \"this\" {\n  account_ids    = [data.aws_caller_identity.current.account_id]\n  resource_types = [\"EC2\"]\n}"},
             .references = {"https://docs.aws.amazon.com/inspector/latest/user/activate-scans.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html#inspector-1"},
             .cis = {},
             .fsbp = {"Inspector.1"}},
    .reads = {"ec2"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
