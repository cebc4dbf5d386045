// CloudFront distributions require encryption in transit.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("viewer_protocol_policies")) return not_assessed(*why);
  const json* ps = r.prop("viewer_protocol_policies");
  if (!ps || !ps->is_array() || ps->empty())
    return not_assessed("cache behaviors of distribution " + r.id + " were not collected");
  for (const auto& p : *ps)
    if (p.value("policy", "") == "allow-all")
      return fail("distribution " + r.id + " cache behavior " + p.value("path", "") +
                  " allows HTTP (ViewerProtocolPolicy allow-all)");
  return pass("distribution " + r.id + " requires HTTPS from viewers in every cache behavior");
}

const RegisterCheck reg({
    .meta = {.id = "cloudfront_distributions_https_enabled",
             .title = "CloudFront distributions require encryption in transit",
             .severity = Severity::kMedium,
             .service = "cloudfront",
             .resource_type = "AWS::CloudFront::Distribution",
             .description = "Every cache behavior (default and path-specific) has ViewerProtocolPolicy https-only or redirect-to-https.",
             .risk = "With allow-all, viewers can use plain HTTP: content and cookies can be read or altered in transit.",
             .remediation = {.text = "Set ViewerProtocolPolicy to redirect-to-https or https-only on every cache behavior.",
                             .cli = "aws cloudfront update-distribution --id <id> --distribution-config file://config-https.json --if-match <etag>",
                             .terraform = "resource \"aws_cloudfront_distribution\" \"this\" {\n  # ...\n  default_cache_behavior {\n    viewer_protocol_policy = \"redirect-to-https\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-3"},
             .cis = {},
             .fsbp = {"CloudFront.3"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
