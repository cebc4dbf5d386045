// DynamoDB tables are encrypted with a KMS key rather than an AWS owned key.
// DescribeTable only says "KMS" for both AWS managed (aws/dynamodb) and
// customer managed keys; when the KMS inventory holds the key and says AWS
// manages it, that is reported as a FAIL too.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  if (auto why = r.missing_reason("sse_type")) return not_assessed(*why);
  if (r.props.find("sse_type") == r.props.end())
    return not_assessed("encryption of table " + r.name + " was not collected");
  const json* sse = r.prop("sse_type");
  if (!sse) return fail("table " + r.name + " is encrypted with an AWS owned key, not a KMS key in the account");
  const json* key = r.prop("kms_key_arn");
  const std::string arn = key && key->is_string() ? key->get<std::string>() : "";
  if (const Resource* k = arn.empty() ? nullptr : inv.find_arn(arn)) {
    const json* manager = k->prop("key_manager");
    if (manager && *manager == "AWS")
      return fail("table " + r.name + " is encrypted with the AWS managed key " + arn + ", not a customer managed key");
  }
  return pass("table " + r.name + " is encrypted with KMS key " + (arn.empty() ? std::string("(unnamed)") : arn));
}

const RegisterCheck reg({
    .meta = {.id = "dynamodb_tables_kms_cmk_encryption_enabled",
             .title = "DynamoDB tables are encrypted with a customer managed KMS key",
             .severity = Severity::kLow,
             .service = "dynamodb",
             .resource_type = "AWS::DynamoDB::Table",
             .description = "The table's server-side encryption uses a KMS key in the account (SSEType KMS) instead "
                            "of the default AWS owned key.",
             .risk = "With an AWS owned key you cannot control, audit (CloudTrail) or revoke access to the key that "
                     "protects the table's data.",
             .remediation = {.text = "Switch the table's encryption to a customer managed KMS key.",
                             .cli = "aws dynamodb update-table --table-name <table> --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key-arn>",
                             .terraform = "resource \"aws_dynamodb_table\" \"this\" {\n  # ...\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.dynamodb.arn\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"sse_type", "kms_key_arn", "AWS::KMS::Key.key_manager"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
