// API Gateway REST API stages log execution (ERROR or INFO) for every method.
#include "checks/apigateway_util.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* settings = apigateway::method_settings(r, &why);
  if (!settings) return not_assessed(why);
  std::string off;
  for (const auto& [key, s] : settings->items()) {
    const std::string level = s.value("logging_level", "OFF");
    if (level != "ERROR" && level != "INFO") off += (off.empty() ? "" : ", ") + (key == "*/*" ? std::string("the stage default") : key);
  }
  if (!off.empty()) return fail("stage " + r.name + " has execution logging off for " + off);
  return pass("stage " + r.name + " logs execution (ERROR or INFO) for every method");
}

const RegisterCheck reg({
    .meta = {.id = "apigateway_restapi_logging_enabled",
             .title = "API Gateway REST API stages should have execution logging enabled",
             .severity = Severity::kMedium,
             .service = "apigateway",
             .resource_type = "AWS::ApiGateway::Stage",
             .description = "The stage's default method setting (*/*) and every per-method override have a "
                            "CloudWatch logging level of ERROR or INFO.",
             .risk = "Without execution logs, failed authorizations, injection attempts and errors of the API "
                     "cannot be seen or investigated.",
             .remediation = {.text = "Set the account's CloudWatch Logs role for API Gateway once, then set the "
                                     "stage's logging level to ERROR or INFO.",
                             .cli = "aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/*/*/logging/loglevel,value=ERROR",
                             .terraform = "resource \"aws_api_gateway_method_settings\" \"all\" {\n  rest_api_id = aws_api_gateway_rest_api.this.id\n  stage_name  = aws_api_gateway_stage.this.stage_name\n  method_path = \"*/*\"\n  settings {\n    logging_level = \"ERROR\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-1"},
             .cis = {},
             .fsbp = {"APIGateway.1"}},
    .reads = {"method_settings"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
