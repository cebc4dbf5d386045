// Registered domains renew automatically.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* renew = require_prop(r, "auto_renew", &why);
  if (!renew) return not_assessed(why);
  const json* expiry = r.prop("expiry");
  const std::string until = expiry && expiry->is_string() ? " (expires " + expiry->get<std::string>() + ")" : "";
  if (renew->is_boolean() && renew->get<bool>()) return pass("domain " + r.name + " renews automatically" + until);
  return fail("domain " + r.name + " does not renew automatically" + until);
}

const RegisterCheck reg({
    .meta = {.id = "route53_domains_autorenew_enabled",
             .title = "Route 53 registered domains should renew automatically",
             .severity = Severity::kMedium,
             .service = "route53",
             .resource_type = "AWS::Route53Domains::Domain",
             .description = "The domain's AutoRenew (ListDomains) is on.",
             .risk = "A domain that lapses stops resolving, and after the grace period anyone can register it and "
                     "receive its traffic, mail and password resets.",
             .remediation = {.text = "Enable automatic renewal and keep a valid payment method on the account.",
                             .cli = "aws route53domains enable-domain-auto-renew --region us-east-1 --domain-name <domain>",
                             .terraform = "resource \"aws_route53domains_registered_domain\" \"this\" {\n  domain_name = \"example.com\"\n  auto_renew  = true\n}"},
             .references = {"https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/domain-enable-disable-auto-renewal.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"auto_renew", "expiry"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
