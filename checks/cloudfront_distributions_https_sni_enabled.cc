// CloudFront distributions use SNI to serve HTTPS requests.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("ssl_support_method")) return not_assessed(*why);
  const json* d = r.prop("cloudfront_default_certificate");
  if (!d || !d->is_boolean()) return not_assessed("viewer certificate of distribution " + r.id + " was not collected");
  if (d->get<bool>()) return not_applicable("distribution " + r.id + " uses the default CloudFront certificate; SNI does not apply");
  const json* m = r.prop("ssl_support_method");
  const std::string method = m && m->is_string() ? m->get<std::string>() : "";
  if (method == "sni-only") return pass("distribution " + r.id + " serves its custom certificate with SNI");
  return fail("distribution " + r.id + " serves its custom certificate with SSLSupportMethod " +
              (method.empty() ? std::string("(unset)") : method) + " instead of sni-only");
}

const RegisterCheck reg({
    .meta = {.id = "cloudfront_distributions_https_sni_enabled",
             .title = "CloudFront distributions use SNI to serve HTTPS requests",
             .severity = Severity::kLow,
             .service = "cloudfront",
             .resource_type = "AWS::CloudFront::Distribution",
             .description = "A distribution with a custom certificate uses SSLSupportMethod sni-only rather than dedicated IP addresses (vip).",
             .risk = "Dedicated-IP custom SSL is legacy, costs more and supports old clients that lack modern TLS.",
             .remediation = {.text = "Set the viewer certificate's SSLSupportMethod to sni-only.",
                             .cli = "aws cloudfront update-distribution --id <id> --distribution-config file://config-sni.json --if-match <etag>",
                             .terraform = "resource \"aws_cloudfront_distribution\" \"this\" {\n  # ...\n  viewer_certificate {\n    acm_certificate_arn = aws_acm_certificate.site.arn\n    ssl_support_method  = \"sni-only\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-https-dedicated-ip-or-sni.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-8"},
             .cis = {},
             .fsbp = {"CloudFront.8"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
