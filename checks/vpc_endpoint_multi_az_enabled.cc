// Interface VPC endpoints have network interfaces in more than one Availability Zone.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "endpoint_type", &why);
  if (!type) return not_assessed(why);
  const json* subnets = require_prop(r, "subnets", &why);
  if (!subnets) return not_assessed(why);
  if (!type->is_string() || type->get<std::string>() != "Interface")
    return not_applicable("VPC endpoint " + r.id + " is a " + (type->is_string() ? type->get<std::string>() : std::string("?")) +
                " endpoint, not placed in Availability Zones");
  const size_t n = subnets->is_array() ? subnets->size() : 0;
  if (n >= 2) return pass("interface endpoint " + r.id + " has interfaces in " + std::to_string(n) + " subnets");
  return fail("interface endpoint " + r.id + " has an interface in " + std::to_string(n) +
              " subnet only: an outage of its Availability Zone cuts the VPC off from the service");
}

const RegisterCheck reg({
    .meta = {.id = "vpc_endpoint_multi_az_enabled",
             .title = "Interface VPC endpoints should span multiple Availability Zones",
             .severity = Severity::kLow,
             .service = "vpc",
             .resource_type = "AWS::EC2::VPCEndpoint",
             .description = "An interface endpoint (VpcEndpointType Interface) has subnets in at least two Availability Zones (an endpoint takes one subnet per zone). Gateway and other endpoint types get no finding: they are not zonal.",
             .risk = "An endpoint in one zone is a single point of failure for every workload in the VPC that reaches the service through it.",
             .remediation = {.text = "Add a subnet in another Availability Zone to the endpoint.",
                             .cli = "aws ec2 modify-vpc-endpoint --vpc-endpoint-id <vpce-id> --add-subnet-ids <subnet-in-another-az>",
                             .terraform = "resource \"aws_vpc_endpoint\" \"this\" {\n  # ...\n  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"endpoint_type", "subnets"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
