// SageMaker training jobs encrypt their storage volumes and their output with KMS keys.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "volume_kms_key_id", &why) || !has_prop(r, "output_kms_key_id", &why)) return not_assessed(why);
  auto set = [&](const char* p) {
    const json* v = r.prop(p);
    return v && v->is_string() && !v->get<std::string>().empty();
  };
  const bool volume = set("volume_kms_key_id"), output = set("output_kms_key_id");
  if (volume && output) return pass("training job " + r.name + " encrypts its volumes and output with KMS keys");
  std::string missing = !volume && !output ? "its storage volumes nor its output" : !volume ? "its storage volumes" : "its output";
  return fail("training job " + r.name + " has no KMS key for " + missing);
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_training_jobs_volume_and_output_encryption_enabled",
             .title = "SageMaker training jobs should encrypt their volumes and output with a KMS key",
             .severity = Severity::kMedium,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::TrainingJob",
             .description = "DescribeTrainingJob names a VolumeKmsKeyId (ResourceConfig) and an output KmsKeyId (OutputDataConfig).",
             .risk = "Training data on the instances' volumes and the model artifacts written to S3 are not protected by a key the account controls, audits and can revoke.",
             .remediation = {.text = "Start the training job again with a volume KMS key and an output KMS key.",
                             .cli = "aws sagemaker create-training-job --training-job-name <name>-v2 --algorithm-specification TrainingImage=<image>,TrainingInputMode=File --role-arn <role-arn> --output-data-config S3OutputPath=<s3-uri>,KmsKeyId=<key-arn> --resource-config InstanceType=ml.m5.xlarge,InstanceCount=2,VolumeSizeInGB=50,VolumeKmsKeyId=<key-arn> --vpc-config Subnets=<subnet-a>,<subnet-b>,SecurityGroupIds=<sg-id> --enable-network-isolation --enable-inter-container-traffic-encryption --stopping-condition MaxRuntimeInSeconds=86400",
                             .terraform = "# Training jobs are started by pipelines or the SDK, not Terraform resources; e.g. with the SageMaker Python SDK:\n# Estimator(..., subnets=[...], security_group_ids=[...], enable_network_isolation=True,\n#           encrypt_inter_container_traffic=True, volume_kms_key=key_arn, output_kms_key=key_arn)"},
             .references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"volume_kms_key_id", "output_kms_key_id"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
