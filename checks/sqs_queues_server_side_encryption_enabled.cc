// SQS queues are encrypted at rest.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("kms_master_key_id")) return not_assessed(*why);
  if (const json* key = r.prop("kms_master_key_id"))
    return pass("queue " + r.name + " is encrypted with KMS key " + key->get<std::string>());
  const json* sse = r.prop("sqs_managed_sse_enabled");
  if (sse && sse->get<bool>()) return pass("queue " + r.name + " is encrypted with SQS-managed keys (SSE-SQS)");
  return fail("queue " + r.name + " is not encrypted at rest");
}

const RegisterCheck reg({
    .meta = {.id = "sqs_queues_server_side_encryption_enabled",
             .title = "SQS queues are encrypted at rest",
             .severity = Severity::kMedium,
             .service = "sqs",
             .resource_type = "AWS::SQS::Queue",
             .description = "The SQS queue has server-side encryption, with SQS-managed keys (SSE-SQS) or an AWS KMS key (SSE-KMS).",
             .risk = "Messages at rest in an unencrypted queue are not protected against access to the storage they sit on.",
             .remediation = {.text = "Enable SSE-SQS or SSE-KMS on the queue.",
                             .cli = "aws sqs set-queue-attributes --queue-url <queue-url> --attributes SqsManagedSseEnabled=true",
                             .terraform = "resource \"aws_sqs_queue\" \"this\" {\n  name                    = \"<name>\"\n  sqs_managed_sse_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html"},
             .cis = {},
             .fsbp = {"SQS.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
