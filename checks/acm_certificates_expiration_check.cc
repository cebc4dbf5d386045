// ACM certificates are not expired or about to expire.
#include "checks/check.h"
#include "checks/monitoring_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("not_after")) return not_assessed(*why);
  const json* not_after = r.prop("not_after");
  if (!not_after) {
    // ACM's status says it without the date: EXPIRED is expired. A certificate
    // still being requested (or whose request failed) has no validity period
    // to run out. Any other status (ISSUED, INACTIVE, REVOKED) comes with a
    // NotAfter from DescribeCertificate: without it the date was not collected.
    const json* status = r.prop("status");
    std::string s = status && status->is_string() ? status->get<std::string>() : "";
    if (s == "EXPIRED") return fail("certificate " + r.name + " has expired (status EXPIRED)");
    if (s == "PENDING_VALIDATION" || s == "VALIDATION_TIMED_OUT" || s == "FAILED")
      return pass("certificate " + r.name + " has no validity period yet (status " + s + ")");
    return not_assessed("the expiry date (NotAfter) of certificate " + r.name + " was not collected (status " +
                        (s.empty() ? "unknown" : s) + ")");
  }
  auto age = monitoring::days_since(not_after->get<std::string>());
  if (!age) return not_assessed("unreadable NotAfter " + not_after->get<std::string>() + " on " + r.name);
  long long left = -*age;
  if (left < 0) return fail("certificate " + r.name + " expired " + std::to_string(-left) + " days ago");
  if (left <= 30) return fail("certificate " + r.name + " expires in " + std::to_string(left) + " days");
  return pass("certificate " + r.name + " expires in " + std::to_string(left) + " days");
}

const RegisterCheck reg({
    .meta = {.id = "acm_certificates_expiration_check",
             .title = "ACM certificates are not expired or about to expire",
             .severity = Severity::kHigh,
             .service = "acm",
             .resource_type = "AWS::CertificateManager::Certificate",
             .description = "The ACM certificate is valid for more than 30 more days (certificates not in use are reported too: they may be attached later).",
             .risk = "An expired certificate breaks TLS for every client: outages, and users trained to click through warnings.",
             .remediation = {.text = "Renew (import a new) certificate, or make sure an ACM-issued one is eligible for managed renewal (DNS validation, in use).",
                             .cli = "aws acm import-certificate --certificate-arn <certificate-arn> --certificate fileb://cert.pem --private-key fileb://key.pem --certificate-chain fileb://chain.pem",
                             .terraform = "resource \"aws_acm_certificate\" \"this\" {\n  domain_name       = \"<domain>\"\n  validation_method = \"DNS\"\n  lifecycle {\n    create_before_destroy = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/acm-controls.html"},
             .cis = {},
             .fsbp = {"ACM.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
