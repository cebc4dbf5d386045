// AWS Batch (regional): job definitions and what their containers may do on
// the host.
//
// Calls (issue 13): DescribeJobDefinitions with status ACTIVE (paged; it
// returns every revision still usable, with its container properties: no
// per-resource call). Job definitions are always the account's own.
// Compute environments are not collected: whether one is managed, unmanaged,
// enabled or disabled says nothing about its security (an unmanaged one is
// simply capacity the customer runs), so no check reads them.
//
// AWS::Batch::JobDefinition  arn = jobDefinitionArn (with its revision), id = name = "<name>:<revision>"
//   props.type         "container" | "multinode"
//   props.containers   [{name, privileged (bool), user (string, null when not set),
//                        readonly_root_filesystem (bool)}] — the single-node container
//                      ("container"), each node range's container ("node <targetNodes>") and each
//                      container of an EKS pod ("eks <name>", user = runAsUser, runAsNonRoot kept
//                      as non_root)
// Environment variable values and secrets are never kept: raw holds the
// definition's name, revision, type, status and platform capabilities only.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "batch";
constexpr const char* kJobDefinition = "AWS::Batch::JobDefinition";

json container(const std::string& name, const json& c) {
  json user = c.contains("user") && c["user"].is_string() && !c["user"].get_ref<const std::string&>().empty()
                  ? c["user"]
                  : json(nullptr);
  return {{"name", name},
          {"privileged", c.value("privileged", false)},
          {"user", user},
          {"readonly_root_filesystem", c.value("readonlyRootFilesystem", false)}};
}

json eks_container(const json& c) {
  const json sc = c.value("securityContext", json::object());
  json user = sc.contains("runAsUser") && sc["runAsUser"].is_number_integer()
                  ? json(std::to_string(sc["runAsUser"].get<long long>()))
                  : json(nullptr);
  json out = {{"name", "eks " + c.value("name", "")},
              {"privileged", sc.value("privileged", false)},
              {"user", user},
              {"readonly_root_filesystem", sc.value("readOnlyRootFilesystem", false)}};
  if (sc.value("runAsNonRoot", false)) out["non_root"] = true;
  return out;
}

void collect(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "DescribeJobDefinitions", json{{"status", "ACTIVE"}}, region, [&](json& page) {
    for (auto& d : page.value("jobDefinitions", json::array())) {
      Resource r;
      r.type = kJobDefinition;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = d.value("jobDefinitionName", "") + ":" + std::to_string(d.value("revision", 0));
      r.arn = d.value("jobDefinitionArn", "arn:" + ctx.partition() + ":batch:" + region + ":" + ctx.account() +
                                              ":job-definition/" + r.id);
      r.props["type"] = d.value("type", "");
      json containers = json::array();
      if (d.contains("containerProperties") && d["containerProperties"].is_object())
        containers.push_back(container("container", d["containerProperties"]));
      for (const auto& n : d.value("nodeProperties", json::object()).value("nodeRangeProperties", json::array()))
        if (n.contains("container") && n["container"].is_object())
          containers.push_back(container("node " + n.value("targetNodes", ""), n["container"]));
      const json pod = d.value("eksProperties", json::object()).value("podProperties", json::object());
      for (const char* list : {"initContainers", "containers"})
        for (const auto& c : pod.value(list, json::array())) containers.push_back(eks_container(c));
      r.props["containers"] = std::move(containers);
      if (d.contains("tags") && d["tags"].is_object())
        for (const auto& t : d["tags"].items())
          if (t.value().is_string()) r.tags[t.key()] = t.value().get<std::string>();
      r.raw = {{"jobDefinitionName", d.value("jobDefinitionName", "")},
               {"revision", d.value("revision", 0)},
               {"type", d.value("type", "")},
               {"status", d.value("status", "")},
               {"platformCapabilities", d.value("platformCapabilities", json::array())}};
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeJobDefinitions", region, {kJobDefinition});
}

const RegisterCollector reg({.service = "batch", .global = false, .produces = {kJobDefinition}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
