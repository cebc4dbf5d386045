// App Runner services are reachable only privately (through a VPC interface endpoint), for services that need not face the internet.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "publicly_accessible", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("publicly_accessible" " of " + r.id + " is not a boolean");
  if (!v->get<bool>()) return pass("service " + r.name + " is reachable only through VPC interface endpoints");
  return fail("service " + r.name + " is publicly accessible from the internet (IsPubliclyAccessible is true)");
}

const RegisterCheck reg({
    .meta = {.id = "apprunner_service_not_publicly_accessible",
             .title = "App Runner services should not be publicly accessible unless they serve the internet",
             .severity = Severity::kLow,
             .service = "apprunner",
             .resource_type = "AWS::AppRunner::Service",
             .description = "The service's NetworkConfiguration.IngressConfiguration.IsPubliclyAccessible is false (DescribeService). A public web application passes by design once reviewed; an internal API should not be public.",
             .risk = "A public endpoint is reachable by anyone: an internal service exposed this way relies on its own authentication alone.",
             .remediation = {.text = "For internal services, turn off public access and reach the service through a VPC interface endpoint (VPC ingress connection).",
                             .cli = "aws apprunner update-service --service-arn <service-arn> --network-configuration 'IngressConfiguration={IsPubliclyAccessible=false}' && aws apprunner create-vpc-ingress-connection --service-arn <service-arn> --vpc-ingress-connection-name <name> --ingress-vpc-configuration VpcId=<vpc-id>,VpcEndpointId=<vpce-id>",
                             .terraform = "resource \"aws_apprunner_service\" \"this\" {\n  # ...\n  network_configuration {\n    ingress_configuration {\n      is_publicly_accessible = false\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/apprunner/latest/dg/network-pl.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"publicly_accessible"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
