// CIS 1.17, Ensure a support role has been created to manage incidents with AWS Support.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("roles")) return not_assessed(*why);
  const json* roles = r.prop("roles");
  if (!roles) return not_assessed("iam:ListEntitiesForPolicy: AWSSupportAccess attachments not collected");
  if (roles->empty()) return fail("AWSSupportAccess is attached to no role.");
  std::vector<std::string> names;
  for (const auto& n : *roles) names.push_back(n.get<std::string>());
  return pass("AWSSupportAccess is attached to role(s): " + join(names) + ".");
}

const RegisterCheck reg({
    .meta = {.id = "iam_support_role_created",
             .title = "Ensure a support role has been created to manage incidents with AWS Support",
             .severity = Severity::kLow,
             .service = "iam",
             .resource_type = "AWS::IAM::SupportAccessPolicy",
             .description = "The AWS managed policy AWSSupportAccess should be attached to at least one role (ListEntitiesForPolicy).",
             .risk = "Without a support role, incident handling with AWS Support falls back on over-privileged or root credentials.",
             .remediation = {.text = "Create a role for your support staff and attach AWSSupportAccess to it.",
                             .cli = "aws iam attach-role-policy --role-name <support-role> --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess",
                             .terraform = "resource \"aws_iam_role_policy_attachment\" \"support\" {\n  role       = \"<support-role>\"\n  policy_arn = \"arn:aws:iam::aws:policy/AWSSupportAccess\"\n}"},
             .references = {"https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html", "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSupportAccess.html"},
             .cis = {"1.17"},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
