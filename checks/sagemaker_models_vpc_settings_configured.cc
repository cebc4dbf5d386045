// SageMaker models run their containers in a VPC.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* subnets = require_prop(r, "vpc_subnets", &why);
  if (!subnets) return not_assessed(why);
  if (subnets->is_number() && subnets->get<long>() > 0)
    return pass("model " + r.name + " runs in " + std::to_string(subnets->get<long>()) + " VPC subnet(s)");
  return fail("model " + r.name + " has no VPC configuration: its containers run in SageMaker's network");
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_models_vpc_settings_configured",
             .title = "SageMaker models should be deployed in a VPC",
             .severity = Severity::kMedium,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::Model",
             .description = "DescribeModel has a VpcConfig with subnets, so hosted containers reach data and services through the account's VPC.",
             .risk = "Without a VPC, the containers' traffic escapes security groups, VPC endpoint policies and flow logs.",
             .remediation = {.text = "Create the model again with a VpcConfig (subnets in two or more zones and a security group) and point its endpoint configurations to it.",
                             .cli = "aws sagemaker create-model --model-name <name>-vpc --execution-role-arn <role-arn> --primary-container Image=<image>,ModelDataUrl=<s3-uri> --vpc-config Subnets=<subnet-a>,<subnet-b>,SecurityGroupIds=<sg-id>",
                             .terraform = "resource \"aws_sagemaker_model\" \"this\" {\n  name                     = \"churn\"\n  execution_role_arn       = aws_iam_role.model.arn\n  enable_network_isolation = true\n  primary_container {\n    image = \"<account>.dkr.ecr.<region>.amazonaws.com/churn:latest\"\n  }\n  vpc_config {\n    subnets            = [aws_subnet.a.id, aws_subnet.b.id]\n    security_group_ids = [aws_security_group.model.id]\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/host-vpc.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"vpc_subnets"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
