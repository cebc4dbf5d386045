// AWS Transfer Family (regional): servers and AS2 connectors.
//
// Calls (issue 13): ListServers, ListConnectors (paged; names and ids only),
// then DescribeServer per server and DescribeConnector per connector — no
// bulk form exists — only when a selected check reads what they return.
//
// AWS::Transfer::Server  arn = Arn, id = name = ServerId
//   props.state, props.endpoint_type ("PUBLIC" | "VPC" | "VPC_ENDPOINT"), props.identity_provider
//   props.protocols        ["SFTP" | "FTPS" | "FTP" | "AS2"] (absent: ["SFTP"], AWS's default)   missing when
//   props.logging_role     IAM role ARN, or null                                                    DescribeServer
//   props.structured_logs  [log group ARN] (StructuredLogDestinations, newer models; empty when absent)  failed
// AWS::Transfer::Connector  arn = Arn, id = name = ConnectorId
//   props.url, props.logging_role (role ARN or null)                  missing when DescribeConnector failed
#include <algorithm>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "transfer";
constexpr const char* kServer = "AWS::Transfer::Server";
constexpr const char* kConnector = "AWS::Transfer::Connector";
const std::initializer_list<const char*> kServerDescribed = {"protocols", "logging_role", "structured_logs"};

json str_or_null(const json& obj, const char* key) {
  if (obj.contains(key) && obj[key].is_string() && !obj[key].get<std::string>().empty()) return obj[key];
  return nullptr;
}

void describe_server(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeServer", json{{"ServerId", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "protocols", out.error(), kSvc, "DescribeServer");
    for (const char* p : kServerDescribed) r.missing[p] = r.missing["protocols"];
    ctx.emit(std::move(r));
    return;
  }
  json server = out->value("Server", json::object());
  r.props["protocols"] = server.value("Protocols", json::array({"SFTP"}));
  r.props["logging_role"] = str_or_null(server, "LoggingRole");
  r.props["structured_logs"] = server.value("StructuredLogDestinations", json::array());
  if (server.contains("Tags")) r.tags = tags_from_list(server["Tags"]);
  r.raw = std::move(server);
  ctx.emit(std::move(r));
}

void describe_connector(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeConnector", json{{"ConnectorId", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "logging_role", out.error(), kSvc, "DescribeConnector");
    ctx.emit(std::move(r));
    return;
  }
  json connector = out->value("Connector", json::object());
  r.props["logging_role"] = str_or_null(connector, "LoggingRole");
  if (connector.contains("Tags")) r.tags = tags_from_list(connector["Tags"]);
  r.raw = std::move(connector);
  ctx.emit(std::move(r));
}

Resource make(CollectContext& ctx, const std::string& region, const char* type, const std::string& id, json& raw) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = id;
  r.arn = raw.value("Arn", "");
  r.raw = std::move(raw);
  return r;
}

void servers(CollectContext& ctx, const std::string& region) {
  const bool details = std::any_of(kServerDescribed.begin(), kServerDescribed.end(),
                                   [&](const char* p) { return ctx.needs(kServer, p); });
  Status listed = for_each_page(ctx, kSvc, "ListServers", json::object(), region, [&](json& page) {
    for (auto& s : page["Servers"]) {
      Resource r = make(ctx, region, kServer, s.value("ServerId", ""), s);
      r.props["state"] = r.raw.value("State", "");
      r.props["endpoint_type"] = r.raw.value("EndpointType", "");
      r.props["identity_provider"] = r.raw.value("IdentityProviderType", "");
      if (!details) {
        for (const char* p : kServerDescribed) not_needed(r, p);
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_server(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListServers", region, {kServer});
}

void connectors(CollectContext& ctx, const std::string& region) {
  const bool details = ctx.needs(kConnector, "logging_role");
  Status listed = for_each_page(ctx, kSvc, "ListConnectors", json::object(), region, [&](json& page) {
    for (auto& c : page["Connectors"]) {
      Resource r = make(ctx, region, kConnector, c.value("ConnectorId", ""), c);
      r.props["url"] = r.raw.value("Url", "");
      if (!details) {
        not_needed(r, "logging_role");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_connector(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListConnectors", region, {kConnector});
}

void collect(CollectContext& ctx, const std::string& region) {
  for (auto* fn : {servers, connectors}) ctx.spawn([&ctx, region, fn] { fn(ctx, region); });
}

const RegisterCollector reg(
    {.service = "transfer", .global = false, .produces = {kServer, kConnector}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
