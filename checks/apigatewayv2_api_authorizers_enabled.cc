// API Gateway HTTP and WebSocket APIs authorize their routes. HTTP APIs:
// every route except OPTIONS ones (CORS preflight). WebSocket APIs take
// authorization on the $connect route only (AWS supports it nowhere else), so
// that route is judged, and an API without one has no authorization at all.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* routes = require_prop(r, "routes", &why);
  if (!routes) return not_assessed(why);
  if (!routes->is_array()) return not_assessed("routes of API " + r.name + " were not collected");
  const json* protocol = r.prop("protocol_type");
  if (protocol && *protocol == "WEBSOCKET") {
    for (const auto& rt : *routes)
      if (rt.value("route_key", "") == "$connect") {
        const std::string type = rt.value("authorization_type", "NONE");
        if (type == "NONE") return fail("WebSocket API " + r.name + " accepts connections without authorization ($connect has none)");
        return pass("WebSocket API " + r.name + " authorizes connections ($connect: " + type + ")");
      }
    return fail("WebSocket API " + r.name + " has no $connect route, so connections are never authorized");
  }
  std::string open;
  int judged = 0;
  for (const auto& rt : *routes) {
    const std::string key = rt.value("route_key", "");
    if (key.starts_with("OPTIONS ")) continue;
    ++judged;
    if (rt.value("authorization_type", "NONE") == "NONE") open += (open.empty() ? "" : ", ") + key;
  }
  if (!open.empty()) return fail("API " + r.name + " has routes without authorization: " + open);
  if (judged == 0) return pass("API " + r.name + " has no routes to authorize");
  return pass("API " + r.name + " authorizes all " + std::to_string(judged) + " routes");
}

const RegisterCheck reg({
    .meta = {.id = "apigatewayv2_api_authorizers_enabled",
             .title = "API Gateway HTTP and WebSocket API routes should specify an authorization type",
             .severity = Severity::kMedium,
             .service = "apigatewayv2",
             .resource_type = "AWS::ApiGatewayV2::Api",
             .description = "HTTP APIs: every route except OPTIONS routes has an AuthorizationType other than NONE "
                            "(AWS_IAM, JWT or CUSTOM). WebSocket APIs: the $connect route, the only one AWS lets "
                            "carry authorization, has one.",
             .risk = "A route without authorization can be called by anyone who can reach the API endpoint.",
             .remediation = {.text = "Attach a JWT (Cognito, any OIDC issuer), Lambda or IAM authorizer to each "
                                     "route (the $connect route of WebSocket APIs).",
                             .cli = "aws apigatewayv2 update-route --api-id <api-id> --route-id <route-id> --authorization-type JWT --authorizer-id <authorizer-id>",
                             .terraform = "resource \"aws_apigatewayv2_route\" \"this\" {\n  api_id             = aws_apigatewayv2_api.this.id\n  route_key          = \"GET /items\"\n  authorization_type = \"JWT\"\n  authorizer_id      = aws_apigatewayv2_authorizer.this.id\n  target             = \"integrations/${aws_apigatewayv2_integration.this.id}\"\n}"},
             .references = {"https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html",
                            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-control-access.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-8"},
             .cis = {},
             .fsbp = {"APIGateway.8"}},
    .reads = {"protocol_type", "routes"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
