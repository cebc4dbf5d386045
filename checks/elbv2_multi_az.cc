// FSBP ELB.13: Application, Network and Gateway Load Balancers should span multiple Availability Zones
#include <set>
#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& ) {
  std::string why;
  const json* zones = require_prop(r, "availability_zones", &why);
  if (!zones) return not_assessed(why);
  if (zones->size() >= 2) return pass("Load balancer " + r.name + " spans " + std::to_string(zones->size()) + " Availability Zones.");
  return fail("Load balancer " + r.name + " is enabled in " + std::to_string(zones->size()) + " Availability Zone.");
}

const RegisterCheck reg({
    .meta = {.id = "elbv2_multi_az",
             .title = "Application, Network and Gateway Load Balancers should span multiple Availability Zones",
             .severity = Severity::kMedium,
             .service = "elbv2",
             .resource_type = "AWS::ElasticLoadBalancingV2::LoadBalancer",
             .description = "Checks that each load balancer is enabled in at least two Availability Zones.",
             .risk = "A load balancer in a single Availability Zone takes the application down with that zone.",
             .remediation = {.text = "Enable subnets in another Availability Zone on the load balancer.",
                             .cli = "aws elbv2 set-subnets --load-balancer-arn <arn> --subnets <subnet-az-a> <subnet-az-b>",
                             .terraform = "resource \"aws_lb\" \"this\" {\n  # ...\n  subnets = [aws_subnet.az_a.id, aws_subnet.az_b.id]\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-subnets.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-13"},
             .cis = {},
             .fsbp = {"ELB.13"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
