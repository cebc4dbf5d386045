// FSBP ELB.10: Classic Load Balancers should span multiple Availability Zones
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
    .meta = {.id = "elb_multi_az",
             .title = "Classic Load Balancers should span multiple Availability Zones",
             .severity = Severity::kMedium,
             .service = "elb",
             .resource_type = "AWS::ElasticLoadBalancing::LoadBalancer",
             .description = "Checks that each Classic Load Balancer is enabled in at least two Availability Zones.",
             .risk = "A load balancer in a single Availability Zone takes the application down with that zone.",
             .remediation = {.text = "Enable another Availability Zone (or subnet) on the load balancer.",
                             .cli = "aws elb enable-availability-zones-for-load-balancer --load-balancer-name <name> --availability-zones <az>",
                             .terraform = "resource \"aws_elb\" \"this\" {\n  # ...\n  availability_zones = [\"<az-a>\", \"<az-b>\"]\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-az.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-10"},
             .cis = {},
             .fsbp = {"ELB.10"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
