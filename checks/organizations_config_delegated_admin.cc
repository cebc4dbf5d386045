// Organization-level: AWS Config has a delegated administrator account, so it is run
// for every member from a dedicated security account, not the management account.
#include "checks/organizations_admin_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return organizations::delegated_admin(r, {"config.amazonaws.com", "config-multiaccountsetup.amazonaws.com"}, "AWS Config");
}

const RegisterCheck reg({
    .meta = {.id = "organizations_config_delegated_admin",
             .title = "AWS Config has a delegated administrator in the organization",
             .severity = Severity::kLow,
             .service = organizations::kService,
             .resource_type = "AWS::Organizations::Administration",
             .description = "An account of the organization is registered as delegated administrator for AWS Config "
                            "(config.amazonaws.com or config-multiaccountsetup.amazonaws.com). Judged in the scan of the management account or a delegated administrator.",
             .risk = "Without one, AWS Config is administered from the management account (whose use should be "
                     "minimal) or separately in each account, so members can be left out and findings are not "
                     "seen in one place.",
             .remediation = {.text = "Register a security tooling account as the delegated administrator for AWS Config "
                                     "from the management account.",
                             .cli = "aws organizations register-delegated-administrator --account-id <security account id> --service-principal config.amazonaws.com",
                             .terraform = "resource \"aws_organizations_delegated_administrator\" \"config\" {\n  account_id        = \"<security account id>\"\n  service_principal = \"config.amazonaws.com\"\n}"},
             .references = {"https://docs.aws.amazon.com/config/latest/developerguide/set-up-aggregator-cli.html",
                            "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
