// FSBP Account.2: Ensure the account is part of an AWS Organizations organization.
#include "checks/check.h"
#include <string>
#include <vector>


namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("in_organization")) return not_assessed(*why);
  const json* in = r.prop("in_organization");
  if (!in) return not_assessed("organizations:DescribeOrganization: membership not collected");
  if (!in->get<bool>()) return fail("Account " + r.account + " is not part of an AWS Organizations organization.");
  return pass("Account " + r.account + " belongs to organization " + r.props.value("id", std::string()) + ".");
}

const RegisterCheck reg({
    .meta = {.id = "organizations_account_part_of_organizations",
             .title = "Ensure the account is part of an AWS Organizations organization",
             .severity = Severity::kLow,
             .service = "organizations",
             .resource_type = "AWS::Organizations::Organization",
             .description = "The account should belong to an AWS Organizations organization (DescribeOrganization), so organization-wide guardrails (SCPs, delegated security services) apply.",
             .risk = "A standalone account escapes central controls: service control policies, organization trails, delegated GuardDuty/Security Hub.",
             .remediation = {.text = "Invite the account into your organization, or create one.",
                             .cli = "aws organizations invite-account-to-organization --target Id=<account-id>,Type=ACCOUNT  # from the management account",
                             .terraform = "resource \"aws_organizations_organization\" \"org\" {\n  feature_set = \"ALL\"\n}"},
             .references = {"https://docs.aws.amazon.com/organizations/latest/userguide/orgs_introduction.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/account-controls.html#account-2"},
             .cis = {},
             .fsbp = {"Account.2"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
