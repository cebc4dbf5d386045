// Ensure IAM role trust policies do not allow any principal without a condition.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("trust_policy")) return not_assessed(*why);
  const json* trust = r.prop("trust_policy");
  if (!trust || !trust->is_object()) return not_assessed("trust policy of role " + r.name + " not collected");
  for (const json& st : statements(*trust)) {
    if (st.contains("Condition") && st["Condition"].is_object() && !st["Condition"].empty()) continue;
    for (const auto& p : trusted_aws_principals(st))
      if (principal_account(p) == "*") return fail("Role " + r.name + " can be assumed by any AWS principal (" + p + ") without a condition.");
  }
  return pass("Role " + r.name + " does not trust every principal without a condition.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_role_trust_no_public_principal",
             .title = "Ensure IAM role trust policies do not allow any principal without a condition",
             .severity = Severity::kCritical,
             .service = "iam",
             .resource_type = "AWS::IAM::Role",
             .description = "A role's trust policy should not let \"*\" (any AWS principal, in any account) assume it unless a Condition restricts who may.",
             .risk = "Anyone with an AWS account can assume the role and use its permissions.",
             .remediation = {.text = "Name the trusted accounts or principals, or add conditions such as aws:PrincipalOrgID or sts:ExternalId.",
                             .cli = "aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json",
                             .terraform = "resource \"aws_iam_role\" \"r\" {\n  assume_role_policy = jsonencode({Version = \"2012-10-17\", Statement = [{Effect = \"Allow\", Action = \"sts:AssumeRole\", Principal = {AWS = \"arn:aws:iam::<account>:root\"}}]})\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
