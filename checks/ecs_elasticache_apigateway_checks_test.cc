// ECS, ElastiCache and API Gateway (REST and HTTP/WebSocket) checks: each
// one PASSes, FAILs, and says NOT_ASSESSED with the reason when what it reads
// was not collected. One test binary for the three services (compile time).
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

const char kDenied[] = "ecs:DescribeTaskDefinition denied (AccessDeniedException)";

void expect(std::string_view id, const Resource& r, CheckStatus want, std::string_view in_detail = {}) {
  CheckResult got = run_on(id, r);
  EXPECT_EQ(got.status, want) << id << " on " << r.id << ": " << got.detail;
  if (!in_detail.empty()) {
    EXPECT_NE(got.detail.find(in_detail), std::string::npos) << got.detail;
  }
}

// ---- ECS ----

json container(json fields) {
  json c = {{"name", "app"}, {"privileged", false}, {"user", nullptr}, {"readonly_root_filesystem", true},
            {"log_driver", "awslogs"}, {"env_var_names", json::array()}, {"env_secret_values", json::array()}};
  for (const auto& [k, v] : fields.items()) c[k] = v;
  return c;
}

Resource task_def(json containers, std::string network_mode = "awsvpc", json pid_mode = nullptr) {
  return resource("AWS::ECS::TaskDefinition", "web:3",
                  {{"containers", std::move(containers)}, {"network_mode", network_mode}, {"pid_mode", pid_mode}});
}

Resource undescribed_task_def() {
  Resource r = resource("AWS::ECS::TaskDefinition", "web", json::object());
  for (const char* p : {"containers", "network_mode", "pid_mode"}) r.missing[p] = kDenied;
  return r;
}

TEST(EcsEnvironmentSecrets, NamesAndValueShapes) {
  const char* id = "ecs_task_definitions_no_environment_secrets";
  expect(id, task_def({container({{"env_var_names", {"DB_HOST", "DB_PASSWORD_ARN", "LOG_LEVEL"}}})}),
         CheckStatus::kPass);
  expect(id, task_def({container({{"env_var_names", {"DB_HOST", "DB_PASSWORD"}}})}), CheckStatus::kFail,
         "app: DB_PASSWORD (named like a secret)");
  expect(id,
         task_def({container({{"env_var_names", {"UPSTREAM"}},
                              {"env_secret_values", {{{"name", "UPSTREAM"}, {"kind", "a URL with a password"}}}}})}),
         CheckStatus::kFail, "UPSTREAM (value looks like a URL with a password)");
  // A name both secret-like and flagged is named once, by its value's shape.
  CheckResult both = run_on(id, task_def({container({{"env_var_names", {"API_TOKEN"}},
                                                    {"env_secret_values", {{{"name", "API_TOKEN"}, {"kind", "a GitHub token"}}}}})}));
  EXPECT_EQ(both.detail.find("named like a secret"), std::string::npos) << both.detail;
  expect(id, undescribed_task_def(), CheckStatus::kNotAssessed, kDenied);
}

TEST(EcsPrivileged, PassFailNotAssessed) {
  const char* id = "ecs_task_definitions_no_privileged_containers";
  expect(id, task_def({container({}), container({{"name", "sidecar"}})}), CheckStatus::kPass);
  expect(id, task_def({container({}), container({{"name", "agent"}, {"privileged", true}})}), CheckStatus::kFail,
         "agent");
  expect(id, undescribed_task_def(), CheckStatus::kNotAssessed, kDenied);
}

TEST(EcsHostNetworkingUsers, RootInHostModeFails) {
  const char* id = "ecs_task_definitions_host_networking_mode_users";
  expect(id, task_def({container({})}, "awsvpc"), CheckStatus::kPass);
  expect(id, task_def({container({{"user", "1000:1000"}})}, "host"), CheckStatus::kPass);
  expect(id, task_def({container({{"privileged", true}})}, "host"), CheckStatus::kPass);  // explicitly opted in
  expect(id, task_def({container({})}, "host"), CheckStatus::kFail, "no user");
  expect(id, task_def({container({{"user", "root"}})}, "host"), CheckStatus::kFail, "user root");
  expect(id, task_def({container({{"user", "0:0"}})}, "host"), CheckStatus::kFail);
  expect(id, undescribed_task_def(), CheckStatus::kNotAssessed, kDenied);
}

TEST(EcsHostNamespace, PassFailNotAssessed) {
  const char* id = "ecs_task_definitions_host_namespace_not_shared";
  expect(id, task_def({container({})}), CheckStatus::kPass);
  expect(id, task_def({container({})}, "awsvpc", "task"), CheckStatus::kPass);
  expect(id, task_def({container({})}, "awsvpc", "host"), CheckStatus::kFail);
  expect(id, undescribed_task_def(), CheckStatus::kNotAssessed, kDenied);
  // Collected without the property at all: never a PASS.
  expect(id, resource("AWS::ECS::TaskDefinition", "x:1", json::object()), CheckStatus::kNotAssessed);
}

TEST(EcsReadonlyRoot, PassFailNotAssessed) {
  const char* id = "ecs_task_definitions_containers_readonly_access";
  expect(id, task_def({container({})}), CheckStatus::kPass);
  expect(id, task_def({container({}), container({{"name", "worker"}, {"readonly_root_filesystem", false}})}),
         CheckStatus::kFail, "worker");
  expect(id, undescribed_task_def(), CheckStatus::kNotAssessed, kDenied);
}

TEST(EcsLogging, PassFailNotAssessed) {
  const char* id = "ecs_task_definitions_logging_enabled";
  expect(id, task_def({container({})}), CheckStatus::kPass);
  expect(id, task_def({container({{"log_driver", nullptr}})}), CheckStatus::kFail, "app");
  expect(id, task_def({container({{"log_driver", "none"}})}), CheckStatus::kFail);
  expect(id, undescribed_task_def(), CheckStatus::kNotAssessed, kDenied);
}

TEST(EcsContainerInsights, PassFailNotAssessed) {
  const char* id = "ecs_cluster_container_insights_enabled";
  auto cluster = [](json v) { return resource("AWS::ECS::Cluster", "prod", {{"container_insights", v}}); };
  expect(id, cluster("enabled"), CheckStatus::kPass);
  expect(id, cluster("enhanced"), CheckStatus::kPass);
  expect(id, cluster("disabled"), CheckStatus::kFail);
  Resource denied = resource("AWS::ECS::Cluster", "prod", json::object());
  denied.missing["container_insights"] = "ecs:DescribeClusters denied (AccessDeniedException)";
  expect(id, denied, CheckStatus::kNotAssessed, "ecs:DescribeClusters denied");
}

TEST(EcsServicePublicIp, PassFailNotAssessed) {
  const char* id = "ecs_service_no_assign_public_ip";
  auto service = [](json v) { return resource("AWS::ECS::Service", "api", {{"assign_public_ip", v}}); };
  expect(id, service("DISABLED"), CheckStatus::kPass);
  expect(id, service(nullptr), CheckStatus::kPass, "no awsvpc");
  expect(id, service("ENABLED"), CheckStatus::kFail);
  Resource denied = resource("AWS::ECS::Service", "api", json::object());
  denied.missing["assign_public_ip"] = "ecs:DescribeServices denied (AccessDeniedException)";
  expect(id, denied, CheckStatus::kNotAssessed, "ecs:DescribeServices denied");
  expect(id, resource("AWS::ECS::Service", "api", json::object()), CheckStatus::kNotAssessed);
}


// ---- ElastiCache ----

Resource group(json props) {
  json p = {{"engine", "redis"}, {"at_rest_encryption", true}, {"transit_encryption", true},
            {"auth_token_enabled", false}, {"user_group_ids", json::array()}, {"snapshot_retention_limit", 7},
            {"automatic_failover", "enabled"}, {"multi_az", "enabled"}};
  for (const auto& [k, v] : props.items()) p[k] = v;
  return resource("AWS::ElastiCache::ReplicationGroup", "sessions", p);
}

// DescribeReplicationGroups is one listing: when it fails the region has a
// gap and no group is emitted; a group emitted without a property is judged
// NOT_ASSESSED all the same.
Resource group_without(const char* property) {
  Resource r = group({});
  r.props.erase(property);
  return r;
}

TEST(ElastiCacheEncryption, AtRestAndInTransit) {
  expect("elasticache_redis_cluster_rest_encryption_enabled", group({}), CheckStatus::kPass);
  expect("elasticache_redis_cluster_rest_encryption_enabled", group({{"at_rest_encryption", false}}), CheckStatus::kFail);
  expect("elasticache_redis_cluster_rest_encryption_enabled", group_without("at_rest_encryption"),
         CheckStatus::kNotAssessed, "not collected");
  expect("elasticache_redis_cluster_in_transit_encryption_enabled", group({}), CheckStatus::kPass);
  expect("elasticache_redis_cluster_in_transit_encryption_enabled", group({{"transit_encryption", false}}),
         CheckStatus::kFail);
  Resource denied = group_without("transit_encryption");
  denied.missing["transit_encryption"] = "elasticache:DescribeReplicationGroups denied (AccessDenied)";
  expect("elasticache_redis_cluster_in_transit_encryption_enabled", denied, CheckStatus::kNotAssessed,
         "elasticache:DescribeReplicationGroups denied");
}

TEST(ElastiCacheBackups, RetentionAboveZero) {
  const char* id = "elasticache_redis_cluster_backup_enabled";
  expect(id, group({}), CheckStatus::kPass, "7 days");
  expect(id, group({{"snapshot_retention_limit", 0}}), CheckStatus::kFail);
  expect(id, group_without("snapshot_retention_limit"), CheckStatus::kNotAssessed);
}

TEST(ElastiCacheAuth, TokenOrUserGroups) {
  const char* id = "elasticache_redis_replication_group_auth_enabled";
  expect(id, group({{"auth_token_enabled", true}}), CheckStatus::kPass, "AUTH");
  expect(id, group({{"user_group_ids", {"app-users"}}}), CheckStatus::kPass, "app-users");
  expect(id, group({}), CheckStatus::kFail);
  expect(id, group_without("user_group_ids"), CheckStatus::kNotAssessed);
  expect(id, group_without("auth_token_enabled"), CheckStatus::kNotAssessed);
}

TEST(ElastiCacheAvailability, FailoverAndMultiAz) {
  expect("elasticache_redis_cluster_automatic_failover_enabled", group({}), CheckStatus::kPass);
  expect("elasticache_redis_cluster_automatic_failover_enabled", group({{"automatic_failover", "disabled"}}),
         CheckStatus::kFail);
  expect("elasticache_redis_cluster_automatic_failover_enabled", group_without("automatic_failover"),
         CheckStatus::kNotAssessed);
  expect("elasticache_redis_cluster_multi_az_enabled", group({}), CheckStatus::kPass);
  expect("elasticache_redis_cluster_multi_az_enabled", group({{"multi_az", "disabled"}}), CheckStatus::kFail);
  expect("elasticache_redis_cluster_multi_az_enabled", group_without("multi_az"), CheckStatus::kNotAssessed);
}

Resource cache_cluster(json props) {
  json p = {{"engine", "memcached"}, {"engine_version", "1.6.22"}, {"auto_minor_version_upgrade", true},
            {"cache_subnet_group", "cache-private"}, {"replication_group_id", nullptr}};
  for (const auto& [k, v] : props.items()) p[k] = v;
  return resource("AWS::ElastiCache::CacheCluster", "sessions-001", p);
}

TEST(ElastiCacheClusters, MinorUpgradesAndSubnetGroup) {
  expect("elasticache_cluster_auto_minor_upgrades", cache_cluster({}), CheckStatus::kPass);
  expect("elasticache_cluster_auto_minor_upgrades", cache_cluster({{"auto_minor_version_upgrade", false}}),
         CheckStatus::kFail);
  expect("elasticache_cluster_auto_minor_upgrades", resource("AWS::ElastiCache::CacheCluster", "x", json::object()),
         CheckStatus::kNotAssessed);
  const char* id = "elasticache_cluster_not_using_default_subnet_group";
  expect(id, cache_cluster({}), CheckStatus::kPass);
  expect(id, cache_cluster({{"cache_subnet_group", "default"}}), CheckStatus::kFail, "default");
  expect(id, cache_cluster({{"cache_subnet_group", nullptr}}), CheckStatus::kFail);
  expect(id, resource("AWS::ElastiCache::CacheCluster", "x", json::object()), CheckStatus::kNotAssessed);
}

}  // namespace
}  // namespace cloudpeek::checks
