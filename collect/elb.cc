// Classic Load Balancers, per region: each load balancer's listeners with the
// TLS negotiation policy they use, and its access-log attribute.
//
// AWS::ElasticLoadBalancing::LoadBalancer props:
//   {scheme, listeners [{protocol ("HTTP"|"HTTPS"|"TCP"|"SSL"), port, instance_protocol, certificate,
//                        policy (the SSLNegotiationPolicyType policy's name, or null),
//                        reference_policy (its Reference-Security-Policy, e.g. "ELBSecurityPolicy-TLS-1-2-2017-01",
//                                          or null for a custom policy)}],
//    access_log_enabled, cross_zone, connection_draining (bool),
//    desync_mitigation_mode ("monitor"|"defensive"|"strictest"; AWS's default "defensive" when not listed),
//    availability_zones [zone], instances (how many instances are registered: DescribeLoadBalancers' Instances)}
// "listeners" is missing when DescribeLoadBalancerPolicies failed (the TLS
// policies are unknown); the attributes' props when DescribeLoadBalancerAttributes failed.
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "elb";

json array_of(const json& obj, const char* key) {
  if (obj.is_object() && obj.contains(key) && obj[key].is_array()) return obj[key];
  return json::array();
}

void describe_one(CollectContext& ctx, const std::string& region, Resource r) {
  const json& lb = r.raw;
  json params = {{"LoadBalancerName", r.id}};
  auto attrs = ctx.call(kSvc, "DescribeLoadBalancerAttributes", params, region);
  if (!attrs) {
    for (const char* p : {"access_log_enabled", "cross_zone", "connection_draining", "desync_mitigation_mode"})
      record_missing(ctx, r, p, attrs.error(), kSvc, "DescribeLoadBalancerAttributes");
  } else {
    json a = attrs->value("LoadBalancerAttributes", json::object());
    r.props["access_log_enabled"] = a.value("AccessLog", json::object()).value("Enabled", false);
    r.props["cross_zone"] = a.value("CrossZoneLoadBalancing", json::object()).value("Enabled", false);
    r.props["connection_draining"] = a.value("ConnectionDraining", json::object()).value("Enabled", false);
    json mode = nullptr;  // absent: AWS's default, "defensive"
    for (const auto& extra : array_of(a, "AdditionalAttributes"))
      if (extra.value("Key", "") == "elb.http.desyncmitigationmode") mode = extra.value("Value", "");
    r.props["desync_mitigation_mode"] = mode.is_null() ? json("defensive") : mode;
  }
  auto policies = ctx.call(kSvc, "DescribeLoadBalancerPolicies", params, region);
  if (!policies) {
    record_missing(ctx, r, "listeners", policies.error(), kSvc, "DescribeLoadBalancerPolicies");
    ctx.emit(std::move(r));
    return;
  }
  // Policy name → its Reference-Security-Policy, for SSL negotiation policies.
  std::map<std::string, json> negotiation;
  for (const auto& p : array_of(*policies, "PolicyDescriptions")) {
    if (p.value("PolicyTypeName", "") != "SSLNegotiationPolicyType") continue;
    json ref = nullptr;
    for (const auto& attr : array_of(p, "PolicyAttributeDescriptions"))
      if (attr.value("AttributeName", "") == "Reference-Security-Policy") ref = attr.value("AttributeValue", "");
    negotiation[p.value("PolicyName", "")] = ref;
  }
  json listeners = json::array();
  for (const auto& ld : array_of(lb, "ListenerDescriptions")) {
    json l = ld.value("Listener", json::object());
    json policy = nullptr, ref = nullptr;
    for (const auto& name : array_of(ld, "PolicyNames")) {
      auto it = negotiation.find(name.get<std::string>());
      if (it != negotiation.end()) policy = name, ref = it->second;
    }
    listeners.push_back({{"protocol", l.value("Protocol", "")},
                         {"port", l.value("LoadBalancerPort", 0)},
                         {"instance_protocol", l.value("InstanceProtocol", "")},
                         {"certificate", l.contains("SSLCertificateId") ? l["SSLCertificateId"] : json(nullptr)},
                         {"policy", policy},
                         {"reference_policy", ref}});
  }
  r.props["listeners"] = listeners;
  ctx.emit(std::move(r));
}

void collect_elb(CollectContext& ctx, const std::string& region) {
  const char* type = "AWS::ElasticLoadBalancing::LoadBalancer";
  auto out = call_all_pages(ctx, kSvc, "DescribeLoadBalancers", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "DescribeLoadBalancers", region, {type});
    return;
  }
  for (const auto& lb : array_of(*out, "LoadBalancerDescriptions")) {
    Resource r;
    r.type = type;
    r.account = ctx.account();
    r.region = region;
    r.id = lb.value("LoadBalancerName", "");
    r.name = r.id;
    r.arn = "arn:" + ctx.partition() + ":elasticloadbalancing:" + region + ":" + ctx.account() + ":loadbalancer/" + r.id;
    r.props = {{"scheme", lb.value("Scheme", "")},
               {"availability_zones", array_of(lb, "AvailabilityZones")},
               {"instances", array_of(lb, "Instances").size()}};
    r.raw = lb;
    ctx.spawn([&ctx, region, r = std::move(r)]() mutable { describe_one(ctx, region, std::move(r)); });
  }
}

const RegisterCollector reg({.service = "elb",
                             .global = false,
                             .produces = {"AWS::ElasticLoadBalancing::LoadBalancer"},
                             .collect = collect_elb});

}  // namespace
}  // namespace cloudpeek::collect
