// Organization-level: Security Hub has a delegated administrator account, so it is run
// for every member from a dedicated security account, not the management account.
#include "checks/organizations_admin_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return organizations::delegated_admin(r, {"securityhub.amazonaws.com"}, "Security Hub");
}

const RegisterCheck reg({
    .meta = {.id = "organizations_securityhub_delegated_admin",
             .title = "Security Hub has a delegated administrator in the organization",
             .severity = Severity::kLow,
             .service = organizations::kService,
             .resource_type = "AWS::Organizations::Administration",
             .description = "An account of the organization is registered as delegated administrator for Security Hub "
                            "(securityhub.amazonaws.com). Judged in the scan of the management account or a delegated administrator.",
             .risk = "Without one, Security Hub is administered from the management account (whose use should be "
                     "minimal) or separately in each account, so members can be left out and findings are not "
                     "seen in one place.",
             .remediation = {.text = "Register a security tooling account as the delegated administrator for Security Hub "
                                     "from the management account.",
                             .cli = "aws securityhub enable-organization-admin-account --admin-account-id <security account id>",
                             .terraform = "resource \"aws_securityhub_organization_admin_account\" \"this\" {\n  admin_account_id = \"<security account id>\"\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/designate-orgs-admin-account.html",
                            "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
