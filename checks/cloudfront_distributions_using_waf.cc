// CloudFront distributions have AWS WAF enabled.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("web_acl_id")) return not_assessed(*why);
  const json* w = r.prop("web_acl_id");
  if (!w || !w->is_string()) return not_assessed("WAF association of distribution " + r.id + " was not collected");
  if (w->get<std::string>().empty()) return fail("distribution " + r.id + " has no AWS WAF web ACL");
  return pass("distribution " + r.id + " is protected by web ACL " + w->get<std::string>());
}

const RegisterCheck reg({
    .meta = {.id = "cloudfront_distributions_using_waf",
             .title = "CloudFront distributions have AWS WAF enabled",
             .severity = Severity::kMedium,
             .service = "cloudfront",
             .resource_type = "AWS::CloudFront::Distribution",
             .description = "A WAF web ACL (WAF Classic or AWS WAF) is associated with the distribution.",
             .risk = "Without a web ACL, common web exploits, bots and layer-7 floods reach the origin unfiltered.",
             .remediation = {.text = "Associate an AWS WAF web ACL (scope CLOUDFRONT) with the distribution.",
                             .cli = "aws cloudfront update-distribution --id <id> --distribution-config file://config-with-WebACLId.json --if-match <etag>",
                             .terraform = "resource \"aws_cloudfront_distribution\" \"this\" {\n  # ...\n  web_acl_id = aws_wafv2_web_acl.cf.arn\n}"},
             .references = {"https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-6"},
             .cis = {},
             .fsbp = {"CloudFront.6"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
