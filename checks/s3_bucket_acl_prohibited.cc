// S3 buckets have ACLs disabled (Object Ownership: bucket owner enforced).
#include "checks/check.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  if (auto why = r.missing_reason("object_ownership")) return not_assessed(*why);
  const json* o = r.prop("object_ownership");
  std::string v = o && o->is_string() ? o->get<std::string>() : "";
  if (v == "BucketOwnerEnforced") return pass("bucket " + r.name + " has ACLs disabled (BucketOwnerEnforced)");
  return fail("bucket " + r.name + " uses ACLs (Object Ownership: " + (v.empty() ? std::string("not set") : v) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_acl_prohibited",
             .title = "S3 buckets have ACLs disabled (Object Ownership: bucket owner enforced)",
             .severity = Severity::kMedium,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "The bucket's Object Ownership is BucketOwnerEnforced, which disables ACLs so access is managed by policies only.",
             .risk = "ACLs are a second, hard-to-audit permission system; a stray object or bucket ACL can grant access that policies do not show.",
             .remediation = {.text = "Set Object Ownership to BucketOwnerEnforced after moving any needed ACL grants into the bucket policy.",
                             .cli = "aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]",
                             .terraform = "resource \"aws_s3_bucket_ownership_controls\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    object_ownership = \"BucketOwnerEnforced\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-12"},
             .cis = {},
             .fsbp = {"S3.12"}},
    .reads = {"object_ownership"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
