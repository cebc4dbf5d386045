// CIS 1.13, Ensure there is only one active access key for any single IAM user.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  auto rep = report_of(r);
  if (!rep.row) return not_assessed(rep.why);
  const json& row = *rep.row;
  size_t n = active_keys(row).size();
  if (n > 1) return fail("User " + r.name + " has " + std::to_string(n) + " active access keys.");
  return pass("User " + r.name + " has " + std::to_string(n) + " active access key(s).");
}

const RegisterCheck reg({
    .meta = {.id = "iam_user_two_active_access_keys",
             .title = "Ensure there is only one active access key for any single IAM user",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::User",
             .description = "No IAM user should have two active access keys.",
             .risk = "Two active keys double the credentials to protect and usually mean a rotation was never finished.",
             .remediation = {.text = "Deactivate and delete the key that is no longer in use.",
                             .cli = "aws iam update-access-key --user-name <user> --access-key-id <old-key-id> --status Inactive",
                             .terraform = "# Keep a single aws_iam_access_key per user."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#Using_RotateAccessKey"},
             .cis = {"1.13"},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
