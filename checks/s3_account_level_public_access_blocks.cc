// The account-level S3 Block Public Access settings are all on.
#include "checks/check.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (!r.props.value("exists", false))
    return fail("account " + r.account + " has no account-level S3 public access block configuration");
  if (s3::all_four(&r.props)) return pass("account " + r.account + " blocks all S3 public access at account level");
  std::string off;
  for (const char* k : {"block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"})
    if (!r.props.value(k, false)) off += (off.empty() ? "" : ", ") + std::string(k);
  return fail("account " + r.account + " account-level S3 public access block has settings off: " + off);
}

const RegisterCheck reg({
    .meta = {.id = "s3_account_level_public_access_blocks",
             .title = "S3 Block Public Access is enabled at account level",
             .severity = Severity::kHigh,
             .service = "s3",
             .resource_type = "AWS::S3::AccountPublicAccessBlock",
             .description = "The account's S3 Block Public Access configuration (S3 Control) has all four settings on, covering every current and future bucket.",
             .risk = "Without the account-level block, any bucket can be made public by one ACL or policy change.",
             .remediation = {.text = "Turn on all four Block Public Access settings for the account.",
                             .cli = "aws s3control put-public-access-block --account-id <account> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                             .terraform = "resource \"aws_s3_account_public_access_block\" \"this\" {\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-1"},
             .cis = {"2.1.4"},
             .fsbp = {"S3.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
