// CIS 1.4, FSBP IAM.4: Ensure no 'root' user account access key exists.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  auto rep = report_of(r);
  if (rep.row) {
    auto keys = active_keys(*rep.row);
    if (!keys.empty()) return fail("The root user has " + std::to_string(keys.size()) + " active access key(s).");
    return pass("The root user has no active access keys.");
  }
  if (const json* present = r.prop("account_access_keys_present"))
    return present->get<bool>() ? fail("GetAccountSummary reports root access keys present.")
                                : pass("GetAccountSummary reports no root access keys.");
  return not_assessed(rep.why);
}

const RegisterCheck reg({
    .meta = {.id = "iam_no_root_access_key",
             .title = "Ensure no 'root' user account access key exists",
             .severity = Severity::kCritical,
             .service = "iam",
             .resource_type = "AWS::IAM::Root",
             .description = "The root user should have no access keys. The check reads the credential report (access_key_1/2_active of <root_account>) and falls back to GetAccountSummary's AccountAccessKeysPresent.",
             .risk = "Root access keys give unrestricted, unrestrictable programmatic access to every resource and the billing of the account; a leaked key is a full account compromise.",
             .remediation = {.text = "Sign in as the root user, open Security credentials and delete the root access keys; use IAM roles or users with least privilege instead.",
                             .cli = "aws iam delete-access-key --access-key-id <root-access-key-id>  # run with root credentials",
                             .terraform = "# Root access keys cannot be managed by Terraform; delete them in the console (root user > Security credentials)."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-4"},
             .cis = {"1.4"},
             .fsbp = {"IAM.4"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
