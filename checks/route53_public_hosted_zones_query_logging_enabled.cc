// Public hosted zones log DNS queries to CloudWatch Logs (FSBP Route53.2).
// Private zones log through Resolver query logging instead and get no finding here.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* is_private = require_prop(r, "private", &why);
  if (!is_private) return not_assessed(why);
  if (is_private->is_boolean() && is_private->get<bool>())
    return not_applicable("hosted zone " + r.name + " is private: public DNS query logging does not apply");
  const json* logging = require_prop(r, "query_logging", &why);
  if (!logging) return not_assessed(why);
  if (logging->is_array() && !logging->empty())
    return pass("public hosted zone " + r.name + " logs queries to " +
                ((*logging)[0].is_string() ? (*logging)[0].get<std::string>() : std::string("CloudWatch Logs")));
  return fail("public hosted zone " + r.name + " (" + r.id + ") does not log DNS queries");
}

const RegisterCheck reg({
    .meta = {.id = "route53_public_hosted_zones_query_logging_enabled",
             .title = "Route 53 public hosted zones should log DNS queries",
             .severity = Severity::kMedium,
             .service = "route53",
             .resource_type = "AWS::Route53::HostedZone",
             .description = "Each public hosted zone has a query logging configuration sending its DNS queries to a "
                            "CloudWatch Logs log group (ListQueryLoggingConfigs).",
             .risk = "Without query logs, DNS reconnaissance, subdomain enumeration and traffic to hijacked or "
                     "dangling records cannot be seen or investigated.",
             .remediation = {.text = "Create a log group in us-east-1 with a resource policy letting Route 53 write "
                                     "to it, and a query logging configuration for the zone.",
                             .cli = "aws route53 create-query-logging-config --hosted-zone-id <zone-id> --cloud-watch-logs-log-group-arn arn:aws:logs:us-east-1:<account>:log-group:/aws/route53/<zone-name>",
                             .terraform = "resource \"aws_route53_query_log\" \"this\" {\n  zone_id                  = aws_route53_zone.public.zone_id\n  cloudwatch_log_group_arn = aws_cloudwatch_log_group.dns.arn\n}"},
             .references = {"https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/route53-controls.html#route53-2"},
             .cis = {},
             .fsbp = {"Route53.2"}},
    .reads = {"private", "query_logging"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
