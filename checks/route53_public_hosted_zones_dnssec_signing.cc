// Public hosted zones sign their records with DNSSEC (GetDNSSEC
// ServeSignature SIGNING). Private zones cannot and get no finding.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* is_private = require_prop(r, "private", &why);
  if (!is_private) return not_assessed(why);
  if (is_private->is_boolean() && is_private->get<bool>())
    return not_applicable("hosted zone " + r.name + " is private: DNSSEC signing does not apply");
  const json* status = require_prop(r, "dnssec_status", &why);
  if (!status) return not_assessed(why);
  if (*status == "SIGNING") return pass("public hosted zone " + r.name + " is signed with DNSSEC");
  return fail("public hosted zone " + r.name + " (" + r.id + ") is not signed with DNSSEC (status " +
              (status->is_string() && !status->get<std::string>().empty() ? status->get<std::string>()
                                                                          : std::string("unknown")) +
              ")");
}

const RegisterCheck reg({
    .meta = {.id = "route53_public_hosted_zones_dnssec_signing",
             .title = "Route 53 public hosted zones should be signed with DNSSEC",
             .severity = Severity::kLow,
             .service = "route53",
             .resource_type = "AWS::Route53::HostedZone",
             .description = "Each public hosted zone's DNSSEC status (GetDNSSEC) is SIGNING. The chain of trust also "
                            "needs the DS record at the parent zone, which CloudPeek does not see.",
             .risk = "Unsigned answers can be spoofed by a resolver-level attacker (cache poisoning), sending users "
                     "and mail to hosts the attacker controls.",
             .remediation = {.text = "Create a key-signing key with an asymmetric ECC_NIST_P256 KMS key in us-east-1, "
                                     "enable signing, then add the DS record at the registrar or parent zone.",
                             .cli = "aws route53 create-key-signing-key --hosted-zone-id <zone-id> --name ksk1 --key-management-service-arn <kms-key-arn> --status ACTIVE --caller-reference <unique> && aws route53 enable-hosted-zone-dnssec --hosted-zone-id <zone-id>",
                             .terraform = "resource \"aws_route53_key_signing_key\" \"this\" {\n  hosted_zone_id             = aws_route53_zone.public.id\n  key_management_service_arn = aws_kms_key.dnssec.arn\n  name                       = \"ksk1\"\n}\n\nresource \"aws_route53_hosted_zone_dnssec\" \"this\" {\n  hosted_zone_id = aws_route53_key_signing_key.this.hosted_zone_id\n}"},
             .references = {"https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-configuring-dnssec.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"private", "dnssec_status"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
