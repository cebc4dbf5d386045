// CloudFront distributions use custom SSL/TLS certificates.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("cloudfront_default_certificate")) return not_assessed(*why);
  const json* d = r.prop("cloudfront_default_certificate");
  if (!d || !d->is_boolean()) return not_assessed("viewer certificate of distribution " + r.id + " was not collected");
  if (d->get<bool>())
    return fail("distribution " + r.id + " uses the default *.cloudfront.net certificate, not a custom certificate");
  return pass("distribution " + r.id + " uses a custom SSL/TLS certificate");
}

const RegisterCheck reg({
    .meta = {.id = "cloudfront_distributions_custom_ssl_certificate",
             .title = "CloudFront distributions use custom SSL/TLS certificates",
             .severity = Severity::kMedium,
             .service = "cloudfront",
             .resource_type = "AWS::CloudFront::Distribution",
             .description = "The distribution's viewer certificate is a custom certificate (ACM or IAM), not the default CloudFront certificate.",
             .risk = "With the default certificate, viewers reach the content only under the shared cloudfront.net domain and its TLS policy (minimum TLSv1) cannot be raised.",
             .remediation = {.text = "Request a certificate in ACM (us-east-1) for your domain and set it as the distribution's viewer certificate.",
                             .cli = "aws cloudfront update-distribution --id <id> --distribution-config file://config-with-ACMCertificateArn.json --if-match <etag>",
                             .terraform = "resource \"aws_cloudfront_distribution\" \"this\" {\n  # ...\n  viewer_certificate {\n    acm_certificate_arn      = aws_acm_certificate.site.arn\n    ssl_support_method       = \"sni-only\"\n    minimum_protocol_version = \"TLSv1.2_2021\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-alternate-domain-names.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-7"},
             .cis = {},
             .fsbp = {"CloudFront.7"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
