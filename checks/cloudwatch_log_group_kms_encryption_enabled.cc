// CloudWatch log groups are encrypted with a KMS key.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* key = r.prop("kms_key_id");
  if (key && key->is_string() && !key->get<std::string>().empty())
    return pass("log group " + r.name + " is encrypted with " + key->get<std::string>());
  return fail("log group " + r.name + " is not encrypted with a KMS key");
}

const RegisterCheck reg({
    .meta = {.id = "cloudwatch_log_group_kms_encryption_enabled",
             .title = "CloudWatch log groups are encrypted with a KMS key",
             .severity = Severity::kMedium,
             .service = "cloudwatch",
             .resource_type = "AWS::Logs::LogGroup",
             .description = "The CloudWatch Logs group is encrypted with a customer managed AWS KMS key.",
             .risk = "Logs often hold sensitive data; without a KMS key you cannot control or audit who may decrypt them, nor revoke access by disabling the key.",
             .remediation = {.text = "Associate a KMS key whose policy allows the logs service principal with the log group.",
                             .cli = "aws logs associate-kms-key --log-group-name <name> --kms-key-id <key-arn>",
                             .terraform = "resource \"aws_cloudwatch_log_group\" \"this\" {\n  name       = \"<name>\"\n  kms_key_id = aws_kms_key.logs.arn\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
