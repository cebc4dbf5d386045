// API Gateway REST API stages that cache responses encrypt the cache. A stage
// without a cache cluster, or whose methods do not cache, has nothing to encrypt
// and gets no finding.
#include "checks/apigateway_util.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* enabled = require_prop(r, "cache_cluster_enabled", &why);
  if (!enabled) return not_assessed(why);
  const json* settings = apigateway::method_settings(r, &why);
  if (!settings) return not_assessed(why);
  if (!enabled->is_boolean() || !enabled->get<bool>()) return not_applicable("stage " + r.name + " has no cache cluster");
  std::string clear;
  bool caching = false;
  for (const auto& [key, s] : settings->items()) {
    if (!s.value("caching_enabled", false)) continue;
    caching = true;
    if (!s.value("cache_data_encrypted", false))
      clear += (clear.empty() ? "" : ", ") + (key == "*/*" ? std::string("the stage default") : key);
  }
  if (!clear.empty()) return fail("stage " + r.name + " caches responses unencrypted for " + clear);
  if (!caching) return not_applicable("stage " + r.name + " has a cache cluster but no method caches responses");
  return pass("stage " + r.name + " encrypts its cached responses");
}

const RegisterCheck reg({
    .meta = {.id = "apigateway_restapi_cache_encrypted",
             .title = "API Gateway REST API cache data should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "apigateway",
             .resource_type = "AWS::ApiGateway::Stage",
             .description = "On a stage with a cache cluster, every method setting that caches responses (the "
                            "*/* default and the overrides) has cacheDataEncrypted.",
             .risk = "Cached responses can hold personal or secret data; unencrypted at rest, they are exposed to "
                     "anyone who gets at the cache's storage.",
             .remediation = {.text = "Turn on cache data encryption for the stage's methods.",
                             .cli = "aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/*/*/caching/dataEncrypted,value=true",
                             .terraform = "resource \"aws_api_gateway_method_settings\" \"all\" {\n  rest_api_id = aws_api_gateway_rest_api.this.id\n  stage_name  = aws_api_gateway_stage.this.stage_name\n  method_path = \"*/*\"\n  settings {\n    caching_enabled      = true\n    cache_data_encrypted = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-5"},
             .cis = {},
             .fsbp = {"APIGateway.5"}},
    .reads = {"cache_cluster_enabled", "method_settings"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
