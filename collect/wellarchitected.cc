// AWS Well-Architected Tool (regional): workloads and the risks their review
// found in the Well-Architected Framework lens's security pillar.
//
// Calls (issue 13): ListWorkloads (no botocore paginator: its NextToken is
// followed here; it carries each workload's risk counts over every pillar),
// then per workload GetLensReview for the "wellarchitected" lens — the only
// answer with per-pillar counts, no bulk form — only when a selected check
// reads them, and not for a workload whose counts over every pillar have no
// high or medium risk (its security pillar has none either).
//
// AWS::WellArchitected::Workload  arn = WorkloadArn, id = WorkloadId, name = WorkloadName
//   props.risk_counts      {"HIGH": n, "MEDIUM": n, ...} over every lens and pillar (ListWorkloads)
//   props.lenses           [lens alias]
//   props.security_risks   {"HIGH": n, "MEDIUM": n} of the Well-Architected Framework lens's security
//                          pillar; null when the workload has no review of that lens
//                          missing: "security_risks" when GetLensReview failed
// Workloads another account owns (shared with this one) are dropped.
#include <algorithm>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "wellarchitected";
constexpr const char* kWorkload = "AWS::WellArchitected::Workload";
const char kLens[] = "wellarchitected";

json counts_of(const json& m) {
  json out = {{"HIGH", 0}, {"MEDIUM", 0}};
  if (m.is_object())
    for (const auto& [k, v] : m.items())
      if (v.is_number_integer()) out[k] = v;
  return out;
}

void review(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "GetLensReview", json{{"WorkloadId", r.id}, {"LensAlias", kLens}}, r.region);
  if (!out) {
    if (out.error().code == "ResourceNotFoundException") {
      r.props["security_risks"] = nullptr;  // no review of the lens: a fact
    } else {
      record_missing(ctx, r, "security_risks", out.error(), kSvc, "GetLensReview");
    }
    ctx.emit(std::move(r));
    return;
  }
  json security = nullptr;
  for (const auto& p : out->value("LensReview", json::object()).value("PillarReviewSummaries", json::array()))
    if (p.value("PillarId", "") == "security") security = counts_of(p.value("RiskCounts", json::object()));
  r.props["security_risks"] = security;
  r.raw["SecurityPillarRiskCounts"] = security;
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  const bool needed = ctx.needs(kWorkload, "security_risks");
  json params = json::object();
  auto listed = for_each_token_page(ctx, kSvc, "ListWorkloads", std::move(params), region, [&](json& page) {
    for (auto& w : page["WorkloadSummaries"]) {
      if (std::string owner = w.value("Owner", ""); !owner.empty() && owner != ctx.account()) continue;
      Resource r;
      r.type = kWorkload;
      r.account = ctx.account();
      r.region = region;
      r.id = w.value("WorkloadId", "");
      r.name = w.value("WorkloadName", r.id);
      r.arn = w.value("WorkloadArn",
                      "arn:" + ctx.partition() + ":wellarchitected:" + region + ":" + ctx.account() + ":workload/" + r.id);
      const json counts = counts_of(w.value("RiskCounts", json::object()));
      r.props["risk_counts"] = counts;
      r.props["lenses"] = w.value("Lenses", json::array());
      r.raw = std::move(w);
      const bool has_lens = std::find(r.props["lenses"].begin(), r.props["lenses"].end(), json(kLens)) !=
                            r.props["lenses"].end();
      if (!has_lens) {
        r.props["security_risks"] = nullptr;
      } else if (counts["HIGH"] == 0 && counts["MEDIUM"] == 0) {
        r.props["security_risks"] = {{"HIGH", 0}, {"MEDIUM", 0}};  // none in any pillar
      } else if (!needed) {
        not_needed(r, "security_risks");
      } else {
        ctx.spawn([&ctx, r = std::move(r)]() mutable { review(ctx, std::move(r)); });
        continue;
      }
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListWorkloads", region, {kWorkload});
}

const RegisterCollector reg({.service = "wellarchitected", .global = false, .produces = {kWorkload}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
