// Amazon EMR (regional): active clusters, the account's block public access
// setting, and security configurations.
//
// Calls (issue 13):
//   ListClusters with ClusterStates STARTING, BOOTSTRAPPING, RUNNING, WAITING (paged: only active
//   clusters), then DescribeCluster per cluster — no bulk form — only when a selected check reads
//   the primary node's address;
//   GetBlockPublicAccessConfiguration once per region (an account setting);
//   ListSecurityConfigurations (paged), then DescribeSecurityConfiguration per configuration —
//   no bulk form — only when a selected check reads its encryption settings.
//
// AWS::EMR::Cluster  arn = ClusterArn, id = Id, name = Name
//   props.state                   Status.State
//   props.master_public_dns_name  MasterPublicDnsName (DescribeCluster): a public name
//                                 (ec2-…amazonaws.com) in a public subnet, the private one
//                                 (ip-…internal) otherwise; "" before the primary node runs
//   props.security_configuration  SecurityConfiguration (DescribeCluster), null when none
// AWS::EMR::BlockPublicAccessConfiguration  one per region, id = name = region,
//   arn = arn:<partition>:elasticmapreduce:<region>:<account>:block-public-access-configuration
//   props.block_public_security_group_rules  bool
//   props.permitted_port_ranges              [{min, max}] (PermittedPublicSecurityGroupRuleRanges;
//                                            MaxRange absent = MinRange)
// AWS::EMR::SecurityConfiguration  id = name = Name,
//   arn = arn:<partition>:elasticmapreduce:<region>:<account>:security-configuration/<name>
//   props.at_rest_encryption     bool: EncryptionConfiguration.EnableAtRestEncryption
//   props.in_transit_encryption  bool: EncryptionConfiguration.EnableInTransitEncryption
//   (missing with the reason when DescribeSecurityConfiguration failed or its document is not JSON)
// The security configuration document itself is not kept (it may name
// certificate locations and Kerberos settings); raw keeps its encryption part.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "emr";
constexpr const char* kCluster = "AWS::EMR::Cluster";
constexpr const char* kBpa = "AWS::EMR::BlockPublicAccessConfiguration";
constexpr const char* kSecConf = "AWS::EMR::SecurityConfiguration";

std::string arn_base(CollectContext& ctx, const std::string& region) {
  return "arn:" + ctx.partition() + ":elasticmapreduce:" + region + ":" + ctx.account() + ":";
}

void describe_cluster(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeCluster", json{{"ClusterId", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "master_public_dns_name", out.error(), kSvc, "DescribeCluster");
    r.missing["security_configuration"] = r.missing["master_public_dns_name"];
    ctx.emit(std::move(r));
    return;
  }
  const json c = out->value("Cluster", json::object());
  r.props["master_public_dns_name"] = c.value("MasterPublicDnsName", "");
  r.props["security_configuration"] =
      c.contains("SecurityConfiguration") && c["SecurityConfiguration"].is_string() ? c["SecurityConfiguration"] : json(nullptr);
  r.raw["Ec2InstanceAttributes"] = c.value("Ec2InstanceAttributes", json::object());
  r.raw["ReleaseLabel"] = c.value("ReleaseLabel", "");
  ctx.emit(std::move(r));
}

void collect_clusters(CollectContext& ctx, const std::string& region) {
  const bool needed = ctx.needs(kCluster, "master_public_dns_name") || ctx.needs(kCluster, "security_configuration");
  const json params = {{"ClusterStates", {"STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"}}};
  Status listed = for_each_page(ctx, kSvc, "ListClusters", params, region, [&](json& page) {
    for (auto& c : page.value("Clusters", json::array())) {
      Resource r;
      r.type = kCluster;
      r.account = ctx.account();
      r.region = region;
      r.id = c.value("Id", "");
      r.name = c.value("Name", r.id);
      r.arn = c.value("ClusterArn", arn_base(ctx, region) + "cluster/" + r.id);
      r.props["state"] = c.value("Status", json::object()).value("State", "");
      r.raw = std::move(c);
      if (!needed) {
        not_needed(r, "master_public_dns_name");
        not_needed(r, "security_configuration");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_cluster(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListClusters", region, {kCluster});
}

void collect_block_public_access(CollectContext& ctx, const std::string& region) {
  auto out = ctx.call(kSvc, "GetBlockPublicAccessConfiguration", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "GetBlockPublicAccessConfiguration", region, {kBpa});
    return;
  }
  const json conf = out->value("BlockPublicAccessConfiguration", json::object());
  Resource r;
  r.type = kBpa;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = region;
  r.arn = arn_base(ctx, region) + "block-public-access-configuration";
  r.props["block_public_security_group_rules"] = conf.value("BlockPublicSecurityGroupRules", false);
  json ranges = json::array();
  for (const auto& p : conf.value("PermittedPublicSecurityGroupRuleRanges", json::array())) {
    const int min = p.value("MinRange", -1);
    ranges.push_back({{"min", min}, {"max", p.value("MaxRange", min)}});
  }
  r.props["permitted_port_ranges"] = std::move(ranges);
  r.raw = std::move(*out);
  ctx.emit(std::move(r));
}

void describe_security_configuration(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeSecurityConfiguration", json{{"Name", r.name}}, r.region);
  if (!out) {
    record_missing(ctx, r, "at_rest_encryption", out.error(), kSvc, "DescribeSecurityConfiguration");
    r.missing["in_transit_encryption"] = r.missing["at_rest_encryption"];
    ctx.emit(std::move(r));
    return;
  }
  auto doc = parse_policy(out->value("SecurityConfiguration", json()), "the security configuration " + r.name);
  if (!doc) {
    record_missing(ctx, r, "at_rest_encryption", doc.error(), kSvc, "DescribeSecurityConfiguration");
    r.missing["in_transit_encryption"] = r.missing["at_rest_encryption"];
    ctx.emit(std::move(r));
    return;
  }
  const json enc = doc->value("EncryptionConfiguration", json::object());
  r.props["at_rest_encryption"] = enc.value("EnableAtRestEncryption", false);
  r.props["in_transit_encryption"] = enc.value("EnableInTransitEncryption", false);
  r.raw["EncryptionConfiguration"] = enc;
  ctx.emit(std::move(r));
}

void collect_security_configurations(CollectContext& ctx, const std::string& region) {
  const bool needed = ctx.needs(kSecConf, "at_rest_encryption") || ctx.needs(kSecConf, "in_transit_encryption");
  Status listed = for_each_page(ctx, kSvc, "ListSecurityConfigurations", json::object(), region, [&](json& page) {
    for (auto& s : page.value("SecurityConfigurations", json::array())) {
      Resource r;
      r.type = kSecConf;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = s.value("Name", "");
      r.arn = arn_base(ctx, region) + "security-configuration/" + r.name;
      r.raw = {{"Name", r.name}};
      if (!needed) {
        not_needed(r, "at_rest_encryption");
        not_needed(r, "in_transit_encryption");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_security_configuration(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListSecurityConfigurations", region, {kSecConf});
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] { collect_block_public_access(ctx, region); });
  ctx.spawn([&ctx, region] { collect_security_configurations(ctx, region); });
  collect_clusters(ctx, region);
}

const RegisterCollector reg({.service = "emr", .global = false, .produces = {kCluster, kBpa, kSecConf}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
