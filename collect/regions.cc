#include "collect/regions.h"

namespace cloudpeek::collect {

std::vector<RegionStatus> parse_regions(const json& output) {
  std::vector<RegionStatus> out;
  if (!output.contains("Regions") || !output["Regions"].is_array()) return out;
  for (const auto& r : output["Regions"]) {
    RegionStatus s;
    s.name = r.value("RegionName", "");
    // Regions that predate opt-in have no status in old answers: they need none.
    s.opt_in_status = r.value("OptInStatus", "opt-in-not-required");
    if (!s.name.empty()) out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<RegionStatus>> describe_regions(CollectContext& ctx, const std::string& region) {
  auto out = ctx.call("ec2", "DescribeRegions", json{{"AllRegions", true}}, region);
  if (!out) return out.error();
  return parse_regions(*out);
}

namespace {

void collect_regions(CollectContext& ctx, const std::string& region) {
  auto out = ctx.call("ec2", "DescribeRegions", json{{"AllRegions", true}}, region);
  if (!out) {
    record_failure(ctx, out.error(), "ec2", "DescribeRegions", "global", {"AWS::EC2::Region"});
    return;
  }
  for (const auto& r : (*out)["Regions"]) {
    Resource res;
    res.type = "AWS::EC2::Region";
    res.account = ctx.account();
    res.region = "global";
    res.id = r.value("RegionName", "");
    res.name = res.id;
    // Regions have no ARN of their own; this one is unique and readable.
    res.arn = "arn:" + ctx.partition() + ":ec2:" + res.id + ":" + ctx.account() + ":region/" + res.id;
    res.props = {{"opt_in_status", r.value("OptInStatus", "opt-in-not-required")},
                 {"endpoint", r.value("Endpoint", "")}};
    res.raw = r;
    ctx.emit(std::move(res));
  }
}

const RegisterCollector reg({.service = "regions",
                             .global = true,
                             .produces = {"AWS::EC2::Region"},
                             .collect = collect_regions});

}  // namespace
}  // namespace cloudpeek::collect
