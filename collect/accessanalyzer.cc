// IAM Access Analyzer (regional): one AWS::AccessAnalyzer::Analyzers resource
// per region, listing the analyzers there, so "no analyzer in eu-west-1" is a
// finding of its own.
//
// AWS::AccessAnalyzer::Analyzers  arn: arn:aws:access-analyzer:REGION:ACCOUNT:analyzer/*
//   analyzers: [{name, arn, type ("ACCOUNT", "ORGANIZATION", ...), status ("ACTIVE", ...)}]
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kAnalyzers = "AWS::AccessAnalyzer::Analyzers";

void collect_accessanalyzer(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "accessanalyzer", "ListAnalyzers", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "accessanalyzer", "ListAnalyzers", region, {kAnalyzers});
    return;
  }
  Resource r;
  r.type = kAnalyzers;
  r.arn = "arn:" + ctx.partition() + ":access-analyzer:" + region + ":" + ctx.account() + ":analyzer/*";
  r.account = ctx.account();
  r.region = region;
  r.id = "analyzers-" + region;
  r.name = "IAM Access Analyzer in " + region;
  json list = json::array();
  for (const auto& a : out->value("analyzers", json::array()))
    list.push_back({{"name", a.value("name", "")},
                    {"arn", a.value("arn", "")},
                    {"type", a.value("type", "")},
                    {"status", a.value("status", "")}});
  r.props = {{"analyzers", list}};
  r.raw = *out;
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "accessanalyzer",
                             .global = false,
                             .produces = {kAnalyzers},
                             .collect = collect_accessanalyzer});

}  // namespace
}  // namespace cloudpeek::collect
