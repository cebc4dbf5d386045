// Glue ETL jobs encrypt its CloudWatch logs (their security configuration's cloudwatch_encryption).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* mode = require_prop(r, "cloudwatch_encryption", &why);
  if (!mode) return not_assessed(why);
  if (mode->is_string() && !mode->get<std::string>().empty() && mode->get<std::string>() != "DISABLED")
    return pass("job " + r.name + " encrypts its CloudWatch logs (" + mode->get<std::string>() + ")");
  const json* config = r.prop("security_configuration");
  return fail("job " + r.name + " does not encrypt its CloudWatch logs" +
              (config && config->is_string() ? " (security configuration " + config->get<std::string>() + ")"
                                             : std::string(" (no security configuration)")));
}

const RegisterCheck reg({
    .meta = {.id = "glue_etl_jobs_cloudwatch_logs_encryption_enabled",
             .title = "Glue ETL jobs should encrypt their CloudWatch logs",
             .severity = Severity::kMedium,
             .service = "glue",
             .resource_type = "AWS::Glue::Job",
             .description = "The job's security configuration sets CloudWatch encryption (SSE-KMS).",
             .risk = "Job logs carry sample records, errors with data values and connection details; without a KMS key anyone with logs read access sees them.",
             .remediation = {.text = "Create a security configuration that encrypts S3 data (SSE-KMS), CloudWatch "
                                     "logs and job bookmarks with KMS, and set it on the job.",
                             .cli = "aws glue create-security-configuration --name encrypted --encryption-configuration 'S3Encryption=[{S3EncryptionMode=SSE-KMS,KmsKeyArn=<key-arn>}],CloudWatchEncryption={CloudWatchEncryptionMode=SSE-KMS,KmsKeyArn=<key-arn>},JobBookmarksEncryption={JobBookmarksEncryptionMode=CSE-KMS,KmsKeyArn=<key-arn>}' && aws glue update-job --job-name <job> --job-update file://job-with-security-configuration.json",
                             .terraform = "resource \"aws_glue_security_configuration\" \"encrypted\" {\n  name = \"encrypted\"\n  encryption_configuration {\n    s3_encryption {\n      s3_encryption_mode = \"SSE-KMS\"\n      kms_key_arn        = aws_kms_key.glue.arn\n    }\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = \"SSE-KMS\"\n      kms_key_arn                = aws_kms_key.glue.arn\n    }\n    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = \"CSE-KMS\"\n      kms_key_arn                   = aws_kms_key.glue.arn\n    }\n  }\n}\n\nresource \"aws_glue_job\" \"this\" {\n  # ...\n  security_configuration = aws_glue_security_configuration.encrypted.name\n}"},
             .references = {"https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"cloudwatch_encryption", "security_configuration"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
