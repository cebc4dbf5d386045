// Registered domains are locked against transfer (Route 53 Domains).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* lock = require_prop(r, "transfer_lock", &why);
  if (!lock) return not_assessed(why);
  if (lock->is_boolean() && lock->get<bool>()) return pass("domain " + r.name + " has transfer lock enabled");
  return fail("domain " + r.name + " is not locked against transfer to another registrar");
}

const RegisterCheck reg({
    .meta = {.id = "route53_domains_transferlock_enabled",
             .title = "Route 53 registered domains should have transfer lock enabled",
             .severity = Severity::kMedium,
             .service = "route53",
             .resource_type = "AWS::Route53Domains::Domain",
             .description = "The domain's TransferLock (ListDomains) is on (clientTransferProhibited). Some "
                            "top-level domains do not support the lock; they fail here and are documented by AWS.",
             .risk = "An unlocked domain can be moved to another registrar with a stolen authorization code or a "
                     "social-engineered registrar, taking every site, API and mailbox on it.",
             .remediation = {.text = "Enable the transfer lock (Route 53 console, Registered domains), and keep "
                                     "contacts' email addresses under the organization's control.",
                             .cli = "aws route53domains enable-domain-transfer-lock --region us-east-1 --domain-name <domain>",
                             .terraform = "resource \"aws_route53domains_registered_domain\" \"this\" {\n  domain_name   = \"example.com\"\n  transfer_lock = true\n}"},
             .references = {"https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/domain-lock.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"transfer_lock"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
