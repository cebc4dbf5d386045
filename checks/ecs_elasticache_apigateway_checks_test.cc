// ECS, ElastiCache and API Gateway (REST and HTTP/WebSocket) checks: each
// one PASSes, FAILs, and says NOT_ASSESSED with the reason when what it reads
// was not collected. One test binary for the three services (compile time).
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"
#include "checks/testing_expect.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;
using testing::expect;
using testing::expect_not_applicable;

const char kDenied[] = "ecs:DescribeTaskDefinition denied (AccessDeniedException)";

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
  expect_not_applicable(id, task_def({container({})}, "awsvpc"));
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


// ---- API Gateway REST ----

json setting(const char* level, bool caching = false, bool encrypted = false) {
  return {{"logging_level", level}, {"caching_enabled", caching}, {"cache_data_encrypted", encrypted}};
}

Resource stage(json props) {
  json p = {{"api_id", "a1b2c3d4e5"}, {"api_name", "orders"}, {"method_settings", {{"*/*", setting("ERROR")}}},
            {"tracing_enabled", true}, {"web_acl_arn", "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/api/1"},
            {"client_certificate_id", "abc123"}, {"cache_cluster_enabled", false}};
  for (const auto& [k, v] : props.items()) p[k] = v;
  Resource r = resource("AWS::ApiGateway::Stage", "a1b2c3d4e5/prod", p);
  r.name = "orders/prod";
  return r;
}

Resource stage_without(const char* property) {
  Resource r = stage({});
  r.props.erase(property);
  return r;
}

TEST(ApiGatewayStages, Logging) {
  const char* id = "apigateway_restapi_logging_enabled";
  expect(id, stage({}), CheckStatus::kPass);
  expect(id, stage({{"method_settings", {{"*/*", setting("INFO")}, {"/items/GET", setting("ERROR")}}}}),
         CheckStatus::kPass);
  expect(id, stage({{"method_settings", {{"*/*", setting("OFF")}}}}), CheckStatus::kFail, "the stage default");
  expect(id, stage({{"method_settings", {{"*/*", setting("ERROR")}, {"/health/GET", setting("OFF")}}}}),
         CheckStatus::kFail, "/health/GET");
  expect(id, stage_without("method_settings"), CheckStatus::kNotAssessed);
}

TEST(ApiGatewayStages, TracingWafClientCertificate) {
  expect("apigateway_restapi_tracing_enabled", stage({}), CheckStatus::kPass);
  expect("apigateway_restapi_tracing_enabled", stage({{"tracing_enabled", false}}), CheckStatus::kFail);
  expect("apigateway_restapi_tracing_enabled", stage_without("tracing_enabled"), CheckStatus::kNotAssessed);
  expect("apigateway_restapi_waf_acl_attached", stage({}), CheckStatus::kPass, "webacl/api");
  expect("apigateway_restapi_waf_acl_attached", stage({{"web_acl_arn", nullptr}}), CheckStatus::kFail);
  expect("apigateway_restapi_waf_acl_attached", stage_without("web_acl_arn"), CheckStatus::kNotAssessed);
  expect("apigateway_restapi_client_certificate_enabled", stage({}), CheckStatus::kPass);
  expect("apigateway_restapi_client_certificate_enabled", stage({{"client_certificate_id", nullptr}}),
         CheckStatus::kFail);
  Resource denied = stage_without("client_certificate_id");
  denied.missing["client_certificate_id"] = "apigateway:GET denied (AccessDeniedException)";
  expect("apigateway_restapi_client_certificate_enabled", denied, CheckStatus::kNotAssessed, "apigateway:GET denied");
}

TEST(ApiGatewayStages, CacheEncryption) {
  const char* id = "apigateway_restapi_cache_encrypted";
  expect_not_applicable(id, stage({}), "no cache cluster");
  expect(id, stage({{"cache_cluster_enabled", true}, {"method_settings", {{"*/*", setting("ERROR", true, true)}}}}),
         CheckStatus::kPass, "encrypts");
  expect_not_applicable(id, stage({{"cache_cluster_enabled", true}}), "no method caches");
  expect(id,
         stage({{"cache_cluster_enabled", true},
                {"method_settings", {{"*/*", setting("ERROR", true, true)}, {"/items/GET", setting("ERROR", true, false)}}}}),
         CheckStatus::kFail, "/items/GET");
  expect(id, stage_without("cache_cluster_enabled"), CheckStatus::kNotAssessed);
}

Resource rest_api(json props) {
  Resource r = resource("AWS::ApiGateway::RestApi", "a1b2c3d4e5", std::move(props));
  r.name = "orders";
  return r;
}

json method(const char* verb, const char* path, const char* auth, bool key = false) {
  return {{"http_method", verb}, {"path", path}, {"authorization_type", auth}, {"api_key_required", key}};
}

TEST(ApiGatewayRestApis, Authorizers) {
  const char* id = "apigateway_restapi_authorizers_enabled";
  expect(id, rest_api({{"methods", {method("GET", "/items", "COGNITO_USER_POOLS"), method("OPTIONS", "/items", "NONE")}}}),
         CheckStatus::kPass, "all 1 methods");
  expect(id, rest_api({{"methods", json::array()}}), CheckStatus::kPass, "no methods");
  expect(id, rest_api({{"methods", {method("GET", "/items", "AWS_IAM"), method("POST", "/orders", "NONE")}}}),
         CheckStatus::kFail, "POST /orders");
  // An API key is not authorization.
  expect(id, rest_api({{"methods", {method("GET", "/items", "NONE", true)}}}), CheckStatus::kFail, "API key only");
  Resource denied = rest_api(json::object());
  denied.missing["methods"] = "apigateway:GET denied (AccessDeniedException)";
  expect(id, denied, CheckStatus::kNotAssessed, "apigateway:GET denied");
}

TEST(ApiGatewayRestApis, PrivateEndpoint) {
  const char* id = "apigateway_restapi_public";
  expect(id, rest_api({{"endpoint_types", {"PRIVATE"}}}), CheckStatus::kPass);
  expect(id, rest_api({{"endpoint_types", {"REGIONAL"}}}), CheckStatus::kFail, "REGIONAL");
  expect(id, rest_api({{"endpoint_types", {"EDGE"}}}), CheckStatus::kFail, "EDGE");
  expect(id, rest_api(json::object()), CheckStatus::kNotAssessed);
}

// ---- API Gateway HTTP / WebSocket ----

TEST(ApiGatewayV2, AccessLogging) {
  const char* id = "apigatewayv2_api_access_logging_enabled";
  auto v2stage = [](json dest) { return resource("AWS::ApiGatewayV2::Stage", "x1y2z3/$default", {{"access_log_destination", dest}}); };
  expect(id, v2stage("arn:aws:logs:us-east-1:111122223333:log-group:api"), CheckStatus::kPass);
  expect(id, v2stage(nullptr), CheckStatus::kFail);
  expect(id, resource("AWS::ApiGatewayV2::Stage", "x1y2z3/$default", json::object()), CheckStatus::kNotAssessed);
}

json route(const char* key, const char* auth) { return {{"route_key", key}, {"authorization_type", auth}, {"api_key_required", false}}; }

TEST(ApiGatewayV2, RouteAuthorization) {
  const char* id = "apigatewayv2_api_authorizers_enabled";
  auto api = [](const char* protocol, json routes) {
    return resource("AWS::ApiGatewayV2::Api", "x1y2z3", {{"protocol_type", protocol}, {"routes", std::move(routes)}});
  };
  expect(id, api("HTTP", {route("GET /items", "JWT"), route("OPTIONS /items", "NONE")}), CheckStatus::kPass);
  expect(id, api("HTTP", {route("GET /items", "JWT"), route("$default", "NONE")}), CheckStatus::kFail, "$default");
  expect(id, api("WEBSOCKET", {route("$connect", "CUSTOM"), route("sendmessage", "NONE")}), CheckStatus::kPass);
  expect(id, api("WEBSOCKET", {route("$connect", "NONE")}), CheckStatus::kFail);
  expect(id, api("WEBSOCKET", {route("$default", "NONE")}), CheckStatus::kFail, "no $connect");
  Resource denied = resource("AWS::ApiGatewayV2::Api", "x1y2z3", {{"protocol_type", "HTTP"}});
  denied.missing["routes"] = "apigateway:GET denied (AccessDeniedException)";
  expect(id, denied, CheckStatus::kNotAssessed, "apigateway:GET denied");
}

}  // namespace
}  // namespace cloudpeek::checks
