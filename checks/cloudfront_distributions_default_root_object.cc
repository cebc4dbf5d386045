// CloudFront distributions have a default root object configured.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("default_root_object")) return not_assessed(*why);
  const json* o = r.prop("default_root_object");
  if (!o || !o->is_string()) return not_assessed("configuration of distribution " + r.id + " was not collected");
  if (o->get<std::string>().empty())
    return fail("distribution " + r.id + " has no default root object: a request for / goes to the origin's root");
  return pass("distribution " + r.id + " serves " + o->get<std::string>() + " as its default root object");
}

const RegisterCheck reg({
    .meta = {.id = "cloudfront_distributions_default_root_object",
             .title = "CloudFront distributions have a default root object configured",
             .severity = Severity::kHigh,
             .service = "cloudfront",
             .resource_type = "AWS::CloudFront::Distribution",
             .description = "The distribution's DefaultRootObject is set, so a request for the root URL returns that object.",
             .risk = "Without a default root object, a request for the distribution's root is passed to the origin, which may list or expose its contents.",
             .remediation = {.text = "Set a default root object (e.g. index.html) on the distribution.",
                             .cli = "aws cloudfront update-distribution --id <id> --distribution-config file://config-with-DefaultRootObject.json --if-match <etag>",
                             .terraform = "resource \"aws_cloudfront_distribution\" \"this\" {\n  # ...\n  default_root_object = \"index.html\"\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-1"},
             .cis = {},
             .fsbp = {"CloudFront.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
