// SNS topics are encrypted at rest with AWS KMS.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("kms_master_key_id")) return not_assessed(*why);
  const json* key = r.prop("kms_master_key_id");
  if (key) return pass("topic " + r.name + " is encrypted with " + key->get<std::string>());
  return fail("topic " + r.name + " is not encrypted at rest with a KMS key");
}

const RegisterCheck reg({
    .meta = {.id = "sns_topics_kms_encryption_at_rest_enabled",
             .title = "SNS topics are encrypted at rest with AWS KMS",
             .severity = Severity::kHigh,
             .service = "sns",
             .resource_type = "AWS::SNS::Topic",
             .description = "The SNS topic has server-side encryption with an AWS KMS key.",
             .risk = "Messages stored by an unencrypted topic can be read by anyone with access to the underlying storage path; KMS adds access control and audit over decryption.",
             .remediation = {.text = "Enable server-side encryption on the topic with a KMS key.",
                             .cli = "aws sns set-topic-attributes --topic-arn <topic-arn> --attribute-name KmsMasterKeyId --attribute-value alias/aws/sns",
                             .terraform = "resource \"aws_sns_topic\" \"this\" {\n  name              = \"<name>\"\n  kms_master_key_id = \"alias/aws/sns\"\n}"},
             .references = {"https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/sns-controls.html"},
             .cis = {},
             .fsbp = {"SNS.1"}},
    .reads = {"kms_master_key_id"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
