// CIS 2.4.1, FSBP EFS.1: Ensure that encryption is enabled for EFS file systems
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "encrypted", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == true) return pass("EFS file system " + r.id + " is encrypted at rest.");
  return fail("EFS file system " + r.id + " is not encrypted at rest.");
}

const RegisterCheck reg({
    .meta = {.id = "efs_encryption_at_rest_enabled",
             .title = "Ensure that encryption is enabled for EFS file systems",
             .severity = Severity::kMedium,
             .service = "efs",
             .resource_type = "AWS::EFS::FileSystem",
             .description = "Checks that each EFS file system encrypts data at rest.",
             .risk = "Unencrypted file systems expose their data to anyone with access to the underlying storage.",
             .remediation = {.text = "Encryption is set at creation: create an encrypted file system and copy the data over (e.g. with AWS DataSync).",
                             .cli = "aws efs create-file-system --encrypted --kms-key-id <key> --creation-token <token>",
                             .terraform = "resource \"aws_efs_file_system\" \"this\" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.efs.arn\n}"},
             .references = {"https://docs.aws.amazon.com/efs/latest/ug/encryption.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-1"},
             .cis = {"2.4.1"},
             .fsbp = {"EFS.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
