// AWS Database Migration Service (regional): replication instances and
// endpoints.
//
// Calls (issue 13): DescribeReplicationInstances and DescribeEndpoints (paged),
// which carry every setting the checks read: no per-resource call. Items whose
// ARN names another account are dropped.
//
// AWS::DMS::ReplicationInstance  arn = ReplicationInstanceArn, id = name = ReplicationInstanceIdentifier
//   props.publicly_accessible        bool (PubliclyAccessible; absent: whether it has a public IP address)
//   props.auto_minor_version_upgrade bool (AutoMinorVersionUpgrade; absent: false)
//   props.multi_az                   bool (MultiAZ; absent: false)
//   props.kms_key_id                 KmsKeyId, or null
// AWS::DMS::Endpoint  arn = EndpointArn, id = name = EndpointIdentifier
//   props.engine                     EngineName ("mysql", "postgres", "s3", ...)
//   props.endpoint_type              "source" | "target"
//   props.ssl_mode                   SslMode ("none", "require", "verify-ca", "verify-full"; absent: "none")
// Endpoint user names, passwords and server names are not kept (the raw answer is
// reduced to the settings judged).
#include <cctype>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "dms";
constexpr const char* kInstance = "AWS::DMS::ReplicationInstance";
constexpr const char* kEndpoint = "AWS::DMS::Endpoint";

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

Resource make(CollectContext& ctx, const std::string& region, const char* type, const std::string& id,
              const std::string& arn) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = id;
  r.arn = arn;
  return r;
}

void instances(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "DescribeReplicationInstances", json::object(), region, [&](json& page) {
    for (auto& i : page["ReplicationInstances"]) {
      const std::string id = i.value("ReplicationInstanceIdentifier", "");
      Resource r = make(ctx, region, kInstance, id,
                        i.value("ReplicationInstanceArn", "arn:" + ctx.partition() + ":dms:" + region + ":" +
                                                              ctx.account() + ":rep:" + id));
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      const bool has_public_ip = i.value("ReplicationInstancePublicIpAddress", "") != "" ||
                                 !i.value("ReplicationInstancePublicIpAddresses", json::array()).empty();
      r.props = {{"publicly_accessible", i.value("PubliclyAccessible", has_public_ip)},
                 {"auto_minor_version_upgrade", i.value("AutoMinorVersionUpgrade", false)},
                 {"multi_az", i.value("MultiAZ", false)},
                 {"kms_key_id", i.contains("KmsKeyId") && i["KmsKeyId"].is_string() ? i["KmsKeyId"] : json(nullptr)}};
      r.raw = std::move(i);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeReplicationInstances", region, {kInstance});
}

void endpoints(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "DescribeEndpoints", json::object(), region, [&](json& page) {
    for (const auto& e : page["Endpoints"]) {
      const std::string id = e.value("EndpointIdentifier", "");
      Resource r = make(ctx, region, kEndpoint, id,
                        e.value("EndpointArn", "arn:" + ctx.partition() + ":dms:" + region + ":" + ctx.account() +
                                                   ":endpoint:" + id));
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      std::string type = e.value("EndpointType", "");
      for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.props = {{"engine", e.value("EngineName", "")},
                 {"endpoint_type", type},
                 {"ssl_mode", e.value("SslMode", "none")}};
      // Connection details (user names, server names, per-engine settings that may hold
      // secrets) are not kept.
      r.raw = {{"EndpointIdentifier", id}, {"EndpointType", e.value("EndpointType", "")},
               {"EngineName", e.value("EngineName", "")}, {"SslMode", e.value("SslMode", "none")},
               {"Status", e.value("Status", "")}};
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeEndpoints", region, {kEndpoint});
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] { endpoints(ctx, region); });
  instances(ctx, region);
}

const RegisterCollector reg(
    {.service = "dms", .global = false, .produces = {kInstance, kEndpoint}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
