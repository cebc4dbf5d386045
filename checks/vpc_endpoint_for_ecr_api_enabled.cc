// Each VPC has an interface endpoint for the ECR API (FSBP EC2.55, AWS Config
// vpc-endpoint-enabled with serviceName ecr.api).
#include "checks/check.h"
#include "checks/vpc_endpoints.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  return vpc_endpoints::has_endpoint(r, inv, "ecr.api", "the ECR API");
}

const RegisterCheck reg({
    .meta = {.id = "vpc_endpoint_for_ecr_api_enabled",
             .title = "VPCs should be configured with an interface endpoint for ECR API",
             .severity = Severity::kMedium,
             .service = "vpc",
             .resource_type = "AWS::EC2::VPC",
             .description = "An interface VPC endpoint for the service com.amazonaws.<region>.ecr.api (Amazon ECR API) exists in the VPC (DescribeVpcEndpoints).",
             .risk = "Without the endpoint, calls to the ECR API from the VPC leave it through an internet or NAT gateway, and an endpoint policy cannot restrict them.",
             .remediation = {.text = "Create an interface endpoint for com.amazonaws.<region>.ecr.api in the VPC, in at least two Availability Zones, with private DNS enabled.",
                             .cli = "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --vpc-endpoint-type Interface --service-name com.amazonaws.<region>.ecr.api --subnet-ids <subnet-a> <subnet-b> --security-group-ids <sg-id> --private-dns-enabled",
                             .terraform = "resource \"aws_vpc_endpoint\" \"this\" {\n  vpc_id              = aws_vpc.this.id\n  service_name        = \"com.amazonaws.${var.region}.ecr.api\"\n  vpc_endpoint_type   = \"Interface\"\n  subnet_ids          = [aws_subnet.a.id, aws_subnet.b.id]\n  security_group_ids  = [aws_security_group.endpoints.id]\n  private_dns_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-55"},
             .cis = {},
             .fsbp = {"EC2.55"}},
    .context_types = {"AWS::EC2::VPCEndpoint"},
    .reads = {"vpc_id", "AWS::EC2::VPCEndpoint.vpc_id", "AWS::EC2::VPCEndpoint.service_name", "AWS::EC2::VPCEndpoint.state"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
