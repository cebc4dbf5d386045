// Each VPC has an interface endpoint for the EC2 API (FSBP EC2.10, AWS Config
// vpc-endpoint-enabled with serviceName ec2).
#include "checks/check.h"
#include "checks/vpc_endpoints.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  return vpc_endpoints::has_endpoint(r, inv, "ec2", "the EC2 API");
}

const RegisterCheck reg({
    .meta = {.id = "vpc_endpoint_for_ec2_enabled",
             .title = "Amazon EC2 should be configured to use VPC endpoints that are created for the Amazon EC2 service",
             .severity = Severity::kMedium,
             .service = "vpc",
             .resource_type = "AWS::EC2::VPC",
             .description = "An interface VPC endpoint for the service com.amazonaws.<region>.ec2 (Amazon EC2) exists in the VPC (DescribeVpcEndpoints).",
             .risk = "Without the endpoint, calls to the EC2 API from the VPC leave it through an internet or NAT gateway, and an endpoint policy cannot restrict them.",
             .remediation = {.text = "Create an interface endpoint for com.amazonaws.<region>.ec2 in the VPC, in at least two Availability Zones, with private DNS enabled.",
                             .cli = "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --vpc-endpoint-type Interface --service-name com.amazonaws.<region>.ec2 --subnet-ids <subnet-a> <subnet-b> --security-group-ids <sg-id> --private-dns-enabled",
                             .terraform = "resource \"aws_vpc_endpoint\" \"this\" {\n  vpc_id              = aws_vpc.this.id\n  service_name        = \"com.amazonaws.${var.region}.ec2\"\n  vpc_endpoint_type   = \"Interface\"\n  subnet_ids          = [aws_subnet.a.id, aws_subnet.b.id]\n  security_group_ids  = [aws_security_group.endpoints.id]\n  private_dns_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-10"},
             .cis = {},
             .fsbp = {"EC2.10"}},
    .context_types = {"AWS::EC2::VPCEndpoint"},
    .reads = {"vpc_id", "AWS::EC2::VPCEndpoint.vpc_id", "AWS::EC2::VPCEndpoint.service_name", "AWS::EC2::VPCEndpoint.state"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
