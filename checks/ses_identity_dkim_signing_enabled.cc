// SES email identities sign with DKIM, and the DKIM setup is verified.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* dkim = require_prop(r, "dkim_signing", &why);
  if (!dkim) return not_assessed(why);
  if (!dkim->is_object()) return not_assessed("DKIM attributes of " + r.id + " were not collected");
  if (!dkim->value("enabled", false)) return fail("identity " + r.name + " does not sign its email with DKIM");
  const json status = dkim->value("status", json(nullptr));
  const std::string s = status.is_string() ? status.get<std::string>() : "unknown";
  if (s != "SUCCESS") return fail("identity " + r.name + " has DKIM signing on but its DKIM status is " + s + ": mail is not signed");
  return pass("identity " + r.name + " signs its email with DKIM (verified)");
}

const RegisterCheck reg({
    .meta = {.id = "ses_identity_dkim_signing_enabled",
             .title = "SES email identities should have DKIM signing enabled",
             .severity = Severity::kMedium,
             .service = "ses",
             .resource_type = "AWS::SES::EmailIdentity",
             .description = "The identity's DkimAttributes (GetEmailIdentity) have SigningEnabled true and Status SUCCESS.",
             .risk = "Unsigned mail is easier to spoof and more often rejected or sent to spam; receivers cannot verify it came from the domain, and DMARC alignment fails.",
             .remediation = {.text = "Set up Easy DKIM for the domain (publish the three CNAME records) and enable DKIM signing for the identity.",
                             .cli = "aws sesv2 put-email-identity-dkim-attributes --email-identity <identity> --signing-enabled",
                             .terraform = "resource \"aws_sesv2_email_identity\" \"this\" {\n  email_identity = \"example.com\"\n  dkim_signing_attributes {\n    next_signing_key_length = \"RSA_2048_BIT\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"dkim_signing"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
