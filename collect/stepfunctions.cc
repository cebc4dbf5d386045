// Step Functions (regional): state machines.
//
// Calls: ListStateMachines (paged) → per state machine DescribeStateMachine
//   (there is no bulk form), only when a selected check reads what it returns
//   (CollectContext::needs); otherwise the state machine is emitted from its
//   listing with those properties "not collected".
// State machines whose ARN names another account are dropped.
//
// AWS::StepFunctions::StateMachine  arn = stateMachineArn, id = name = name
//   props.type              "STANDARD" | "EXPRESS" (from the listing)
//   props.logging_level     "ALL" | "ERROR" | "FATAL" | "OFF" (loggingConfiguration.level; "OFF" when absent)
//   props.log_destinations  [..] CloudWatch Logs log group ARNs
//   props.tracing_enabled   bool (tracingConfiguration.enabled)
// The definition (the workflow, which can hold hard-coded values) is dropped
// from raw: no check reads it.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "stepfunctions";
constexpr const char* kMachine = "AWS::StepFunctions::StateMachine";
constexpr const char* kProps[] = {"logging_level", "log_destinations", "tracing_enabled"};

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

void describe(CollectContext& ctx, const std::string& region, Resource r) {
  bool needed = false;
  for (const char* p : kProps) needed = needed || ctx.needs(kMachine, p);
  if (!needed) {
    for (const char* p : kProps) not_needed(r, p);
    ctx.emit(std::move(r));
    return;
  }
  auto out = ctx.call(kSvc, "DescribeStateMachine", json{{"stateMachineArn", r.arn}}, region);
  if (!out) {
    if (out.error().code == "StateMachineDoesNotExist") return;  // deleted since it was listed
    record_missing(ctx, r, kProps[0], out.error(), kSvc, "DescribeStateMachine");
    for (const char* p : kProps) r.missing[p] = r.missing[kProps[0]];
    ctx.emit(std::move(r));
    return;
  }
  json m = std::move(*out);
  const json logging = m.value("loggingConfiguration", json::object());
  r.props["logging_level"] = logging.value("level", "OFF");
  json destinations = json::array();
  for (const auto& d : logging.value("destinations", json::array())) {
    const json group = d.value("cloudWatchLogsLogGroup", json::object()).value("logGroupArn", json());
    if (group.is_string()) destinations.push_back(group);
  }
  r.props["log_destinations"] = std::move(destinations);
  r.props["tracing_enabled"] = m.value("tracingConfiguration", json::object()).value("enabled", false);
  m.erase("definition");
  r.raw = std::move(m);
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "ListStateMachines", json::object(), region, [&](json& page) {
    for (const auto& s : page.value("stateMachines", json::array())) {
      Resource r;
      r.type = kMachine;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = s.value("name", "");
      r.arn = s.value("stateMachineArn", "");
      if (r.arn.empty()) continue;
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      r.props["type"] = s.value("type", "STANDARD");
      ctx.spawn([&ctx, region, r = std::move(r)]() mutable { describe(ctx, region, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListStateMachines", region, {kMachine});
}

const RegisterCollector reg(
    {.service = "stepfunctions", .global = false, .produces = {kMachine}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
