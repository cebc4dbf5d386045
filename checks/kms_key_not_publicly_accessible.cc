// KMS key policies do not allow public access.
#include "checks/check.h"
#include "checks/policy_statements.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  if (auto why = r.missing_reason("policy")) return not_assessed(*why);
  const json* doc = r.prop("policy");
  if (!doc) return not_assessed("the key policy of " + r.name + " was not collected");
  auto sts = policy::statements(*doc);
  for (size_t i = 0; i < sts.size(); ++i) {
    const json& st = sts[i];
    if (policy::is_allow(st) && policy::principal_is_public(st) && !policy::has_condition(st)) {
      std::string sid = st.contains("Sid") && st["Sid"].is_string() ? st["Sid"].get<std::string>() : "#" + std::to_string(i + 1);
      return fail("key " + r.name + " policy statement " + sid + " allows every principal (\"*\") without a condition");
    }
  }
  return pass("key " + r.name + " policy allows only named principals or conditional access");
}

const RegisterCheck reg({
    .meta = {.id = "kms_key_not_publicly_accessible",
             .title = "KMS key policies do not allow public access",
             .severity = Severity::kCritical,
             .service = "kms",
             .resource_type = "AWS::KMS::Key",
             .description = "No Allow statement of the key policy names every principal (\"*\") without a condition restricting it.",
             .risk = "Anyone with an AWS account could use or manage the key: decrypt data protected by it, or change its policy.",
             .remediation = {.text = "Replace the wildcard principal with the account or roles that need the key, or add conditions such as kms:CallerAccount or aws:PrincipalOrgID.",
                             .cli = "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://key-policy.json",
                             .terraform = "resource \"aws_kms_key_policy\" \"this\" {\n  key_id = aws_kms_key.this.id\n  policy = data.aws_iam_policy_document.key.json\n}"},
             .references = {"https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-5"},
             .cis = {},
             .fsbp = {"KMS.5"}},
    .reads = {"policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
