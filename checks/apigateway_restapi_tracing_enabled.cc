// API Gateway REST API stages trace requests with AWS X-Ray.
#include "checks/apigateway_util.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return apigateway::judge_flag(r, "tracing_enabled", "has X-Ray tracing enabled", "has X-Ray tracing disabled");
}

const RegisterCheck reg({
    .meta = {.id = "apigateway_restapi_tracing_enabled",
             .title = "API Gateway REST API stages should have AWS X-Ray tracing enabled",
             .severity = Severity::kLow,
             .service = "apigateway",
             .resource_type = "AWS::ApiGateway::Stage",
             .description = "The stage has tracingEnabled.",
             .risk = "Without traces, a request's path through the API and its backends cannot be followed when "
                     "investigating abuse or an incident.",
             .remediation = {.text = "Turn on X-Ray tracing for the stage.",
                             .cli = "aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/tracingEnabled,value=true",
                             .terraform = "resource \"aws_api_gateway_stage\" \"this\" {\n  # ...\n  xray_tracing_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-3"},
             .cis = {},
             .fsbp = {"APIGateway.3"}},
    .reads = {"tracing_enabled"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
