// API Gateway HTTP and WebSocket API stages write access logs.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "access_log_destination", &why)) return not_assessed(why);
  const json* dest = r.prop("access_log_destination");
  if (dest && dest->is_string()) return pass("stage " + r.name + " writes access logs to " + dest->get<std::string>());
  return fail("stage " + r.name + " has access logging off");
}

const RegisterCheck reg({
    .meta = {.id = "apigatewayv2_api_access_logging_enabled",
             .title = "API Gateway HTTP and WebSocket API stages should have access logging",
             .severity = Severity::kMedium,
             .service = "apigatewayv2",
             .resource_type = "AWS::ApiGatewayV2::Stage",
             .description = "The stage's AccessLogSettings has a destination (a CloudWatch Logs group or Firehose "
                            "stream).",
             .risk = "Without access logs, who called the API, from where and with what result cannot be known "
                     "when investigating abuse.",
             .remediation = {.text = "Set an access log destination and format on the stage.",
                             .cli = "aws apigatewayv2 update-stage --api-id <api-id> --stage-name <stage> --access-log-settings DestinationArn=<log-group-arn>,Format='$context.requestId $context.identity.sourceIp $context.routeKey $context.status'",
                             .terraform = "resource \"aws_apigatewayv2_stage\" \"this\" {\n  # ...\n  access_log_settings {\n    destination_arn = aws_cloudwatch_log_group.api.arn\n    format          = jsonencode({ requestId = \"$context.requestId\", ip = \"$context.identity.sourceIp\", routeKey = \"$context.routeKey\", status = \"$context.status\" })\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-9"},
             .cis = {},
             .fsbp = {"APIGateway.9"}},
    .reads = {"access_log_destination"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
