// Glue ETL jobs encrypt the data it writes to S3 (their security configuration's s3_encryption).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* mode = require_prop(r, "s3_encryption", &why);
  if (!mode) return not_assessed(why);
  if (mode->is_string() && !mode->get<std::string>().empty() && mode->get<std::string>() != "DISABLED")
    return pass("job " + r.name + " encrypts the data it writes to S3 (" + mode->get<std::string>() + ")");
  const json* config = r.prop("security_configuration");
  return fail("job " + r.name + " does not encrypt the data it writes to S3" +
              (config && config->is_string() ? " (security configuration " + config->get<std::string>() + ")"
                                             : std::string(" (no security configuration)")));
}

const RegisterCheck reg({
    .meta = {.id = "glue_etl_jobs_amazon_s3_encryption_enabled",
             .title = "Glue ETL jobs should encrypt the data they write to Amazon S3",
             .severity = Severity::kMedium,
             .service = "glue",
             .resource_type = "AWS::Glue::Job",
             .description = "The job's security configuration sets S3 encryption (SSE-KMS or SSE-S3), or the job passes --encryption-type sse-s3.",
             .risk = "Job output written unencrypted to S3 (transformed, often sensitive, data) relies on the bucket's defaults alone.",
             .remediation = {.text = "Create a security configuration that encrypts S3 data (SSE-KMS), CloudWatch "
                                     "logs and job bookmarks with KMS, and set it on the job.",
                             .cli = "aws glue create-security-configuration --name encrypted --encryption-configuration 'S3Encryption=[{S3EncryptionMode=SSE-KMS,KmsKeyArn=<key-arn>}],CloudWatchEncryption={CloudWatchEncryptionMode=SSE-KMS,KmsKeyArn=<key-arn>},JobBookmarksEncryption={JobBookmarksEncryptionMode=CSE-KMS,KmsKeyArn=<key-arn>}' && aws glue update-job --job-name <job> --job-update file://job-with-security-configuration.json",
                             .terraform = "resource \"aws_glue_security_configuration\" \"encrypted\" {\n  name = \"encrypted\"\n  encryption_configuration {\n    s3_encryption {\n      s3_encryption_mode = \"SSE-KMS\"\n      kms_key_arn        = aws_kms_key.glue.arn\n    }\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = \"SSE-KMS\"\n      kms_key_arn                = aws_kms_key.glue.arn\n    }\n    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = \"CSE-KMS\"\n      kms_key_arn                   = aws_kms_key.glue.arn\n    }\n  }\n}\n\nresource \"aws_glue_job\" \"this\" {\n  # ...\n  security_configuration = aws_glue_security_configuration.encrypted.name\n}"},
             .references = {"https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"s3_encryption", "security_configuration"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
