// S3 buckets do not allow public read access.
#include "checks/check.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  return s3::public_access(r, inv, "read", {"READ", "READ_ACP", "FULL_CONTROL"},
                           {"s3:GetObject", "s3:ListBucket", "s3:GetObjectVersion", "s3:GetBucketAcl"});
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_public_read_prohibited",
             .title = "S3 buckets do not allow public read access",
             .severity = Severity::kCritical,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "Neither the bucket ACL (AllUsers or AuthenticatedUsers grants) nor a public bucket policy lets anyone read or list the bucket, taking Block Public Access into account.",
             .risk = "Anyone on the internet could list and download the bucket's objects: data disclosure.",
             .remediation = {.text = "Remove public ACL grants and public policy statements, and turn on Block Public Access.",
                             .cli = "aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                             .terraform = "resource \"aws_s3_bucket_public_access_block\" \"this\" {\n  bucket                  = aws_s3_bucket.this.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-2"},
             .cis = {},
             .fsbp = {"S3.2"}},
    .context_types = {"AWS::S3::AccountPublicAccessBlock"},
    .reads = {"acl", "policy", "policy_is_public", "public_access_block", "AWS::S3::AccountPublicAccessBlock.*"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
