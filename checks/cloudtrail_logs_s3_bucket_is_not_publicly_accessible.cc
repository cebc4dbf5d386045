// The CloudTrail S3 bucket is not publicly accessible.
#include "checks/check.h"
#include "checks/cloudtrail_util.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  std::string why;
  const Resource* b = cloudtrail::log_bucket(r, inv, why);
  if (!b) return not_assessed(why);
  CheckResult res = s3::public_access(*b, inv, "read", {"READ", "READ_ACP", "FULL_CONTROL"},
                                      {"s3:GetObject", "s3:ListBucket", "s3:GetObjectVersion"});
  res.detail = "trail " + r.name + ": " + res.detail;
  return res;
}

const RegisterCheck reg({
    .meta = {.id = "cloudtrail_logs_s3_bucket_is_not_publicly_accessible",
             .title = "The CloudTrail S3 bucket is not publicly accessible",
             .severity = Severity::kCritical,
             .service = "cloudtrail",
             .resource_type = "AWS::CloudTrail::Trail",
             .description = "Neither the ACL nor the policy of the bucket the trail delivers to lets the public read it, taking Block Public Access into account.",
             .risk = "A public log bucket discloses the account's entire activity history: principals, resources, IP addresses, errors.",
             .remediation = {.text = "Remove public grants from the trail bucket's ACL and policy and turn on Block Public Access.",
                             .cli = "aws s3api put-public-access-block --bucket <trail-bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                             .terraform = "resource \"aws_s3_bucket_public_access_block\" \"trail\" {\n  bucket                  = aws_s3_bucket.trail.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}"},
             .references = {"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-6"},
             .cis = {},
             .fsbp = {"CloudTrail.6"}},
    .context_types = {"AWS::S3::Bucket", "AWS::S3::AccountPublicAccessBlock"},
    .reads = {"*", "AWS::S3::Bucket.acl", "AWS::S3::Bucket.policy", "AWS::S3::Bucket.policy_is_public", "AWS::S3::Bucket.public_access_block", "AWS::S3::AccountPublicAccessBlock.*"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
