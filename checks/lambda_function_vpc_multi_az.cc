// FSBP Lambda.5: VPC Lambda functions should operate in multiple Availability Zones
#include <set>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  if (!has_prop(r, "vpc_id", &why)) return not_assessed(why);
  const json* vpc = r.prop("vpc_id");
  if (!vpc || !vpc->is_string()) return not_applicable("Function " + r.name + " is not attached to a VPC: Lambda runs it in several Availability Zones.");
  const json* subnets = require_prop(r, "subnets", &why);
  if (!subnets) return not_assessed(why);
  std::set<std::string> zones;
  for (const auto& id : *subnets) {
    const Resource* found = nullptr;
    for (const auto& s : inv.of_type("AWS::EC2::Subnet"))
      if (s.region == r.region && s.id == id) found = &s;
    if (!found) {
      if (auto gap = inv.gap("AWS::EC2::Subnet", r.region)) return not_assessed(*gap);
      return not_assessed("Subnet " + id.get<std::string>() + " of function " + r.name + " is not in the inventory, so its Availability Zone is unknown.");
    }
    const json* az = found->prop("availability_zone");
    if (!az || !az->is_string() || az->get<std::string>().empty()) return not_assessed("The Availability Zone of subnet " + found->id + " was not collected.");
    zones.insert(az->get<std::string>());
  }
  if (zones.size() >= 2) return pass("Function " + r.name + " has subnets in " + std::to_string(zones.size()) + " Availability Zones.");
  return fail("Function " + r.name + " has its VPC subnets in " + (zones.empty() ? std::string("no Availability Zone") : "a single Availability Zone (" + *zones.begin() + ")") + ".");
}

const RegisterCheck reg({
    .meta = {.id = "lambda_function_vpc_multi_az",
             .title = "VPC Lambda functions should operate in multiple Availability Zones",
             .severity = Severity::kMedium,
             .service = "lambda",
             .resource_type = "AWS::Lambda::Function",
             .description = "Checks that each Lambda function attached to a VPC has subnets in at least two Availability Zones.",
             .risk = "A VPC function whose subnets are all in one Availability Zone stops when that zone has a problem.",
             .remediation = {.text = "Add subnets from another Availability Zone to the function's VPC configuration.",
                             .cli = "aws lambda update-function-configuration --function-name <name> --vpc-config SubnetIds=<subnet-az-a>,<subnet-az-b>,SecurityGroupIds=<sg-id>",
                             .terraform = "resource \"aws_lambda_function\" \"this\" {\n  # ...\n  vpc_config {\n    subnet_ids = [aws_subnet.az_a.id, aws_subnet.az_b.id]\n    security_group_ids = [aws_security_group.lambda.id]\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/lambda/latest/dg/security-resilience.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-5"},
             .cis = {},
             .fsbp = {"Lambda.5"}},
    .context_types = {"AWS::EC2::Subnet"},
    .reads = {"vpc_id", "subnets", "AWS::EC2::Subnet.availability_zone"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
