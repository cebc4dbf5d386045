// SageMaker training jobs encrypt the traffic between their training containers.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* on = require_prop(r, "intercontainer_encryption", &why);
  if (!on) return not_assessed(why);
  if (on->is_boolean() && on->get<bool>()) return pass("training job " + r.name + " encrypts inter-container traffic");
  return fail("training job " + r.name + " does not encrypt the traffic between its training containers");
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_training_jobs_intercontainer_encryption_enabled",
             .title = "SageMaker training jobs should encrypt inter-container traffic",
             .severity = Severity::kMedium,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::TrainingJob",
             .description = "DescribeTrainingJob's EnableInterContainerTrafficEncryption is true.",
             .risk = "In distributed training, model parameters and training data pass between instances unencrypted inside the VPC.",
             .remediation = {.text = "Start the training job again with inter-container traffic encryption enabled (a finished job cannot be changed).",
                             .cli = "aws sagemaker create-training-job --training-job-name <name>-v2 --algorithm-specification TrainingImage=<image>,TrainingInputMode=File --role-arn <role-arn> --output-data-config S3OutputPath=<s3-uri>,KmsKeyId=<key-arn> --resource-config InstanceType=ml.m5.xlarge,InstanceCount=2,VolumeSizeInGB=50,VolumeKmsKeyId=<key-arn> --vpc-config Subnets=<subnet-a>,<subnet-b>,SecurityGroupIds=<sg-id> --enable-network-isolation --enable-inter-container-traffic-encryption --stopping-condition MaxRuntimeInSeconds=86400",
                             .terraform = "# Training jobs are started by pipelines or the SDK, not Terraform resources; e.g. with the SageMaker Python SDK:\n# Estimator(..., subnets=[...], security_group_ids=[...], enable_network_isolation=True,\n#           encrypt_inter_container_traffic=True, volume_kms_key=key_arn, output_kms_key=key_arn)"},
             .references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/train-encrypt.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"intercontainer_encryption"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
