// FSBP ELB.1: Application Load Balancer should be configured to redirect all HTTP requests to HTTPS
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* type = r.prop("type");
  if (type && *type != "application") return not_applicable("Load balancer " + r.name + " is not an Application Load Balancer.");
  std::string why;
  const json* listeners = require_prop(r, "listeners", &why);
  if (!listeners) return not_assessed(why);
  std::string plain;
  for (const auto& l : *listeners)
    if (l.value("protocol", "") == "HTTP" && !l.value("redirects_to_https", false))
      plain += (plain.empty() ? "" : ", ") + std::to_string(l.value("port", 0));
  if (plain.empty()) return pass("Every HTTP listener of " + r.name + " redirects to HTTPS (or it has none).");
  return fail("Load balancer " + r.name + " serves plain HTTP without redirecting to HTTPS on port(s) " + plain + ".");
}

const RegisterCheck reg({
    .meta = {.id = "elbv2_alb_http_redirect_to_https",
             .title = "Application Load Balancer should be configured to redirect all HTTP requests to HTTPS",
             .severity = Severity::kMedium,
             .service = "elbv2",
             .resource_type = "AWS::ElasticLoadBalancingV2::LoadBalancer",
             .description = "Checks that every HTTP listener of an Application Load Balancer redirects to HTTPS by its default action. Other load balancer types get no finding: the control applies to Application Load Balancers.",
             .risk = "Plain HTTP listeners that serve content send data and session cookies unencrypted, open to interception and tampering.",
             .remediation = {.text = "Change the HTTP listener's default action to a redirect to HTTPS (port 443, status HTTP_301).",
                             .cli = "aws elbv2 modify-listener --listener-arn <listener-arn> --default-actions 'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}'",
                             .terraform = "resource \"aws_lb_listener\" \"http\" {\n  load_balancer_arn = aws_lb.this.arn\n  port              = 80\n  protocol          = \"HTTP\"\n  default_action {\n    type = \"redirect\"\n    redirect {\n      port        = \"443\"\n      protocol    = \"HTTPS\"\n      status_code = \"HTTP_301\"\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-1"},
             .cis = {},
             .fsbp = {"ELB.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
