// CodePipeline (regional): pipelines and how their artifact stores are
// encrypted.
//
// Calls (issue 13): ListPipelines (paged), then GetPipeline per pipeline — no
// bulk form — only when a selected check reads its artifact stores.
// Pipelines are always the account's own.
//
// AWS::CodePipeline::Pipeline  arn = arn:<partition>:codepipeline:<region>:<account>:<name> (AWS's
//                              pipeline ARN; the listing does not carry it), id = name
//   props.artifact_stores  [{region (null for the pipeline's single artifactStore), type, location,
//                            key (encryptionKey.id, null when none: the AWS managed aws/s3 key)}]
//                          (missing with the reason when GetPipeline failed)
// Action configurations (they may hold OAuth tokens of GitHub version 1
// sources) are never kept: raw holds the listing's summary and the stores.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "codepipeline";
constexpr const char* kPipeline = "AWS::CodePipeline::Pipeline";

json store(const json& s, json region) {
  const json key = s.value("encryptionKey", json::object());
  return {{"region", std::move(region)},
          {"type", s.value("type", "")},
          {"location", s.value("location", "")},
          {"key", key.contains("id") && key["id"].is_string() ? key["id"] : json(nullptr)}};
}

void describe(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "GetPipeline", json{{"name", r.name}}, r.region);
  if (!out) {
    record_missing(ctx, r, "artifact_stores", out.error(), kSvc, "GetPipeline");
    ctx.emit(std::move(r));
    return;
  }
  const json p = out->value("pipeline", json::object());
  json stores = json::array();
  if (p.contains("artifactStore") && p["artifactStore"].is_object()) stores.push_back(store(p["artifactStore"], nullptr));
  if (p.contains("artifactStores") && p["artifactStores"].is_object())
    for (const auto& s : p["artifactStores"].items()) stores.push_back(store(s.value(), s.key()));
  r.props["artifact_stores"] = stores;
  r.raw["artifactStores"] = std::move(stores);
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  const bool needed = ctx.needs(kPipeline, "artifact_stores");
  Status listed = for_each_page(ctx, kSvc, "ListPipelines", json::object(), region, [&](json& page) {
    for (auto& p : page.value("pipelines", json::array())) {
      Resource r;
      r.type = kPipeline;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = p.value("name", "");
      r.arn = "arn:" + ctx.partition() + ":codepipeline:" + region + ":" + ctx.account() + ":" + r.name;
      r.raw = std::move(p);
      if (!needed) {
        not_needed(r, "artifact_stores");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListPipelines", region, {kPipeline});
}

const RegisterCollector reg({.service = "codepipeline", .global = false, .produces = {kPipeline}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
