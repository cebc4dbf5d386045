// FSBP ELB.12: Application Load Balancers should use defensive or strictest desync mitigation mode
#include <set>
#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& ) {
  std::string why;
  const json* type = require_prop(r, "type", &why);
  if (!type) return not_assessed(why);
  if (*type != "application") return not_applicable("Load balancer " + r.name + " is a " + type->get<std::string>() + " load balancer, which has no desync mitigation mode.");
  const json* attrs = require_prop(r, "attributes", &why);
  if (!attrs) return not_assessed(why);
  auto it = attrs->find("routing.http.desync_mitigation_mode");
  if (it == attrs->end() || !it->is_string()) return not_assessed("AWS did not return the desync mitigation mode of " + r.name + ".");
  std::string mode = it->get<std::string>();
  if (mode == "defensive" || mode == "strictest") return pass("Load balancer " + r.name + " uses " + mode + " desync mitigation.");
  return fail("Load balancer " + r.name + " uses " + mode + " desync mitigation: it forwards requests that HTTP request smuggling relies on.");
}

const RegisterCheck reg({
    .meta = {.id = "elbv2_desync_mitigation_mode",
             .title = "Application Load Balancers should use defensive or strictest desync mitigation mode",
             .severity = Severity::kMedium,
             .service = "elbv2",
             .resource_type = "AWS::ElasticLoadBalancingV2::LoadBalancer",
             .description = "Checks that each Application Load Balancer's desync mitigation mode is defensive or strictest (Network and Gateway Load Balancers have none and get no finding).",
             .risk = "In monitor mode the load balancer forwards ambiguous requests, which HTTP request smuggling uses to poison caches, hijack other users' requests or bypass security controls.",
             .remediation = {.text = "Set routing.http.desync_mitigation_mode to defensive (or strictest).",
                             .cli = "aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=routing.http.desync_mitigation_mode,Value=defensive",
                             .terraform = "resource \"aws_lb\" \"this\" {\n  # ...\n  desync_mitigation_mode = \"defensive\"\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-12"},
             .cis = {},
             .fsbp = {"ELB.12"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
