// CloudFront distributions use origin access control for S3 origins.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("origins")) return not_assessed(*why);
  const json* origins = r.prop("origins");
  if (!origins || !origins->is_array()) return not_assessed("origins of distribution " + r.id + " were not collected");
  int s3 = 0;
  for (const auto& o : *origins) {
    if (o.value("kind", "") != "s3") continue;
    ++s3;
    if (o.value("oac_id", "").empty())
      return fail("distribution " + r.id + " S3 origin " + o.value("id", "") + " has no origin access control" +
                  (o.value("oai", "").empty() ? std::string("") : " (uses the legacy origin access identity)"));
  }
  if (s3 == 0) return not_applicable("distribution " + r.id + " has no S3 origin");
  return pass("distribution " + r.id + " uses origin access control for its S3 origins");
}

const RegisterCheck reg({
    .meta = {.id = "cloudfront_distributions_s3_origin_access_control",
             .title = "CloudFront distributions use origin access control for S3 origins",
             .severity = Severity::kMedium,
             .service = "cloudfront",
             .resource_type = "AWS::CloudFront::Distribution",
             .description = "Every S3 (REST endpoint) origin of the distribution has an origin access control (OAC) configured.",
             .risk = "Without OAC, the bucket must be readable by others (public, or through a legacy OAI that lacks SSE-KMS and signed-request support) so content can be fetched around CloudFront.",
             .remediation = {.text = "Create an origin access control, attach it to the S3 origin and allow the distribution in the bucket policy (AWS:SourceArn).",
                             .cli = "aws cloudfront create-origin-access-control --origin-access-control-config Name=<name>,SigningProtocol=sigv4,SigningBehavior=always,OriginAccessControlOriginType=s3",
                             .terraform = "resource \"aws_cloudfront_distribution\" \"this\" {\n  origin {\n    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name\n    origin_id                = \"s3\"\n    origin_access_control_id = aws_cloudfront_origin_access_control.s3.id\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-13"},
             .cis = {},
             .fsbp = {"CloudFront.13"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
