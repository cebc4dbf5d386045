// Each VPC has an interface endpoint for the Amazon EC2 API (FSBP EC2.10, AWS Config
// service-vpc-endpoint-enabled with serviceName ec2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kEndpoint = "AWS::EC2::VPCEndpoint";

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  if (auto gap = inv.gap(kEndpoint, r.region)) return not_assessed(*gap);
  const std::string suffix = "." + r.region + ".ec2";
  for (const auto& e : inv.of_type(kEndpoint)) {
    if (e.region != r.region || e.account != r.account) continue;
    const json* vpc = e.prop("vpc_id");
    const json* service = e.prop("service_name");
    if (!vpc || *vpc != r.id || !service || !service->is_string()) continue;
    if (!service->get<std::string>().ends_with(suffix)) continue;
    const json* state = e.prop("state");
    return pass("VPC " + r.id + " has EC2 endpoint " + e.id + " (" + service->get<std::string>() + ", " +
                (state && state->is_string() ? state->get<std::string>() : std::string("state unknown")) + ")");
  }
  return fail("VPC " + r.id + " has no interface endpoint for the EC2 API (com.amazonaws." + r.region +
              ".ec2): its instances reach the EC2 API over the internet or a NAT gateway");
}

const RegisterCheck reg({
    .meta = {.id = "vpc_endpoint_for_ec2_enabled",
             .title = "Amazon EC2 should be configured to use VPC endpoints that are created for the Amazon EC2 service",
             .severity = Severity::kMedium,
             .service = "vpc",
             .resource_type = "AWS::EC2::VPC",
             .description = "An interface VPC endpoint for the service com.amazonaws.<region>.ec2 exists in the VPC (DescribeVpcEndpoints).",
             .risk = "Without the endpoint, calls to the EC2 API from the VPC leave it through an internet or NAT gateway, and endpoint policies cannot restrict them.",
             .remediation = {.text = "Create an interface endpoint for com.amazonaws.<region>.ec2 in the VPC, with private DNS enabled.",
                             .cli = "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --vpc-endpoint-type Interface --service-name com.amazonaws.<region>.ec2 --subnet-ids <subnet-a> <subnet-b> --security-group-ids <sg-id> --private-dns-enabled",
                             .terraform = "resource \"aws_vpc_endpoint\" \"ec2\" {\n  vpc_id              = aws_vpc.this.id\n  service_name        = \"com.amazonaws.${var.region}.ec2\"\n  vpc_endpoint_type   = \"Interface\"\n  subnet_ids          = [aws_subnet.a.id, aws_subnet.b.id]\n  security_group_ids  = [aws_security_group.endpoints.id]\n  private_dns_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/interface-vpc-endpoint.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-10"},
             .cis = {},
             .fsbp = {"EC2.10"}},
    .context_types = {"AWS::EC2::VPCEndpoint"},
    .reads = {"vpc_id", "AWS::EC2::VPCEndpoint.vpc_id", "AWS::EC2::VPCEndpoint.service_name", "AWS::EC2::VPCEndpoint.state"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
