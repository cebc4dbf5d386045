// Amazon MSK (regional): provisioned and serverless Kafka clusters with their
// encryption in transit, client authentication, public access and monitoring.
//
// Calls (issue 13): ListClustersV2 (paged), which carries every setting the
// checks read: no per-cluster call. Clusters whose ARN names another account
// are dropped.
//
// AWS::MSK::Cluster  arn = ClusterArn, id = name = ClusterName
//   props.serverless            bool (ClusterType SERVERLESS: TLS, IAM authentication and private
//                               networking are built in)
//   props.client_broker         EncryptionInfo.EncryptionInTransit.ClientBroker ("TLS" | "TLS_PLAINTEXT" |
//                               "PLAINTEXT"; absent: "TLS", the API's default); "TLS" for serverless
//   props.in_cluster            EncryptionInTransit.InCluster (absent: true, the default); true for serverless
//   props.unauthenticated       bool: clients may connect without authentication — ClientAuthentication's
//                               Unauthenticated enabled, or no SASL/TLS authentication at all; false for
//                               serverless
//   props.public_access         BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type (absent: "DISABLED");
//                               "DISABLED" for serverless
//   props.enhanced_monitoring   EnhancedMonitoring (absent: "DEFAULT"), null for serverless
//   props.mutual_tls            bool: ClientAuthentication.Tls enabled (or given certificate authorities);
//                               false for serverless (IAM only)
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "kafka";
constexpr const char* kCluster = "AWS::MSK::Cluster";

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

bool enabled(const json& auth, const char* kind, const char* sub = nullptr) {
  const json& a = member(auth, kind);
  if (sub) return member(a, sub).value("Enabled", false);
  return a.value("Enabled", false);
}

void collect(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "ListClustersV2", json::object(), region, [&](json& page) {
    for (auto& c : page["ClusterInfoList"]) {
      Resource r;
      r.type = kCluster;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = c.value("ClusterName", "");
      r.arn = c.value("ClusterArn", "");
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      if (c.contains("Tags") && c["Tags"].is_object())
        for (const auto& [k, v] : c["Tags"].items())
          if (v.is_string()) r.tags[k] = v.get<std::string>();
      const bool serverless = c.value("ClusterType", "") == "SERVERLESS";
      if (serverless) {
        r.props = {{"serverless", true}, {"client_broker", "TLS"}, {"in_cluster", true}, {"unauthenticated", false},
                   {"public_access", "DISABLED"}, {"enhanced_monitoring", nullptr}, {"mutual_tls", false}};
      } else {
        const json& p = member(c, "Provisioned");
        const json& transit = member(member(p, "EncryptionInfo"), "EncryptionInTransit");
        const json& auth = member(p, "ClientAuthentication");
        const bool mutual_tls =
            enabled(auth, "Tls") || !member(auth, "Tls").value("CertificateAuthorityArnList", json::array()).empty();
        const bool any_auth = enabled(auth, "Sasl", "Iam") || enabled(auth, "Sasl", "Scram") || mutual_tls;
        const json& access = member(member(member(p, "BrokerNodeGroupInfo"), "ConnectivityInfo"), "PublicAccess");
        r.props = {{"serverless", false},
                   {"client_broker", transit.value("ClientBroker", "TLS")},
                   {"in_cluster", transit.value("InCluster", true)},
                   {"unauthenticated", enabled(auth, "Unauthenticated") || !any_auth},
                   {"public_access", access.value("Type", "DISABLED")},
                   {"enhanced_monitoring", p.value("EnhancedMonitoring", "DEFAULT")},
                   {"mutual_tls", mutual_tls}};
      }
      r.raw = std::move(c);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListClustersV2", region, {kCluster});
}

const RegisterCollector reg({.service = "kafka", .global = false, .produces = {kCluster}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
