// FSBP ELB.7: Classic Load Balancers should have connection draining enabled
#include <set>
#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& ) {
  std::string why;
  const json* v = require_prop(r, "connection_draining", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>()) return pass("Load balancer " + r.name + " drains connections.");
  return fail("Load balancer " + r.name + " does not drain connections: requests in flight are cut when an instance leaves.");
}

const RegisterCheck reg({
    .meta = {.id = "elb_connection_draining_enabled",
             .title = "Classic Load Balancers should have connection draining enabled",
             .severity = Severity::kLow,
             .service = "elb",
             .resource_type = "AWS::ElasticLoadBalancing::LoadBalancer",
             .description = "Checks that connection draining is enabled on each Classic Load Balancer.",
             .risk = "Without connection draining, requests in flight are cut when an instance is deregistered or fails its health check: errors and half-finished transactions during every deployment.",
             .remediation = {.text = "Enable connection draining with a timeout that covers the longest request.",
                             .cli = "aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes '{\"ConnectionDraining\":{\"Enabled\":true,\"Timeout\":300}}'",
                             .terraform = "resource \"aws_elb\" \"this\" {\n  # ...\n  connection_draining         = true\n  connection_draining_timeout = 300\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-conn-drain.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-7"},
             .cis = {},
             .fsbp = {"ELB.7"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
