// FSBP ELB.9: Classic Load Balancers should have cross-zone load balancing enabled
#include <set>
#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& ) {
  std::string why;
  const json* v = require_prop(r, "cross_zone", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>()) return pass("Load balancer " + r.name + " balances across zones.");
  return fail("Load balancer " + r.name + " does not balance across Availability Zones.");
}

const RegisterCheck reg({
    .meta = {.id = "elb_cross_zone_load_balancing_enabled",
             .title = "Classic Load Balancers should have cross-zone load balancing enabled",
             .severity = Severity::kMedium,
             .service = "elb",
             .resource_type = "AWS::ElasticLoadBalancing::LoadBalancer",
             .description = "Checks that cross-zone load balancing is enabled on each Classic Load Balancer.",
             .risk = "Without cross-zone load balancing, each zone's nodes serve only their zone's instances: a zone with fewer healthy instances is overloaded and can fail while others idle.",
             .remediation = {.text = "Enable cross-zone load balancing.",
                             .cli = "aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes '{\"CrossZoneLoadBalancing\":{\"Enabled\":true}}'",
                             .terraform = "resource \"aws_elb\" \"this\" {\n  # ...\n  cross_zone_load_balancing = true\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-crosszone-lb.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-9"},
             .cis = {},
             .fsbp = {"ELB.9"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
