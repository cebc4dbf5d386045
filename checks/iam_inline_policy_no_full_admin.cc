// CIS 1.16, Ensure inline policies do not allow full "*:*" administrative privileges.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* doc = document_of(r, &why);
  if (!doc) return not_assessed(why);
  if (full_admin(*doc)) return fail("Inline policy " + r.name + " allows \"*:*\".");
  return pass("Inline policy " + r.name + " does not allow \"*:*\".");
}

const RegisterCheck reg({
    .meta = {.id = "iam_inline_policy_no_full_admin",
             .title = "Ensure inline policies do not allow full \"*:*\" administrative privileges",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::InlinePolicy",
             .description = "No inline policy of a user, group or role should allow \"Action\": \"*\" on \"Resource\": \"*\".",
             .risk = "An inline full-admin grant is invisible in the managed policy list and gives everything to its principal.",
             .remediation = {.text = "Delete the inline policy and attach a least-privilege managed policy instead.",
                             .cli = "aws iam delete-role-policy --role-name <role> --policy-name <name>",
                             .terraform = "# Replace the aws_iam_role_policy/aws_iam_user_policy with least-privilege actions."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1"},
             .cis = {"1.16"},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
