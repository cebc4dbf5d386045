// VPC endpoints and endpoint services (regional, EC2 API). The VPCs, subnets,
// route tables, peering and VPN connections come from collect/ec2.cc; this
// collector adds what those listings do not carry.
//
// Calls (issue 13):
//   DescribeVpcEndpoints (paged)                       every endpoint with its policy (bulk)
//   DescribeVpcEndpointServiceConfigurations (paged)   the account's own endpoint services (bulk)
//   per endpoint service: DescribeVpcEndpointServicePermissions (paged)
//                                                      only when a selected check reads
//                                                      `allowed_principals` (no bulk form)
// Endpoints another account owns are dropped; deleted ones are left out.
//
// AWS::EC2::VPCEndpoint  arn = arn:…:ec2:<region>:<account>:vpc-endpoint/<id>, id = VpcEndpointId
//   props.vpc_id, props.service_name, props.state ("available", "pendingAcceptance", …)
//   props.endpoint_type   "Interface" | "Gateway" | "GatewayLoadBalancer" | "Resource" | "ServiceNetwork"
//   props.subnets         [subnet id] (one per Availability Zone; empty for gateway endpoints)
//   props.policy          the endpoint policy (object), null when the endpoint has none
// AWS::EC2::VPCEndpointService  arn = arn:…:ec2:<region>:<account>:vpc-endpoint-service/<id>,
//   id = ServiceId, name = ServiceName
//   props.acceptance_required  bool
//   props.allowed_principals   [principal ARN or "*"]                       missing: "allowed_principals"
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "ec2";
constexpr const char* kEndpoint = "AWS::EC2::VPCEndpoint";
constexpr const char* kService = "AWS::EC2::VPCEndpointService";

Resource make(CollectContext& ctx, const std::string& region, const char* type, const std::string& kind,
              const std::string& id, json& raw) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = region;
  r.id = id;
  r.arn = "arn:" + ctx.partition() + ":ec2:" + region + ":" + ctx.account() + ":" + kind + "/" + id;
  if (raw.contains("Tags")) r.tags = tags_from_list(raw["Tags"]);
  auto name = r.tags.find("Name");
  r.name = name != r.tags.end() && !name->second.empty() ? name->second : id;
  r.raw = std::move(raw);
  return r;
}

void endpoints(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "DescribeVpcEndpoints", json::object(), region, [&](json& page) {
    for (auto& e : page["VpcEndpoints"]) {
      const std::string owner = e.value("OwnerId", "");
      if (!owner.empty() && owner != ctx.account()) continue;
      const std::string state = e.value("State", "");
      if (state == "deleted" || state == "Deleted") continue;
      json document = e.contains("PolicyDocument") ? e["PolicyDocument"] : json();
      const std::string id = e.value("VpcEndpointId", "");
      Resource r = make(ctx, region, kEndpoint, "vpc-endpoint", id, e);
      r.props["vpc_id"] = r.raw.value("VpcId", "");
      r.props["service_name"] = r.raw.value("ServiceName", "");
      r.props["state"] = state;
      r.props["endpoint_type"] = r.raw.value("VpcEndpointType", "");
      r.props["subnets"] = r.raw.value("SubnetIds", json::array());
      if (document.is_null() || (document.is_string() && document.get<std::string>().empty()))
        r.props["policy"] = nullptr;
      else
        put_policy(ctx, r, "policy", document, "the policy of VPC endpoint " + id, kSvc, "DescribeVpcEndpoints");
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeVpcEndpoints", region, {kEndpoint});
}

void describe_service(CollectContext& ctx, Resource r) {
  json principals = json::array();
  Status listed = for_each_page(ctx, kSvc, "DescribeVpcEndpointServicePermissions", json{{"ServiceId", r.id}},
                                r.region, [&](json& page) {
                                  for (const auto& p : page["AllowedPrincipals"])
                                    principals.push_back(p.value("Principal", ""));
                                });
  if (listed)
    r.props["allowed_principals"] = std::move(principals);
  else
    record_missing(ctx, r, "allowed_principals", listed.error(), kSvc, "DescribeVpcEndpointServicePermissions");
  ctx.emit(std::move(r));
}

void services(CollectContext& ctx, const std::string& region) {
  const bool permissions = ctx.needs(kService, "allowed_principals");
  Status listed =
      for_each_page(ctx, kSvc, "DescribeVpcEndpointServiceConfigurations", json::object(), region, [&](json& page) {
        for (auto& s : page["ServiceConfigurations"]) {
          const std::string id = s.value("ServiceId", "");
          const std::string name = s.value("ServiceName", "");
          Resource r = make(ctx, region, kService, "vpc-endpoint-service", id, s);
          if (!r.tags.count("Name")) r.name = name;
          r.props["service_name"] = name;
          r.props["acceptance_required"] = r.raw.value("AcceptanceRequired", false);
          if (!permissions) {
            not_needed(r, "allowed_principals");
            ctx.emit(std::move(r));
            continue;
          }
          ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_service(ctx, std::move(r)); });
        }
      });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeVpcEndpointServiceConfigurations", region, {kService});
}

void collect(CollectContext& ctx, const std::string& region) {
  for (auto* fn : {endpoints, services}) ctx.spawn([&ctx, region, fn] { fn(ctx, region); });
}

const RegisterCollector reg(
    {.service = "vpc", .global = false, .produces = {kEndpoint, kService}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
