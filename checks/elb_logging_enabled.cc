// FSBP ELB.5: Classic Load Balancers should have access logging enabled
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "access_log_enabled", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == true) return pass("Load balancer " + r.name + " writes access logs to S3.");
  return fail("Load balancer " + r.name + " has access logging disabled.");
}

const RegisterCheck reg({
    .meta = {.id = "elb_logging_enabled",
             .title = "Classic Load Balancers should have access logging enabled",
             .severity = Severity::kMedium,
             .service = "elb",
             .resource_type = "AWS::ElasticLoadBalancing::LoadBalancer",
             .description = "Checks that access logging (AccessLog.Enabled) is on for each Classic Load Balancer.",
             .risk = "Without access logs there is no record of who sent which requests, which hinders incident investigation.",
             .remediation = {.text = "Enable access logs to an S3 bucket that allows Elastic Load Balancing log delivery.",
                             .cli = "aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes '{\"AccessLog\":{\"Enabled\":true,\"S3BucketName\":\"<bucket>\",\"EmitInterval\":60}}'",
                             .terraform = "resource \"aws_elb\" \"this\" {\n  # ...\n  access_logs {\n    bucket  = \"<bucket>\"\n    enabled = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-access-logs.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-5"},
             .cis = {},
             .fsbp = {"ELB.5"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
