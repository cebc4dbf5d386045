// Kinesis data streams encrypt records at rest (server-side encryption with KMS).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "encryption", &why);
  if (!v) return not_assessed(why);
  if (*v == "KMS") {
    const json* key = r.prop("kms_key_id");
    return pass("stream " + r.name + " is encrypted with KMS" +
                (key && key->is_string() ? " (" + key->get<std::string>() + ")" : std::string()));
  }
  return fail("stream " + r.name + " stores records unencrypted (EncryptionType " +
              (v->is_string() ? v->get<std::string>() : "?") + ")");
}

const RegisterCheck reg({
    .meta = {.id = "kinesis_stream_encrypted_at_rest",
             .title = "Kinesis streams should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "kinesis",
             .resource_type = "AWS::Kinesis::Stream",
             .description = "The stream's EncryptionType is KMS (server-side encryption with the AWS managed key "
                            "aws/kinesis or a customer managed key).",
             .risk = "Records (often application events, logs or personal data) are kept for the retention period; "
                     "without server-side encryption they are stored in plain text and no KMS key policy controls "
                     "who can read them.",
             .remediation = {.text = "Start server-side encryption on the stream; producers and consumers need "
                                     "kms:GenerateDataKey / kms:Decrypt on a customer managed key.",
                             .cli = "aws kinesis start-stream-encryption --stream-name <stream> --encryption-type KMS --key-id alias/aws/kinesis",
                             .terraform = "resource \"aws_kinesis_stream\" \"this\" {\n  # ...\n  encryption_type = \"KMS\"\n  kms_key_id      = \"alias/aws/kinesis\"\n}"},
             .references = {"https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/kinesis-controls.html#kinesis-1"},
             .cis = {},
             .fsbp = {"Kinesis.1"}},
    .reads = {"encryption", "kms_key_id"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
