// SageMaker training jobs run in a VPC.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* subnets = require_prop(r, "vpc_subnets", &why);
  if (!subnets) return not_assessed(why);
  if (subnets->is_number() && subnets->get<long>() > 0)
    return pass("training job " + r.name + " runs in " + std::to_string(subnets->get<long>()) + " VPC subnet(s)");
  return fail("training job " + r.name + " has no VPC configuration: its containers run in SageMaker's network");
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_training_jobs_vpc_settings_configured",
             .title = "SageMaker training jobs should run in a VPC",
             .severity = Severity::kMedium,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::TrainingJob",
             .description = "DescribeTrainingJob has a VpcConfig with subnets.",
             .risk = "Outside a VPC the training containers' traffic escapes security groups, VPC endpoint policies and flow logs.",
             .remediation = {.text = "Start the training job again with a VpcConfig (subnets and a security group).",
                             .cli = "aws sagemaker create-training-job --training-job-name <name>-v2 --algorithm-specification TrainingImage=<image>,TrainingInputMode=File --role-arn <role-arn> --output-data-config S3OutputPath=<s3-uri>,KmsKeyId=<key-arn> --resource-config InstanceType=ml.m5.xlarge,InstanceCount=2,VolumeSizeInGB=50,VolumeKmsKeyId=<key-arn> --vpc-config Subnets=<subnet-a>,<subnet-b>,SecurityGroupIds=<sg-id> --enable-network-isolation --enable-inter-container-traffic-encryption --stopping-condition MaxRuntimeInSeconds=86400",
                             .terraform = "# Training jobs are started by pipelines or the SDK, not Terraform resources; e.g. with the SageMaker Python SDK:\n# Estimator(..., subnets=[...], security_group_ids=[...], enable_network_isolation=True,\n#           encrypt_inter_container_traffic=True, volume_kms_key=key_arn, output_kms_key=key_arn)"},
             .references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"vpc_subnets"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
