// SageMaker endpoint production variants run more than one instance (FSBP SageMaker.4), so
// SageMaker can spread them across Availability Zones.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* variants = require_prop(r, "variants", &why);
  if (!variants) return not_assessed(why);
  if (!variants->is_array()) return not_assessed("production variants of " + r.id + " were not collected");
  std::string single;
  for (const auto& v : *variants) {
    if (v.value("serverless", false)) continue;  // serverless variants have no instances to count
    const json count = v.value("instance_count", json(nullptr));
    if (count.is_number() && count.get<long>() > 1) continue;
    single += (single.empty() ? "" : ", ") + v.value("name", std::string("?"));
  }
  if (!single.empty())
    return fail("endpoint configuration " + r.name + " has production variant(s) " + single +
                " with one initial instance: one instance failure or Availability Zone outage stops them");
  return pass("every instance-based production variant of endpoint configuration " + r.name + " starts with more than one instance");
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_endpoint_config_prod_variant_instances",
             .title = "SageMaker endpoint production variants should have an initial instance count greater than 1",
             .severity = Severity::kMedium,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::EndpointConfig",
             .description = "Every instance-based production variant of the endpoint configuration (DescribeEndpointConfig) has InitialInstanceCount greater than 1; serverless variants are not counted.",
             .risk = "With one instance a variant has no redundancy: SageMaker cannot place instances in several Availability Zones, and an instance failure or zone outage takes the endpoint down.",
             .remediation = {.text = "Create an endpoint configuration with at least two initial instances per production variant and update the endpoint to it.",
                             .cli = "aws sagemaker create-endpoint-config --endpoint-config-name <name>-ha --production-variants VariantName=primary,ModelName=<model>,InitialInstanceCount=2,InstanceType=ml.m5.large && aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <name>-ha",
                             .terraform = "resource \"aws_sagemaker_endpoint_configuration\" \"this\" {\n  name = \"model-ha\"\n  production_variants {\n    variant_name           = \"primary\"\n    model_name             = aws_sagemaker_model.this.name\n    initial_instance_count = 2\n    instance_type          = \"ml.m5.large\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/best-practice-endpoint-deployment.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-4"},
             .cis = {},
             .fsbp = {"SageMaker.4"}},
    .reads = {"variants"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
