// EKS (regional): clusters with endpoint access, control plane logging,
// secrets encryption and Kubernetes version.
//
// AWS::EKS::Cluster  arn = cluster.arn, id = name = cluster name
//   props.version                   "1.31"
//   props.endpoint_public_access    bool (resourcesVpcConfig.endpointPublicAccess)
//   props.endpoint_private_access   bool
//   props.public_access_cidrs       ["0.0.0.0/0", ...]
//   props.logging_enabled_types     ["api", "audit", ...] (logging.clusterLogging entries with enabled true)
//   props.secrets_encrypted         bool: an encryptionConfig covers "secrets"
//   props.encryption_key_arn        that config's provider.keyArn, or null
// When DescribeCluster fails every property above is missing with its reason.
#include <nlohmann/json.hpp>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kCluster = "AWS::EKS::Cluster";

void collect_cluster(CollectContext& ctx, const std::string& region, const std::string& name) {
  Resource r;
  r.type = kCluster;
  r.account = ctx.account();
  r.region = region;
  r.id = name;
  r.name = name;
  r.arn = "arn:" + ctx.partition() + ":eks:" + region + ":" + ctx.account() + ":cluster/" + name;
  auto out = ctx.call("eks", "DescribeCluster", json{{"name", name}}, region);
  if (!out) {
    record_missing(ctx, r, "version", out.error(), "eks", "DescribeCluster");
    for (const char* p : {"endpoint_public_access", "endpoint_private_access", "public_access_cidrs",
                          "logging_enabled_types", "secrets_encrypted", "encryption_key_arn"})
      r.missing[p] = r.missing["version"];
    ctx.emit(std::move(r));
    return;
  }
  const json c = out->value("cluster", json::object());
  r.raw = c;
  r.arn = c.value("arn", r.arn);
  r.tags.clear();
  if (c.contains("tags") && c["tags"].is_object())
    for (const auto& [k, v] : c["tags"].items())
      if (v.is_string()) r.tags[k] = v.get<std::string>();
  r.props["version"] = c.value("version", "");
  const json vpc = c.value("resourcesVpcConfig", json::object());
  // AWS defaults: public endpoint on, private off, open to 0.0.0.0/0.
  r.props["endpoint_public_access"] = vpc.value("endpointPublicAccess", true);
  r.props["endpoint_private_access"] = vpc.value("endpointPrivateAccess", false);
  r.props["public_access_cidrs"] = vpc.value("publicAccessCidrs", json::array({"0.0.0.0/0"}));
  json types = json::array();
  for (const auto& entry : c.value("logging", json::object()).value("clusterLogging", json::array()))
    if (entry.value("enabled", false))
      for (const auto& t : entry.value("types", json::array())) types.push_back(t);
  r.props["logging_enabled_types"] = types;
  bool secrets = false;
  json key = nullptr;
  for (const auto& cfg : c.value("encryptionConfig", json::array())) {
    for (const auto& res : cfg.value("resources", json::array()))
      if (res == "secrets") {
        secrets = true;
        const json provider = cfg.value("provider", json::object());
        if (provider.contains("keyArn")) key = provider["keyArn"];
      }
  }
  r.props["secrets_encrypted"] = secrets;
  r.props["encryption_key_arn"] = key;
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "eks", "ListClusters", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "eks", "ListClusters", region, {kCluster});
    return;
  }
  for (const auto& name : out->value("clusters", json::array()))
    if (name.is_string())
      ctx.spawn([&ctx, region, n = name.get<std::string>()] { collect_cluster(ctx, region, n); });
}

const RegisterCollector reg({.service = "eks", .global = false, .produces = {kCluster}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
