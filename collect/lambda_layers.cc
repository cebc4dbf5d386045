// Lambda layers (regional): the latest version of each of the account's
// layers and its permissions policy. Its own collector, so a scan lists layers
// only when a selected check reads them (the function collector's cost is
// unchanged).
//
// Calls (issue 13): ListLayers (paginated, one listing per region; it carries
// each layer's LatestMatchingVersion), then GetLayerVersionPolicy for that
// latest version only — older versions are what it replaced — and only when a
// selected check reads the policy.
//
// AWS::Lambda::LayerVersion  arn = LayerVersionArn, id = "<layer name>:<version>", name = layer name
//   props.version   the version number
//   props.policy    its permissions policy (object), null when it has none
//                   (GetLayerVersionPolicy → ResourceNotFoundException)   missing: "policy"
// Layers of other accounts are dropped.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kLayer = "AWS::Lambda::LayerVersion";

void describe(CollectContext& ctx, Resource r, long long version) {
  auto policy = ctx.call("lambda", "GetLayerVersionPolicy", json{{"LayerName", r.name}, {"VersionNumber", version}},
                         r.region);
  if (policy) {
    if (put_policy(ctx, r, "policy", policy->value("Policy", json()), "the policy of layer version " + r.id, "lambda",
                   "GetLayerVersionPolicy"))
      r.raw["Policy"] = r.props["policy"];
  } else if (policy.error().code == "ResourceNotFoundException") {
    r.props["policy"] = nullptr;  // not shared: a fact, not a gap
  } else {
    record_missing(ctx, r, "policy", policy.error(), "lambda", "GetLayerVersionPolicy");
  }
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "lambda", "ListLayers", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "lambda", "ListLayers", region, {kLayer});
    return;
  }
  const bool policy_needed = ctx.needs(kLayer, "policy");
  for (const auto& l : out->value("Layers", json::array())) {
    const json latest = l.value("LatestMatchingVersion", json::object());
    const std::string arn = latest.value("LayerVersionArn", "");
    // arn:aws:lambda:<region>:<account>:layer:<name>:<version>
    if (arn.find(":" + ctx.account() + ":layer:") == std::string::npos) continue;
    Resource r;
    r.type = kLayer;
    r.account = ctx.account();
    r.region = region;
    r.name = l.value("LayerName", "");
    const long long version = latest.value("Version", 0LL);
    r.id = r.name + ":" + std::to_string(version);
    r.arn = arn;
    r.props["version"] = version;
    r.raw = l;
    if (!policy_needed) {
      not_needed(r, "policy");
      ctx.emit(std::move(r));
      continue;
    }
    ctx.spawn([&ctx, version, r = std::move(r)]() mutable { describe(ctx, std::move(r), version); });
  }
}

const RegisterCollector reg({.service = "lambda-layers", .global = false, .produces = {kLayer}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
