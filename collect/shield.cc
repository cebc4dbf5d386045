// AWS Shield Advanced (global; the API is served from us-east-1, aws
// partition only): whether the account subscribes, and which resources its
// protections cover.
//
// Calls (issue 13): GetSubscriptionState (one call); when ACTIVE, ListProtections
// (paged) — every protection at once — only when a selected check reads
// `protected`. Without a subscription there is no protection to judge and no
// resource is emitted (the checks, like Prowler's, apply to subscribers only).
//
// AWS::Shield::Subscription  one per account while the subscription is ACTIVE,
//   arn = arn:<partition>:shield::<account>:subscription, id = name = "shield-advanced", region "global"
//   props.state      "ACTIVE"
//   props.protected  [ResourceArn] of every protection                       missing: "protected"
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "shield";
constexpr const char* kSubscription = "AWS::Shield::Subscription";

void collect(CollectContext& ctx, const std::string&) {
  if (ctx.partition() != "aws") return;  // Shield Advanced's API is in the aws partition
  const std::string region = "us-east-1";
  auto state = ctx.call(kSvc, "GetSubscriptionState", json::object(), region);
  if (!state) {
    record_failure(ctx, state.error(), kSvc, "GetSubscriptionState", "global", {kSubscription});
    return;
  }
  const std::string s = state->value("SubscriptionState", "");
  if (s != "ACTIVE") return;  // INACTIVE: not subscribed, nothing protected by Shield Advanced
  Resource r;
  r.type = kSubscription;
  r.account = ctx.account();
  r.region = "global";
  r.id = r.name = "shield-advanced";
  r.arn = "arn:" + ctx.partition() + ":shield::" + ctx.account() + ":subscription";
  r.props["state"] = s;
  if (!ctx.needs(kSubscription, "protected")) {
    not_needed(r, "protected");
    ctx.emit(std::move(r));
    return;
  }
  json arns = json::array();
  Status listed = for_each_page(ctx, kSvc, "ListProtections", json::object(), region, [&](json& page) {
    for (const auto& p : page["Protections"]) arns.push_back(p.value("ResourceArn", ""));
  });
  if (listed)
    r.props["protected"] = std::move(arns);
  else
    record_missing(ctx, r, "protected", listed.error(), kSvc, "ListProtections");
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "shield", .global = true, .produces = {kSubscription}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
