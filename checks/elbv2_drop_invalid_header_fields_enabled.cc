// FSBP ELB.4: Application Load Balancer should be configured to drop invalid HTTP headers
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  const json* type = r.prop("type");
  if (type && *type != "application") return not_applicable("Load balancer " + r.name + " is a " + type->get<std::string>() + " load balancer; the control applies to application load balancers.");
  std::string why;
  const json* attrs = require_prop(r, "attributes", &why);
  if (!attrs) return not_assessed(why);
  if (attrs->value("routing.http.drop_invalid_header_fields.enabled", std::string()) == "true") return pass("Load balancer " + r.name + " drops invalid header fields.");
  return fail("Load balancer " + r.name + " forwards invalid HTTP header fields (routing.http.drop_invalid_header_fields.enabled is not true).");
}

const RegisterCheck reg({
    .meta = {.id = "elbv2_drop_invalid_header_fields_enabled",
             .title = "Application Load Balancer should be configured to drop invalid HTTP headers",
             .severity = Severity::kMedium,
             .service = "elbv2",
             .resource_type = "AWS::ElasticLoadBalancingV2::LoadBalancer",
             .description = "Checks that Application Load Balancers have routing.http.drop_invalid_header_fields.enabled set to true. Network and Gateway Load Balancers get no finding: the attribute does not apply to them.",
             .risk = "Forwarding malformed header fields enables HTTP desync and request-smuggling attacks against the targets.",
             .remediation = {.text = "Turn on dropping of invalid header fields on the load balancer.",
                             .cli = "aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=routing.http.drop_invalid_header_fields.enabled,Value=true",
                             .terraform = "resource \"aws_lb\" \"this\" {\n  # ...\n  drop_invalid_header_fields = true\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-4"},
             .cis = {},
             .fsbp = {"ELB.4"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
