// Amazon Route 53 Resolver (regional): which VPCs log their DNS queries and
// which have a DNS Firewall rule group associated. The checks judge the
// account's VPCs (the EC2 collector's AWS::EC2::VPC) against these
// associations, read as context.
//
// Calls: ListResolverQueryLogConfigAssociations and
// ListFirewallRuleGroupAssociations per region (bulk; botocore paginators) —
// no per-resource call.
//
// AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation
//   arn = arn:…:route53resolver:<region>:<account>:resolver-query-log-config-association/<Id> (synthetic: none in the API),
//   id = Id, name = the VPC id
//   props.vpc_id (ResourceId), props.status ("CREATING", "ACTIVE", "ACTION_NEEDED", "DELETING", "FAILED"),
//   props.config_id (ResolverQueryLogConfigId)
// AWS::Route53Resolver::FirewallRuleGroupAssociation  arn = Arn, id = Id, name = Name
//   props.vpc_id, props.status ("COMPLETE", "DELETING", "UPDATING"), props.rule_group_id
// A failed listing leaves its type incomplete in the region: the VPC checks say NOT_ASSESSED there.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "route53resolver";
constexpr const char* kQueryLog = "AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation";
constexpr const char* kFirewall = "AWS::Route53Resolver::FirewallRuleGroupAssociation";

void list_query_logging(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "ListResolverQueryLogConfigAssociations", json::object(), region,
                                [&](json& page) {
    for (auto& a : page["ResolverQueryLogConfigAssociations"]) {
      Resource r;
      r.type = kQueryLog;
      r.account = ctx.account();
      r.region = region;
      r.id = a.value("Id", "");
      r.name = a.value("ResourceId", r.id);
      r.arn = "arn:" + ctx.partition() + ":route53resolver:" + region + ":" + ctx.account() +
              ":resolver-query-log-config-association/" + r.id;
      r.props = {{"vpc_id", a.value("ResourceId", "")},
                 {"status", a.value("Status", "")},
                 {"config_id", a.value("ResolverQueryLogConfigId", "")}};
      r.raw = std::move(a);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListResolverQueryLogConfigAssociations", region, {kQueryLog});
}

void list_firewall(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "ListFirewallRuleGroupAssociations", json::object(), region,
                                [&](json& page) {
    for (auto& a : page["FirewallRuleGroupAssociations"]) {
      Resource r;
      r.type = kFirewall;
      r.account = ctx.account();
      r.region = region;
      r.id = a.value("Id", "");
      r.name = a.value("Name", r.id);
      r.arn = a.value("Arn", "");
      if (r.arn.empty())
        r.arn = "arn:" + ctx.partition() + ":route53resolver:" + region + ":" + ctx.account() +
                ":firewall-rule-group-association/" + r.id;
      r.props = {{"vpc_id", a.value("VpcId", "")},
                 {"status", a.value("Status", "")},
                 {"rule_group_id", a.value("FirewallRuleGroupId", "")}};
      r.raw = std::move(a);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListFirewallRuleGroupAssociations", region, {kFirewall});
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] { list_query_logging(ctx, region); });
  ctx.spawn([&ctx, region] { list_firewall(ctx, region); });
}

const RegisterCollector reg({.service = "route53resolver", .global = false, .produces = {kQueryLog, kFirewall},
                             .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
