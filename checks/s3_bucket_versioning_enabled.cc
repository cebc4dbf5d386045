// S3 buckets have versioning enabled.
#include "checks/check.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  if (auto why = r.missing_reason("versioning")) return not_assessed(*why);
  std::string v = r.props.value("versioning", "");
  if (v == "Enabled") return pass("bucket " + r.name + " has versioning enabled");
  return fail("bucket " + r.name + (v.empty() ? std::string(" has never had versioning enabled") : " has versioning " + v));
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_versioning_enabled",
             .title = "S3 buckets have versioning enabled",
             .severity = Severity::kLow,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "Versioning is Enabled on the bucket, so overwritten and deleted objects can be recovered.",
             .risk = "Without versioning, an accidental or malicious overwrite or delete (including ransomware) destroys the data for good.",
             .remediation = {.text = "Enable versioning on the bucket.",
                             .cli = "aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled",
                             .terraform = "resource \"aws_s3_bucket_versioning\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n  versioning_configuration {\n    status = \"Enabled\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-14"},
             .cis = {},
             .fsbp = {"S3.14"}},
    .reads = {"versioning"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
