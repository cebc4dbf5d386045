// FSBP Lambda.3: Lambda functions should be in a VPC
#include <set>
#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& ) {
  std::string why;
  if (!has_prop(r, "vpc_id", &why)) return not_assessed(why);
  const json* vpc = r.prop("vpc_id");
  if (vpc && vpc->is_string()) return pass("Function " + r.name + " runs in VPC " + vpc->get<std::string>() + ".");
  return fail("Function " + r.name + " is not attached to a VPC: its network access cannot be restricted.");
}

const RegisterCheck reg({
    .meta = {.id = "lambda_function_in_vpc",
             .title = "Lambda functions should be in a VPC",
             .severity = Severity::kLow,
             .service = "lambda",
             .resource_type = "AWS::Lambda::Function",
             .description = "Checks that each Lambda function is attached to a VPC.",
             .risk = "A function outside a VPC reaches the internet directly: its egress cannot be limited by security groups, network ACLs or a firewall, and it cannot reach private resources without making them public.",
             .remediation = {.text = "Attach the function to private subnets of a VPC (with NAT or VPC endpoints for the AWS services it calls).",
                             .cli = "aws lambda update-function-configuration --function-name <name> --vpc-config SubnetIds=<subnet-a>,<subnet-b>,SecurityGroupIds=<sg-id>",
                             .terraform = "resource \"aws_lambda_function\" \"this\" {\n  # ...\n  vpc_config {\n    subnet_ids         = [aws_subnet.private_a.id, aws_subnet.private_b.id]\n    security_group_ids = [aws_security_group.lambda.id]\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-3"},
             .cis = {},
             .fsbp = {"Lambda.3"}},
    .reads = {"vpc_id"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
