// Ensure roles trusted by other AWS accounts require an external ID.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("trust_policy")) return not_assessed(*why);
  const json* trust = r.prop("trust_policy");
  if (!trust || !trust->is_object()) return not_assessed("trust policy of role " + r.name + " not collected");
  std::vector<std::string> open;
  for (const json& st : statements(*trust)) {
    if (has_condition_key(st, "sts:ExternalId")) continue;
    for (const auto& p : trusted_aws_principals(st)) {
      std::string acct = principal_account(p);
      if (!acct.empty() && acct != "*" && acct != r.account) open.push_back(p);
    }
  }
  if (!open.empty()) return fail("Role " + r.name + " trusts other accounts without sts:ExternalId: " + join(open) + ".");
  return pass("Role " + r.name + " has no cross-account trust without sts:ExternalId.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_role_cross_account_requires_external_id",
             .title = "Ensure roles trusted by other AWS accounts require an external ID",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::Role",
             .description = "A trust statement that lets principals of another account assume the role should carry an sts:ExternalId condition (the confused-deputy protection for third parties).",
             .risk = "Without an external ID, a third party serving several customers can be tricked into acting on this account (confused deputy).",
             .remediation = {.text = "Add a Condition {\"StringEquals\": {\"sts:ExternalId\": \"<id>\"}} to cross-account trust statements.",
                             .cli = "aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-with-external-id.json",
                             .terraform = "# In assume_role_policy: Condition = {StringEquals = {\"sts:ExternalId\" = \"<id>\"}}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
