// SageMaker training jobs run their containers with network isolation.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* on = require_prop(r, "network_isolation", &why);
  if (!on) return not_assessed(why);
  if (on->is_boolean() && on->get<bool>()) return pass("training job " + r.name + " has network isolation enabled");
  return fail("training job " + r.name + " lets its containers make outbound network calls (EnableNetworkIsolation false)");
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_training_jobs_network_isolation_enabled",
             .title = "SageMaker training jobs should have network isolation enabled",
             .severity = Severity::kMedium,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::TrainingJob",
             .description = "DescribeTrainingJob's EnableNetworkIsolation is true: the training container can make no outbound network call.",
             .risk = "A malicious or compromised training image or dependency can send the training data and model anywhere.",
             .remediation = {.text = "Start the training job again with network isolation enabled.",
                             .cli = "aws sagemaker create-training-job --training-job-name <name>-v2 --algorithm-specification TrainingImage=<image>,TrainingInputMode=File --role-arn <role-arn> --output-data-config S3OutputPath=<s3-uri>,KmsKeyId=<key-arn> --resource-config InstanceType=ml.m5.xlarge,InstanceCount=2,VolumeSizeInGB=50,VolumeKmsKeyId=<key-arn> --vpc-config Subnets=<subnet-a>,<subnet-b>,SecurityGroupIds=<sg-id> --enable-network-isolation --enable-inter-container-traffic-encryption --stopping-condition MaxRuntimeInSeconds=86400",
                             .terraform = "# Training jobs are started by pipelines or the SDK, not Terraform resources; e.g. with the SageMaker Python SDK:\n# Estimator(..., subnets=[...], security_group_ids=[...], enable_network_isolation=True,\n#           encrypt_inter_container_traffic=True, volume_kms_key=key_arn, output_kms_key=key_arn)"},
             .references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"network_isolation"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
