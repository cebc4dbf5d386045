// AWS Support / Trusted Advisor (global: the Support API answers in us-east-1
// only, the partition's home region): the account's support plan as far as
// Trusted Advisor tells it, and the security category's Trusted Advisor checks.
//
// Calls (issue 13): DescribeTrustedAdvisorChecks once (every check's id, name
// and category), then DescribeTrustedAdvisorCheckSummaries once with the ids
// of the security checks (bulk: all of them in one call), only when a
// selected check reads their status.
//
// AWS::Support::Plan  arn "arn:aws:support::<account>:plan" (synthetic), id = name = "support-plan"
//   props.premium  bool: the Trusted Advisor API answered (Business, Enterprise On-Ramp or Enterprise
//                  Support); false when AWS answered SubscriptionRequiredException (Basic or Developer)
// AWS::TrustedAdvisor::Check  arn "arn:aws:trustedadvisor::<account>:checks/security/<id>", id = checkId,
//                             name = the check's name; only category "security"
//   props.status   "ok" | "warning" | "error" | "not_available"      missing: "status"
//   props.flagged  resources flagged (resourcesSummary.resourcesFlagged), null when not given
// Without a premium plan the Trusted Advisor checks cannot be read: a gap for
// AWS::TrustedAdvisor::Check whose reason names the plan (NOT_ASSESSED, never
// PASS). Any other failure of the first call leaves both types incomplete.
#include <map>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "support";
constexpr const char* kPlan = "AWS::Support::Plan";
constexpr const char* kCheck = "AWS::TrustedAdvisor::Check";

void collect(CollectContext& ctx, const std::string& region) {
  auto out = ctx.call(kSvc, "DescribeTrustedAdvisorChecks", json{{"language", "en"}}, region);
  Resource plan;
  plan.type = kPlan;
  plan.account = ctx.account();
  plan.region = "global";
  plan.id = plan.name = "support-plan";
  plan.arn = "arn:" + ctx.partition() + ":support::" + ctx.account() + ":plan";
  if (!out && out.error().code == "SubscriptionRequiredException") {
    plan.props["premium"] = false;
    ctx.emit(std::move(plan));
    CoverageGap g;
    g.service = kSvc;
    g.region = "global";
    g.action = iam_action(kSvc, "DescribeTrustedAdvisorChecks");
    g.error_kind = std::string(to_string(out.error().kind));
    g.error_code = out.error().code;
    g.message = out.error().message;
    g.resource_types = {kCheck};
    ctx.gap(std::move(g));
    return;
  }
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "DescribeTrustedAdvisorChecks", region, {kPlan, kCheck});
    return;
  }
  plan.props["premium"] = true;
  ctx.emit(std::move(plan));

  std::map<std::string, Resource> checks;  // by check id
  json ids = json::array();
  for (const auto& c : out->value("checks", json::array())) {
    if (c.value("category", "") != "security") continue;
    Resource r;
    r.type = kCheck;
    r.account = ctx.account();
    r.region = "global";
    r.id = c.value("id", "");
    r.name = c.value("name", r.id);
    r.arn = "arn:" + ctx.partition() + ":trustedadvisor::" + ctx.account() + ":checks/security/" + r.id;
    r.raw = json{{"id", r.id}, {"name", r.name}, {"category", "security"}};
    ids.push_back(r.id);
    checks.emplace(r.id, std::move(r));
  }
  if (checks.empty()) return;
  if (!ctx.needs(kCheck, "status") && !ctx.needs(kCheck, "flagged")) {
    for (auto& [id, r] : checks) {
      not_needed(r, "status");
      not_needed(r, "flagged");
      ctx.emit(std::move(r));
    }
    return;
  }
  auto sums = ctx.call(kSvc, "DescribeTrustedAdvisorCheckSummaries", json{{"checkIds", ids}}, region);
  if (!sums) {
    for (auto& [id, r] : checks) {
      record_missing(ctx, r, "status", sums.error(), kSvc, "DescribeTrustedAdvisorCheckSummaries");
      r.missing["flagged"] = r.missing["status"];
      ctx.emit(std::move(r));
    }
    return;
  }
  for (const auto& s : sums->value("summaries", json::array())) {
    auto it = checks.find(s.value("checkId", ""));
    if (it == checks.end()) continue;
    Resource& r = it->second;
    r.props["status"] = s.value("status", "");
    const json rs = s.value("resourcesSummary", json::object());
    r.props["flagged"] = rs.contains("resourcesFlagged") ? rs["resourcesFlagged"] : json(nullptr);
    r.raw["summary"] = {{"status", r.props["status"]}, {"timestamp", s.value("timestamp", "")},
                        {"resourcesSummary", rs}};
  }
  for (auto& [id, r] : checks) {
    if (!r.props.contains("status")) {
      Error e = make_error(ErrorKind::kMalformedResponse,
                           "DescribeTrustedAdvisorCheckSummaries gave no summary for Trusted Advisor check " + id + ".");
      e.code = "MissingSummary";
      record_missing(ctx, r, "status", e, kSvc, "DescribeTrustedAdvisorCheckSummaries");
      r.missing["flagged"] = r.missing["status"];
    }
    ctx.emit(std::move(r));
  }
}

const RegisterCollector reg({.service = "support", .global = true, .produces = {kPlan, kCheck}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
