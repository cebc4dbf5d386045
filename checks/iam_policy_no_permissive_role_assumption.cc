// Ensure attached customer managed policies do not allow sts:AssumeRole on all resources.
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
  for (const json& st : statements(*doc))
    if (on_all_resources(st) && grants(st, "sts:AssumeRole"))
      return fail("Policy " + r.name + " allows sts:AssumeRole on all resources.");
  return pass("Policy " + r.name + " does not allow sts:AssumeRole on all resources.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_policy_no_permissive_role_assumption",
             .title = "Ensure attached customer managed policies do not allow sts:AssumeRole on all resources",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::Policy",
             .description = "Attached customer managed policies should not allow sts:AssumeRole on \"*\".",
             .risk = "Assuming any role lets a principal reach every role that trusts its account, including more privileged ones and roles in other accounts.",
             .remediation = {.text = "Restrict sts:AssumeRole to the ARNs of the roles the principal needs.",
                             .cli = "aws iam create-policy-version --policy-arn <arn> --policy-document file://scoped.json --set-as-default",
                             .terraform = "# Use explicit role ARNs as the Resource of sts:AssumeRole statements."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
