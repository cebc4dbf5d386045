// Systems Manager (regional): managed instances with their patch and
// association compliance, the account's own documents and who they are
// shared with, and parameters (names and types only, never values).
//
// Calls (issue 13: bulk where AWS allows it):
//   DescribeInstanceInformation (paged)            every managed node of the region
//   ListResourceComplianceSummaries (paged)        one summary per node and compliance type
//                                                  (Patch, Association, Custom:*): no per-node call;
//                                                  made only when a selected check reads compliance
//   ListDocuments Owner=Self (paged)               the account's documents; AWS's and other
//                                                  accounts' (Owner != the account) are dropped
//   per own document: DescribeDocumentPermission PermissionType=Share, only when a selected
//                                                  check reads shared_with (no bulk form exists)
//   DescribeParameters (paged)                     names, types, key ids; GetParameter is never called
//
// AWS::SSM::ManagedInstance  arn = arn:…:ssm:<region>:<account>:managed-instance/<id>, id = name = InstanceId
//   props.instance_id           "i-…" (EC2) or "mi-…" (hybrid)
//   props.ping_status           "Online" | "ConnectionLost" | "Inactive"
//   props.resource_type         "EC2Instance" | "ManagedInstance"
//   props.patch_compliance      {"status": "COMPLIANT"|"NON_COMPLIANT", "non_compliant": n,
//                                "critical": n, "high": n}, or null: the node never reported a patch scan
//   props.association_compliance {"status": …, "non_compliant": n}, or null: no association applies
//     (both missing with the reason when ListResourceComplianceSummaries failed or was not needed)
// AWS::SSM::Document  arn = arn:…:ssm:<region>:<account>:document/<name>, id = name = Name
//   props.document_type         "Command" | "Automation" | …
//   props.shared_with           [account ids], "all" when public (DescribeDocumentPermission)
// AWS::SSM::Parameter  arn = arn:…:ssm:<region>:<account>:parameter/<name without leading '/'>, id = name = Name
//   props.type                  "String" | "StringList" | "SecureString"
//   props.key_id                KMS key of a SecureString, or null
#include <map>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "ssm";
constexpr const char* kInstance = "AWS::SSM::ManagedInstance";
constexpr const char* kDocument = "AWS::SSM::Document";
constexpr const char* kParameter = "AWS::SSM::Parameter";

std::string arn_of(CollectContext& ctx, const std::string& region, const std::string& kind, std::string name) {
  if (!name.empty() && name.front() == '/') name.erase(0, 1);
  return "arn:" + ctx.partition() + ":ssm:" + region + ":" + ctx.account() + ":" + kind + "/" + name;
}

Resource base(CollectContext& ctx, const std::string& region, const char* type, const std::string& kind,
              const std::string& id) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = id;
  r.arn = arn_of(ctx, region, kind, id);
  return r;
}

int count_of(const json& summary, const char* member) {
  const json v = summary.value(member, json());
  return v.is_number_integer() ? v.get<int>() : 0;
}

json compliance_of(const json& item) {
  const json nc = item.value("NonCompliantSummary", json::object());
  const json sev = nc.value("SeveritySummary", json::object());
  return {{"status", item.value("Status", "")},
          {"non_compliant", count_of(nc, "NonCompliantCount")},
          {"critical", count_of(sev, "CriticalCount")},
          {"high", count_of(sev, "HighCount")}};
}

void collect_instances(CollectContext& ctx, const std::string& region) {
  const bool want_compliance =
      ctx.needs(kInstance, "patch_compliance") || ctx.needs(kInstance, "association_compliance");
  // ResourceId → {ComplianceType → summary}
  std::map<std::string, std::map<std::string, json>> compliance;
  std::optional<Error> compliance_error;
  if (want_compliance) {
    Status listed = for_each_page(ctx, kSvc, "ListResourceComplianceSummaries", json::object(), region, [&](json& page) {
      for (const auto& item : page.value("ResourceComplianceSummaryItems", json::array()))
        if (item.value("ResourceType", "") == "ManagedInstance")
          compliance[item.value("ResourceId", "")][item.value("ComplianceType", "")] = compliance_of(item);
    });
    if (!listed) compliance_error = listed.error();
  }
  std::string compliance_reason;  // one gap for the region, the same reason on every node
  Status listed = for_each_page(ctx, kSvc, "DescribeInstanceInformation", json::object(), region, [&](json& page) {
    for (auto& i : page["InstanceInformationList"]) {
      const std::string id = i.value("InstanceId", "");
      if (id.empty()) continue;
      Resource r = base(ctx, region, kInstance, "managed-instance", id);
      r.props["instance_id"] = id;
      r.props["ping_status"] = i.value("PingStatus", "");
      r.props["resource_type"] = i.value("ResourceType", "");
      if (!want_compliance) {
        not_needed(r, "patch_compliance");
        not_needed(r, "association_compliance");
      } else if (compliance_error) {
        if (compliance_reason.empty()) {
          record_missing(ctx, r, "patch_compliance", *compliance_error, kSvc, "ListResourceComplianceSummaries");
          compliance_reason = r.missing["patch_compliance"];
        }
        r.missing["patch_compliance"] = r.missing["association_compliance"] = compliance_reason;
      } else {
        auto it = compliance.find(id);
        auto get = [&](const char* type) {
          if (it == compliance.end()) return json(nullptr);
          auto t = it->second.find(type);
          return t == it->second.end() ? json(nullptr) : t->second;
        };
        r.props["patch_compliance"] = get("Patch");
        r.props["association_compliance"] = get("Association");
      }
      r.raw = std::move(i);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeInstanceInformation", region, {kInstance});
}

void describe_permission(CollectContext& ctx, Resource r) {
  json shared = json::array();
  json params{{"Name", r.name}, {"PermissionType", "Share"}};
  for (int page = 0; page < 1000; ++page) {
    auto out = ctx.call(kSvc, "DescribeDocumentPermission", params, r.region);
    if (!out) {
      record_missing(ctx, r, "shared_with", out.error(), kSvc, "DescribeDocumentPermission");
      ctx.emit(std::move(r));
      return;
    }
    for (const auto& a : out->value("AccountIds", json::array()))
      if (a.is_string()) shared.push_back(a);
    const std::string next = out->value("NextToken", "");
    if (next.empty() || next == params.value("NextToken", "")) break;
    params["NextToken"] = next;
  }
  r.props["shared_with"] = std::move(shared);
  ctx.emit(std::move(r));
}

void collect_documents(CollectContext& ctx, const std::string& region) {
  json params{{"Filters", json::array({{{"Key", "Owner"}, {"Values", {"Self"}}}})}};
  Status listed = for_each_page(ctx, kSvc, "ListDocuments", params, region, [&](json& page) {
    for (auto& d : page["DocumentIdentifiers"]) {
      // Only the account's own: the filter asks for them, the answer is checked.
      if (d.value("Owner", "") != ctx.account()) continue;
      Resource r = base(ctx, region, kDocument, "document", d.value("Name", ""));
      r.props["document_type"] = d.value("DocumentType", "");
      if (d.contains("Tags")) r.tags = tags_from_list(d["Tags"]);
      r.raw = std::move(d);
      if (!ctx.needs(kDocument, "shared_with")) {
        not_needed(r, "shared_with");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_permission(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListDocuments", region, {kDocument});
}

void collect_parameters(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "DescribeParameters", json::object(), region, [&](json& page) {
    for (auto& p : page["Parameters"]) {
      Resource r = base(ctx, region, kParameter, "parameter", p.value("Name", ""));
      r.props["type"] = p.value("Type", "");
      r.props["key_id"] = p.contains("KeyId") && p["KeyId"].is_string() ? p["KeyId"] : json(nullptr);
      r.raw = std::move(p);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeParameters", region, {kParameter});
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] { collect_documents(ctx, region); });
  ctx.spawn([&ctx, region] { collect_parameters(ctx, region); });
  collect_instances(ctx, region);
}

const RegisterCollector reg(
    {.service = "ssm", .global = false, .produces = {kInstance, kDocument, kParameter}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
