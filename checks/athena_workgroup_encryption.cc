// Athena workgroups encrypt their query results (SSE-S3, SSE-KMS or CSE-KMS).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "result_encryption", &why)) return not_assessed(why);
  const json* enc = r.prop("result_encryption");
  if (enc && enc->is_string() && !enc->get<std::string>().empty())
    return pass("workgroup " + r.name + " encrypts query results (" + enc->get<std::string>() + ")");
  return fail("workgroup " + r.name + " does not encrypt query results");
}

const RegisterCheck reg({
    .meta = {.id = "athena_workgroup_encryption",
             .title = "Athena workgroups should encrypt query results at rest",
             .severity = Severity::kMedium,
             .service = "athena",
             .resource_type = "AWS::Athena::WorkGroup",
             .description = "The workgroup's result configuration has an encryption option (SSE_S3, SSE_KMS or "
                            "CSE_KMS) for the query results it writes to S3 (GetWorkGroup).",
             .risk = "Query results hold whatever the queries selected — often personal or financial data — and "
                     "are written to S3 unencrypted unless the workgroup or client says otherwise.",
             .remediation = {.text = "Set an encryption option on the workgroup's result configuration and enforce "
                                     "the workgroup configuration so clients cannot override it.",
                             .cli = "aws athena update-work-group --work-group <name> --configuration-updates 'ResultConfigurationUpdates={EncryptionConfiguration={EncryptionOption=SSE_KMS,KmsKey=<key-arn>}},EnforceWorkGroupConfiguration=true'",
                             .terraform = "resource \"aws_athena_workgroup\" \"this\" {\n  name = \"analytics\"\n  configuration {\n    enforce_workgroup_configuration = true\n    result_configuration {\n      encryption_configuration {\n        encryption_option = \"SSE_KMS\"\n        kms_key_arn       = aws_kms_key.athena.arn\n      }\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"result_encryption"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
