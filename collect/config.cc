// AWS Config: the configuration recorder of each region, its status and the
// delivery channels.
//
// "AWS::Config::ConfigurationRecorder", one per scanned region (the region's
// recorder, or a placeholder with "exists": false when it has none — a fact
// for the checks, not a gap). arn: arn:aws:config:REGION:ACCOUNT:configuration-recorder/NAME
// (".../configuration-recorder" when none). props:
//   "exists" bool, "name" string,
//   "all_supported" bool, "include_global_resource_types" bool (recordingGroup),
//   "recording" bool, "last_status" string ("SUCCESS" | "PENDING" | "FAILURE" | ""),
//     both from DescribeConfigurationRecorderStatus (missing["recording"] on failure),
//   "delivery_channel" bool: a delivery channel exists (missing on failure).
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kRecorder = "AWS::Config::ConfigurationRecorder";

void collect(CollectContext& ctx, const std::string& region) {
  auto recorders = ctx.call("config", "DescribeConfigurationRecorders", json::object(), region);
  if (!recorders) {
    record_failure(ctx, recorders.error(), "config", "DescribeConfigurationRecorders", region, {kRecorder});
    return;
  }
  Resource r;
  r.type = kRecorder;
  r.account = ctx.account();
  r.region = region;
  r.arn = "arn:" + ctx.partition() + ":config:" + region + ":" + ctx.account() + ":configuration-recorder";
  r.raw["recorders"] = *recorders;
  const json list = recorders->value("ConfigurationRecorders", json::array());
  if (list.empty()) {
    r.id = r.name = "no recorder in " + region;
    r.props = {{"exists", false}};
    ctx.emit(std::move(r));
    return;
  }
  const json& rec = list[0];
  const json group = rec.value("recordingGroup", json::object());
  r.id = r.name = rec.value("name", "default");
  r.arn += "/" + r.name;
  r.props = {{"exists", true},
             {"name", r.name},
             {"all_supported", group.value("allSupported", false)},
             {"include_global_resource_types", group.value("includeGlobalResourceTypes", false)}};

  auto status = ctx.call("config", "DescribeConfigurationRecorderStatus", json::object(), region);
  if (status) {
    r.raw["status"] = *status;
    r.props["recording"] = false;
    r.props["last_status"] = "";
    for (const auto& s : status->value("ConfigurationRecordersStatus", json::array())) {
      if (s.value("name", "") != r.name) continue;
      r.props["recording"] = s.value("recording", false);
      r.props["last_status"] = s.value("lastStatus", "");
    }
  } else {
    record_missing(ctx, r, "recording", status.error(), "config", "DescribeConfigurationRecorderStatus");
    r.missing["last_status"] = r.missing["recording"];
  }

  auto channels = ctx.call("config", "DescribeDeliveryChannels", json::object(), region);
  if (channels) {
    r.raw["delivery_channels"] = *channels;
    r.props["delivery_channel"] = !channels->value("DeliveryChannels", json::array()).empty();
  } else {
    record_missing(ctx, r, "delivery_channel", channels.error(), "config", "DescribeDeliveryChannels");
  }
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "config", .global = false, .produces = {kRecorder}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
