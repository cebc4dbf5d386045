// AWS Elastic Disaster Recovery (regional): whether the service is initialized
// in the region, and the source servers it replicates.
//
// Calls (issue 13): DescribeSourceServers (paged; each server with its data
// replication state) — no per-server call. A region where the account never
// initialized DRS answers UninitializedAccountException: that is an answer
// (the region has no DRS and no source servers), not a coverage gap.
//
// AWS::DRS::SourceServer  arn = arn, id = sourceServerID, name = hostname hint or id
//   props.replication_state  dataReplicationInfo.dataReplicationState ("CONTINUOUS", "STALLED",
//                            "DISCONNECTED", ...), or null when AWS sent none
//   props.replication_error  dataReplicationInfo.dataReplicationError.error, or null
// AWS::DRS::RegionSummary  one per region, arn = arn:…:drs:<region>:<account>:summary, id = name = region
//   props.initialized        bool (false: UninitializedAccountException)
//   props.source_servers     number of the account's source servers
// Source servers whose ARN names another account are dropped. A failed
// listing is a gap for both types in the region.
#include <string>

#include "collect/collector.h"
#include "collect/storage_euc_arn.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "drs";
constexpr const char* kServer = "AWS::DRS::SourceServer";
constexpr const char* kSummary = "AWS::DRS::RegionSummary";

void collect(CollectContext& ctx, const std::string& region) {
  Resource summary;
  summary.type = kSummary;
  summary.account = ctx.account();
  summary.region = region;
  summary.id = summary.name = region;
  summary.arn = "arn:" + ctx.partition() + ":drs:" + region + ":" + ctx.account() + ":summary";
  auto out = call_all_pages(ctx, kSvc, "DescribeSourceServers", json::object(), region);
  if (!out && out.error().code == "UninitializedAccountException") {
    summary.props["initialized"] = false;
    summary.props["source_servers"] = 0;
    ctx.emit(std::move(summary));
    return;
  }
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "DescribeSourceServers", region, {kServer, kSummary});
    return;
  }
  int count = 0;
  for (auto& s : (*out)["items"]) {
    Resource r;
    r.type = kServer;
    r.account = ctx.account();
    r.region = region;
    r.id = s.value("sourceServerID", "");
    r.arn = s.value("arn", "arn:" + ctx.partition() + ":drs:" + region + ":" + ctx.account() + ":source-server/" + r.id);
    if (std::string a = arn_account_of(r.arn); !a.empty() && a != ctx.account()) continue;
    const json hints = s.value("sourceProperties", json::object()).value("identificationHints", json::object());
    r.name = hints.value("hostname", r.id);
    if (s.contains("tags") && s["tags"].is_object())
      for (const auto& [k, v] : s["tags"].items())
        if (v.is_string()) r.tags[k] = v.get<std::string>();
    const json info = s.value("dataReplicationInfo", json::object());
    r.props["replication_state"] = info.contains("dataReplicationState") ? info["dataReplicationState"] : json(nullptr);
    const json err = info.value("dataReplicationError", json::object());
    r.props["replication_error"] = err.contains("error") ? err["error"] : json(nullptr);
    r.raw = std::move(s);
    ++count;
    ctx.emit(std::move(r));
  }
  summary.props["initialized"] = true;
  summary.props["source_servers"] = count;
  ctx.emit(std::move(summary));
}

const RegisterCollector reg({.service = "drs", .global = false, .produces = {kServer, kSummary}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
