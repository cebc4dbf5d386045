// AWS Database Migration Service (regional): replication instances, endpoints
// and replication tasks.
//
// Calls (issue 13): DescribeReplicationInstances, DescribeEndpoints and
// DescribeReplicationTasks (paged; tasks with their settings), which carry
// every setting the checks read: no per-resource call. Items whose ARN names
// another account are dropped.
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
//   props.neptune_iam_auth           NeptuneSettings.IamAuthEnabled (absent: false); null unless engine neptune
//   props.mongodb_auth_type          MongoDbSettings.AuthType ("no" | "password"; absent: "password", the
//                                    API's default); null unless engine mongodb
//   props.redis_ssl_protocol         RedisSettings.SslSecurityProtocol ("plaintext" | "ssl-encryption";
//                                    absent: "ssl-encryption", the default); null unless engine redis
// AWS::DMS::ReplicationTask  arn = ReplicationTaskArn, id = name = ReplicationTaskIdentifier
//   props.logging_enabled            bool: ReplicationTaskSettings' Logging.EnableLogging
//   props.log_severity               {component id: severity} of Logging.LogComponents
//                                    (both missing when the settings are not a JSON document)
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
constexpr const char* kTask = "AWS::DMS::ReplicationTask";

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
      const std::string engine = e.value("EngineName", "");
      const json none = json::object();
      const json& neptune = e.contains("NeptuneSettings") && e["NeptuneSettings"].is_object() ? e["NeptuneSettings"] : none;
      const json& mongo = e.contains("MongoDbSettings") && e["MongoDbSettings"].is_object() ? e["MongoDbSettings"] : none;
      const json& redis = e.contains("RedisSettings") && e["RedisSettings"].is_object() ? e["RedisSettings"] : none;
      r.props = {{"engine", engine},
                 {"endpoint_type", type},
                 {"ssl_mode", e.value("SslMode", "none")},
                 {"neptune_iam_auth", engine == "neptune" ? json(neptune.value("IamAuthEnabled", false)) : json()},
                 {"mongodb_auth_type", engine == "mongodb" ? json(mongo.value("AuthType", "password")) : json()},
                 {"redis_ssl_protocol", engine == "redis" ? json(redis.value("SslSecurityProtocol", "ssl-encryption")) : json()}};
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

void tasks(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "DescribeReplicationTasks", json::object(), region, [&](json& page) {
    for (auto& t : page["ReplicationTasks"]) {
      const std::string id = t.value("ReplicationTaskIdentifier", "");
      Resource r = make(ctx, region, kTask, id,
                        t.value("ReplicationTaskArn", "arn:" + ctx.partition() + ":dms:" + region + ":" + ctx.account() +
                                                          ":task:" + id));
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      // ReplicationTaskSettings is a JSON document in a string.
      auto settings = parse_policy(t.value("ReplicationTaskSettings", json("{}")),
                                   "the settings of replication task " + id);
      if (!settings) {
        record_missing(ctx, r, "logging_enabled", settings.error(), kSvc, "DescribeReplicationTasks");
        r.missing["log_severity"] = r.missing["logging_enabled"];
      } else {
        const json logging = settings->value("Logging", json::object());
        json severity = json::object();
        if (logging.is_object())
          for (const auto& c : logging.value("LogComponents", json::array()))
            if (c.is_object() && c.contains("Id")) severity[c.value("Id", "")] = c.value("Severity", "");
        r.props["logging_enabled"] = logging.is_object() && logging.value("EnableLogging", false);
        r.props["log_severity"] = std::move(severity);
      }
      t.erase("TableMappings");  // table selection rules: not judged, and they can be large
      r.raw = std::move(t);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeReplicationTasks", region, {kTask});
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] { endpoints(ctx, region); });
  ctx.spawn([&ctx, region] { tasks(ctx, region); });
  instances(ctx, region);
}

const RegisterCollector reg(
    {.service = "dms", .global = false, .produces = {kInstance, kEndpoint, kTask}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
