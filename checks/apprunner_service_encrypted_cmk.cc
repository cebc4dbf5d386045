// App Runner services encrypt their source and logs with a customer managed
// KMS key. App Runner only lets a service name a customer managed key;
// without one it uses an AWS owned key.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "kms_key", &why)) return not_assessed(why);
  const json* key = r.prop("kms_key");
  if (key && key->is_string() && !key->get<std::string>().empty())
    return pass("service " + r.name + " encrypts with customer managed key " + key->get<std::string>());
  return fail("service " + r.name + " encrypts with an AWS owned key, not a customer managed one");
}

const RegisterCheck reg({
    .meta = {.id = "apprunner_service_encrypted_cmk",
             .title = "App Runner services should be encrypted with a customer managed KMS key",
             .severity = Severity::kLow,
             .service = "apprunner",
             .resource_type = "AWS::AppRunner::Service",
             .description = "The service's EncryptionConfiguration names a KMS key (DescribeService); App Runner "
                            "accepts only customer managed keys there.",
             .risk = "With an AWS owned key the account cannot see, audit or revoke use of the key protecting the "
                     "service's source copy and stored configuration.",
             .remediation = {.text = "Recreate the service with a customer managed key (a service's key cannot be "
                                     "changed after creation).",
                             .cli = "aws apprunner create-service --service-name <name> --source-configuration file://source.json --encryption-configuration KmsKey=<customer-key-arn>",
                             .terraform = "resource \"aws_apprunner_service\" \"this\" {\n  service_name = \"api\"\n  # source_configuration { ... }\n  encryption_configuration {\n    kms_key = aws_kms_key.apprunner.arn\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/apprunner/latest/dg/security-data-protection-encryption.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"kms_key"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
