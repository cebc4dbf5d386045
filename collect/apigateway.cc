// API Gateway REST APIs (regional, the `apigateway` API; HTTP and WebSocket
// APIs are collect/apigatewayv2.cc): each API with its methods' authorization,
// and each of its stages.
//
// Calls: GetRestApis (paged, 500 a page), then per API — AWS has no bulk form
// of either — GetStages (all stages of the API in one answer) and GetResources
// with embed=methods (paged, 500 resources a page; the methods come embedded,
// so there is no GetMethod per method); GetResources only when a selected
// check reads "methods".
//
// AWS::ApiGateway::RestApi  arn = arn:<partition>:apigateway:<region>::/restapis/<id>, id, name
//   props.endpoint_types     ["EDGE" | "REGIONAL" | "PRIVATE"] (endpointConfiguration.types; ["EDGE"] when absent)
//   props.has_policy         bool: the API has a resource policy
//   props.methods            [{path, http_method, authorization_type ("NONE" | "AWS_IAM" | "CUSTOM" |
//                              "COGNITO_USER_POOLS"), api_key_required (bool)}]       missing: "methods"
// AWS::ApiGateway::Stage  arn = <the API's arn>/stages/<stage>, id = "<api id>/<stage>", name = "<api name>/<stage>"
//   props.api_id, props.api_name
//   props.method_settings    {"*/*" or "<path>/<METHOD>": {logging_level ("OFF" | "ERROR" | "INFO"),
//                              caching_enabled (bool), cache_data_encrypted (bool)}}; "*/*" is the
//                              stage's default and is filled in ("OFF", false, false) when AWS has none
//   props.tracing_enabled    bool (X-Ray)
//   props.web_acl_arn        the WAF web ACL's ARN, or null
//   props.client_certificate_id  or null
//   props.cache_cluster_enabled  bool
// A failed GetStages leaves the region's stage listing incomplete (a gap);
// a failed GetResources marks "methods" missing on its API.
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "apigateway";
constexpr const char* kApi = "AWS::ApiGateway::RestApi";
constexpr const char* kStage = "AWS::ApiGateway::Stage";

json opt_string(const json& obj, const char* key) {
  return obj.contains(key) && obj[key].is_string() && !obj[key].get_ref<const std::string&>().empty() ? obj[key]
                                                                                                     : json(nullptr);
}

std::map<std::string, std::string> tags_of(const json& obj) {
  std::map<std::string, std::string> tags;
  if (obj.contains("tags") && obj["tags"].is_object())
    for (const auto& [k, v] : obj["tags"].items())
      if (v.is_string()) tags[k] = v.get<std::string>();
  return tags;
}

void collect_stages(CollectContext& ctx, const std::string& region, const std::string& api_arn,
                    const std::string& api_id, const std::string& api_name) {
  auto out = ctx.call(kSvc, "GetStages", json{{"restApiId", api_id}}, region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "GetStages", region, {kStage});
    return;
  }
  for (const auto& s : out->value("item", json::array())) {
    Resource r;
    r.type = kStage;
    r.account = ctx.account();
    r.region = region;
    const std::string stage = s.value("stageName", "");
    r.id = api_id + "/" + stage;
    r.name = api_name + "/" + stage;
    r.arn = api_arn + "/stages/" + stage;
    r.tags = tags_of(s);
    r.props["api_id"] = api_id;
    r.props["api_name"] = api_name;
    json settings = json::object();
    settings["*/*"] = {{"logging_level", "OFF"}, {"caching_enabled", false}, {"cache_data_encrypted", false}};
    if (s.contains("methodSettings") && s["methodSettings"].is_object())
      for (const auto& [key, m] : s["methodSettings"].items())
        settings[key] = {{"logging_level", m.value("loggingLevel", "OFF")},
                         {"caching_enabled", m.value("cachingEnabled", false)},
                         {"cache_data_encrypted", m.value("cacheDataEncrypted", false)}};
    r.props["method_settings"] = std::move(settings);
    r.props["tracing_enabled"] = s.value("tracingEnabled", false);
    r.props["web_acl_arn"] = opt_string(s, "webAclArn");
    r.props["client_certificate_id"] = opt_string(s, "clientCertificateId");
    r.props["cache_cluster_enabled"] = s.value("cacheClusterEnabled", false);
    r.raw = s;
    ctx.emit(std::move(r));
  }
}

void describe_api(CollectContext& ctx, const std::string& region, Resource r) {
  if (!ctx.needs(kApi, "methods")) {
    not_needed(r, "methods");
    ctx.emit(std::move(r));
    return;
  }
  auto resources = call_all_pages(ctx, kSvc, "GetResources",
                                  json{{"restApiId", r.id}, {"embed", {"methods"}}, {"limit", 500}}, region);
  if (!resources) {
    record_missing(ctx, r, "methods", resources.error(), kSvc, "GetResources");
  } else {
    json methods = json::array();
    for (const auto& res : resources->value("items", json::array())) {
      if (!res.contains("resourceMethods") || !res["resourceMethods"].is_object()) continue;
      for (const auto& [verb, m] : res["resourceMethods"].items())
        methods.push_back({{"path", res.value("path", "")},
                           {"http_method", m.value("httpMethod", verb)},
                           {"authorization_type", m.value("authorizationType", "NONE")},
                           {"api_key_required", m.value("apiKeyRequired", false)}});
    }
    r.props["methods"] = std::move(methods);
  }
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  auto apis = call_all_pages(ctx, kSvc, "GetRestApis", json{{"limit", 500}}, region);
  if (!apis) {
    record_failure(ctx, apis.error(), kSvc, "GetRestApis", region, {kApi, kStage});
    return;
  }
  for (const auto& a : apis->value("items", json::array())) {
    Resource r;
    r.type = kApi;
    r.account = ctx.account();
    r.region = region;
    r.id = a.value("id", "");
    r.name = a.value("name", r.id);
    r.arn = "arn:" + ctx.partition() + ":apigateway:" + region + "::/restapis/" + r.id;
    r.tags = tags_of(a);
    r.props["endpoint_types"] = a.value("endpointConfiguration", json::object()).value("types", json::array({"EDGE"}));
    r.props["has_policy"] = a.contains("policy") && a["policy"].is_string() && !a["policy"].get<std::string>().empty();
    r.raw = a;
    ctx.spawn([&ctx, region, arn = r.arn, id = r.id, name = r.name] { collect_stages(ctx, region, arn, id, name); });
    ctx.spawn([&ctx, region, r = std::move(r)]() mutable { describe_api(ctx, region, std::move(r)); });
  }
}

const RegisterCollector reg(
    {.service = "apigateway", .global = false, .produces = {kApi, kStage}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
