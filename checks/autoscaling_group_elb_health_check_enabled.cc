// EC2 Auto Scaling groups behind a load balancer replace instances that fail
// the load balancer's health checks (HealthCheckType ELB), not only EC2's.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* lbs = require_prop(r, "load_balancers", &why);
  if (!lbs) return not_assessed(why);
  const json* type = require_prop(r, "health_check_type", &why);
  if (!type) return not_assessed(why);
  if (!lbs->is_array() || lbs->empty())
    return not_applicable("Auto Scaling group " + r.name + " is not attached to a load balancer or target group");
  const std::string t = type->is_string() ? type->get<std::string>() : "?";
  if (t == "ELB") return pass("Auto Scaling group " + r.name + " uses the load balancer's health checks");
  return fail("Auto Scaling group " + r.name + " is attached to " + std::to_string(lbs->size()) +
              " load balancer(s) or target group(s) but uses " + t + " health checks only");
}

const RegisterCheck reg({
    .meta = {.id = "autoscaling_group_elb_health_check_enabled",
             .title = "Auto Scaling groups associated with a load balancer should use ELB health checks",
             .severity = Severity::kLow,
             .service = "autoscaling",
             .resource_type = "AWS::AutoScaling::AutoScalingGroup",
             .description = "A group with Classic Load Balancers or target groups attached has HealthCheckType ELB. "
                            "Groups without a load balancer get no finding.",
             .risk = "With EC2 health checks only, an instance whose application no longer answers stays in service "
                     "(the load balancer stops sending it traffic, but Auto Scaling never replaces it), so capacity "
                     "silently shrinks.",
             .remediation = {.text = "Turn on Elastic Load Balancing health checks for the group, with a grace period "
                                     "long enough for instances to start.",
                             .cli = "aws autoscaling update-auto-scaling-group --auto-scaling-group-name <group> --health-check-type ELB --health-check-grace-period 300",
                             .terraform = "resource \"aws_autoscaling_group\" \"this\" {\n  # ...\n  health_check_type         = \"ELB\"\n  health_check_grace_period = 300\n}"},
             .references = {"https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-1"},
             .cis = {},
             .fsbp = {"AutoScaling.1"}},
    .reads = {"load_balancers", "health_check_type"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
