// Security Hub (regional): whether the hub is enabled and which standards run.
//
// AWS::SecurityHub::Hub  arn "arn:aws:securityhub:<region>:<account>:hub/default" (AWS's HubArn)
//   props: enabled (bool — DescribeHub's InvalidAccessException "not subscribed" is false, a fact),
//          auto_enable_controls (bool), standards ([{arn, status}] of GetEnabledStandards;
//          [] when not enabled)   [missing "standards" when GetEnabledStandards failed]
// Any other DescribeHub failure leaves AWS::SecurityHub::Hub incomplete in the region.
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

void collect_hub(CollectContext& ctx, const std::string& region) {
  Resource r;
  r.type = "AWS::SecurityHub::Hub";
  r.account = ctx.account();
  r.region = region;
  r.arn = "arn:" + ctx.partition() + ":securityhub:" + region + ":" + ctx.account() + ":hub/default";
  r.id = "hub/default";
  r.name = "Security Hub in " + region;
  auto hub = ctx.call("securityhub", "DescribeHub", json::object(), region);
  if (!hub) {
    // AWS answers InvalidAccessException ("Account ... is not subscribed to AWS
    // Security Hub") when the hub is off — also ResourceNotFoundException in
    // some regions' older answers. Both mean "not enabled".
    const std::string& code = hub.error().code;
    if (code != "InvalidAccessException" && code != "ResourceNotFoundException") {
      record_failure(ctx, hub.error(), "securityhub", "DescribeHub", region, {"AWS::SecurityHub::Hub"});
      return;
    }
    r.props["enabled"] = false;
    r.props["auto_enable_controls"] = false;
    r.props["standards"] = json::array();
    ctx.emit(std::move(r));
    return;
  }
  r.raw = *hub;
  r.arn = hub->value("HubArn", r.arn);
  r.props["enabled"] = true;
  r.props["auto_enable_controls"] = hub->value("AutoEnableControls", false);
  auto std_out = call_all_pages(ctx, "securityhub", "GetEnabledStandards", json::object(), region);
  if (!std_out) {
    record_missing(ctx, r, "standards", std_out.error(), "securityhub", "GetEnabledStandards");
  } else {
    json standards = json::array();
    for (const auto& s : std_out->value("StandardsSubscriptions", json::array()))
      standards.push_back({{"arn", s.value("StandardsArn", "")}, {"status", s.value("StandardsStatus", "")}});
    r.props["standards"] = std::move(standards);
  }
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "securityhub", .global = false, .produces = {"AWS::SecurityHub::Hub"},
                             .collect = collect_hub});

}  // namespace
}  // namespace cloudpeek::collect
