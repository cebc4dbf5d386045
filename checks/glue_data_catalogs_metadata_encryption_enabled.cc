// The Glue Data Catalog encrypts its metadata at rest with KMS.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* mode = require_prop(r, "metadata_encryption", &why);
  if (!mode) return not_assessed(why);
  if (mode->is_string() && mode->get<std::string>() != "DISABLED" && !mode->get<std::string>().empty())
    return pass("the Data Catalog in " + r.region + " encrypts metadata (" + mode->get<std::string>() + ")");
  return fail("the Data Catalog in " + r.region + " does not encrypt metadata at rest");
}

const RegisterCheck reg({
    .meta = {.id = "glue_data_catalogs_metadata_encryption_enabled",
             .title = "Glue Data Catalogs should encrypt metadata at rest",
             .severity = Severity::kMedium,
             .service = "glue",
             .resource_type = "AWS::Glue::DataCatalog",
             .description = "The region's Data Catalog encryption mode (GetDataCatalogEncryptionSettings) is SSE-KMS "
                            "(or SSE-KMS with a service role), not DISABLED.",
             .risk = "Catalog metadata describes every table: names, schemas, S3 locations, partition values and "
                     "connection details, a map for anyone who reads it.",
             .remediation = {.text = "Turn on metadata encryption for the Data Catalog with a KMS key.",
                             .cli = "aws glue put-data-catalog-encryption-settings --data-catalog-encryption-settings 'EncryptionAtRest={CatalogEncryptionMode=SSE-KMS,SseAwsKmsKeyId=<key-arn>},ConnectionPasswordEncryption={ReturnConnectionPasswordEncrypted=true,AwsKmsKeyId=<key-arn>}'",
                             .terraform = "resource \"aws_glue_data_catalog_encryption_settings\" \"this\" {\n  data_catalog_encryption_settings {\n    encryption_at_rest {\n      catalog_encryption_mode = \"SSE-KMS\"\n      sse_aws_kms_key_id      = aws_kms_key.glue.arn\n    }\n    connection_password_encryption {\n      return_connection_password_encrypted = true\n      aws_kms_key_id                       = aws_kms_key.glue.arn\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"metadata_encryption"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
