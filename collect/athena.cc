// Athena (regional): workgroups with their enforced configuration, query
// result encryption and CloudWatch metrics.
//
// Calls (issue 13): ListWorkGroups (no botocore paginator: its NextToken is
// followed here), then per workgroup GetWorkGroup — there is no bulk form —
// only when a selected check reads what it returns.
//
// AWS::Athena::WorkGroup  arn = arn:…:athena:<region>:<account>:workgroup/<name>, id = name = Name
//   props.state                  "ENABLED" | "DISABLED"
//   props.enforce_configuration  bool (EnforceWorkGroupConfiguration)       missing when GetWorkGroup failed
//   props.result_encryption      "SSE_S3" | "SSE_KMS" | "CSE_KMS", or null (results unencrypted)
//   props.publish_metrics        bool (PublishCloudWatchMetricsEnabled)
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "athena";
constexpr const char* kWorkGroup = "AWS::Athena::WorkGroup";
const std::initializer_list<const char*> kDescribed = {"enforce_configuration", "result_encryption", "publish_metrics"};

void describe(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "GetWorkGroup", json{{"WorkGroup", r.name}}, r.region);
  if (!out) {
    record_missing(ctx, r, "enforce_configuration", out.error(), kSvc, "GetWorkGroup");
    for (const char* p : kDescribed) r.missing[p] = r.missing["enforce_configuration"];
    ctx.emit(std::move(r));
    return;
  }
  json wg = out->value("WorkGroup", json::object());
  const json conf = wg.value("Configuration", json::object());
  r.props["enforce_configuration"] = conf.value("EnforceWorkGroupConfiguration", false);
  r.props["publish_metrics"] = conf.value("PublishCloudWatchMetricsEnabled", false);
  const json enc = conf.value("ResultConfiguration", json::object()).value("EncryptionConfiguration", json());
  r.props["result_encryption"] =
      enc.is_object() && enc.contains("EncryptionOption") ? enc["EncryptionOption"] : json(nullptr);
  r.raw = std::move(wg);
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  const bool needed = std::any_of(kDescribed.begin(), kDescribed.end(),
                                  [&](const char* p) { return ctx.needs(kWorkGroup, p); });
  json params = json::object();
  auto listed = for_each_token_page(ctx, kSvc, "ListWorkGroups", std::move(params), region, [&](json& page) {
    for (auto& w : page["WorkGroups"]) {
      Resource r;
      r.type = kWorkGroup;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = w.value("Name", "");
      r.arn = "arn:" + ctx.partition() + ":athena:" + region + ":" + ctx.account() + ":workgroup/" + r.name;
      r.props["state"] = w.value("State", "");
      r.raw = std::move(w);
      if (!needed) {
        for (const char* p : kDescribed) not_needed(r, p);
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListWorkGroups", region, {kWorkGroup});
}

const RegisterCollector reg({.service = "athena", .global = false, .produces = {kWorkGroup}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
