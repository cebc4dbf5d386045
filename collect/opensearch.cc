// Amazon OpenSearch Service (regional): domains, OpenSearch and legacy
// Elasticsearch engines alike, with their network placement, encryption, log
// publishing, node layout, fine-grained access control, TLS policy and access
// policy.
//
// Calls (issue 13): ListDomainNames (one call, no paging in the API), then
// DescribeDomains for up to 5 domains per call (the API's maximum): the bulk
// form, no per-domain call. Domains whose ARN names another account, and
// domains being deleted, are dropped.
//
// AWS::OpenSearch::Domain  arn = ARN, id = name = DomainName
//   props.engine_version            EngineVersion ("OpenSearch_2.11", "Elasticsearch_7.10")
//   props.in_vpc                    bool: VPCOptions names a VPC or subnets
//   props.encryption_at_rest        bool (EncryptionAtRestOptions.Enabled; absent: false)
//   props.node_to_node_encryption   bool (NodeToNodeEncryptionOptions.Enabled; absent: false)
//   props.error_logs                bool: LogPublishingOptions.ES_APPLICATION_LOGS enabled with a log group
//   props.audit_logs                bool: LogPublishingOptions.AUDIT_LOGS enabled with a log group
//   props.data_nodes                ClusterConfig.InstanceCount (absent: 1)
//   props.zone_awareness            bool (ClusterConfig.ZoneAwarenessEnabled; absent: false)
//   props.dedicated_masters         ClusterConfig.DedicatedMasterCount when DedicatedMasterEnabled, else 0
//   props.fine_grained_access       bool (AdvancedSecurityOptions.Enabled; absent: false)
//   props.internal_user_database    bool (AdvancedSecurityOptions.InternalUserDatabaseEnabled; absent: false)
//   props.update_available          bool (ServiceSoftwareOptions.UpdateAvailable; absent: false)
//   props.enforce_https             bool (DomainEndpointOptions.EnforceHTTPS; absent: false)
//   props.tls_policy                DomainEndpointOptions.TLSSecurityPolicy, or null
//   props.access_policy             the access policy (object), or null when it has none
//                                   (missing with the reason when AWS sent one CloudPeek cannot read)
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "opensearch";
constexpr const char* kDomain = "AWS::OpenSearch::Domain";
constexpr size_t kBatch = 5;  // DescribeDomains' limit on DomainNames

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

const json& member(const json& o, const char* key) {
  static const json kEmpty = json::object();
  return o.is_object() && o.contains(key) && o[key].is_object() ? o[key] : kEmpty;
}

bool log_enabled(const json& d, const char* type) {
  const json& log = member(member(d, "LogPublishingOptions"), type);
  return log.value("Enabled", false) && log.value("CloudWatchLogsLogGroupArn", "") != "";
}

void emit_domain(CollectContext& ctx, const std::string& region, json d) {
  Resource r;
  r.type = kDomain;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = d.value("DomainName", "");
  r.arn = d.value("ARN", "arn:" + ctx.partition() + ":es:" + region + ":" + ctx.account() + ":domain/" + r.id);
  if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) return;
  if (d.value("Deleted", false)) return;
  const json& vpc = member(d, "VPCOptions");
  const bool in_vpc = vpc.value("VPCId", "") != "" || !vpc.value("SubnetIds", json::array()).empty();
  const json& cluster = member(d, "ClusterConfig");
  const json& endpoint = member(d, "DomainEndpointOptions");
  r.props = {{"engine_version", d.value("EngineVersion", "")},
             {"in_vpc", in_vpc},
             {"encryption_at_rest", member(d, "EncryptionAtRestOptions").value("Enabled", false)},
             {"node_to_node_encryption", member(d, "NodeToNodeEncryptionOptions").value("Enabled", false)},
             {"error_logs", log_enabled(d, "ES_APPLICATION_LOGS")},
             {"audit_logs", log_enabled(d, "AUDIT_LOGS")},
             {"data_nodes", cluster.value("InstanceCount", 1)},
             {"zone_awareness", cluster.value("ZoneAwarenessEnabled", false)},
             {"dedicated_masters", cluster.value("DedicatedMasterEnabled", false) ? cluster.value("DedicatedMasterCount", 0) : 0},
             {"fine_grained_access", member(d, "AdvancedSecurityOptions").value("Enabled", false)},
             {"internal_user_database", member(d, "AdvancedSecurityOptions").value("InternalUserDatabaseEnabled", false)},
             {"update_available", member(d, "ServiceSoftwareOptions").value("UpdateAvailable", false)},
             {"enforce_https", endpoint.value("EnforceHTTPS", false)},
             {"tls_policy", endpoint.contains("TLSSecurityPolicy") ? endpoint["TLSSecurityPolicy"] : json(nullptr)}};
  const json policy = d.value("AccessPolicies", json());
  if (policy.is_null() || (policy.is_string() && policy.get<std::string>().empty()))
    r.props["access_policy"] = nullptr;
  else
    put_policy(ctx, r, "access_policy", policy, "the access policy of domain " + r.id, kSvc, "DescribeDomains");
  r.raw = std::move(d);
  ctx.emit(std::move(r));
}

void describe(CollectContext& ctx, const std::string& region, std::vector<std::string> names) {
  auto out = ctx.call(kSvc, "DescribeDomains", json{{"DomainNames", names}}, region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "DescribeDomains", region, {kDomain});
    return;
  }
  for (auto& d : (*out)["DomainStatusList"]) {
    // Only what was asked for: an answer carrying others would emit them twice.
    if (std::find(names.begin(), names.end(), d.value("DomainName", "")) == names.end()) continue;
    emit_domain(ctx, region, std::move(d));
  }
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = ctx.call(kSvc, "ListDomainNames", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "ListDomainNames", region, {kDomain});
    return;
  }
  std::vector<std::string> batch;
  for (const auto& d : out->value("DomainNames", json::array())) {
    batch.push_back(d.value("DomainName", ""));
    if (batch.size() == kBatch) ctx.spawn([&ctx, region, b = std::exchange(batch, {})] { describe(ctx, region, b); });
  }
  if (!batch.empty()) describe(ctx, region, std::move(batch));
}

const RegisterCollector reg({.service = "opensearch", .global = false, .produces = {kDomain}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
