// ECS (regional): clusters, their services, and the latest ACTIVE revision of
// every task definition family.
//
// Calls (issue 13: bulk where AWS allows it):
//   ListClusters (paged) → DescribeClusters, 100 clusters a call (include SETTINGS, TAGS)
//   per cluster: ListServices (paged) → DescribeServices, 10 services a call (AWS's maximum)
//   ListTaskDefinitionFamilies status=ACTIVE (paged) → per family DescribeTaskDefinition
//     with the family name alone, which AWS answers with its latest ACTIVE revision (no
//     ListTaskDefinitions needed; older and INACTIVE revisions are never read). There is no
//     bulk DescribeTaskDefinitions.
// Resources whose ARN names another account are dropped (only the account's own).
// The Describe* calls are made only when a selected check reads what they
// return (CollectContext::needs); otherwise the resources are emitted from
// their listing with those properties "not collected".
//
// AWS::ECS::Cluster  arn = clusterArn, id = name = clusterName
//   props.container_insights   "enabled" | "enhanced" | "disabled" (setting containerInsights;
//                              "disabled" when the cluster has no such setting)
// AWS::ECS::Service  arn = serviceArn, id = name = serviceName
//   props.cluster_arn          the cluster it runs in
//   props.launch_type          "FARGATE" | "EC2" | "EXTERNAL" | null (capacity provider strategy)
//   props.assign_public_ip     "ENABLED" | "DISABLED", or null when the service has no awsvpc
//                              network configuration (bridge/host mode: ECS assigns no public IP)
// AWS::ECS::TaskDefinition  arn = taskDefinitionArn, id = "family:revision", name = family
//   props.network_mode         "awsvpc" | "bridge" | "host" | "none" ("bridge", AWS's default, when absent)
//   props.pid_mode             "host" | "task" | null
//   props.containers           [{name, privileged (bool), user (string or null), readonly_root_filesystem
//                                (bool), log_driver (string or null), env_var_names [..],
//                                env_secret_values [{name, kind}]}]
//     env_secret_values: variables whose VALUE has the shape of a credential (an AWS access
//     key id, a private key, a URL with a password, a known token format); the kind names
//     the shape, never the value. Values are dropped here: neither props nor raw keep them
//     (raw containerDefinitions[].environment becomes [{"name": ...}]).
// When a Describe* call fails, the resources it would have described are emitted
// with every property above missing, with the reason.
#include <string>
#include <string_view>
#include <utility>

#include "collect/collector.h"
#include "collect/credential_shapes.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "ecs";
constexpr const char* kCluster = "AWS::ECS::Cluster";
constexpr const char* kService = "AWS::ECS::Service";
constexpr const char* kTaskDef = "AWS::ECS::TaskDefinition";

// The account segment of an ARN (arn:partition:service:region:account:...).
std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

bool owned(CollectContext& ctx, const std::string& arn) {
  std::string account = arn_account(arn);
  return account.empty() || account == ctx.account();
}

// The part after the last '/': a cluster's or service's name from its ARN.
std::string arn_name(const std::string& arn) { return arn.substr(arn.rfind('/') + 1); }

Resource base(CollectContext& ctx, const std::string& region, const char* type, const std::string& arn) {
  Resource r;
  r.type = type;
  r.account = ctx.account();
  r.region = region;
  r.arn = arn;
  r.id = r.name = arn_name(arn);
  return r;
}

// One failed call leaves several resources undescribed: one gap (against the
// first), the same reason on every one of them.
void emit_undescribed(CollectContext& ctx, std::vector<Resource> batch, const Error& error, const char* operation,
                      std::initializer_list<const char*> props) {
  std::string reason;
  for (auto& r : batch) {
    if (reason.empty()) {
      record_missing(ctx, r, *props.begin(), error, kSvc, operation);
      reason = r.missing[*props.begin()];
    }
    for (const char* p : props) r.missing[p] = reason;
    ctx.emit(std::move(r));
  }
}

void describe_clusters(CollectContext& ctx, const std::string& region, std::vector<std::string> arns) {
  if (!ctx.needs(kCluster, "container_insights")) {
    for (const auto& a : arns) {
      Resource r = base(ctx, region, kCluster, a);
      not_needed(r, "container_insights");
      ctx.emit(std::move(r));
    }
    return;
  }
  auto out = ctx.call(kSvc, "DescribeClusters", json{{"clusters", arns}, {"include", {"SETTINGS", "TAGS"}}}, region);
  if (!out) {
    std::vector<Resource> batch;
    for (const auto& a : arns) batch.push_back(base(ctx, region, kCluster, a));
    emit_undescribed(ctx, std::move(batch), out.error(), "DescribeClusters", {"container_insights"});
    return;
  }
  for (const auto& c : out->value("clusters", json::array())) {
    Resource r = base(ctx, region, kCluster, c.value("clusterArn", ""));
    r.id = r.name = c.value("clusterName", r.id);
    if (c.contains("tags")) r.tags = tags_from_list(c["tags"]);
    std::string insights = "disabled";
    for (const auto& s : c.value("settings", json::array()))
      if (s.value("name", "") == "containerInsights") insights = s.value("value", "disabled");
    r.props["container_insights"] = insights;
    r.raw = c;
    ctx.emit(std::move(r));
  }
  // A cluster AWS could not describe (failures[]) is not silently dropped;
  // one deleted since it was listed ("MISSING") is gone.
  for (const auto& f : out->value("failures", json::array())) {
    if (f.value("reason", "") == "MISSING") continue;
    Resource r = base(ctx, region, kCluster, f.value("arn", ""));
    r.missing["container_insights"] = "ecs:DescribeClusters failed for " + r.id + " (" + f.value("reason", "") + ")";
    ctx.emit(std::move(r));
  }
}

void describe_services(CollectContext& ctx, const std::string& region, const std::string& cluster,
                       std::vector<std::string> arns) {
  if (!ctx.needs(kService, "assign_public_ip") && !ctx.needs(kService, "launch_type")) {
    for (const auto& a : arns) {
      Resource r = base(ctx, region, kService, a);
      r.props["cluster_arn"] = cluster;
      not_needed(r, "assign_public_ip");
      not_needed(r, "launch_type");
      ctx.emit(std::move(r));
    }
    return;
  }
  auto out = ctx.call(kSvc, "DescribeServices", json{{"cluster", cluster}, {"services", arns}, {"include", {"TAGS"}}},
                      region);
  if (!out) {
    std::vector<Resource> batch;
    for (const auto& a : arns) {
      batch.push_back(base(ctx, region, kService, a));
      batch.back().props["cluster_arn"] = cluster;
    }
    emit_undescribed(ctx, std::move(batch), out.error(), "DescribeServices", {"assign_public_ip", "launch_type"});
    return;
  }
  for (const auto& s : out->value("services", json::array())) {
    Resource r = base(ctx, region, kService, s.value("serviceArn", ""));
    r.id = r.name = s.value("serviceName", r.id);
    if (s.contains("tags")) r.tags = tags_from_list(s["tags"]);
    r.props["cluster_arn"] = s.value("clusterArn", cluster);
    r.props["launch_type"] = s.contains("launchType") ? s["launchType"] : json(nullptr);
    const json vpc = s.value("networkConfiguration", json::object()).value("awsvpcConfiguration", json());
    // AWS's default for an awsvpc configuration without the field is DISABLED.
    r.props["assign_public_ip"] = vpc.is_object() ? json(vpc.value("assignPublicIp", "DISABLED")) : json(nullptr);
    r.raw = s;
    ctx.emit(std::move(r));
  }
  for (const auto& f : out->value("failures", json::array())) {
    if (f.value("reason", "") == "MISSING") continue;  // deleted since it was listed
    Resource r = base(ctx, region, kService, f.value("arn", ""));
    r.props["cluster_arn"] = cluster;
    std::string why = "ecs:DescribeServices failed for " + r.id + " (" + f.value("reason", "") + ")";
    r.missing["assign_public_ip"] = r.missing["launch_type"] = why;
    ctx.emit(std::move(r));
  }
}

void collect_services(CollectContext& ctx, const std::string& region, const std::string& cluster) {
  std::vector<std::string> batch;
  Status listed = for_each_page(ctx, kSvc, "ListServices", json{{"cluster", cluster}, {"maxResults", 100}}, region, [&](json& page) {
    for (const auto& a : page.value("serviceArns", json::array()))
      if (a.is_string() && owned(ctx, a.get<std::string>())) {
        batch.push_back(a.get<std::string>());
        if (batch.size() == 10) describe_services(ctx, region, cluster, std::exchange(batch, {}));
      }
  });
  if (!batch.empty()) describe_services(ctx, region, cluster, std::move(batch));
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListServices", region, {kService});
}

void describe_task_definition(CollectContext& ctx, const std::string& region, const std::string& family) {
  Resource r;
  r.type = kTaskDef;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = family;
  r.arn = "arn:" + ctx.partition() + ":ecs:" + region + ":" + ctx.account() + ":task-definition/" + family;
  if (!ctx.needs(kTaskDef, "containers") && !ctx.needs(kTaskDef, "network_mode") && !ctx.needs(kTaskDef, "pid_mode")) {
    for (const char* p : {"containers", "network_mode", "pid_mode"}) not_needed(r, p);
    ctx.emit(std::move(r));
    return;
  }
  auto out = ctx.call(kSvc, "DescribeTaskDefinition", json{{"taskDefinition", family}, {"include", {"TAGS"}}}, region);
  if (!out) {
    record_missing(ctx, r, "containers", out.error(), kSvc, "DescribeTaskDefinition");
    r.missing["network_mode"] = r.missing["pid_mode"] = r.missing["containers"];
    ctx.emit(std::move(r));
    return;
  }
  json td = out->value("taskDefinition", json::object());
  r.arn = td.value("taskDefinitionArn", r.arn);
  if (!owned(ctx, r.arn)) return;
  r.id = family + ":" + std::to_string(td.value("revision", 0));
  if (out->contains("tags")) r.tags = tags_from_list((*out)["tags"]);
  r.props["network_mode"] = td.value("networkMode", "bridge");
  r.props["pid_mode"] = td.contains("pidMode") ? td["pidMode"] : json(nullptr);
  json containers = json::array();
  if (!td.contains("containerDefinitions") || !td["containerDefinitions"].is_array())
    td["containerDefinitions"] = json::array();
  // By reference: the environment values are scrubbed from raw in place.
  for (json& c : td["containerDefinitions"]) {
    json names = json::array(), flagged = json::array(), scrubbed = json::array();
    for (const auto& e : c.value("environment", json::array())) {
      std::string name = e.value("name", "");
      names.push_back(name);
      scrubbed.push_back({{"name", name}});
      const json v = e.value("value", json());
      if (v.is_string())
        if (std::string kind = credential_shape(v.get_ref<const std::string&>()); !kind.empty())
          flagged.push_back({{"name", name}, {"kind", kind}});
    }
    if (c.contains("environment")) c["environment"] = std::move(scrubbed);
    const json log = c.value("logConfiguration", json());
    containers.push_back({{"name", c.value("name", "")},
                          {"privileged", c.value("privileged", false)},
                          {"user", c.contains("user") && c["user"].is_string() ? c["user"] : json(nullptr)},
                          {"readonly_root_filesystem", c.value("readonlyRootFilesystem", false)},
                          {"log_driver", log.is_object() && log.contains("logDriver") ? log["logDriver"] : json(nullptr)},
                          {"env_var_names", std::move(names)},
                          {"env_secret_values", std::move(flagged)}});
  }
  r.props["containers"] = std::move(containers);
  r.raw = std::move(td);
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] {
    auto families = call_all_pages(ctx, kSvc, "ListTaskDefinitionFamilies", json{{"status", "ACTIVE"}}, region);
    if (!families) {
      record_failure(ctx, families.error(), kSvc, "ListTaskDefinitionFamilies", region, {kTaskDef});
      return;
    }
    for (const auto& f : families->value("families", json::array()))
      if (f.is_string())
        ctx.spawn([&ctx, region, f = f.get<std::string>()] { describe_task_definition(ctx, region, f); });
  });

  auto clusters = call_all_pages(ctx, kSvc, "ListClusters", json::object(), region);
  if (!clusters) {
    record_failure(ctx, clusters.error(), kSvc, "ListClusters", region, {kCluster, kService});
    return;
  }
  std::vector<std::string> batch;
  for (const auto& a : clusters->value("clusterArns", json::array())) {
    if (!a.is_string() || !owned(ctx, a.get<std::string>())) continue;
    std::string arn = a.get<std::string>();
    batch.push_back(arn);
    if (batch.size() == 100)
      ctx.spawn([&ctx, region, b = std::exchange(batch, {})]() mutable { describe_clusters(ctx, region, std::move(b)); });
    ctx.spawn([&ctx, region, arn] { collect_services(ctx, region, arn); });
  }
  if (!batch.empty()) describe_clusters(ctx, region, std::move(batch));
}

const RegisterCollector reg(
    {.service = "ecs", .global = false, .produces = {kCluster, kService, kTaskDef}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
