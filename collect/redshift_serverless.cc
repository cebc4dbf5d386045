// Amazon Redshift Serverless (regional): workgroups (network and connection
// settings) and namespaces (admin user, encryption key, log exports).
//
// Calls (issue 13): ListWorkgroups and ListNamespaces (paged), which carry every
// setting the checks read: no per-resource call. Items whose ARN names another
// account are dropped.
//
// AWS::RedshiftServerless::Workgroup  arn = workgroupArn, id = name = workgroupName
//   props.publicly_accessible   bool (publiclyAccessible; absent: false)
//   props.enhanced_vpc_routing  bool (enhancedVpcRouting; absent: false)
//   props.require_ssl           bool: configParameters' require_ssl is "true"; null when the workgroup
//                               lists no require_ssl parameter
//   props.namespace             namespaceName
// AWS::RedshiftServerless::Namespace  arn = namespaceArn, id = name = namespaceName
//   props.admin_username        adminUsername, or null when AWS does not return it
//   props.kms_key_id            kmsKeyId, or null (AWS owned key)
//   props.log_exports           [logExports] ("useractivitylog", "userlog", "connectionlog")
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "redshift-serverless";
constexpr const char* kWorkgroup = "AWS::RedshiftServerless::Workgroup";
constexpr const char* kNamespace = "AWS::RedshiftServerless::Namespace";

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

json str_or_null(const json& o, const char* key) {
  return o.contains(key) && o[key].is_string() && !o[key].get<std::string>().empty() ? o[key] : json(nullptr);
}

Resource make(CollectContext& ctx, const std::string& region, const char* type, const std::string& name,
              const std::string& arn) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = name;
  r.arn = arn;
  return r;
}

void workgroups(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "ListWorkgroups", json::object(), region, [&](json& page) {
    for (auto& w : page["workgroups"]) {
      const std::string name = w.value("workgroupName", "");
      Resource r = make(ctx, region, kWorkgroup, name,
                        w.value("workgroupArn", "arn:" + ctx.partition() + ":redshift-serverless:" + region + ":" +
                                                    ctx.account() + ":workgroup/" + w.value("workgroupId", name)));
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      json ssl = nullptr;
      for (const auto& p : w.value("configParameters", json::array()))
        if (p.value("parameterKey", "") == "require_ssl") {
          const json v = p.value("parameterValue", json());
          ssl = v.is_string() ? json(v.get<std::string>() == "true") : json(v.is_boolean() && v.get<bool>());
        }
      r.props = {{"publicly_accessible", w.value("publiclyAccessible", false)},
                 {"enhanced_vpc_routing", w.value("enhancedVpcRouting", false)},
                 {"require_ssl", ssl},
                 {"namespace", str_or_null(w, "namespaceName")}};
      r.raw = std::move(w);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListWorkgroups", region, {kWorkgroup});
}

void namespaces(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "ListNamespaces", json::object(), region, [&](json& page) {
    for (auto& n : page["namespaces"]) {
      const std::string name = n.value("namespaceName", "");
      Resource r = make(ctx, region, kNamespace, name,
                        n.value("namespaceArn", "arn:" + ctx.partition() + ":redshift-serverless:" + region + ":" +
                                                    ctx.account() + ":namespace/" + n.value("namespaceId", name)));
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      r.props = {{"admin_username", str_or_null(n, "adminUsername")},
                 {"kms_key_id", str_or_null(n, "kmsKeyId")},
                 {"log_exports", n.contains("logExports") && n["logExports"].is_array() ? n["logExports"]
                                                                                        : json::array()}};
      // The admin password is never in this answer; drop it anyway should an emulator send one.
      n.erase("adminUserPassword");
      r.raw = std::move(n);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListNamespaces", region, {kNamespace});
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] { workgroups(ctx, region); });
  namespaces(ctx, region);
}

const RegisterCollector reg({.service = "redshift-serverless",
                             .global = false,
                             .produces = {kWorkgroup, kNamespace},
                             .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
