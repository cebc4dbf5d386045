// NAT gateways, per region, and — only when a selected check reads it — the
// bytes each one sent toward destinations over the last 14 days, from
// CloudWatch in one GetMetricData call per region for up to 500 gateways.
//
// AWS::EC2::NatGateway props:
//   {state ("available"|"pending"|…; deleted ones are left out), vpc_id, subnet_id,
//    connectivity_type ("public"|"private"),
//    bytes_out_14d (sum of AWS/NATGateway BytesOutToDestination over 14 days; 0 when
//                   CloudWatch holds no data point: a gateway that sent nothing reports none)}
// "bytes_out_14d" is missing (with the failed cloudwatch:GetMetricData) when
// CloudWatch did not answer, and "not collected" when no selected check reads it.
#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kType[] = "AWS::EC2::NatGateway";
constexpr int64_t kWindowDays = 14;
constexpr size_t kQueriesPerCall = 500;  // GetMetricData's limit of MetricDataQueries per request

json list_of(const json& obj, const char* key) {
  if (obj.is_object() && obj.contains(key) && obj[key].is_array()) return obj[key];
  return json::array();
}

int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Sums BytesOutToDestination per gateway into props; on failure every gateway
// of the batch gets the property missing, naming the call.
void traffic(CollectContext& ctx, const std::string& region, std::vector<Resource>& batch) {
  json queries = json::array();
  for (size_t i = 0; i < batch.size(); ++i)
    queries.push_back(
        {{"Id", "n" + std::to_string(i)},
         {"MetricStat",
          {{"Metric",
            {{"Namespace", "AWS/NATGateway"},
             {"MetricName", "BytesOutToDestination"},
             {"Dimensions", json::array({{{"Name", "NatGatewayId"}, {"Value", batch[i].id}}})}}},
           {"Period", 86400},
           {"Stat", "Sum"}}},
         {"ReturnData", true}});
  int64_t end = now_seconds();
  json params = {{"MetricDataQueries", std::move(queries)},
                 {"StartTime", end - kWindowDays * 86400},
                 {"EndTime", end}};
  std::map<std::string, double> sums;
  auto out = for_each_page(ctx, "cloudwatch", "GetMetricData", std::move(params), region, [&](json& page) {
    for (const auto& m : list_of(page, "MetricDataResults")) {
      double& sum = sums[m.value("Id", "")];
      for (const auto& v : list_of(m, "Values"))
        if (v.is_number()) sum += v.get<double>();
    }
  });
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!out) {
      record_missing(ctx, batch[i], "bytes_out_14d", out.error(), "cloudwatch", "GetMetricData");
    } else {
      auto it = sums.find("n" + std::to_string(i));
      batch[i].props["bytes_out_14d"] = it == sums.end() ? 0.0 : it->second;
    }
    ctx.emit(std::move(batch[i]));
  }
}

void collect_nat_gateways(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "ec2", "DescribeNatGateways", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "ec2", "DescribeNatGateways", region, {kType});
    return;
  }
  std::vector<Resource> gateways;
  for (const auto& g : list_of(*out, "NatGateways")) {
    std::string state = g.value("State", "");
    if (state == "deleted" || state == "deleting" || state == "failed") continue;  // no longer billed
    Resource r;
    r.type = kType;
    r.account = ctx.account();
    r.region = region;
    r.id = g.value("NatGatewayId", "");
    r.arn = "arn:" + ctx.partition() + ":ec2:" + region + ":" + ctx.account() + ":natgateway/" + r.id;
    r.tags = tags_from_list(list_of(g, "Tags"));
    auto name = r.tags.find("Name");
    r.name = name != r.tags.end() && !name->second.empty() ? name->second : r.id;
    r.props = {{"state", state},
               {"vpc_id", g.value("VpcId", "")},
               {"subnet_id", g.value("SubnetId", "")},
               {"connectivity_type", g.value("ConnectivityType", "public")}};
    r.raw = g;
    gateways.push_back(std::move(r));
  }
  if (!ctx.needs(kType, "bytes_out_14d")) {
    for (auto& r : gateways) {
      not_needed(r, "bytes_out_14d");
      ctx.emit(std::move(r));
    }
    return;
  }
  for (size_t start = 0; start < gateways.size(); start += kQueriesPerCall) {
    std::vector<Resource> batch(std::make_move_iterator(gateways.begin() + start),
                                std::make_move_iterator(gateways.begin() +
                                                        std::min(gateways.size(), start + kQueriesPerCall)));
    traffic(ctx, region, batch);
  }
}

// Its own collector beside ec2's: the traffic needs CloudWatch, and the
// listing is one more regional task that runs only when its type is wanted.
const RegisterCollector reg({.service = "ec2-nat-gateways",
                             .global = false,
                             .produces = {kType},
                             .collect = collect_nat_gateways});

}  // namespace
}  // namespace cloudpeek::collect
