// S3 buckets block public access (bucket settings, or the account's).
#include "checks/check.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

std::string off_settings(const json* block) {
  std::string out;
  for (const char* k : {"block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"})
    if (!block || !block->value(k, false)) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  if (auto why = r.missing_reason("public_access_block")) return not_assessed(*why);
  const json* block = r.prop("public_access_block");
  if (s3::all_four(block)) return pass("bucket " + r.name + " blocks all public access at bucket level");
  if (const Resource* acct = inv.find(s3::kAccountBlock, "global")) {
    if (s3::all_four(&acct->props))
      return pass("bucket " + r.name + " is covered by the account-level public access block");
  } else if (auto gap = inv.gap(s3::kAccountBlock, "global")) {
    return not_assessed("bucket " + r.name + " has no full bucket-level block and the account level is unknown: " + *gap);
  } else {
    return not_assessed("the account-level public access block was not collected");
  }
  return fail("bucket " + r.name + " does not block public access: " +
              (block ? "off at bucket level: " + off_settings(block) : std::string("no bucket-level configuration")) +
              ", and the account level does not block all");
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_level_public_access_block",
             .title = "S3 buckets have Block Public Access enabled",
             .severity = Severity::kHigh,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "All four Block Public Access settings (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets) are on for the bucket, or for the whole account.",
             .risk = "Without Block Public Access a single ACL or policy change can expose the bucket's data to the internet.",
             .remediation = {.text = "Turn on all four Block Public Access settings for the bucket (or for the account).",
                             .cli = "aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                             .terraform = "resource \"aws_s3_bucket_public_access_block\" \"this\" {\n  bucket                  = aws_s3_bucket.this.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-8"},
             .cis = {"2.1.4"},
             .fsbp = {"S3.8"}},
    .context_types = {"AWS::S3::AccountPublicAccessBlock"},
    .reads = {"public_access_block", "AWS::S3::AccountPublicAccessBlock.*"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
