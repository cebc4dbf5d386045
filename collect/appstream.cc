// Amazon AppStream 2.0 (regional): fleets with their internet access and
// session timeouts.
//
// Calls (issue 13): DescribeFleets, paged; it carries every setting the
// checks read, so there is no per-fleet call.
//
// AWS::AppStream::Fleet  arn = Arn, id = name = Name
//   props.fleet_type, props.state
//   props.default_internet_access    EnableDefaultInternetAccess (absent: false)
//   props.max_user_duration_s        MaxUserDurationInSeconds, or null when AWS sent none
//   props.disconnect_timeout_s       DisconnectTimeoutInSeconds, or null
//   props.idle_disconnect_timeout_s  IdleDisconnectTimeoutInSeconds; absent is 0, as AWS omits it when idle
//                                    users are never disconnected
// Fleets whose ARN names another account are dropped.
#include <string>

#include "collect/collector.h"
#include "collect/storage_euc_arn.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "appstream";
constexpr const char* kFleet = "AWS::AppStream::Fleet";

json int_or_null(const json& obj, const char* key) {
  return obj.contains(key) && obj[key].is_number() ? obj[key] : json(nullptr);
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, kSvc, "DescribeFleets", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "DescribeFleets", region, {kFleet});
    return;
  }
  for (auto& f : (*out)["Fleets"]) {
    Resource r;
    r.type = kFleet;
    r.account = ctx.account();
    r.region = region;
    r.id = r.name = f.value("Name", "");
    r.arn = f.value("Arn", "arn:" + ctx.partition() + ":appstream:" + region + ":" + ctx.account() + ":fleet/" + r.id);
    if (std::string a = arn_account_of(r.arn); !a.empty() && a != ctx.account()) continue;
    r.props["fleet_type"] = f.value("FleetType", "");
    r.props["state"] = f.value("State", "");
    r.props["default_internet_access"] = f.value("EnableDefaultInternetAccess", false);
    r.props["max_user_duration_s"] = int_or_null(f, "MaxUserDurationInSeconds");
    r.props["disconnect_timeout_s"] = int_or_null(f, "DisconnectTimeoutInSeconds");
    r.props["idle_disconnect_timeout_s"] = f.value("IdleDisconnectTimeoutInSeconds", 0);
    r.raw = std::move(f);
    ctx.emit(std::move(r));
  }
}

const RegisterCollector reg({.service = "appstream", .global = false, .produces = {kFleet}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
