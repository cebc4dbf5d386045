// SageMaker endpoint configurations encrypt the hosting instances' storage with a KMS key.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "kms_key_id", &why)) return not_assessed(why);
  const json* key = r.prop("kms_key_id");
  if (key && key->is_string() && !key->get<std::string>().empty())
    return pass("endpoint configuration " + r.name + " encrypts with KMS key " + key->get<std::string>());
  return fail("endpoint configuration " + r.name + " has no KMS key for the storage of its hosting instances");
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_endpoint_config_encryption_enabled",
             .title = "SageMaker endpoint configurations should have a KMS key configured",
             .severity = Severity::kMedium,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::EndpointConfig",
             .description = "DescribeEndpointConfig names a KmsKeyId, which encrypts the ML storage volumes of the instances hosting the endpoint (AWS Config sagemaker-endpoint-configuration-kms-key-configured).",
             .risk = "The model artifacts and data on the hosting instances' volumes are not protected by a key the account controls, audits and can revoke.",
             .remediation = {.text = "Create a new endpoint configuration with a KMS key and update the endpoints to it.",
                             .cli = "aws sagemaker create-endpoint-config --endpoint-config-name <name>-kms --production-variants file://variants.json --kms-key-id <key-arn> && aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <name>-kms",
                             .terraform = "resource \"aws_sagemaker_endpoint_configuration\" \"this\" {\n  name        = \"model-v2\"\n  kms_key_arn = aws_kms_key.sagemaker.arn\n  production_variants {\n    variant_name           = \"primary\"\n    model_name             = aws_sagemaker_model.this.name\n    initial_instance_count = 2\n    instance_type          = \"ml.m5.large\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/config/latest/developerguide/sagemaker-endpoint-configuration-kms-key-configured.html",
                            "https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"kms_key_id"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
