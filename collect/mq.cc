// Amazon MQ (regional): ActiveMQ and RabbitMQ brokers with their deployment
// mode, and (from DescribeBroker) public accessibility, minor version upgrades
// and log publishing.
//
// Calls (issue 13): ListBrokers (paged) carries each broker's engine and
// deployment mode; DescribeBroker per broker — there is no bulk form — only
// when a selected check reads what it returns. Brokers whose ARN names another
// account are dropped; broker users (names) are not kept.
//
// AWS::AmazonMQ::Broker  arn = BrokerArn, id = BrokerId, name = BrokerName
//   props.engine                      "ACTIVEMQ" | "RABBITMQ"
//   props.deployment_mode             "SINGLE_INSTANCE" | "ACTIVE_STANDBY_MULTI_AZ" | "CLUSTER_MULTI_AZ"
//   props.publicly_accessible         bool (PubliclyAccessible)               missing when not described
//   props.auto_minor_version_upgrade  bool (AutoMinorVersionUpgrade; absent: false)   idem
//   props.audit_logs                  bool (Logs.Audit; absent: false)        idem
//   props.general_logs                bool (Logs.General; absent: false)      idem
#include <algorithm>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "mq";
constexpr const char* kBroker = "AWS::AmazonMQ::Broker";
const std::initializer_list<const char*> kDescribed = {"publicly_accessible", "auto_minor_version_upgrade",
                                                       "audit_logs", "general_logs"};

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

void describe(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeBroker", json{{"BrokerId", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "publicly_accessible", out.error(), kSvc, "DescribeBroker");
    for (const char* p : kDescribed) r.missing[p] = r.missing["publicly_accessible"];
    ctx.emit(std::move(r));
    return;
  }
  json b = std::move(*out);
  const json logs = b.value("Logs", json::object());
  r.props["publicly_accessible"] = b.value("PubliclyAccessible", false);
  r.props["auto_minor_version_upgrade"] = b.value("AutoMinorVersionUpgrade", false);
  r.props["audit_logs"] = logs.is_object() && logs.value("Audit", false);
  r.props["general_logs"] = logs.is_object() && logs.value("General", false);
  if (b.contains("Tags") && b["Tags"].is_object())
    for (const auto& [k, v] : b["Tags"].items())
      if (v.is_string()) r.tags[k] = v.get<std::string>();
  b.erase("Users");  // user names of the broker's console and connections
  b.erase("ResponseMetadata");
  r.raw = std::move(b);
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  const bool needed = std::any_of(kDescribed.begin(), kDescribed.end(),
                                  [&](const char* p) { return ctx.needs(kBroker, p); });
  Status listed = for_each_page(ctx, kSvc, "ListBrokers", json::object(), region, [&](json& page) {
    for (auto& b : page["BrokerSummaries"]) {
      Resource r;
      r.type = kBroker;
      r.account = ctx.account();
      r.region = region;
      r.id = b.value("BrokerId", "");
      r.name = b.value("BrokerName", r.id);
      r.arn = b.value("BrokerArn", "arn:" + ctx.partition() + ":mq:" + region + ":" + ctx.account() + ":broker:" +
                                       r.name + ":" + r.id);
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      r.props = {{"engine", b.value("EngineType", "")}, {"deployment_mode", b.value("DeploymentMode", "")}};
      r.raw = std::move(b);
      if (!needed) {
        for (const char* p : kDescribed) not_needed(r, p);
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListBrokers", region, {kBroker});
}

const RegisterCollector reg({.service = "mq", .global = false, .produces = {kBroker}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
