// Cost hygiene: an Application, Network or Gateway Load Balancer with no
// registered or no healthy targets serves nothing but is billed by the hour.
#include "checks/cost_registry.h"
#include "checks/cost_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

const char kId[] = "elbv2_load_balancer_idle";

cost::Estimate estimate(const Resource& lb) {
  const json* type = lb.prop("type");
  std::string t = type && type->is_string() ? type->get<std::string>() : "application";
  return cost::hourly(lb.region, "elb." + t + ".hour", t + " load balancer");
}

CheckResult evaluate(const Resource& lb, const Inventory&) {
  std::string why;
  const json* targets = require_prop(lb, "targets", &why);
  if (!targets) return not_assessed(why);
  int registered = targets->value("registered", 0), healthy = targets->value("healthy", 0);
  if (healthy > 0)
    return pass("Load balancer " + lb.name + " has " + std::to_string(healthy) + " healthy target(s) of " +
                std::to_string(registered) + ".");
  std::string what = registered == 0 ? "has no registered targets" : "has " + std::to_string(registered) +
                                                                         " registered target(s), none healthy";
  return fail("Load balancer " + lb.name + " " + what + " in its " + std::to_string(targets->value("target_groups", 0)) +
              " target group(s): it serves nothing but is billed by the hour (the capacity units it uses come on "
              "top)." + cost::sentence(estimate(lb), lb.region) + " Delete it if it is no longer used.");
}

std::optional<double> monthly(const Resource& lb, const Inventory&) { return estimate(lb).usd; }

const RegisterCheck reg({
    .meta = {.id = kId,
             .title = "Load balancers without healthy targets should be removed (cost)",
             .severity = Severity::kLow,
             .service = "elbv2",
             .resource_type = "AWS::ElasticLoadBalancingV2::LoadBalancer",
             .description = "Cost hygiene: checks that each Application, Network and Gateway Load Balancer has at "
                            "least one healthy target (DescribeTargetGroups, DescribeTargetHealth). The finding carries "
                            "the estimated monthly cost of its hours.",
             .risk = "An idle load balancer is billed every hour and keeps an internet-facing endpoint (and its "
                     "listeners and certificates) that nobody maintains.",
             .remediation = {.text = "Delete load balancers that no longer serve anything; otherwise register "
                                     "targets and fix their health checks.",
                             .cli = "aws elbv2 delete-load-balancer --load-balancer-arn <load-balancer-arn>",
                             .terraform = "# Remove the aws_lb (and its aws_lb_listener / aws_lb_target_group) that "
                                          "serves nothing."},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html",
                            "https://aws.amazon.com/elasticloadbalancing/pricing/"},
             .cis = {},
             .fsbp = {}},
    .reads = {"targets", "type"},
    .evaluate = evaluate});
const RegisterMonthlyCost cost_reg(kId, monthly);

}  // namespace
}  // namespace cloudpeek::checks
