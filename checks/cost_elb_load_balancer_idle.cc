// Cost hygiene: a Classic Load Balancer with no instances registered serves
// nothing but is billed by the hour.
#include "checks/cost_registry.h"
#include "checks/cost_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

const char kId[] = "elb_load_balancer_idle";

cost::Estimate estimate(const Resource& lb) {
  return cost::hourly(lb.region, "elb.classic.hour", "Classic Load Balancer");
}

CheckResult evaluate(const Resource& lb, const Inventory&) {
  std::string why;
  const json* instances = require_prop(lb, "instances", &why);
  if (!instances) return not_assessed(why);
  if (instances->is_number() && instances->get<int>() > 0)
    return pass("Load balancer " + lb.name + " has " + std::to_string(instances->get<int>()) +
                " registered instance(s).");
  return fail("Load balancer " + lb.name + " has no registered instances: it serves nothing but is billed by the "
              "hour." + cost::sentence(estimate(lb), lb.region) + " Delete it if it is no longer used.");
}

std::optional<double> monthly(const Resource& lb, const Inventory&) { return estimate(lb).usd; }

const RegisterCheck reg({
    .meta = {.id = kId,
             .title = "Classic Load Balancers without instances should be removed (cost)",
             .severity = Severity::kLow,
             .service = "elb",
             .resource_type = "AWS::ElasticLoadBalancing::LoadBalancer",
             .description = "Cost hygiene: checks that each Classic Load Balancer has instances registered "
                            "(DescribeLoadBalancers). The finding carries the estimated monthly cost of its hours.",
             .risk = "An idle load balancer is billed every hour and keeps an endpoint, listeners and certificates "
                     "that nobody maintains.",
             .remediation = {.text = "Delete Classic Load Balancers that no longer serve anything (or migrate the "
                                     "ones in use to an Application or Network Load Balancer).",
                             .cli = "aws elb delete-load-balancer --load-balancer-name <name>",
                             .terraform = "# Remove the aws_elb that has no instances."},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-deregister-register-instances.html",
                            "https://aws.amazon.com/elasticloadbalancing/pricing/"},
             .cis = {},
             .fsbp = {}},
    .reads = {"instances"},
    .evaluate = evaluate});
const RegisterMonthlyCost cost_reg(kId, monthly);

}  // namespace
}  // namespace cloudpeek::checks
