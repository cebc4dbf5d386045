// Ensure attached customer managed policies do not allow privilege escalation.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (r.props.value("aws_managed", false)) return pass("Policy " + r.name + " is AWS managed; only customer managed policies are evaluated.");
  if (r.props.value("attachment_count", 0) == 0) return pass("Policy " + r.name + " is not attached.");
  std::string why;
  const json* doc = document_of(r, &why);
  if (!doc) return not_assessed(why);
  auto esc = escalation_granted(*doc);
  if (!esc.empty()) return fail("Policy " + r.name + " allows privilege escalation on all resources: " + join(esc) + ".");
  return pass("Policy " + r.name + " allows no privilege-escalation action on all resources.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_policy_no_privilege_escalation",
             .title = "Ensure attached customer managed policies do not allow privilege escalation",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::Policy",
             .description = "Attached customer managed policies should not allow IAM actions that let a principal raise its own privileges (iam:PassRole, iam:CreatePolicyVersion, iam:Attach*Policy, iam:Put*Policy, iam:CreateAccessKey, ...) on all resources.",
             .risk = "A principal that can edit policies, pass any role or create credentials can make itself administrator.",
             .remediation = {.text = "Scope these actions to specific resources or remove them; use permissions boundaries for delegated IAM administration.",
                             .cli = "aws iam create-policy-version --policy-arn <arn> --policy-document file://scoped.json --set-as-default",
                             .terraform = "# Restrict iam:PassRole etc. to specific role ARNs in aws_iam_policy documents."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege", "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
