// AWS Global Accelerator (global: its API is served from us-west-2 only, in
// the aws partition).
//
// Calls (issue 13): ListAccelerators (paged), then per accelerator
// DescribeAcceleratorAttributes (flow logs) and ListTagsForResource — no bulk
// form of either — each only when a selected check reads what it returns.
//
// AWS::GlobalAccelerator::Accelerator  arn = AcceleratorArn, id = the ARN's last segment, name = Name,
//   region "global"
//   props.enabled    bool
//   props.status     "DEPLOYED" | "IN_PROGRESS"
//   props.flow_logs  bool (FlowLogsEnabled)                                  missing: "flow_logs"
//   props.tags       {key: value} (ListTagsForResource)                      missing: "tags"
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "globalaccelerator";
constexpr const char* kAccelerator = "AWS::GlobalAccelerator::Accelerator";
const char kRegion[] = "us-west-2";

void describe(CollectContext& ctx, Resource r, bool flow_logs, bool tags) {
  const std::string arn = r.arn;
  if (!flow_logs) {
    not_needed(r, "flow_logs");
  } else if (auto out = ctx.call(kSvc, "DescribeAcceleratorAttributes", json{{"AcceleratorArn", arn}}, kRegion); out) {
    r.props["flow_logs"] = out->value("AcceleratorAttributes", json::object()).value("FlowLogsEnabled", false);
  } else {
    record_missing(ctx, r, "flow_logs", out.error(), kSvc, "DescribeAcceleratorAttributes");
  }
  if (!tags) {
    not_needed(r, "tags");
  } else if (auto out = ctx.call(kSvc, "ListTagsForResource", json{{"ResourceArn", arn}}, kRegion); out) {
    r.tags = tags_from_list(out->value("Tags", json::array()));
    json t = json::object();
    for (const auto& [k, v] : r.tags) t[k] = v;
    r.props["tags"] = std::move(t);
  } else {
    record_missing(ctx, r, "tags", out.error(), kSvc, "ListTagsForResource");
  }
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string&) {
  if (ctx.partition() != "aws") return;  // Global Accelerator exists in the aws partition only
  const bool flow_logs = ctx.needs(kAccelerator, "flow_logs");
  const bool tags = ctx.needs(kAccelerator, "tags");
  Status listed = for_each_page(ctx, kSvc, "ListAccelerators", json::object(), kRegion, [&](json& page) {
    for (auto& a : page["Accelerators"]) {
      Resource r;
      r.type = kAccelerator;
      r.account = ctx.account();
      r.region = "global";
      r.arn = a.value("AcceleratorArn", "");
      r.id = r.arn.substr(r.arn.rfind('/') + 1);
      r.name = a.value("Name", r.id);
      r.props["enabled"] = a.value("Enabled", false);
      r.props["status"] = a.value("Status", "");
      r.raw = std::move(a);
      ctx.spawn([&ctx, flow_logs, tags, r = std::move(r)]() mutable { describe(ctx, std::move(r), flow_logs, tags); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListAccelerators", "global", {kAccelerator});
}

const RegisterCollector reg(
    {.service = "globalaccelerator", .global = true, .produces = {kAccelerator}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
