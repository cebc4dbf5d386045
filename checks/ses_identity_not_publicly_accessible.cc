// SES identities' sending authorization policies do not let everyone send as the identity.
#include "checks/app_policy.h"
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* policies = require_prop(r, "policies", &why);
  if (!policies) return not_assessed(why);
  if (!policies->is_object() || policies->empty()) return pass("identity " + r.name + " has no sending authorization policy");
  for (const auto& [name, doc] : policies->items())
    if (auto sid = app_policy::public_statement(doc))
      return fail("identity " + r.name + " policy " + name + " statement " + *sid +
                  " allows any principal (\"*\") to send as it without a condition");
  return pass("identity " + r.name + " policies authorize named principals only");
}

const RegisterCheck reg({
    .meta = {.id = "ses_identity_not_publicly_accessible",
             .title = "SES identities should not be publicly accessible",
             .severity = Severity::kHigh,
             .service = "ses",
             .resource_type = "AWS::SES::EmailIdentity",
             .description = "No sending authorization policy of the identity (GetEmailIdentity's Policies) has an Allow statement for every principal (\"*\") unrestricted by a condition.",
             .risk = "Anyone with an AWS account can send email as the domain or address: phishing and spam under the organization's name, billed to it and damaging its sender reputation.",
             .remediation = {.text = "Replace the \"*\" principal with the accounts or roles allowed to send, or add an aws:SourceAccount / aws:PrincipalOrgID condition.",
                             .cli = "aws sesv2 delete-email-identity-policy --email-identity <identity> --policy-name <policy> && aws sesv2 create-email-identity-policy --email-identity <identity> --policy-name <policy> --policy file://named-principals.json",
                             .terraform = "resource \"aws_ses_identity_policy\" \"this\" {\n  identity = aws_ses_domain_identity.this.arn\n  name     = \"allow-app\"\n  policy   = data.aws_iam_policy_document.named_senders.json\n}"},
             .references = {"https://docs.aws.amazon.com/ses/latest/dg/sending-authorization-policies.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"policies"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
