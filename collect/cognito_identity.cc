// Amazon Cognito identity pools (regional).
//
// Calls (issue 13): ListIdentityPools (paged, MaxResults 60), then per pool
// DescribeIdentityPool — the listing carries names only and there is no bulk
// form — only when a selected check reads what it returns.
//
// AWS::Cognito::IdentityPool  arn = arn:…:cognito-identity:<region>:<account>:identitypool/<id>,
//   id = IdentityPoolId, name = IdentityPoolName
//   props.allow_unauthenticated  bool (AllowUnauthenticatedIdentities)        missing when DescribeIdentityPool failed
//   props.allow_classic_flow     bool (AllowClassicFlow; absent: false)
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "cognito-identity";
constexpr const char* kPool = "AWS::Cognito::IdentityPool";

void describe(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeIdentityPool", json{{"IdentityPoolId", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "allow_unauthenticated", out.error(), kSvc, "DescribeIdentityPool");
    r.missing["allow_classic_flow"] = r.missing["allow_unauthenticated"];
    ctx.emit(std::move(r));
    return;
  }
  r.props["allow_unauthenticated"] = out->value("AllowUnauthenticatedIdentities", false);
  r.props["allow_classic_flow"] = out->value("AllowClassicFlow", false);
  if (out->contains("IdentityPoolTags") && (*out)["IdentityPoolTags"].is_object())
    for (const auto& [k, v] : (*out)["IdentityPoolTags"].items())
      if (v.is_string()) r.tags[k] = v.get<std::string>();
  r.raw = std::move(*out);
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  const bool needed = ctx.needs(kPool, "allow_unauthenticated") || ctx.needs(kPool, "allow_classic_flow");
  Status listed = for_each_page(ctx, kSvc, "ListIdentityPools", json{{"MaxResults", 60}}, region, [&](json& page) {
    for (auto& p : page["IdentityPools"]) {
      Resource r;
      r.type = kPool;
      r.account = ctx.account();
      r.region = region;
      r.id = p.value("IdentityPoolId", "");
      r.name = p.value("IdentityPoolName", "");
      r.arn = "arn:" + ctx.partition() + ":cognito-identity:" + region + ":" + ctx.account() + ":identitypool/" + r.id;
      r.raw = std::move(p);
      if (!needed) {
        not_needed(r, "allow_unauthenticated");
        not_needed(r, "allow_classic_flow");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListIdentityPools", region, {kPool});
}

const RegisterCollector reg(
    {.service = "cognito-identity", .global = false, .produces = {kPool}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
