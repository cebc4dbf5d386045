// Amazon Redshift (regional): provisioned clusters with the settings the
// checks judge, whether their parameter group requires SSL, and whether audit
// logging is on.
//
// Calls (issue 13):
//   DescribeClusters (paged)                  every cluster with its settings (bulk; only the account's own)
//   per parameter group in use: DescribeClusterParameters (paged)
//                                             only when a selected check reads require_ssl; once per
//                                             group, however many clusters share it (no bulk form)
//   per cluster: DescribeLoggingStatus        only when a selected check reads audit_logging (no bulk form)
//
// AWS::Redshift::Cluster  arn = arn:…:redshift:<region>:<account>:cluster:<id>, id = name = ClusterIdentifier
//   props.publicly_accessible     bool (PubliclyAccessible; absent: false)
//   props.encrypted               bool (Encrypted; absent: false)
//   props.kms_key_id              KmsKeyId, or null
//   props.snapshot_retention_days AutomatedSnapshotRetentionPeriod (0: automated snapshots off; absent: 1,
//                                 the API's default)
//   props.allow_version_upgrade   bool (AllowVersionUpgrade; absent: true, the API's default)
//   props.enhanced_vpc_routing    bool (EnhancedVpcRouting; absent: false)
//   props.master_username         MasterUsername
//   props.db_name                 DBName (absent: "dev", the database AWS creates when none is named)
//   props.parameter_group         the cluster's parameter group name, or null
//   props.require_ssl             bool: the group's require_ssl is true (absent from it: false, AWS's
//                                 default for redshift-1.0)                   missing when not read
//   props.audit_logging           {"enabled": bool, "destination": "s3"|"cloudwatch"|null, "bucket": …,
//                                  "log_exports": [..]}                       missing when not read
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "redshift";
constexpr const char* kCluster = "AWS::Redshift::Cluster";

bool truthy(const json& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s == "true" || s == "on" || s == "1";
  }
  return false;
}

void describe_logging(CollectContext& ctx, Resource r) {
  if (!ctx.needs(kCluster, "audit_logging")) {
    not_needed(r, "audit_logging");
  } else if (auto out = ctx.call(kSvc, "DescribeLoggingStatus", json{{"ClusterIdentifier", r.id}}, r.region); out) {
    json logging = {{"enabled", out->value("LoggingEnabled", false)},
                    {"destination", out->contains("LogDestinationType") ? (*out)["LogDestinationType"] : json(nullptr)},
                    {"bucket", out->contains("BucketName") ? (*out)["BucketName"] : json(nullptr)},
                    {"log_exports", out->value("LogExports", json::array())}};
    r.props["audit_logging"] = std::move(logging);
  } else {
    record_missing(ctx, r, "audit_logging", out.error(), kSvc, "DescribeLoggingStatus");
  }
  ctx.emit(std::move(r));
}

// Reads the group's require_ssl once, then describes each of its clusters.
void describe_group(CollectContext& ctx, const std::string& group, std::vector<Resource> clusters) {
  json require_ssl = false;
  std::optional<Error> failed;
  Status listed = for_each_page(ctx, kSvc, "DescribeClusterParameters", json{{"ParameterGroupName", group}},
                                clusters.front().region, [&](json& page) {
                                  for (const auto& p : page.value("Parameters", json::array()))
                                    if (p.value("ParameterName", "") == "require_ssl")
                                      require_ssl = truthy(p.value("ParameterValue", json(false)));
                                });
  if (!listed) failed = listed.error();
  for (auto& r : clusters) {
    if (failed)
      record_missing(ctx, r, "require_ssl", *failed, kSvc, "DescribeClusterParameters");
    else
      r.props["require_ssl"] = require_ssl;
    ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_logging(ctx, std::move(r)); });
  }
}

void collect(CollectContext& ctx, const std::string& region) {
  const bool ssl_needed = ctx.needs(kCluster, "require_ssl");
  std::map<std::string, std::vector<Resource>> by_group;  // clusters waiting for their group's require_ssl
  Status listed = for_each_page(ctx, kSvc, "DescribeClusters", json::object(), region, [&](json& page) {
    for (auto& c : page["Clusters"]) {
      Resource r;
      r.type = kCluster;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = c.value("ClusterIdentifier", "");
      r.arn = "arn:" + ctx.partition() + ":redshift:" + region + ":" + ctx.account() + ":cluster:" + r.id;
      if (c.contains("Tags")) r.tags = tags_from_list(c["Tags"]);
      json group = nullptr;
      for (const auto& g : c.value("ClusterParameterGroups", json::array()))
        if (g.contains("ParameterGroupName")) {
          group = g["ParameterGroupName"];
          break;
        }
      r.props = {{"publicly_accessible", c.value("PubliclyAccessible", false)},
                 {"encrypted", c.value("Encrypted", false)},
                 {"kms_key_id", c.contains("KmsKeyId") && c["KmsKeyId"].is_string() ? c["KmsKeyId"] : json(nullptr)},
                 {"snapshot_retention_days", c.value("AutomatedSnapshotRetentionPeriod", 1)},
                 {"allow_version_upgrade", c.value("AllowVersionUpgrade", true)},
                 {"enhanced_vpc_routing", c.value("EnhancedVpcRouting", false)},
                 {"master_username", c.value("MasterUsername", "")},
                 {"db_name", c.value("DBName", "dev")},
                 {"parameter_group", group}};
      r.raw = std::move(c);
      if (!ssl_needed) {
        not_needed(r, "require_ssl");
      } else if (group.is_null()) {
        r.props["require_ssl"] = false;  // no group read: AWS's default (require_ssl false)
      } else {
        by_group[group.get<std::string>()].push_back(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_logging(ctx, std::move(r)); });
    }
  });
  for (auto& [group, clusters] : by_group)
    ctx.spawn([&ctx, group = group, clusters = std::move(clusters)]() mutable {
      describe_group(ctx, group, std::move(clusters));
    });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeClusters", region, {kCluster});
}

const RegisterCollector reg({.service = "redshift", .global = false, .produces = {kCluster}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
