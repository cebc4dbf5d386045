// App Runner services have observability (X-Ray tracing) turned on.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "observability_enabled", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("observability_enabled" " of " + r.id + " is not a boolean");
  if (v->get<bool>()) return pass("service " + r.name + " has observability enabled");
  return fail("service " + r.name + " has observability turned off (no tracing of its requests)");
}

const RegisterCheck reg({
    .meta = {.id = "apprunner_service_observability_enabled",
             .title = "App Runner services should have observability enabled",
             .severity = Severity::kLow,
             .service = "apprunner",
             .resource_type = "AWS::AppRunner::Service",
             .description = "The service's ObservabilityConfiguration.ObservabilityEnabled is true (DescribeService).",
             .risk = "Without tracing, the requests that reached the service and what it called downstream cannot be followed when investigating abuse or an incident.",
             .remediation = {.text = "Create an observability configuration with the X-Ray vendor and associate it with the service.",
                             .cli = "aws apprunner update-service --service-arn <service-arn> --observability-configuration ObservabilityEnabled=true,ObservabilityConfigurationArn=<observability-configuration-arn>",
                             .terraform = "resource \"aws_apprunner_observability_configuration\" \"xray\" {\n  observability_configuration_name = \"xray\"\n  trace_configuration {\n    vendor = \"AWSXRAY\"\n  }\n}\n\nresource \"aws_apprunner_service\" \"this\" {\n  # ...\n  observability_configuration {\n    observability_enabled           = true\n    observability_configuration_arn = aws_apprunner_observability_configuration.xray.arn\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/apprunner/latest/dg/monitor-xray.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"observability_enabled"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
