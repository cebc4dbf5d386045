// CIS 1.16, FSBP IAM.1: Ensure IAM policies that allow full "*:*" administrative privileges are not attached.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  int64_t attachments = r.props.value("attachment_count", 0);
  std::string why;
  const json* doc = document_of(r, &why);
  if (!doc) return not_assessed(why);
  bool admin = full_admin(*doc);
  if (!admin) return pass("Policy " + r.name + " does not allow \"*:*\".");
  if (attachments == 0) return pass("Policy " + r.name + " allows \"*:*\" but is not attached.");
  return fail("Policy " + r.name + " allows \"*:*\" and is attached to " + std::to_string(attachments) + " entity(ies).");
}

const RegisterCheck reg({
    .meta = {.id = "iam_no_full_admin_policies_attached",
             .title = "Ensure IAM policies that allow full \"*:*\" administrative privileges are not attached",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::Policy",
             .description = "No attached managed policy (customer managed, or AWS managed such as AdministratorAccess) should allow \"Action\": \"*\" on \"Resource\": \"*\" in its default version.",
             .risk = "Full administrative policies give everything to whoever holds them, bypassing least privilege.",
             .remediation = {.text = "Detach the policy and grant only the actions the principals need.",
                             .cli = "aws iam list-entities-for-policy --policy-arn <arn> && aws iam detach-role-policy --role-name <role> --policy-arn <arn>",
                             .terraform = "# Replace \"*\" actions in aws_iam_policy documents with the specific actions needed."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1"},
             .cis = {"1.16"},
             .fsbp = {"IAM.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
