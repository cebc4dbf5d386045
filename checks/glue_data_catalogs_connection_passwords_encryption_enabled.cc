// The Glue Data Catalog returns connection passwords encrypted.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* on = require_prop(r, "connection_password_encryption", &why);
  if (!on) return not_assessed(why);
  if (on->is_boolean() && on->get<bool>())
    return pass("the Data Catalog in " + r.region + " encrypts connection passwords");
  return fail("the Data Catalog in " + r.region + " returns connection passwords in plain text");
}

const RegisterCheck reg({
    .meta = {.id = "glue_data_catalogs_connection_passwords_encryption_enabled",
             .title = "Glue Data Catalogs should encrypt connection passwords",
             .severity = Severity::kHigh,
             .service = "glue",
             .resource_type = "AWS::Glue::DataCatalog",
             .description = "ReturnConnectionPasswordEncrypted is on in the region's Data Catalog encryption "
                            "settings (GetDataCatalogEncryptionSettings).",
             .risk = "Without it, anyone allowed glue:GetConnection(s) reads the JDBC and MongoDB passwords of every "
                     "connection in plain text.",
             .remediation = {.text = "Turn on connection password encryption with a KMS key that only the jobs' "
                                     "roles may use for decryption.",
                             .cli = "aws glue put-data-catalog-encryption-settings --data-catalog-encryption-settings 'EncryptionAtRest={CatalogEncryptionMode=SSE-KMS,SseAwsKmsKeyId=<key-arn>},ConnectionPasswordEncryption={ReturnConnectionPasswordEncrypted=true,AwsKmsKeyId=<key-arn>}'",
                             .terraform = "resource \"aws_glue_data_catalog_encryption_settings\" \"this\" {\n  data_catalog_encryption_settings {\n    encryption_at_rest {\n      catalog_encryption_mode = \"SSE-KMS\"\n    }\n    connection_password_encryption {\n      return_connection_password_encrypted = true\n      aws_kms_key_id                       = aws_kms_key.glue.arn\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/glue/latest/dg/encrypt-connection-passwords.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"connection_password_encryption"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
