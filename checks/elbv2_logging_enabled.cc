// FSBP ELB.5: Application and Network Load Balancers should have access logging enabled
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* type = r.prop("type");
  if (type && *type == "gateway") return not_applicable("Load balancer " + r.name + " is a Gateway Load Balancer, which has no access logs.");
  std::string why;
  const json* attrs = require_prop(r, "attributes", &why);
  if (!attrs) return not_assessed(why);
  if (attrs->value("access_logs.s3.enabled", std::string()) == "true") return pass("Load balancer " + r.name + " writes access logs to S3.");
  return fail("Load balancer " + r.name + " has access logging disabled.");
}

const RegisterCheck reg({
    .meta = {.id = "elbv2_logging_enabled",
             .title = "Application and Network Load Balancers should have access logging enabled",
             .severity = Severity::kMedium,
             .service = "elbv2",
             .resource_type = "AWS::ElasticLoadBalancingV2::LoadBalancer",
             .description = "Checks that access logs to S3 are enabled (access_logs.s3.enabled) on each ELBv2 load balancer.",
             .risk = "Without access logs there is no record of who sent which requests, which hinders incident investigation and abuse detection.",
             .remediation = {.text = "Enable access logging to an S3 bucket that allows the Elastic Load Balancing log delivery.",
                             .cli = "aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<bucket>",
                             .terraform = "resource \"aws_lb\" \"this\" {\n  # ...\n  access_logs {\n    bucket  = \"<bucket>\"\n    enabled = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-5"},
             .cis = {},
             .fsbp = {"ELB.5"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
