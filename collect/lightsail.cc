// Amazon Lightsail (regional): instances with their firewall ports,
// automatic snapshots and metadata options; managed databases.
//
// Calls (issue 13): GetInstances and GetRelationalDatabases, paged (their
// answers carry everything the checks read: no per-resource call).
// Lightsail resources are always the account's own.
//
// AWS::Lightsail::Instance  arn = arn, id = name = name
//   props.state           state.name ("running", "stopped", ...)
//   props.public_ip       publicIpAddress, null when none
//   props.ports           [{from_port, to_port, protocol ("tcp" | "udp" | "all" | "icmp" | "icmpv6"),
//                           cidrs [..], ipv6_cidrs [..]}] (networking.ports: the instance firewall)
//   props.auto_snapshot   bool: the AutoSnapshot add-on's status is "Enabled"
//   props.http_tokens     metadataOptions.httpTokens ("required" | "optional"), null when not reported
// AWS::Lightsail::Database  arn = arn, id = name = name
//   props.engine                engine
//   props.publicly_accessible   bool (publiclyAccessible)
//   props.backup_retention      bool (backupRetentionEnabled)
// A database's pending modifications (they may carry a new master password)
// are dropped from raw.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "lightsail";
constexpr const char* kInstance = "AWS::Lightsail::Instance";
constexpr const char* kDatabase = "AWS::Lightsail::Database";

Resource base(CollectContext& ctx, const std::string& region, const char* type, const json& item, const char* kind) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = item.value("name", "");
  r.arn = item.value("arn", "arn:" + ctx.partition() + ":lightsail:" + region + ":" + ctx.account() + ":" + kind + "/" + r.id);
  if (item.contains("tags") && item["tags"].is_array()) r.tags = tags_from_list(item["tags"]);
  return r;
}

void instances(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "GetInstances", json::object(), region, [&](json& page) {
    for (auto& i : page.value("instances", json::array())) {
      Resource r = base(ctx, region, kInstance, i, "Instance");
      r.props["state"] = i.value("state", json::object()).value("name", "");
      r.props["public_ip"] = i.contains("publicIpAddress") && i["publicIpAddress"].is_string() ? i["publicIpAddress"] : json(nullptr);
      json ports = json::array();
      for (const auto& p : i.value("networking", json::object()).value("ports", json::array()))
        ports.push_back({{"from_port", p.value("fromPort", -1)},
                         {"to_port", p.value("toPort", -1)},
                         {"protocol", p.value("protocol", "")},
                         {"cidrs", p.value("cidrs", json::array())},
                         {"ipv6_cidrs", p.value("ipv6Cidrs", json::array())}});
      r.props["ports"] = std::move(ports);
      bool snapshots = false;
      for (const auto& a : i.value("addOns", json::array()))
        if (a.value("name", "") == "AutoSnapshot" && a.value("status", "") == "Enabled") snapshots = true;
      r.props["auto_snapshot"] = snapshots;
      const json md = i.value("metadataOptions", json::object());
      r.props["http_tokens"] = md.contains("httpTokens") && md["httpTokens"].is_string() ? md["httpTokens"] : json(nullptr);
      r.raw = std::move(i);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "GetInstances", region, {kInstance});
}

void databases(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "GetRelationalDatabases", json::object(), region, [&](json& page) {
    for (auto& d : page.value("relationalDatabases", json::array())) {
      Resource r = base(ctx, region, kDatabase, d, "RelationalDatabase");
      r.props["engine"] = d.value("engine", "");
      r.props["publicly_accessible"] = d.value("publiclyAccessible", false);
      r.props["backup_retention"] = d.value("backupRetentionEnabled", false);
      d.erase("pendingModifiedValues");
      r.raw = std::move(d);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "GetRelationalDatabases", region, {kDatabase});
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] { databases(ctx, region); });
  instances(ctx, region);
}

const RegisterCollector reg({.service = "lightsail", .global = false, .produces = {kInstance, kDatabase}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
