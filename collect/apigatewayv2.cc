// API Gateway HTTP and WebSocket APIs (regional, the `apigatewayv2` API):
// each API with its routes' authorization, and each of its stages.
//
// Calls: GetApis (paged), then per API — AWS has no bulk form of either —
// GetRoutes (only when a selected check reads "routes") and GetStages
// (both paged).
//
// AWS::ApiGatewayV2::Api  arn = arn:<partition>:apigateway:<region>::/apis/<id>, id = ApiId, name = Name
//   props.protocol_type   "HTTP" | "WEBSOCKET"
//   props.routes          [{route_key ("GET /pets", "$default", "$connect"), authorization_type
//                           ("NONE" | "AWS_IAM" | "CUSTOM" | "JWT"), api_key_required (bool)}]   missing: "routes"
// AWS::ApiGatewayV2::Stage  arn = <the API's arn>/stages/<stage>, id = "<api id>/<stage>", name = "<api name>/<stage>"
//   props.api_id, props.protocol_type
//   props.access_log_destination   AccessLogSettings.DestinationArn, or null when access logging is off
// A failed GetStages leaves the region's stage listing incomplete (a gap);
// a failed GetRoutes marks "routes" missing on its API.
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "apigatewayv2";
constexpr const char* kApi = "AWS::ApiGatewayV2::Api";
constexpr const char* kStage = "AWS::ApiGatewayV2::Stage";

std::map<std::string, std::string> tags_of(const json& obj) {
  std::map<std::string, std::string> tags;
  if (obj.contains("Tags") && obj["Tags"].is_object())
    for (const auto& [k, v] : obj["Tags"].items())
      if (v.is_string()) tags[k] = v.get<std::string>();
  return tags;
}

void collect_stages(CollectContext& ctx, const std::string& region, const Resource& api) {
  auto out = call_all_pages(ctx, kSvc, "GetStages", json{{"ApiId", api.id}}, region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "GetStages", region, {kStage});
    return;
  }
  for (const auto& s : out->value("Items", json::array())) {
    Resource r;
    r.type = kStage;
    r.account = ctx.account();
    r.region = region;
    const std::string stage = s.value("StageName", "");
    r.id = api.id + "/" + stage;
    r.name = api.name + "/" + stage;
    r.arn = api.arn + "/stages/" + stage;
    r.tags = tags_of(s);
    r.props["api_id"] = api.id;
    r.props["protocol_type"] = api.props["protocol_type"];
    const json dest = s.value("AccessLogSettings", json::object()).value("DestinationArn", json());
    r.props["access_log_destination"] =
        dest.is_string() && !dest.get_ref<const std::string&>().empty() ? dest : json(nullptr);
    r.raw = s;
    ctx.emit(std::move(r));
  }
}

void describe_api(CollectContext& ctx, const std::string& region, Resource r) {
  if (!ctx.needs(kApi, "routes")) {
    not_needed(r, "routes");
    ctx.emit(std::move(r));
    return;
  }
  auto routes = call_all_pages(ctx, kSvc, "GetRoutes", json{{"ApiId", r.id}}, region);
  if (!routes) {
    record_missing(ctx, r, "routes", routes.error(), kSvc, "GetRoutes");
  } else {
    json list = json::array();
    for (const auto& rt : routes->value("Items", json::array()))
      list.push_back({{"route_key", rt.value("RouteKey", "")},
                      {"authorization_type", rt.value("AuthorizationType", "NONE")},
                      {"api_key_required", rt.value("ApiKeyRequired", false)}});
    r.props["routes"] = std::move(list);
  }
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  auto apis = call_all_pages(ctx, kSvc, "GetApis", json::object(), region);
  if (!apis) {
    record_failure(ctx, apis.error(), kSvc, "GetApis", region, {kApi, kStage});
    return;
  }
  for (const auto& a : apis->value("Items", json::array())) {
    Resource r;
    r.type = kApi;
    r.account = ctx.account();
    r.region = region;
    r.id = a.value("ApiId", "");
    r.name = a.value("Name", r.id);
    r.arn = "arn:" + ctx.partition() + ":apigateway:" + region + "::/apis/" + r.id;
    r.tags = tags_of(a);
    r.props["protocol_type"] = a.value("ProtocolType", "HTTP");
    r.raw = a;
    ctx.spawn([&ctx, region, api = r] { collect_stages(ctx, region, api); });
    ctx.spawn([&ctx, region, r = std::move(r)]() mutable { describe_api(ctx, region, std::move(r)); });
  }
}

const RegisterCollector reg(
    {.service = "apigatewayv2", .global = false, .produces = {kApi, kStage}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
