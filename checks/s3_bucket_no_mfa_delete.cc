// S3 buckets have MFA Delete enabled.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("mfa_delete")) return not_assessed(*why);
  const json* mfa = r.prop("mfa_delete");
  std::string v = mfa && mfa->is_string() ? mfa->get<std::string>() : "";
  if (v == "Enabled") return pass("bucket " + r.name + " has MFA Delete enabled");
  return fail("bucket " + r.name + " does not have MFA Delete enabled (versioning: " +
              (r.props.value("versioning", "").empty() ? std::string("never enabled") : r.props.value("versioning", "")) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_no_mfa_delete",
             .title = "S3 buckets have MFA Delete enabled",
             .severity = Severity::kMedium,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "Versioning's MFA Delete is enabled, so changing the versioning state or permanently deleting an object version needs the root user's MFA code.",
             .risk = "Stolen credentials alone could suspend versioning and permanently delete object versions, destroying data and audit evidence.",
             .remediation = {.text = "As the root user with an MFA device, enable versioning with MFA Delete on the bucket.",
                             .cli = "aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa \"arn:aws:iam::<account>:mfa/root-account-mfa-device <code>\"",
                             .terraform = "resource \"aws_s3_bucket_versioning\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n  mfa    = \"<mfa-serial> <code>\"\n  versioning_configuration {\n    status     = \"Enabled\"\n    mfa_delete = \"Enabled\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html"},
             .cis = {"2.1.2"},
             .fsbp = {}},
    .reads = {"mfa_delete", "versioning"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
