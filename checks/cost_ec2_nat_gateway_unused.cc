// Cost hygiene: a NAT gateway that sent nothing in 14 days is billed by the
// hour for nothing.
#include "checks/cost_registry.h"
#include "checks/cost_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

const char kId[] = "ec2_nat_gateway_unused";

cost::Estimate estimate(const Resource& g) { return cost::hourly(g.region, "ec2.nat_gateway.hour", "NAT gateway"); }

CheckResult evaluate(const Resource& g, const Inventory&) {
  std::string why;
  const json* bytes = require_prop(g, "bytes_out_14d", &why);
  if (!bytes) return not_assessed(why);
  double b = bytes->is_number() ? bytes->get<double>() : 0;
  if (b > 0)
    return pass("NAT gateway " + g.name + " sent " + cost::number(b) +
                " bytes to destinations in the last 14 days (CloudWatch BytesOutToDestination).");
  return fail("NAT gateway " + g.name + " sent no traffic to destinations in the last 14 days (CloudWatch "
              "BytesOutToDestination) but is billed by the hour (data processed comes on top)." +
              cost::sentence(estimate(g), g.region) + " Delete it if nothing routes through it.");
}

std::optional<double> monthly(const Resource& g, const Inventory&) { return estimate(g).usd; }

const RegisterCheck reg({
    .meta = {.id = kId,
             .title = "NAT gateways without traffic should be removed (cost)",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::NatGateway",
             .description = "Cost hygiene: checks that each NAT gateway sent traffic in the last 14 days (the sum "
                            "of CloudWatch's AWS/NATGateway BytesOutToDestination, read with one GetMetricData per "
                            "region). The finding carries the estimated monthly cost of its hours.",
             .risk = "An unused NAT gateway is billed every hour, and its Elastic IP on top.",
             .remediation = {.text = "Delete NAT gateways nothing routes through (remove the routes that point at "
                                     "them first), then release their Elastic IPs.",
                             .cli = "aws ec2 delete-nat-gateway --nat-gateway-id <nat-gateway-id>",
                             .terraform = "# Remove the aws_nat_gateway (and the aws_route entries and aws_eip it "
                                          "uses)."},
             .references = {"https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway-cloudwatch.html",
                            "https://aws.amazon.com/vpc/pricing/"},
             .cis = {},
             .fsbp = {}},
    .reads = {"bytes_out_14d"},
    .evaluate = evaluate});
const RegisterMonthlyCost cost_reg(kId, monthly);

}  // namespace
}  // namespace cloudpeek::checks
