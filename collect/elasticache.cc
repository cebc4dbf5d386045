// ElastiCache (regional): Redis OSS / Valkey replication groups and every
// cache cluster (node group member or standalone, any engine). Two bulk
// listings, no per-resource call: everything the checks read is in them.
//
// AWS::ElastiCache::ReplicationGroup  arn = ARN, id = name = ReplicationGroupId
//   props.engine                    "redis" | "valkey" (RG's Engine — Debian's botocore 1.29 model lacks it,
//                                   aws/services/model_overlay.json adds it — else, as the API reference marks it
//                                   not required, its first member cluster's, else "redis")
//   props.at_rest_encryption        bool (AtRestEncryptionEnabled)
//   props.transit_encryption        bool (TransitEncryptionEnabled)
//   props.auth_token_enabled        bool (AuthTokenEnabled: Redis AUTH)
//   props.user_group_ids            [..] (UserGroupIds: role-based access control)
//   props.snapshot_retention_limit  int (days of automatic backups; 0: none)
//   props.automatic_failover        "enabled" | "disabled" | "enabling" | "disabling"
//   props.multi_az                  "enabled" | "disabled"
// AWS::ElastiCache::CacheCluster  arn = ARN, id = name = CacheClusterId
//   props.engine                    "redis" | "valkey" | "memcached"
//   props.engine_version            "7.1"
//   props.auto_minor_version_upgrade bool
//   props.cache_subnet_group        the subnet group's name, or null (EC2-Classic / none)
//   props.replication_group_id      its replication group, or null (standalone)
// A failed listing leaves its type's region incomplete (a coverage gap), so
// the checks on it say NOT_ASSESSED there.
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "elasticache";
constexpr const char* kGroup = "AWS::ElastiCache::ReplicationGroup";
constexpr const char* kCluster = "AWS::ElastiCache::CacheCluster";

// The account of an ARN (arn:partition:elasticache:region:account:...), or empty.
std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

json opt_string(const json& obj, const char* key) {
  return obj.contains(key) && obj[key].is_string() && !obj[key].get_ref<const std::string&>().empty() ? obj[key]
                                                                                                     : json(nullptr);
}

void collect(CollectContext& ctx, const std::string& region) {
  auto clusters = call_all_pages(ctx, kSvc, "DescribeCacheClusters", json::object(), region);
  // A group's engine comes from its members when AWS does not say it on the group.
  std::map<std::string, std::string> engine_of;
  if (!clusters) {
    record_failure(ctx, clusters.error(), kSvc, "DescribeCacheClusters", region, {kCluster});
  } else {
    for (const auto& c : clusters->value("CacheClusters", json::array())) {
      Resource r;
      r.type = kCluster;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = c.value("CacheClusterId", "");
      r.arn = c.value("ARN", "arn:" + ctx.partition() + ":elasticache:" + region + ":" + ctx.account() +
                                 ":cluster:" + r.id);
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      r.props["engine"] = c.value("Engine", "");
      r.props["engine_version"] = c.value("EngineVersion", "");
      r.props["auto_minor_version_upgrade"] = c.value("AutoMinorVersionUpgrade", false);
      r.props["cache_subnet_group"] = opt_string(c, "CacheSubnetGroupName");
      r.props["replication_group_id"] = opt_string(c, "ReplicationGroupId");
      if (c.contains("ReplicationGroupId") && c["ReplicationGroupId"].is_string())
        engine_of.emplace(c["ReplicationGroupId"].get<std::string>(), c.value("Engine", ""));
      r.raw = c;
      ctx.emit(std::move(r));
    }
  }

  auto groups = call_all_pages(ctx, kSvc, "DescribeReplicationGroups", json::object(), region);
  if (!groups) {
    record_failure(ctx, groups.error(), kSvc, "DescribeReplicationGroups", region, {kGroup});
    return;
  }
  for (const auto& g : groups->value("ReplicationGroups", json::array())) {
    Resource r;
    r.type = kGroup;
    r.account = ctx.account();
    r.region = region;
    r.id = r.name = g.value("ReplicationGroupId", "");
    r.arn = g.value("ARN", "arn:" + ctx.partition() + ":elasticache:" + region + ":" + ctx.account() +
                               ":replicationgroup:" + r.id);
    if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
    std::string engine = g.value("Engine", "");
    if (engine.empty()) {
      auto it = engine_of.find(r.id);
      engine = it != engine_of.end() && !it->second.empty() ? it->second : "redis";
    }
    r.props["engine"] = engine;
    r.props["at_rest_encryption"] = g.value("AtRestEncryptionEnabled", false);
    r.props["transit_encryption"] = g.value("TransitEncryptionEnabled", false);
    r.props["auth_token_enabled"] = g.value("AuthTokenEnabled", false);
    r.props["user_group_ids"] = g.value("UserGroupIds", json::array());
    r.props["snapshot_retention_limit"] = g.value("SnapshotRetentionLimit", 0);
    r.props["automatic_failover"] = g.value("AutomaticFailover", "disabled");
    r.props["multi_az"] = g.value("MultiAZ", "disabled");
    r.raw = g;
    ctx.emit(std::move(r));
  }
}

const RegisterCollector reg(
    {.service = "elasticache", .global = false, .produces = {kGroup, kCluster}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
