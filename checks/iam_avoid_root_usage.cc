// CIS 1.7, Eliminate use of the 'root' user for administrative and daily tasks.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  auto rep = report_of(r);
  if (!rep.row) return not_assessed(rep.why);
  const json& row = *rep.row;
  std::optional<int64_t> last = time_of(row, "password_last_used");
  for (const auto& k : row.value("access_keys", json::array())) {
    auto used = time_of(k, "last_used");
    if (used && (!last || *used > *last)) last = used;
  }
  if (!last) return pass("The root user has not been used (no password or access key use recorded).");
  int64_t age = days(rep.now - *last);
  if (age < 90) return fail("The root user was used " + std::to_string(age) + " day(s) before the credential report.");
  return pass("The root user was last used " + std::to_string(age) + " days before the credential report.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_avoid_root_usage",
             .title = "Eliminate use of the 'root' user for administrative and daily tasks",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::Root",
             .description = "The root user's password and access keys should not have been used in the 90 days before the credential report was generated.",
             .risk = "Everyday use of the root user exposes its unrestricted credentials and bypasses the least-privilege controls of IAM.",
             .remediation = {.text = "Create IAM Identity Center users or IAM roles for administration, stop using the root user, and monitor its use (CIS 4.3).",
                             .cli = "aws iam generate-credential-report && aws iam get-credential-report --query Content --output text | base64 -d | grep '<root_account>'",
                             .terraform = "# Process control: use IAM roles/Identity Center instead of the root user."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user_manage_tasks", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html"},
             .cis = {"1.7"},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
