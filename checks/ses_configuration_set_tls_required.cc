// SES configuration sets require TLS for the mail they send.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* tls = require_prop(r, "tls_policy", &why);
  if (!tls) return not_assessed(why);
  if (tls->is_string() && tls->get<std::string>() == "REQUIRE")
    return pass("configuration set " + r.name + " requires TLS (TlsPolicy REQUIRE)");
  return fail("configuration set " + r.name + " delivers over plaintext when the receiver offers no TLS (TlsPolicy " +
              (tls->is_string() ? tls->get<std::string>() : std::string("unknown")) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "ses_configuration_set_tls_required",
             .title = "SES configuration sets should require TLS",
             .severity = Severity::kMedium,
             .service = "ses",
             .resource_type = "AWS::SES::ConfigurationSet",
             .description = "The configuration set's DeliveryOptions.TlsPolicy (GetConfigurationSet) is REQUIRE; AWS's default, OPTIONAL, falls back to plaintext.",
             .risk = "With OPTIONAL, messages go unencrypted to any receiving server that does not offer TLS, or whose STARTTLS is stripped in transit.",
             .remediation = {.text = "Set the configuration set's TLS policy to REQUIRE.",
                             .cli = "aws sesv2 put-configuration-set-delivery-options --configuration-set-name <name> --tls-policy REQUIRE",
                             .terraform = "resource \"aws_sesv2_configuration_set\" \"this\" {\n  configuration_set_name = \"app\"\n  delivery_options {\n    tls_policy = \"REQUIRE\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/ses/latest/dg/security-protocols.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"tls_policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
