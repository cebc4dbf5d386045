// RDS event subscriptions, per region: one account-level resource per region
// (FSBP RDS.19-22 judge the account in each region), from one paginated
// DescribeEventSubscriptions. Its own collector, so a scan lists them only
// when a selected check reads the type (the RDS collector's cost is unchanged).
//
// AWS::RDS::EventSubscriptions  arn "arn:aws:rds:<region>:<account>:event-subscriptions" (synthetic),
//                               id "rds-event-subscriptions-<region>"
//   props.subscriptions  [{name, source_type (null: every source type), categories [] (empty: all),
//                          source_ids [] (empty: all sources), enabled, status, topic}]
// Subscriptions whose CustomerAwsId names another account are dropped. A
// failed call leaves the type incomplete in the region (NOT_ASSESSED there).
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "rds";
constexpr const char* kType = "AWS::RDS::EventSubscriptions";

json array_of(const json& obj, const char* key) {
  if (obj.is_object() && obj.contains(key) && obj[key].is_array()) return obj[key];
  return json::array();
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, kSvc, "DescribeEventSubscriptions", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "DescribeEventSubscriptions", region, {kType});
    return;
  }
  Resource r;
  r.type = kType;
  r.account = ctx.account();
  r.region = region;
  r.id = "rds-event-subscriptions-" + region;
  r.name = "RDS event subscriptions in " + region;
  r.arn = "arn:" + ctx.partition() + ":rds:" + region + ":" + ctx.account() + ":event-subscriptions";
  json subs = json::array();
  for (const auto& s : array_of(*out, "EventSubscriptionsList")) {
    if (std::string owner = s.value("CustomerAwsId", ""); !owner.empty() && owner != ctx.account()) continue;
    std::string source = s.value("SourceType", "");
    subs.push_back({{"name", s.value("CustSubscriptionId", "")},
                    {"source_type", source.empty() ? json(nullptr) : json(source)},
                    {"categories", array_of(s, "EventCategoriesList")},
                    {"source_ids", array_of(s, "SourceIdsList")},
                    {"enabled", s.value("Enabled", false)},
                    {"status", s.value("Status", "")},
                    {"topic", s.value("SnsTopicArn", "")}});
  }
  r.props["subscriptions"] = subs;
  r.raw = json{{"EventSubscriptionsList", subs}};
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "rds-event-subscriptions", .global = false, .produces = {kType}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
