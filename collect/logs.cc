// CloudWatch Logs (regional): log groups and their metric filters — the
// CloudWatch Logs half of the CIS 4.x chain, plus retention and encryption.
//
// AWS::Logs::LogGroup   arn "arn:aws:logs:<region>:<account>:log-group:<name>" (no ":*")
//   props: name (string), retention_in_days (int, or null: never expire),
//          kms_key_id (string, or null: CloudWatch Logs' own encryption),
//          stored_bytes (int)
// AWS::Logs::MetricFilter  arn "<log group arn>:metric-filter:<filter name>" (synthetic; AWS has none)
//   props: name, log_group_name, filter_pattern (string),
//          metric_transformations ([{metric_name, metric_namespace}])
// A failed DescribeLogGroups leaves AWS::Logs::LogGroup incomplete in the
// region; a failed DescribeMetricFilters, AWS::Logs::MetricFilter.
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

std::string log_group_arn(CollectContext& ctx, const std::string& region, const std::string& name) {
  return "arn:" + ctx.partition() + ":logs:" + region + ":" + ctx.account() + ":log-group:" + name;
}

void collect_log_groups(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "logs", "DescribeLogGroups", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "logs", "DescribeLogGroups", region, {"AWS::Logs::LogGroup"});
    return;
  }
  for (const auto& g : out->value("logGroups", json::array())) {
    Resource r;
    r.type = "AWS::Logs::LogGroup";
    r.account = ctx.account();
    r.region = region;
    r.id = r.name = g.value("logGroupName", "");
    r.arn = log_group_arn(ctx, region, r.id);
    r.props["name"] = r.name;
    r.props["retention_in_days"] = g.contains("retentionInDays") ? g["retentionInDays"] : json(nullptr);
    r.props["kms_key_id"] = g.contains("kmsKeyId") ? g["kmsKeyId"] : json(nullptr);
    r.props["stored_bytes"] = g.value("storedBytes", 0);
    r.raw = g;
    ctx.emit(std::move(r));
  }
}

void collect_metric_filters(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "logs", "DescribeMetricFilters", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "logs", "DescribeMetricFilters", region, {"AWS::Logs::MetricFilter"});
    return;
  }
  for (const auto& f : out->value("metricFilters", json::array())) {
    Resource r;
    r.type = "AWS::Logs::MetricFilter";
    r.account = ctx.account();
    r.region = region;
    std::string group = f.value("logGroupName", "");
    r.id = r.name = f.value("filterName", "");
    r.arn = log_group_arn(ctx, region, group) + ":metric-filter:" + r.id;
    r.props["name"] = r.name;
    r.props["log_group_name"] = group;
    r.props["filter_pattern"] = f.value("filterPattern", "");
    json transforms = json::array();
    for (const auto& t : f.value("metricTransformations", json::array()))
      transforms.push_back({{"metric_name", t.value("metricName", "")},
                            {"metric_namespace", t.value("metricNamespace", "")}});
    r.props["metric_transformations"] = std::move(transforms);
    r.raw = f;
    ctx.emit(std::move(r));
  }
}

const RegisterCollector reg({.service = "logs",
                             .global = false,
                             .produces = {"AWS::Logs::LogGroup", "AWS::Logs::MetricFilter"},
                             .collect = [](CollectContext& ctx, const std::string& region) {
                               ctx.spawn([&ctx, region] { collect_metric_filters(ctx, region); });
                               collect_log_groups(ctx, region);
                             }});

}  // namespace
}  // namespace cloudpeek::collect
