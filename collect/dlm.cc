// Amazon Data Lifecycle Manager (regional): lifecycle policies, and per region
// which enabled policies snapshot EBS volumes.
//
// Calls (issue 13): GetLifecyclePolicies (every policy's summary — id, state,
// type — in one call; the API has no pagination), then GetLifecyclePolicy per
// policy — there is no bulk form of the policy details — only when a selected
// check reads its cross-Region copy rules.
//
// AWS::DLM::LifecyclePolicy  arn = arn:…:dlm:<region>:<account>:policy/<PolicyId>, id = name = PolicyId
//   props.state, props.policy_type ("EBS_SNAPSHOT_MANAGEMENT" | "IMAGE_MANAGEMENT" | "EVENT_BASED_POLICY"),
//   props.default_policy (bool: LifecyclePolicySummary's DefaultPolicy, which Debian's botocore 1.29 model
//                         lacks — aws/services/model_overlay.json adds it; false when absent, a custom policy)
//   props.unencrypted_copy_targets  [target Region or ARN] of cross-Region copy rules (schedules' and event
//                                   policies' actions) that do not encrypt the copies   missing when
//                                                                                       GetLifecyclePolicy failed
// AWS::DLM::RegionSummary  one per region, arn = arn:…:dlm:<region>:<account>:summary, id = name = region
//   props.enabled_ebs_snapshot_policies  [PolicyId] of ENABLED EBS_SNAPSHOT_MANAGEMENT policies
// When GetLifecyclePolicies fails both types are a gap in the region.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "dlm";
constexpr const char* kPolicy = "AWS::DLM::LifecyclePolicy";
constexpr const char* kSummary = "AWS::DLM::RegionSummary";

json unencrypted_targets(const json& details) {
  json out = json::array();
  for (const auto& s : details.value("Schedules", json::array()))
    for (const auto& rule : s.value("CrossRegionCopyRules", json::array()))
      if (!rule.value("Encrypted", false)) out.push_back(rule.value("Target", rule.value("TargetRegion", "")));
  for (const auto& a : details.value("Actions", json::array()))
    for (const auto& copy : a.value("CrossRegionCopy", json::array()))
      if (!copy.value("EncryptionConfiguration", json::object()).value("Encrypted", false))
        out.push_back(copy.value("Target", ""));
  return out;
}

void describe(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "GetLifecyclePolicy", json{{"PolicyId", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "unencrypted_copy_targets", out.error(), kSvc, "GetLifecyclePolicy");
    ctx.emit(std::move(r));
    return;
  }
  json policy = out->value("Policy", json::object());
  r.props["unencrypted_copy_targets"] = unencrypted_targets(policy.value("PolicyDetails", json::object()));
  r.raw = std::move(policy);
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = ctx.call(kSvc, "GetLifecyclePolicies", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "GetLifecyclePolicies", region, {kPolicy, kSummary});
    return;
  }
  const bool needed = ctx.needs(kPolicy, "unencrypted_copy_targets");
  Resource summary;
  summary.type = kSummary;
  summary.account = ctx.account();
  summary.region = region;
  summary.id = summary.name = region;
  summary.arn = "arn:" + ctx.partition() + ":dlm:" + region + ":" + ctx.account() + ":summary";
  json enabled = json::array();
  for (auto& p : (*out)["Policies"]) {
    Resource r;
    r.type = kPolicy;
    r.account = ctx.account();
    r.region = region;
    r.id = r.name = p.value("PolicyId", "");
    r.arn = "arn:" + ctx.partition() + ":dlm:" + region + ":" + ctx.account() + ":policy/" + r.id;
    r.props["state"] = p.value("State", "");
    r.props["policy_type"] = p.value("PolicyType", "");
    r.props["default_policy"] = p.value("DefaultPolicy", false);
    if (p.contains("Tags") && p["Tags"].is_object())
      for (const auto& [k, v] : p["Tags"].items())
        if (v.is_string()) r.tags[k] = v.get<std::string>();
    if (r.props["state"] == "ENABLED" && r.props["policy_type"] == "EBS_SNAPSHOT_MANAGEMENT") enabled.push_back(r.id);
    r.raw = std::move(p);
    if (!needed) {
      not_needed(r, "unencrypted_copy_targets");
      ctx.emit(std::move(r));
      continue;
    }
    ctx.spawn([&ctx, r = std::move(r)]() mutable { describe(ctx, std::move(r)); });
  }
  summary.props["enabled_ebs_snapshot_policies"] = std::move(enabled);
  ctx.emit(std::move(summary));
}

const RegisterCollector reg({.service = "dlm", .global = false, .produces = {kPolicy, kSummary}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
