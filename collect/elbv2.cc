// Application, Network and Gateway Load Balancers, per region: each load
// balancer's listeners (protocol, TLS policy, default actions) and attributes.
//
// AWS::ElasticLoadBalancingV2::LoadBalancer props:
//   {type ("application"|"network"|"gateway"), scheme, availability_zones [zone name],
//    listeners [{port, protocol ("HTTP"|"HTTPS"|"TCP"|"TLS"|"UDP"|"TCP_UDP"|"GENEVE"), ssl_policy (or null),
//                redirects_to_https (its default action redirects to HTTPS)}],
//    attributes {"access_logs.s3.enabled": "true", "deletion_protection.enabled": "false",
//                "routing.http.drop_invalid_header_fields.enabled": "false", …} (AWS's strings)}
//    targets {target_groups, registered, healthy} (counts over the target groups that
//             forward to it: DescribeTargetGroups once per region, DescribeTargetHealth per
//             target group; only when a selected check reads "targets")}
// "listeners" / "attributes" / "targets" are missing when DescribeListeners /
// DescribeLoadBalancerAttributes / the target calls failed.
#include <map>
#include <memory>
#include <optional>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "elbv2";

json array_of(const json& obj, const char* key) {
  if (obj.is_object() && obj.contains(key) && obj[key].is_array()) return obj[key];
  return json::array();
}

// The load balancers' target groups (by load balancer ARN), or why they could
// not be listed: one DescribeTargetGroups per region.
struct TargetGroups {
  std::map<std::string, std::vector<std::string>> by_lb;
  std::optional<Error> error;
};

TargetGroups target_groups(CollectContext& ctx, const std::string& region) {
  TargetGroups out;
  auto groups = call_all_pages(ctx, kSvc, "DescribeTargetGroups", json::object(), region);
  if (!groups) {
    out.error = groups.error();
    return out;
  }
  for (const auto& g : array_of(*groups, "TargetGroups"))
    for (const auto& lb : array_of(g, "LoadBalancerArns"))
      if (lb.is_string()) out.by_lb[lb.get<std::string>()].push_back(g.value("TargetGroupArn", ""));
  return out;
}

// Registered and healthy targets behind one load balancer.
void targets(CollectContext& ctx, const std::string& region, Resource& r, const TargetGroups& groups) {
  if (groups.error) {
    record_missing(ctx, r, "targets", *groups.error, kSvc, "DescribeTargetGroups");
    return;
  }
  auto it = groups.by_lb.find(r.arn);
  const std::vector<std::string> none;
  const auto& arns = it == groups.by_lb.end() ? none : it->second;
  int registered = 0, healthy = 0;
  for (const auto& tg : arns) {
    auto health = ctx.call(kSvc, "DescribeTargetHealth", json{{"TargetGroupArn", tg}}, region);
    if (!health) {
      record_missing(ctx, r, "targets", health.error(), kSvc, "DescribeTargetHealth");
      return;
    }
    for (const auto& d : array_of(*health, "TargetHealthDescriptions")) {
      ++registered;
      if (d.value("TargetHealth", json::object()).value("State", "") == "healthy") ++healthy;
    }
  }
  r.props["targets"] = {{"target_groups", arns.size()}, {"registered", registered}, {"healthy", healthy}};
}

void describe_one(CollectContext& ctx, const std::string& region, Resource r,
                  std::shared_ptr<const TargetGroups> groups) {
  if (groups) targets(ctx, region, r, *groups);
  else not_needed(r, "targets");
  json params = {{"LoadBalancerArn", r.arn}};
  auto listeners = call_all_pages(ctx, kSvc, "DescribeListeners", params, region);
  if (!listeners) {
    record_missing(ctx, r, "listeners", listeners.error(), kSvc, "DescribeListeners");
  } else {
    json list = json::array();
    for (const auto& l : array_of(*listeners, "Listeners")) {
      bool redirect = false;
      for (const auto& a : array_of(l, "DefaultActions"))
        if (a.value("Type", "") == "redirect" &&
            a.value("RedirectConfig", json::object()).value("Protocol", "") == "HTTPS")
          redirect = true;
      list.push_back({{"port", l.value("Port", 0)},
                      {"protocol", l.value("Protocol", "")},
                      {"ssl_policy", l.contains("SslPolicy") ? l["SslPolicy"] : json(nullptr)},
                      {"redirects_to_https", redirect}});
    }
    r.props["listeners"] = list;
    r.raw["Listeners"] = array_of(*listeners, "Listeners");
  }
  auto attrs = ctx.call(kSvc, "DescribeLoadBalancerAttributes", params, region);
  if (!attrs) {
    record_missing(ctx, r, "attributes", attrs.error(), kSvc, "DescribeLoadBalancerAttributes");
  } else {
    json map = json::object();
    for (const auto& a : array_of(*attrs, "Attributes")) map[a.value("Key", "")] = a.value("Value", "");
    r.props["attributes"] = map;
  }
  ctx.emit(std::move(r));
}

void collect_elbv2(CollectContext& ctx, const std::string& region) {
  const char* type = "AWS::ElasticLoadBalancingV2::LoadBalancer";
  auto out = call_all_pages(ctx, kSvc, "DescribeLoadBalancers", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "DescribeLoadBalancers", region, {type});
    return;
  }
  // Target health only when a selected check reads it (idle load balancers).
  std::shared_ptr<const TargetGroups> groups;
  if (!array_of(*out, "LoadBalancers").empty() && ctx.needs(type, "targets"))
    groups = std::make_shared<const TargetGroups>(target_groups(ctx, region));
  for (const auto& lb : array_of(*out, "LoadBalancers")) {
    Resource r;
    r.type = type;
    r.account = ctx.account();
    r.region = region;
    r.arn = lb.value("LoadBalancerArn", "");
    r.id = lb.value("LoadBalancerName", "");
    r.name = r.id;
    json zones = json::array();
    if (lb.contains("AvailabilityZones") && lb["AvailabilityZones"].is_array())
      for (const auto& z : lb["AvailabilityZones"]) zones.push_back(z.value("ZoneName", ""));
    r.props = {{"type", lb.value("Type", "application")}, {"scheme", lb.value("Scheme", "")},
               {"availability_zones", zones}};
    r.raw = lb;
    ctx.spawn([&ctx, region, groups, r = std::move(r)]() mutable { describe_one(ctx, region, std::move(r), groups); });
  }
}

const RegisterCollector reg({.service = "elbv2",
                             .global = false,
                             .produces = {"AWS::ElasticLoadBalancingV2::LoadBalancer"},
                             .collect = collect_elbv2});

}  // namespace
}  // namespace cloudpeek::collect
