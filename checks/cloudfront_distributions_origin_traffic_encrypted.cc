// CloudFront distributions encrypt traffic to custom origins.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  for (const char* p : {"origins", "viewer_protocol_policies"})
    if (auto why = r.missing_reason(p)) return not_assessed(*why);
  const json* origins = r.prop("origins");
  const json* ps = r.prop("viewer_protocol_policies");
  if (!origins || !origins->is_array() || !ps || !ps->is_array())
    return not_assessed("origins of distribution " + r.id + " were not collected");
  bool viewer_http = false;
  for (const auto& p : *ps) viewer_http = viewer_http || p.value("policy", "") == "allow-all";
  for (const auto& o : *origins) {
    if (o.value("kind", "") != "custom") continue;
    const std::string policy = o.value("origin_protocol_policy", "");
    if (policy == "http-only")
      return fail("distribution " + r.id + " sends traffic to origin " + o.value("id", "") + " over HTTP (http-only)");
    if (policy == "match-viewer" && viewer_http)
      return fail("distribution " + r.id + " forwards HTTP viewer requests to origin " + o.value("id", "") +
                  " over HTTP (match-viewer with ViewerProtocolPolicy allow-all)");
  }
  return pass("distribution " + r.id + " encrypts traffic to its custom origins");
}

const RegisterCheck reg({
    .meta = {.id = "cloudfront_distributions_origin_traffic_encrypted",
             .title = "CloudFront distributions encrypt traffic to custom origins",
             .severity = Severity::kMedium,
             .service = "cloudfront",
             .resource_type = "AWS::CloudFront::Distribution",
             .description = "No custom origin uses OriginProtocolPolicy http-only, nor match-viewer while viewers may use HTTP.",
             .risk = "Traffic between CloudFront and the origin over HTTP can be read or modified on the way.",
             .remediation = {.text = "Set OriginProtocolPolicy to https-only for custom origins.",
                             .cli = "aws cloudfront update-distribution --id <id> --distribution-config file://config-origin-https.json --if-match <etag>",
                             .terraform = "resource \"aws_cloudfront_distribution\" \"this\" {\n  origin {\n    # ...\n    custom_origin_config {\n      http_port              = 80\n      https_port             = 443\n      origin_protocol_policy = \"https-only\"\n      origin_ssl_protocols   = [\"TLSv1.2\"]\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-9"},
             .cis = {},
             .fsbp = {"CloudFront.9"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
