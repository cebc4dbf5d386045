// CloudFront distributions do not use deprecated SSL protocols between edge locations and custom origins.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("origins")) return not_assessed(*why);
  const json* origins = r.prop("origins");
  if (!origins || !origins->is_array()) return not_assessed("origins of distribution " + r.id + " were not collected");
  for (const auto& o : *origins) {
    if (o.value("kind", "") != "custom") continue;
    for (const auto& p : o.value("origin_ssl_protocols", json::array()))
      if (p == "SSLv3")
        return fail("distribution " + r.id + " allows SSLv3 to origin " + o.value("id", ""));
  }
  return pass("distribution " + r.id + " does not allow SSLv3 to its custom origins");
}

const RegisterCheck reg({
    .meta = {.id = "cloudfront_distributions_using_deprecated_ssl_protocols",
             .title = "CloudFront distributions do not use deprecated SSL protocols between edge locations and custom origins",
             .severity = Severity::kMedium,
             .service = "cloudfront",
             .resource_type = "AWS::CloudFront::Distribution",
             .description = "No custom origin's OriginSslProtocols includes SSLv3.",
             .risk = "SSLv3 is broken (POODLE): traffic to the origin negotiated with it can be decrypted.",
             .remediation = {.text = "Remove SSLv3 from the custom origins' OriginSslProtocols and allow TLSv1.2.",
                             .cli = "aws cloudfront update-distribution --id <id> --distribution-config file://config-origin-tls12.json --if-match <etag>",
                             .terraform = "resource \"aws_cloudfront_distribution\" \"this\" {\n  origin {\n    # ...\n    custom_origin_config {\n      origin_protocol_policy = \"https-only\"\n      origin_ssl_protocols   = [\"TLSv1.2\"]\n      http_port              = 80\n      https_port             = 443\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-10"},
             .cis = {},
             .fsbp = {"CloudFront.10"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
