// API Gateway REST APIs are private (reachable only through VPC endpoints)
// rather than exposed on a public edge-optimized or regional endpoint.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* types = require_prop(r, "endpoint_types", &why);
  if (!types) return not_assessed(why);
  if (!types->is_array()) return not_assessed("endpoint configuration of API " + r.name + " was not collected");
  std::string list;
  for (const auto& t : *types) {
    if (t == "PRIVATE") return pass("API " + r.name + " is private: reachable only through VPC endpoints");
    if (t.is_string()) list += (list.empty() ? "" : ", ") + t.get<std::string>();
  }
  return fail("API " + r.name + " has a public endpoint (" + (list.empty() ? std::string("EDGE") : list) +
              "): reachable from the internet");
}

const RegisterCheck reg({
    .meta = {.id = "apigateway_restapi_public",
             .title = "API Gateway REST APIs should be private when not meant for the internet",
             .severity = Severity::kMedium,
             .service = "apigateway",
             .resource_type = "AWS::ApiGateway::RestApi",
             .description = "The API's endpoint type is PRIVATE. EDGE and REGIONAL endpoints are reachable from "
                            "the whole internet; a finding on an API meant to be public is a reminder to protect "
                            "it (authorizers, WAF, throttling).",
             .risk = "An internal API on a public endpoint can be discovered and attacked from anywhere; its only "
                     "protection is its authorization.",
             .remediation = {.text = "Change internal APIs to the PRIVATE endpoint type with a resource policy that "
                                     "allows only your VPC endpoints; keep public APIs behind authorizers and WAF.",
                             .cli = "aws apigateway update-rest-api --rest-api-id <api-id> --patch-operations op=replace,path=/endpointConfiguration/types/REGIONAL,value=PRIVATE",
                             .terraform = "resource \"aws_api_gateway_rest_api\" \"this\" {\n  name = \"internal\"\n  endpoint_configuration {\n    types            = [\"PRIVATE\"]\n    vpc_endpoint_ids = [aws_vpc_endpoint.execute_api.id]\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-endpoint-types.html",
                            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"endpoint_types"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
