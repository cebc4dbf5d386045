// Ensure IAM users do not have both a console password and active access keys.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  auto rep = report_of(r);
  if (!rep.row) return not_assessed(rep.why);
  const json& row = *rep.row;
  size_t keys = active_keys(row).size();
  if (row.value("password_enabled", false) && keys > 0)
    return fail("User " + r.name + " has a console password and " + std::to_string(keys) + " active access key(s).");
  return pass("User " + r.name + " does not combine a console password with active access keys.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_user_no_console_and_access_keys",
             .title = "Ensure IAM users do not have both a console password and active access keys",
             .severity = Severity::kLow,
             .service = "iam",
             .resource_type = "AWS::IAM::User",
             .description = "A user should be either a person (console password) or a workload (access keys), not both.",
             .risk = "Mixing human and programmatic credentials on one identity widens what a single compromise exposes and blurs accountability.",
             .remediation = {.text = "Split the user: keep the console password for the person and give the workload its own role or user.",
                             .cli = "aws iam delete-access-key --user-name <user> --access-key-id <key-id>",
                             .terraform = "# Give workloads their own aws_iam_role instead of access keys on a console user."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
