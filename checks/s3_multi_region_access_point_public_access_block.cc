// FSBP S3.24: S3 Multi-Region Access Points have block public access with all four settings on.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* block = require_prop(r, "public_access_block", &why);
  if (!block) return not_assessed(why);
  std::string off;
  for (const char* k : {"block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"})
    if (!block->is_object() || !block->value(k, false)) off += (off.empty() ? "" : ", ") + std::string(k);
  if (off.empty()) return pass("Multi-Region Access Point " + r.name + " blocks public access (all four settings on)");
  return fail("Multi-Region Access Point " + r.name + " does not block public access: " + off + " off");
}

const RegisterCheck reg({
    .meta = {.id = "s3_multi_region_access_point_public_access_block",
             .title = "S3 Multi-Region Access Points should have block public access settings enabled",
             .severity = Severity::kHigh,
             .service = "s3",
             .resource_type = "AWS::S3::MultiRegionAccessPoint",
             .description = "The Multi-Region Access Point's block public access configuration (ListMultiRegionAccessPoints) has BlockPublicAcls, IgnorePublicAcls, "
                            "BlockPublicPolicy and RestrictPublicBuckets all true.",
             .risk = "An access point without block public access can be opened to everyone by its policy: the "
                     "bucket's data is then readable or writable by anyone through the access point's alias.",
             .remediation = {.text = "Block public access can only be set when the Multi-Region Access Point is created: create a new one "
                                     "with all four settings on, move clients to it and delete the old one.",
                             .cli = "aws s3control create-multi-region-access-point --account-id <account-id> --region us-west-2 --details Name=<name>,PublicAccessBlock={BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true},Regions=[{Bucket=<bucket>}]",
                             .terraform = "resource \"aws_s3control_multi_region_access_point\" \"this\" {\n  details {\n    name = \"example\"\n    public_access_block {\n      block_public_acls       = true\n      ignore_public_acls      = true\n      block_public_policy     = true\n      restrict_public_buckets = true\n    }\n    region {\n      bucket = aws_s3_bucket.this.id\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-bpa-settings.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-24"},
             .cis = {},
             .fsbp = {"S3.24"}},
    .reads = {"public_access_block"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
