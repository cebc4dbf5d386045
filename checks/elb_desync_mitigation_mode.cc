// FSBP ELB.14: Classic Load Balancers should use defensive or strictest desync mitigation mode
#include <set>
#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& ) {
  std::string why;
  const json* v = require_prop(r, "desync_mitigation_mode", &why);
  if (!v) return not_assessed(why);
  std::string mode = v->is_string() ? v->get<std::string>() : "";
  if (mode == "defensive" || mode == "strictest") return pass("Load balancer " + r.name + " uses " + mode + " desync mitigation.");
  return fail("Load balancer " + r.name + " uses " + mode + " desync mitigation: it forwards requests that HTTP request smuggling relies on.");
}

const RegisterCheck reg({
    .meta = {.id = "elb_desync_mitigation_mode",
             .title = "Classic Load Balancers should use defensive or strictest desync mitigation mode",
             .severity = Severity::kMedium,
             .service = "elb",
             .resource_type = "AWS::ElasticLoadBalancing::LoadBalancer",
             .description = "Checks that each Classic Load Balancer's desync mitigation mode is defensive or strictest.",
             .risk = "In monitor mode the load balancer forwards ambiguous requests, which HTTP request smuggling uses to poison caches, hijack other users' requests or bypass security controls.",
             .remediation = {.text = "Set the elb.http.desyncmitigationmode attribute to defensive (or strictest).",
                             .cli = "aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes '{\"AdditionalAttributes\":[{\"Key\":\"elb.http.desyncmitigationmode\",\"Value\":\"defensive\"}]}'",
                             .terraform = "resource \"aws_elb\" \"this\" {\n  # ...\n  desync_mitigation_mode = \"defensive\"\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-desync-mitigation-mode.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-14"},
             .cis = {},
             .fsbp = {"ELB.14"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
