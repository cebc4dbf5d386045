// Amazon Cognito user pools (regional).
//
// Calls (issue 13): ListUserPools (MaxResults 60, NextToken followed here),
// then per pool DescribeUserPool — the listing carries names only and there
// is no bulk form — only when a selected check reads what it returns.
//
// AWS::Cognito::UserPool  arn = Arn (or arn:…:cognito-idp:<region>:<account>:userpool/<id>), id = Id, name = Name
//   props.mfa                  "OFF" | "ON" | "OPTIONAL" (MfaConfiguration; absent: "OFF")
//   props.advanced_security    "OFF" | "AUDIT" | "ENFORCED" (UserPoolAddOns.AdvancedSecurityMode; absent: "OFF")
//   props.deletion_protection  "ACTIVE" | "INACTIVE" (absent: "INACTIVE")
//   props.password_policy      {min_length, require_uppercase, require_lowercase, require_numbers,
//                               require_symbols, temporary_password_validity_days} (absent members: AWS's
//                               defaults, 8 characters, every class required, 7 days)
//   (all missing when DescribeUserPool failed)
#include <algorithm>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "cognito-idp";
constexpr const char* kPool = "AWS::Cognito::UserPool";
const std::initializer_list<const char*> kDescribed = {"mfa", "advanced_security", "deletion_protection",
                                                       "password_policy"};

void describe(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeUserPool", json{{"UserPoolId", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "mfa", out.error(), kSvc, "DescribeUserPool");
    for (const char* p : kDescribed) r.missing[p] = r.missing["mfa"];
    ctx.emit(std::move(r));
    return;
  }
  json pool = out->value("UserPool", json::object());
  if (pool.contains("Arn") && pool["Arn"].is_string()) r.arn = pool["Arn"];
  r.props["mfa"] = pool.value("MfaConfiguration", "OFF");
  r.props["advanced_security"] = pool.value("UserPoolAddOns", json::object()).value("AdvancedSecurityMode", "OFF");
  r.props["deletion_protection"] = pool.value("DeletionProtection", "INACTIVE");
  const json pw = pool.value("Policies", json::object()).value("PasswordPolicy", json::object());
  r.props["password_policy"] = {{"min_length", pw.value("MinimumLength", 8)},
                                {"require_uppercase", pw.value("RequireUppercase", true)},
                                {"require_lowercase", pw.value("RequireLowercase", true)},
                                {"require_numbers", pw.value("RequireNumbers", true)},
                                {"require_symbols", pw.value("RequireSymbols", true)},
                                {"temporary_password_validity_days", pw.value("TemporaryPasswordValidityDays", 7)}};
  if (pool.contains("UserPoolTags") && pool["UserPoolTags"].is_object())
    for (const auto& [k, v] : pool["UserPoolTags"].items())
      if (v.is_string()) r.tags[k] = v.get<std::string>();
  r.raw = std::move(pool);
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  const bool needed =
      std::any_of(kDescribed.begin(), kDescribed.end(), [&](const char* p) { return ctx.needs(kPool, p); });
  json params{{"MaxResults", 60}};
  auto listed = for_each_token_page(ctx, kSvc, "ListUserPools", std::move(params), region, [&](json& page) {
    for (auto& p : page["UserPools"]) {
      Resource r;
      r.type = kPool;
      r.account = ctx.account();
      r.region = region;
      r.id = p.value("Id", "");
      r.name = p.value("Name", "");
      r.arn = "arn:" + ctx.partition() + ":cognito-idp:" + region + ":" + ctx.account() + ":userpool/" + r.id;
      r.raw = std::move(p);
      if (!needed) {
        for (const char* prop : kDescribed) not_needed(r, prop);
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListUserPools", region, {kPool});
}

const RegisterCollector reg({.service = "cognito-idp", .global = false, .produces = {kPool}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
