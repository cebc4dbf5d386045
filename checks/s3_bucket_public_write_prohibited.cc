// S3 buckets do not allow public write access.
#include "checks/check.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  return s3::public_access(r, inv, "write", {"WRITE", "WRITE_ACP", "FULL_CONTROL"},
                           {"s3:PutObject", "s3:DeleteObject", "s3:PutObjectAcl", "s3:PutBucketPolicy", "s3:PutBucketAcl"});
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_public_write_prohibited",
             .title = "S3 buckets do not allow public write access",
             .severity = Severity::kCritical,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "Neither the bucket ACL (AllUsers or AuthenticatedUsers grants) nor a public bucket policy lets anyone write, delete or change permissions, taking Block Public Access into account.",
             .risk = "Anyone on the internet could upload, overwrite or delete objects, host malware or run up storage costs.",
             .remediation = {.text = "Remove public ACL grants and public policy statements, and turn on Block Public Access.",
                             .cli = "aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                             .terraform = "resource \"aws_s3_bucket_public_access_block\" \"this\" {\n  bucket                  = aws_s3_bucket.this.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-3"},
             .cis = {},
             .fsbp = {"S3.3"}},
    .context_types = {"AWS::S3::AccountPublicAccessBlock"},
    .reads = {"acl", "policy", "policy_is_public", "public_access_block", "AWS::S3::AccountPublicAccessBlock.*"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
