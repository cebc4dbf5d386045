// FSBP ELB.6: Application, Gateway, and Network Load Balancers should have deletion protection enabled
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* attrs = require_prop(r, "attributes", &why);
  if (!attrs) return not_assessed(why);
  if (attrs->value("deletion_protection.enabled", std::string()) == "true") return pass("Load balancer " + r.name + " has deletion protection enabled.");
  return fail("Load balancer " + r.name + " has deletion protection disabled.");
}

const RegisterCheck reg({
    .meta = {.id = "elbv2_deletion_protection",
             .title = "Application, Gateway, and Network Load Balancers should have deletion protection enabled",
             .severity = Severity::kMedium,
             .service = "elbv2",
             .resource_type = "AWS::ElasticLoadBalancingV2::LoadBalancer",
             .description = "Checks that deletion protection (deletion_protection.enabled) is on for each ELBv2 load balancer.",
             .risk = "A load balancer deleted by mistake or by an attacker takes the application offline until it is rebuilt.",
             .remediation = {.text = "Enable deletion protection on the load balancer.",
                             .cli = "aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=deletion_protection.enabled,Value=true",
                             .terraform = "resource \"aws_lb\" \"this\" {\n  # ...\n  enable_deletion_protection = true\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-6"},
             .cis = {},
             .fsbp = {"ELB.6"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
