// Each VPC has an interface endpoint for the ECR Docker registry (FSBP EC2.56, AWS Config
// vpc-endpoint-enabled with serviceName ecr.dkr).
#include "checks/check.h"
#include "checks/vpc_endpoints.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  return vpc_endpoints::has_endpoint(r, inv, "ecr.dkr", "the ECR Docker registry");
}

const RegisterCheck reg({
    .meta = {.id = "vpc_endpoint_for_ecr_dkr_enabled",
             .title = "VPCs should be configured with an interface endpoint for Docker Registry",
             .severity = Severity::kMedium,
             .service = "vpc",
             .resource_type = "AWS::EC2::VPC",
             .description = "An interface VPC endpoint for the service com.amazonaws.<region>.ecr.dkr (Amazon ECR Docker registry) exists in the VPC (DescribeVpcEndpoints).",
             .risk = "Without the endpoint, calls to the ECR Docker registry from the VPC leave it through an internet or NAT gateway, and an endpoint policy cannot restrict them.",
             .remediation = {.text = "Create an interface endpoint for com.amazonaws.<region>.ecr.dkr in the VPC, in at least two Availability Zones, with private DNS enabled.",
                             .cli = "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --vpc-endpoint-type Interface --service-name com.amazonaws.<region>.ecr.dkr --subnet-ids <subnet-a> <subnet-b> --security-group-ids <sg-id> --private-dns-enabled",
                             .terraform = "resource \"aws_vpc_endpoint\" \"this\" {\n  vpc_id              = aws_vpc.this.id\n  service_name        = \"com.amazonaws.${var.region}.ecr.dkr\"\n  vpc_endpoint_type   = \"Interface\"\n  subnet_ids          = [aws_subnet.a.id, aws_subnet.b.id]\n  security_group_ids  = [aws_security_group.endpoints.id]\n  private_dns_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-56"},
             .cis = {},
             .fsbp = {"EC2.56"}},
    .context_types = {"AWS::EC2::VPCEndpoint"},
    .reads = {"vpc_id", "AWS::EC2::VPCEndpoint.vpc_id", "AWS::EC2::VPCEndpoint.service_name", "AWS::EC2::VPCEndpoint.state"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
