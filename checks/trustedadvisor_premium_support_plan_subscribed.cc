// The account has a Business, Enterprise On-Ramp or Enterprise Support plan
// (Prowler trustedadvisor_premium_support_plan_subscribed), told by whether
// the Trusted Advisor API answers it.
//
// "No plan" is a FAIL, not NOT_ASSESSED: SubscriptionRequiredException is AWS
// saying the account has no such plan — an answer about the account, not a
// missing one. A denied or failed call is NOT_ASSESSED (the plan is then
// missing from the inventory: a coverage gap). Low severity, as Prowler rates
// it: the plan buys response times and the full Trusted Advisor, it does not
// itself protect anything.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* premium = require_prop(r, "premium", &why);
  if (!premium) return not_assessed(why);
  if (premium->is_boolean() && premium->get<bool>())
    return pass("account " + r.account + " has a Business or Enterprise Support plan: the Trusted Advisor API answers");
  return fail("account " + r.account +
              " has no Business, Enterprise On-Ramp or Enterprise Support plan (the Support API answered "
              "SubscriptionRequiredException)");
}

const RegisterCheck reg({
    .meta = {.id = "trustedadvisor_premium_support_plan_subscribed",
             .title = "The account should be subscribed to a Business or Enterprise Support plan",
             .severity = Severity::kLow,
             .service = "support",
             .resource_type = "AWS::Support::Plan",
             .description = "The AWS Support API (DescribeTrustedAdvisorChecks) answers the account, which it does "
                            "only for Business, Enterprise On-Ramp and Enterprise Support plans; Basic and "
                            "Developer get SubscriptionRequiredException.",
             .risk = "Without a premium plan there is no 24x7 access to AWS engineers during a security incident, "
                     "no Trusted Advisor security checks beyond the core ones and no Support API for automation.",
             .remediation = {.text = "Subscribe the account (or the organization's management account) to Business "
                                     "Support or higher in the AWS Support Center.",
                             .cli = "# Support plans are changed in the console: https://console.aws.amazon.com/support/plans/home",
                             .terraform = "# Support plans are not managed by Terraform; change the plan in the AWS Support Center."},
             .references = {"https://aws.amazon.com/premiumsupport/plans/",
                            "https://docs.aws.amazon.com/awssupport/latest/user/about-support-api.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"premium"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
