// ACM RSA certificates use keys of at least 2048 bits.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("key_algorithm")) return not_assessed(*why);
  const json* alg = r.prop("key_algorithm");
  if (!alg || alg->get<std::string>().empty()) return not_assessed("key algorithm of " + r.name + " not collected");
  std::string a = alg->get<std::string>();  // "RSA-2048", "EC-prime256v1" (ListCertificates says "RSA_2048")
  if (a.rfind("RSA", 0) != 0) return pass("certificate " + r.name + " uses " + a);
  int bits = 0;
  for (char ch : a.substr(3))
    if (ch >= '0' && ch <= '9') bits = bits * 10 + (ch - '0');
  if (bits >= 2048) return pass("certificate " + r.name + " uses " + a);
  return fail("certificate " + r.name + " uses a " + std::to_string(bits) + "-bit RSA key (" + a + "), less than 2048 bits");
}

const RegisterCheck reg({
    .meta = {.id = "acm_certificates_with_secure_key_algorithms",
             .title = "ACM RSA certificates use keys of at least 2048 bits",
             .severity = Severity::kHigh,
             .service = "acm",
             .resource_type = "AWS::CertificateManager::Certificate",
             .description = "The ACM certificate's key is RSA with at least 2048 bits, or elliptic-curve.",
             .risk = "RSA keys shorter than 2048 bits can be factored with feasible resources, so the TLS sessions they protect can be impersonated or decrypted.",
             .remediation = {.text = "Replace the certificate with one using RSA-2048 or stronger, or an ECDSA key.",
                             .cli = "aws acm request-certificate --domain-name <domain> --validation-method DNS --key-algorithm RSA_2048",
                             .terraform = "resource \"aws_acm_certificate\" \"this\" {\n  domain_name       = \"<domain>\"\n  validation_method = \"DNS\"\n  key_algorithm     = \"RSA_2048\"\n}"},
             .references = {"https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html#algorithms", "https://docs.aws.amazon.com/securityhub/latest/userguide/acm-controls.html"},
             .cis = {},
             .fsbp = {"ACM.2"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
