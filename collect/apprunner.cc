// App Runner (regional): services, their ingress, encryption key and
// observability.
//
// Calls (issue 13): ListServices (no botocore paginator: its NextToken is
// followed here, with a repeated-token guard), then DescribeService per
// service — no bulk form — only when a selected check reads what it returns.
// Services are always the account's own; deleted ones are not kept.
//
// AWS::AppRunner::Service  arn = ServiceArn, id = ServiceId, name = ServiceName
//   props.status                 Status
//   props.publicly_accessible    bool: NetworkConfiguration.IngressConfiguration.IsPubliclyAccessible
//                                (absent: public, AWS's default)
//   props.kms_key                EncryptionConfiguration.KmsKey, null when AWS's own key encrypts the service
//   props.observability_enabled  bool: ObservabilityConfiguration.ObservabilityEnabled
//   (the last three missing, with the reason, when DescribeService failed)
// The source configuration (runtime environment variables and secrets) is
// never kept: raw holds the listing's summary and the network configuration.
#include <algorithm>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "apprunner";
constexpr const char* kService = "AWS::AppRunner::Service";
const std::initializer_list<const char*> kDescribed = {"publicly_accessible", "kms_key", "observability_enabled"};

void describe(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeService", json{{"ServiceArn", r.arn}}, r.region);
  if (!out) {
    record_missing(ctx, r, "publicly_accessible", out.error(), kSvc, "DescribeService");
    for (const char* p : kDescribed) r.missing[p] = r.missing["publicly_accessible"];
    ctx.emit(std::move(r));
    return;
  }
  const json s = out->value("Service", json::object());
  const json network = s.value("NetworkConfiguration", json::object());
  r.props["publicly_accessible"] =
      network.value("IngressConfiguration", json::object()).value("IsPubliclyAccessible", true);
  const json enc = s.value("EncryptionConfiguration", json::object());
  r.props["kms_key"] = enc.contains("KmsKey") && enc["KmsKey"].is_string() ? enc["KmsKey"] : json(nullptr);
  r.props["observability_enabled"] =
      s.value("ObservabilityConfiguration", json::object()).value("ObservabilityEnabled", false);
  r.raw["NetworkConfiguration"] = network;
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  const bool needed = std::any_of(kDescribed.begin(), kDescribed.end(),
                                  [&](const char* p) { return ctx.needs(kService, p); });
  json params = json::object();
  auto listed = for_each_token_page(ctx, kSvc, "ListServices", std::move(params), region, [&](json& page) {
    for (auto& s : page.value("ServiceSummaryList", json::array())) {
      const std::string status = s.value("Status", "");
      if (status == "DELETED") continue;
      Resource r;
      r.type = kService;
      r.account = ctx.account();
      r.region = region;
      r.id = s.value("ServiceId", "");
      r.name = s.value("ServiceName", r.id);
      r.arn = s.value("ServiceArn", "arn:" + ctx.partition() + ":apprunner:" + region + ":" + ctx.account() +
                                        ":service/" + r.name + "/" + r.id);
      r.props["status"] = status;
      r.raw = std::move(s);
      if (!needed) {
        for (const char* p : kDescribed) not_needed(r, p);
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListServices", region, {kService});
}

const RegisterCollector reg({.service = "apprunner", .global = false, .produces = {kService}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
