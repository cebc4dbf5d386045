// Shared by the Glue ETL job encryption checks: each reads one setting of the
// job's security configuration (collect/glue.cc: s3_encryption,
// cloudwatch_encryption, bookmarks_encryption; absent when GetSecurityConfiguration
// could not be read) and the remedy is one security configuration for all three.
#pragma once

#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::glue {

// PASS when `prop` names an encryption mode other than DISABLED; `what` is
// what the job encrypts ("the data it writes to S3").
inline CheckResult job_encryption(const Resource& r, const char* prop, const std::string& what) {
  std::string why;
  const json* mode = require_prop(r, prop, &why);
  if (!mode) return not_assessed(why);
  if (mode->is_string() && !mode->get<std::string>().empty() && mode->get<std::string>() != "DISABLED")
    return pass("job " + r.name + " encrypts " + what + " (" + mode->get<std::string>() + ")");
  const json* config = r.prop("security_configuration");
  return fail("job " + r.name + " does not encrypt " + what +
              (config && config->is_string() ? " (security configuration " + config->get<std::string>() + ")"
                                             : std::string(" (no security configuration)")));
}

inline Remediation job_encryption_remediation() {
  return {.text = "Create a security configuration that encrypts S3 data (SSE-KMS), CloudWatch "
                  "logs and job bookmarks with KMS, and set it on the job.",
          .cli = "aws glue create-security-configuration --name encrypted --encryption-configuration 'S3Encryption=[{S3EncryptionMode=SSE-KMS,KmsKeyArn=<key-arn>}],CloudWatchEncryption={CloudWatchEncryptionMode=SSE-KMS,KmsKeyArn=<key-arn>},JobBookmarksEncryption={JobBookmarksEncryptionMode=CSE-KMS,KmsKeyArn=<key-arn>}' && aws glue update-job --job-name <job> --job-update file://job-with-security-configuration.json",
          .terraform = "resource \"aws_glue_security_configuration\" \"encrypted\" {\n  name = \"encrypted\"\n  encryption_configuration {\n    s3_encryption {\n      s3_encryption_mode = \"SSE-KMS\"\n      kms_key_arn        = aws_kms_key.glue.arn\n    }\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = \"SSE-KMS\"\n      kms_key_arn                = aws_kms_key.glue.arn\n    }\n    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = \"CSE-KMS\"\n      kms_key_arn                   = aws_kms_key.glue.arn\n    }\n  }\n}\n\nresource \"aws_glue_job\" \"this\" {\n  # ...\n  security_configuration = aws_glue_security_configuration.encrypted.name\n}"};
}

}  // namespace cloudpeek::checks::glue
