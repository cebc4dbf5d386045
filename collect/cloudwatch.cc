// CloudWatch (regional): metric alarms, the alarm link of the CIS 4.x chain.
//
// AWS::CloudWatch::Alarm  arn = AlarmArn
//   props: name, metric_name, namespace (strings; empty for metric-math alarms),
//          metrics ([{metric_name, namespace}] of a metric-math alarm's MetricStat queries),
//          alarm_actions ([ARN strings]), actions_enabled (bool)
// A failed DescribeAlarms leaves AWS::CloudWatch::Alarm incomplete in the region.
//
// A second, global collector "cloudwatch_account" emits the one account-level
// resource the CIS 4.1–4.15 checks evaluate on (the chain spans trails, log
// groups, alarms and topics in several regions, so its verdict is per account):
// AWS::CloudWatch::AccountMonitoring  region "global",
//   arn "arn:aws:cloudwatch::<account>:account-monitoring" (synthetic), props {}.
// It makes no call: the checks read the chain's types from the inventory.
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

void collect_alarms(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "cloudwatch", "DescribeAlarms", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "cloudwatch", "DescribeAlarms", region, {"AWS::CloudWatch::Alarm"});
    return;
  }
  for (const auto& a : out->value("MetricAlarms", json::array())) {
    Resource r;
    r.type = "AWS::CloudWatch::Alarm";
    r.account = ctx.account();
    r.region = region;
    r.id = r.name = a.value("AlarmName", "");
    r.arn = a.value("AlarmArn", "arn:" + ctx.partition() + ":cloudwatch:" + region + ":" + ctx.account() +
                                        ":alarm:" + r.id);
    r.props["name"] = r.name;
    r.props["metric_name"] = a.value("MetricName", "");
    r.props["namespace"] = a.value("Namespace", "");
    json metrics = json::array();
    for (const auto& m : a.value("Metrics", json::array())) {
      if (!m.contains("MetricStat")) continue;
      const json& metric = m["MetricStat"].value("Metric", json::object());
      metrics.push_back({{"metric_name", metric.value("MetricName", "")}, {"namespace", metric.value("Namespace", "")}});
    }
    r.props["metrics"] = std::move(metrics);
    r.props["alarm_actions"] = a.value("AlarmActions", json::array());
    r.props["actions_enabled"] = a.value("ActionsEnabled", true);
    r.raw = a;
    ctx.emit(std::move(r));
  }
}

const RegisterCollector reg({.service = "cloudwatch",
                             .global = false,
                             .produces = {"AWS::CloudWatch::Alarm"},
                             .collect = collect_alarms});

const RegisterCollector account_reg({.service = "cloudwatch_account",
                                     .global = true,
                                     .produces = {"AWS::CloudWatch::AccountMonitoring"},
                                     .collect = [](CollectContext& ctx, const std::string&) {
                                       Resource r;
                                       r.type = "AWS::CloudWatch::AccountMonitoring";
                                       r.account = ctx.account();
                                       r.region = "global";
                                       r.id = ctx.account();
                                       r.name = "account " + ctx.account() + " monitoring";
                                       r.arn = "arn:" + ctx.partition() + ":cloudwatch::" + ctx.account() +
                                               ":account-monitoring";
                                       ctx.emit(std::move(r));
                                     }});

}  // namespace
}  // namespace cloudpeek::collect
