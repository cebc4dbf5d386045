// VPC endpoint services (PrivateLink) do not allow every principal to connect.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* principals = require_prop(r, "allowed_principals", &why);
  if (!principals) return not_assessed(why);
  if (!principals->is_array()) return not_assessed("allowed principals of " + r.id + " were not collected");
  const json* acceptance = r.prop("acceptance_required");
  const bool accepts = acceptance && acceptance->is_boolean() && acceptance->get<bool>();
  for (const auto& p : *principals)
    if (p.is_string() && p.get<std::string>() == "*")
      return fail("endpoint service " + r.id + " allows every AWS principal (\"*\") to connect" +
                  (accepts ? std::string(" (connections still need acceptance)") : std::string(", and accepts connections without review")));
  if (principals->empty()) return pass("endpoint service " + r.id + " allows no principal");
  return pass("endpoint service " + r.id + " allows " + std::to_string(principals->size()) + " named principal(s)");
}

const RegisterCheck reg({
    .meta = {.id = "vpc_endpoint_services_allowed_principals_trust_boundaries",
             .title = "VPC endpoint services should not allow every AWS principal to connect",
             .severity = Severity::kHigh,
             .service = "vpc",
             .resource_type = "AWS::EC2::VPCEndpointService",
             .description = "The endpoint service's permissions (DescribeVpcEndpointServicePermissions) do not include the principal \"*\".",
             .risk = "Any AWS account can create an endpoint to the service, reaching the load balancer behind it from its own VPC; without acceptance required, immediately.",
             .remediation = {.text = "Remove \"*\" from the service's allowed principals and add the accounts, roles or organization that need it; require acceptance.",
                             .cli = "aws ec2 modify-vpc-endpoint-service-permissions --service-id <vpce-svc-id> --remove-allowed-principals '*' --add-allowed-principals arn:aws:iam::<account-id>:root",
                             .terraform = "resource \"aws_vpc_endpoint_service\" \"this\" {\n  acceptance_required        = true\n  allowed_principals         = [\"arn:aws:iam::<account-id>:root\"]\n  network_load_balancer_arns = [aws_lb.this.arn]\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#add-remove-permissions"},
             .cis = {},
             .fsbp = {}},
    .reads = {"allowed_principals", "acceptance_required"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
