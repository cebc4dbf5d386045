// CloudFront distributions have logging enabled.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("logging_enabled")) return not_assessed(*why);
  const json* l = r.prop("logging_enabled");
  if (!l || !l->is_boolean()) return not_assessed("logging configuration of distribution " + r.id + " was not collected");
  return l->get<bool>() ? pass("distribution " + r.id + " writes standard access logs")
                        : fail("distribution " + r.id + " has standard access logging disabled");
}

const RegisterCheck reg({
    .meta = {.id = "cloudfront_distributions_logging_enabled",
             .title = "CloudFront distributions have logging enabled",
             .severity = Severity::kMedium,
             .service = "cloudfront",
             .resource_type = "AWS::CloudFront::Distribution",
             .description = "Standard (access) logging is enabled in the distribution's configuration.",
             .risk = "Without access logs, abuse, data scraping and attacks against the distribution cannot be investigated.",
             .remediation = {.text = "Enable standard logging to an S3 bucket (or a CloudWatch Logs delivery) for the distribution.",
                             .cli = "aws cloudfront update-distribution --id <id> --distribution-config file://config-with-Logging.json --if-match <etag>",
                             .terraform = "resource \"aws_cloudfront_distribution\" \"this\" {\n  # ...\n  logging_config {\n    bucket = aws_s3_bucket.logs.bucket_domain_name\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-5"},
             .cis = {},
             .fsbp = {"CloudFront.5"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
