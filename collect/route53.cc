// Route 53 (global; called in the partition's home region): hosted zones,
// whether public ones log DNS queries, and their DNSSEC signing status.
//
// Calls (issue 13):
//   ListHostedZones (paged)                    every hosted zone (bulk)
//   ListQueryLoggingConfigs (paged), no zone   every query logging configuration at once (bulk)
//   per public zone: GetDNSSEC                 only when a selected check reads dnssec_status
//                                              (no bulk form; private zones cannot sign)
//
// AWS::Route53::HostedZone  arn = arn:<partition>:route53:::hostedzone/<id>, id = zone id (no
//   "/hostedzone/" prefix), name = the zone's DNS name, region "global"
//   props.private              bool (Config.PrivateZone)
//   props.record_set_count     ResourceRecordSetCount
//   props.query_logging        [CloudWatch Logs log group ARN] (empty: none)   missing: "query_logging"
//   props.dnssec_status        "SIGNING" | "NOT_SIGNING" | "DELETING" | "ACTION_NEEDED" | "INTERNAL_FAILURE",
//                              null for a private zone                          missing: "dnssec_status"
#include <map>
#include <string>
#include <vector>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "route53";
constexpr const char* kZone = "AWS::Route53::HostedZone";

std::string zone_id(std::string id) {
  if (size_t slash = id.rfind('/'); slash != std::string::npos) id.erase(0, slash + 1);
  return id;
}

void describe_zone(CollectContext& ctx, const std::string& region, Resource r) {
  auto out = ctx.call(kSvc, "GetDNSSEC", json{{"HostedZoneId", r.id}}, region);
  if (!out) {
    record_missing(ctx, r, "dnssec_status", out.error(), kSvc, "GetDNSSEC");
  } else {
    r.props["dnssec_status"] = out->value("Status", json::object()).value("ServeSignature", "");
    r.raw["DNSSEC"] = out->value("Status", json::object());
  }
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  // Zone id → log groups; the listing covers every zone of the account.
  std::map<std::string, std::vector<std::string>> logging;
  std::optional<Error> logging_error;
  if (ctx.needs(kZone, "query_logging")) {
    Status listed = for_each_page(ctx, kSvc, "ListQueryLoggingConfigs", json::object(), region, [&](json& page) {
      for (const auto& c : page.value("QueryLoggingConfigs", json::array()))
        logging[zone_id(c.value("HostedZoneId", ""))].push_back(c.value("CloudWatchLogsLogGroupArn", ""));
    });
    if (!listed) logging_error = listed.error();
  }
  std::string logging_reason;
  Status listed = for_each_page(ctx, kSvc, "ListHostedZones", json::object(), region, [&](json& page) {
    for (auto& z : page["HostedZones"]) {
      Resource r;
      r.type = kZone;
      r.account = ctx.account();
      r.region = "global";
      r.id = zone_id(z.value("Id", ""));
      r.name = z.value("Name", r.id);
      r.arn = "arn:" + ctx.partition() + ":route53:::hostedzone/" + r.id;
      const bool is_private = z.value("Config", json::object()).value("PrivateZone", false);
      r.props["private"] = is_private;
      r.props["record_set_count"] = z.value("ResourceRecordSetCount", 0);
      if (!ctx.needs(kZone, "query_logging")) {
        not_needed(r, "query_logging");
      } else if (logging_error) {
        if (logging_reason.empty()) {
          record_missing(ctx, r, "query_logging", *logging_error, kSvc, "ListQueryLoggingConfigs");
          logging_reason = r.missing["query_logging"];
        }
        r.missing["query_logging"] = logging_reason;
      } else {
        auto it = logging.find(r.id);
        r.props["query_logging"] = it == logging.end() ? json::array() : json(it->second);
      }
      r.raw = std::move(z);
      if (is_private) {
        r.props["dnssec_status"] = nullptr;
        ctx.emit(std::move(r));
      } else if (!ctx.needs(kZone, "dnssec_status")) {
        not_needed(r, "dnssec_status");
        ctx.emit(std::move(r));
      } else {
        ctx.spawn([&ctx, region, r = std::move(r)]() mutable { describe_zone(ctx, region, std::move(r)); });
      }
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListHostedZones", "global", {kZone});
}

const RegisterCollector reg({.service = "route53", .global = true, .produces = {kZone}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
