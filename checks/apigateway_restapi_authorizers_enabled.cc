// API Gateway REST APIs authorize every method. Decided: a method with
// authorizationType NONE fails even when it requires an API key, because AWS
// says API keys are for usage plans and must not be the only means of
// authentication or authorization (keys are shared with clients and sent in
// clear headers). OPTIONS methods are left out: CORS preflight requests carry
// no credentials and must be answered without authorization.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* methods = require_prop(r, "methods", &why);
  if (!methods) return not_assessed(why);
  if (!methods->is_array()) return not_assessed("methods of API " + r.name + " were not collected");
  std::string open;
  int judged = 0;
  for (const auto& m : *methods) {
    const std::string verb = m.value("http_method", "");
    if (verb == "OPTIONS") continue;
    ++judged;
    if (m.value("authorization_type", "NONE") != "NONE") continue;
    open += (open.empty() ? "" : ", ") + verb + " " + m.value("path", "") +
            (m.value("api_key_required", false) ? " (API key only)" : "");
  }
  if (!open.empty()) return fail("API " + r.name + " has methods without authorization: " + open);
  if (judged == 0) return pass("API " + r.name + " has no methods to authorize");
  return pass("API " + r.name + " authorizes all " + std::to_string(judged) + " methods (IAM, Cognito or a Lambda authorizer)");
}

const RegisterCheck reg({
    .meta = {.id = "apigateway_restapi_authorizers_enabled",
             .title = "API Gateway REST API methods should have authorization",
             .severity = Severity::kMedium,
             .service = "apigateway",
             .resource_type = "AWS::ApiGateway::RestApi",
             .description = "Every method of the API except OPTIONS (CORS preflight) has an authorizationType "
                            "other than NONE: AWS_IAM, COGNITO_USER_POOLS or CUSTOM (a Lambda authorizer). A "
                            "method that only requires an API key fails: API keys identify usage-plan clients "
                            "and are not an authorization mechanism.",
             .risk = "A method without authorization can be called by anyone who can reach the API, reaching its "
                     "backend (Lambda, HTTP service, AWS service integration) with the API's permissions.",
             .remediation = {.text = "Give each method an authorizer (a Cognito user pool, a Lambda authorizer) or "
                                     "IAM authorization, then redeploy the stage.",
                             .cli = "aws apigateway update-method --rest-api-id <api-id> --resource-id <resource-id> --http-method GET --patch-operations op=replace,path=/authorizationType,value=CUSTOM op=replace,path=/authorizerId,value=<authorizer-id> && aws apigateway create-deployment --rest-api-id <api-id> --stage-name <stage>",
                             .terraform = "resource \"aws_api_gateway_method\" \"get\" {\n  rest_api_id   = aws_api_gateway_rest_api.this.id\n  resource_id   = aws_api_gateway_resource.items.id\n  http_method   = \"GET\"\n  authorization = \"CUSTOM\"\n  authorizer_id = aws_api_gateway_authorizer.this.id\n}"},
             .references = {"https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html",
                            "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"methods"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
