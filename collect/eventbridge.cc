// EventBridge (regional): event buses with their resource-based policies.
//
// Calls (issue 13): ListEventBuses, which carries each bus's policy: no
// per-bus call (DescribeEventBus would return the same policy). The API has
// no botocore paginator; its NextToken is followed here.
//
// AWS::Events::EventBus  arn = Arn, id = name = Name ("default" for the account's default bus)
//   props.custom      bool: not the default bus (and not a partner bus, whose name starts "aws.partner/")
//   props.partner     bool: a SaaS partner event bus
//   props.policy      the bus's resource policy (object), null when it has none
//                     (missing with the reason when AWS sent a policy CloudPeek cannot read)
// Buses whose ARN names another account are dropped.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "events";
constexpr const char* kBus = "AWS::Events::EventBus";

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

void collect(CollectContext& ctx, const std::string& region) {
  json params = json::object();
  auto listed = for_each_token_page(ctx, kSvc, "ListEventBuses", std::move(params), region, [&](json& page) {
    for (auto& b : page["EventBuses"]) {
      Resource r;
      r.type = kBus;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = b.value("Name", "");
      r.arn = b.value("Arn", "arn:" + ctx.partition() + ":events:" + region + ":" + ctx.account() + ":event-bus/" + r.id);
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      const bool partner = r.name.starts_with("aws.partner/");
      r.props["partner"] = partner;
      r.props["custom"] = r.name != "default" && !partner;
      const json policy = b.value("Policy", json());
      if (policy.is_null() || (policy.is_string() && policy.get_ref<const std::string&>().empty()))
        r.props["policy"] = nullptr;
      else
        put_policy(ctx, r, "policy", policy, "the policy of event bus " + r.name, kSvc, "ListEventBuses");
      if (r.props.contains("policy") && !r.props["policy"].is_null()) b["Policy"] = r.props["policy"];
      r.raw = std::move(b);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListEventBuses", region, {kBus});
}

const RegisterCollector reg({.service = "events", .global = false, .produces = {kBus}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
