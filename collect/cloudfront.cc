// CloudFront (global; called in us-east-1): distributions and their configs.
//
// AWS::CloudFront::Distribution  arn = ARN, id = distribution id, name = DomainName, region "global"
//   props.enabled                    bool
//   props.domain_name                "d111111abcdef8.cloudfront.net"
//   props.aliases                    ["www.example.com"]
//   props.viewer_protocol_policies   [{"path": "*" (default) | pattern, "policy": "allow-all"|"redirect-to-https"|"https-only",
//                                      "field_level_encryption_id": ""}]
//   props.web_acl_id                 "" when none
//   props.cloudfront_default_certificate  bool
//   props.ssl_support_method         "sni-only" | "vip" | "static-ip" | null
//   props.minimum_protocol_version   "TLSv1.2_2021" ...
//   props.origins                    [{"id", "domain", "kind": "s3"|"custom", "oac_id", "oai",
//                                      "origin_protocol_policy" (custom only), "origin_ssl_protocols": [..]}]
//   props.default_root_object        "" when none (GetDistributionConfig)              missing: "default_root_object"
//   props.logging_enabled            bool (GetDistributionConfig Logging.Enabled)       missing: "logging_enabled"
#include <nlohmann/json.hpp>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kDistribution = "AWS::CloudFront::Distribution";

const json& items(const json& obj, const char* member) {
  static const json empty = json::array();
  if (!obj.is_object() || !obj.contains(member) || !obj[member].is_object()) return empty;
  const json& inner = (*obj.find(member));
  auto it = inner.find("Items");
  return it != inner.end() && it->is_array() ? *it : empty;
}

// The properties both the summary and the full config carry.
void fill_common(Resource& r, const json& d) {
  json policies = json::array();
  const json def = d.value("DefaultCacheBehavior", json::object());
  policies.push_back({{"path", "*"},
                      {"policy", def.value("ViewerProtocolPolicy", "")},
                      {"field_level_encryption_id", def.value("FieldLevelEncryptionId", "")}});
  for (const auto& b : items(d, "CacheBehaviors"))
    policies.push_back({{"path", b.value("PathPattern", "")},
                        {"policy", b.value("ViewerProtocolPolicy", "")},
                        {"field_level_encryption_id", b.value("FieldLevelEncryptionId", "")}});
  r.props["viewer_protocol_policies"] = policies;
  r.props["web_acl_id"] = d.value("WebACLId", "");
  const json cert = d.value("ViewerCertificate", json::object());
  r.props["cloudfront_default_certificate"] = cert.value("CloudFrontDefaultCertificate", false);
  r.props["ssl_support_method"] = cert.contains("SSLSupportMethod") ? cert["SSLSupportMethod"] : json(nullptr);
  r.props["minimum_protocol_version"] = cert.value("MinimumProtocolVersion", "");
  json aliases = json::array();
  for (const auto& a : items(d, "Aliases")) aliases.push_back(a);
  r.props["aliases"] = aliases;
  json origins = json::array();
  for (const auto& o : items(d, "Origins")) {
    json origin{{"id", o.value("Id", "")},
                {"domain", o.value("DomainName", "")},
                {"oac_id", o.value("OriginAccessControlId", "")}};
    if (o.contains("S3OriginConfig")) {
      origin["kind"] = "s3";
      origin["oai"] = o["S3OriginConfig"].value("OriginAccessIdentity", "");
    } else {
      origin["kind"] = "custom";
      origin["oai"] = "";
      const json custom = o.value("CustomOriginConfig", json::object());
      origin["origin_protocol_policy"] = custom.value("OriginProtocolPolicy", "");
      json protocols = json::array();
      for (const auto& p : items(custom, "OriginSslProtocols")) protocols.push_back(p);
      origin["origin_ssl_protocols"] = protocols;
    }
    origins.push_back(origin);
  }
  r.props["origins"] = origins;
}

void collect_distribution(CollectContext& ctx, const std::string& region, const json& summary) {
  Resource r;
  r.type = kDistribution;
  r.account = ctx.account();
  r.region = "global";
  r.id = summary.value("Id", "");
  r.name = summary.value("DomainName", r.id);
  r.arn = summary.value("ARN", "arn:" + ctx.partition() + ":cloudfront::" + ctx.account() + ":distribution/" + r.id);
  r.raw["Summary"] = summary;
  r.props["enabled"] = summary.value("Enabled", false);
  r.props["domain_name"] = summary.value("DomainName", "");
  fill_common(r, summary);
  auto cfg = ctx.call("cloudfront", "GetDistributionConfig", json{{"Id", r.id}}, region);
  if (cfg) {
    const json dc = cfg->value("DistributionConfig", json::object());
    r.raw["DistributionConfig"] = dc;
    fill_common(r, dc);
    r.props["default_root_object"] = dc.value("DefaultRootObject", "");
    r.props["logging_enabled"] = dc.value("Logging", json::object()).value("Enabled", false);
  } else {
    record_missing(ctx, r, "default_root_object", cfg.error(), "cloudfront", "GetDistributionConfig");
    r.missing["logging_enabled"] = r.missing["default_root_object"];
  }
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  // ListDistributions pages inside DistributionList (NextMarker/IsTruncated),
  // which call_all_pages' top-level merge does not reach: page here.
  json params = json::object();
  for (int page = 0; page < 10000; ++page) {
    auto out = ctx.call("cloudfront", "ListDistributions", params, region);
    if (!out) {
      Error e = out.error();
      record_failure(ctx, e, "cloudfront", "ListDistributions", "global", {kDistribution});
      return;
    }
    const json list = out->value("DistributionList", json::object());
    for (const auto& d : list.value("Items", json::array()))
      ctx.spawn([&ctx, region, d] { collect_distribution(ctx, region, d); });
    const std::string next = list.value("NextMarker", "");
    if (!list.value("IsTruncated", false) || next.empty()) return;
    if (params.value("Marker", "") == next) {
      Error e = make_error(ErrorKind::kMalformedResponse,
                           "AWS returned the same page token twice for cloudfront:ListDistributions; the listing "
                           "may be incomplete.");
      e.code = "RepeatedPageToken";
      record_failure(ctx, e, "cloudfront", "ListDistributions", "global", {kDistribution});
      return;
    }
    params["Marker"] = next;
  }
}

const RegisterCollector reg({.service = "cloudfront", .global = true, .produces = {kDistribution}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
