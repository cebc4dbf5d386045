// Amazon SES (regional): email identities and configuration sets.
//
// Calls (issue 13): the SES v1 ListIdentities (paged, up to 1000 a page) and the
// v2 ListConfigurationSets per region (bulk; NextToken followed with a
// repeated-token guard — the v2 model has no paginator); then, per own
// identity, the v2 GetEmailIdentity (its DKIM attributes and sending
// authorization policies in one call) when a selected check reads dkim_signing
// or policies, and per configuration set GetConfigurationSet (its TLS policy)
// when a check reads tls_policy. SES lists only the account's own identities
// and sets. Identities are listed with v1's ListIdentities, not v2's
// ListEmailIdentities: the AWS managed policy SecurityAudit grants
// ses:ListIdentities and ses:GetEmailIdentity but not ses:ListEmailIdentities,
// and both listings name the same identities (v1 and v2 are two APIs over one
// set), so a SecurityAudit identity decides the identity checks with as many
// calls as v2 alone took.
//
// AWS::SES::EmailIdentity    arn = arn:…:ses:<region>:<account>:identity/<name>, id = name = the identity
//   props.identity_type   "DOMAIN", "EMAIL_ADDRESS" (an identity with "@": v1 lists names only), or
//                         GetEmailIdentity's IdentityType ("MANAGED_DOMAIN" too) when it was called
//   props.dkim_signing    {enabled (bool), status ("SUCCESS", "PENDING", … or null)}  missing when GetEmailIdentity failed
//   props.policies        {policy name: policy document}                       missing when GetEmailIdentity failed
// AWS::SES::ConfigurationSet arn = arn:…:ses:<region>:<account>:configuration-set/<name>, id = name
//   props.tls_policy      "REQUIRE" or "OPTIONAL" (AWS's default when DeliveryOptions says nothing)
//                                                                               missing when GetConfigurationSet failed
#include <functional>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "sesv2";
constexpr const char* kIdentity = "AWS::SES::EmailIdentity";
constexpr const char* kConfigSet = "AWS::SES::ConfigurationSet";

// Every page of a NextToken listing without a botocore paginator.
Status each_page(CollectContext& ctx, const char* operation, const std::string& region,
                 const std::function<void(json&)>& on_page) {
  return for_each_token_page(ctx, kSvc, operation, json::object(), region, on_page);
}

Resource make(CollectContext& ctx, const std::string& region, const char* type, const char* kind,
              const std::string& name) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = region;
  r.id = name;
  r.name = name;
  r.arn = "arn:" + ctx.partition() + ":ses:" + region + ":" + ctx.account() + ":" + kind + "/" + name;
  return r;
}

void describe_identity(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "GetEmailIdentity", json{{"EmailIdentity", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "dkim_signing", out.error(), kSvc, "GetEmailIdentity");
    record_missing(ctx, r, "policies", out.error(), kSvc, "GetEmailIdentity");
    ctx.emit(std::move(r));
    return;
  }
  if (out->contains("IdentityType")) r.props["identity_type"] = (*out)["IdentityType"];
  const json dkim = out->value("DkimAttributes", json::object());
  r.props["dkim_signing"] = {{"enabled", dkim.value("SigningEnabled", false)},
                             {"status", dkim.contains("Status") ? dkim["Status"] : json(nullptr)}};
  json policies = json::object();
  bool ok = true;
  const json listed = out->value("Policies", json::object());  // items() must not outlive what it iterates
  for (const auto& [name, text] : listed.items()) {
    auto parsed = parse_policy(text, "the sending authorization policy " + name + " of " + r.id);
    if (!parsed) {
      record_missing(ctx, r, "policies", parsed.error(), kSvc, "GetEmailIdentity");
      ok = false;
      break;
    }
    policies[name] = std::move(*parsed);
  }
  if (ok) r.props["policies"] = std::move(policies);
  ctx.emit(std::move(r));
}

void describe_config_set(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "GetConfigurationSet", json{{"ConfigurationSetName", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "tls_policy", out.error(), kSvc, "GetConfigurationSet");
  } else {
    r.props["tls_policy"] = out->value("DeliveryOptions", json::object()).value("TlsPolicy", std::string("OPTIONAL"));
    r.raw = std::move(*out);
  }
  ctx.emit(std::move(r));
}

void list_identities(CollectContext& ctx, const std::string& region) {
  const bool describe = ctx.needs(kIdentity, "dkim_signing") || ctx.needs(kIdentity, "policies");
  Status listed = for_each_page(ctx, "ses", "ListIdentities", json{{"MaxItems", 1000}}, region, [&](json& page) {
    for (const auto& item : page["Identities"]) {
      if (!item.is_string()) continue;
      const std::string name = item.get<std::string>();
      Resource r = make(ctx, region, kIdentity, "identity", name);
      r.props["identity_type"] = name.find('@') != std::string::npos ? "EMAIL_ADDRESS" : "DOMAIN";
      if (!describe) {
        not_needed(r, "dkim_signing");
        not_needed(r, "policies");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_identity(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), "ses", "ListIdentities", region, {kIdentity});
}

void list_config_sets(CollectContext& ctx, const std::string& region) {
  const bool describe = ctx.needs(kConfigSet, "tls_policy");
  Status listed = each_page(ctx, "ListConfigurationSets", region, [&](json& page) {
    for (const auto& name : page["ConfigurationSets"]) {
      if (!name.is_string()) continue;
      Resource r = make(ctx, region, kConfigSet, "configuration-set", name.get<std::string>());
      if (!describe) {
        not_needed(r, "tls_policy");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_config_set(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListConfigurationSets", region, {kConfigSet});
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] { list_identities(ctx, region); });
  ctx.spawn([&ctx, region] { list_config_sets(ctx, region); });
}

const RegisterCollector reg({.service = "sesv2", .global = false, .produces = {kIdentity, kConfigSet},
                             .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
