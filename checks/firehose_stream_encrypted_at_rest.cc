// Firehose delivery streams encrypt buffered data at rest. Server-side
// encryption can only be turned on for Direct PUT streams; a stream that
// reads a Kinesis data stream is as encrypted as that source stream, which is
// looked up in the inventory.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kKinesis = "AWS::Kinesis::Stream";

CheckResult judge_source(const Resource& r, const Inventory& inv, const std::string& source) {
  const Resource* s = inv.find_arn(source);
  if (!s) {
    if (auto gap = inv.gap(kKinesis, r.region)) return not_assessed("source stream " + source + ": " + *gap);
    return not_assessed("source stream " + source + " of delivery stream " + r.name +
                        " is not in the inventory (Kinesis not scanned in " + r.region + ", or another account's)");
  }
  if (auto m = s->missing_reason("encryption")) return not_assessed("source stream " + s->name + ": " + *m);
  const json* enc = s->prop("encryption");
  if (enc && *enc == "KMS")
    return pass("delivery stream " + r.name + " reads Kinesis stream " + s->name + ", which is encrypted with KMS");
  return fail("delivery stream " + r.name + " reads Kinesis stream " + s->name + ", which is not encrypted at rest");
}

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  const json* type = require_prop(r, "stream_type", &why);
  if (!type) return not_assessed(why);
  const json* status = require_prop(r, "encryption_status", &why);
  if (!status) return not_assessed(why);
  if (*status == "ENABLED") {
    const json* key = r.prop("encryption_key_type");
    return pass("delivery stream " + r.name + " has server-side encryption" +
                (key && key->is_string() ? " (" + key->get<std::string>() + ")" : std::string()));
  }
  if (*type == "KinesisStreamAsSource") {
    if (!has_prop(r, "source_stream_arn", &why)) return not_assessed(why);
    if (const json* src = r.prop("source_stream_arn"); src && src->is_string())
      return judge_source(r, inv, src->get<std::string>());
    return not_assessed("the source stream of delivery stream " + r.name + " was not collected");
  }
  return fail("delivery stream " + r.name + " does not encrypt data at rest (server-side encryption " +
              (status->is_string() ? status->get<std::string>() : "?") + ")");
}

const RegisterCheck reg({
    .meta = {.id = "firehose_stream_encrypted_at_rest",
             .title = "Firehose delivery streams should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "firehose",
             .resource_type = "AWS::KinesisFirehose::DeliveryStream",
             .description = "The delivery stream's server-side encryption status is ENABLED; a stream whose source "
                            "is a Kinesis data stream (where Firehose encryption cannot be turned on) passes when that "
                            "stream is encrypted with KMS.",
             .risk = "Records buffered by Firehose before delivery are stored unencrypted, and no KMS key policy "
                     "controls access to them.",
             .remediation = {.text = "Start server-side encryption on Direct PUT streams (AWS owned or customer "
                                     "managed key); for streams reading Kinesis, encrypt the source stream.",
                             .cli = "aws firehose start-delivery-stream-encryption --delivery-stream-name <stream> --delivery-stream-encryption-configuration-input KeyType=AWS_OWNED_CMK",
                             .terraform = "resource \"aws_kinesis_firehose_delivery_stream\" \"this\" {\n  # ...\n  server_side_encryption {\n    enabled  = true\n    key_type = \"AWS_OWNED_CMK\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/firehose/latest/dev/encryption.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/datafirehose-controls.html#datafirehose-1"},
             .cis = {},
             .fsbp = {"DataFirehose.1"}},
    .context_types = {"AWS::Kinesis::Stream"},
    .reads = {"stream_type", "encryption_status", "encryption_key_type", "source_stream_arn",
              "AWS::Kinesis::Stream.encryption"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
