// Redshift (and Redshift Serverless), OpenSearch, DocumentDB, Neptune, DMS, MSK
// and Amazon MQ checks: each one PASSes, FAILs, and says NOT_ASSESSED with
// the reason when what it reads was not collected. One test binary for these
// services (compile time).
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

Resource with(Resource r, json props) {
  for (const auto& [k, v] : props.items()) r.props[k] = v;
  return r;
}

// Every check named here, on a resource of its type that lacks what it reads:
// NOT_ASSESSED naming the reason, never PASS or FAIL.
void expect_missing_is_not_assessed(const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    const Check* c = find_check(id);
    ASSERT_NE(c, nullptr) << id;
    ASSERT_FALSE(c->reads.empty()) << id << " declares no reads";
    const std::string why = "denied (AccessDenied)";
    Resource r = resource(c->meta.resource_type, "x", json::object());
    for (const auto& p : c->reads) r.missing[p] = why;
    expect(id, r, CheckStatus::kNotAssessed, why);
    // Not collected at all (no reason recorded): still never a verdict.
    expect(id, resource(c->meta.resource_type, "x", json::object()), CheckStatus::kNotAssessed);
  }
}

// ---- Redshift ----

Resource cluster(json props = json::object()) {
  Resource r = resource("AWS::Redshift::Cluster", "dw",
                        {{"publicly_accessible", false},
                         {"encrypted", true},
                         {"kms_key_id", "arn:aws:kms:us-east-1:111122223333:key/k"},
                         {"snapshot_retention_days", 7},
                         {"allow_version_upgrade", true},
                         {"enhanced_vpc_routing", true},
                         {"master_username", "dw_admin"},
                         {"db_name", "analytics"},
                         {"parameter_group", "ssl-required"},
                         {"require_ssl", true},
                         {"audit_logging", {{"enabled", true}, {"destination", "s3"}, {"bucket", "logs"}}}});
  return with(r, props);
}

TEST(Redshift, WellConfiguredClusterPassesEveryCheck) {
  for (const char* id : {"redshift_cluster_public_access", "redshift_cluster_in_transit_encryption_enabled",
                         "redshift_cluster_automated_snapshot", "redshift_cluster_audit_logging",
                         "redshift_cluster_automatic_upgrades", "redshift_cluster_enhanced_vpc_routing",
                         "redshift_cluster_non_default_username", "redshift_cluster_non_default_database_name",
                         "redshift_cluster_encrypted_at_rest"})
    expect(id, cluster(), CheckStatus::kPass);
}

TEST(Redshift, EachPlantedProblemFailsItsCheck) {
  expect("redshift_cluster_public_access", cluster({{"publicly_accessible", true}}), CheckStatus::kFail,
         "is publicly accessible");
  expect("redshift_cluster_in_transit_encryption_enabled",
         cluster({{"require_ssl", false}, {"parameter_group", "default.redshift-1.0"}}), CheckStatus::kFail,
         "(parameter group default.redshift-1.0)");
  expect("redshift_cluster_automated_snapshot", cluster({{"snapshot_retention_days", 0}}), CheckStatus::kFail,
         "no automated snapshots");
  expect("redshift_cluster_automated_snapshot", cluster({{"snapshot_retention_days", 1}}), CheckStatus::kFail,
         "1 day(s), fewer than 7");
  expect("redshift_cluster_automated_snapshot", cluster({{"snapshot_retention_days", 35}}), CheckStatus::kPass);
  expect("redshift_cluster_audit_logging", cluster({{"audit_logging", {{"enabled", false}}}}), CheckStatus::kFail,
         "audit logging off");
  expect("redshift_cluster_audit_logging",
         cluster({{"audit_logging", {{"enabled", true}, {"destination", "cloudwatch"}, {"bucket", nullptr}}}}),
         CheckStatus::kPass, "to CloudWatch Logs");
  expect("redshift_cluster_automatic_upgrades", cluster({{"allow_version_upgrade", false}}), CheckStatus::kFail);
  expect("redshift_cluster_enhanced_vpc_routing", cluster({{"enhanced_vpc_routing", false}}), CheckStatus::kFail);
  expect("redshift_cluster_non_default_username", cluster({{"master_username", "awsuser"}}), CheckStatus::kFail,
         "\"awsuser\"");
  // Only the console's default is judged: "admin" is a custom name for Redshift.
  expect("redshift_cluster_non_default_username", cluster({{"master_username", "admin"}}), CheckStatus::kPass);
  expect("redshift_cluster_non_default_username", cluster({{"master_username", ""}}), CheckStatus::kNotAssessed);
  expect("redshift_cluster_non_default_database_name", cluster({{"db_name", "dev"}}), CheckStatus::kFail);
  expect("redshift_cluster_encrypted_at_rest", cluster({{"encrypted", false}, {"kms_key_id", nullptr}}),
         CheckStatus::kFail, "not encrypted");
}

TEST(Redshift, MissingDataIsNotAssessed) {
  expect_missing_is_not_assessed({"redshift_cluster_public_access", "redshift_cluster_automated_snapshot",
                                  "redshift_cluster_audit_logging", "redshift_cluster_automatic_upgrades",
                                  "redshift_cluster_enhanced_vpc_routing", "redshift_cluster_non_default_username",
                                  "redshift_cluster_non_default_database_name", "redshift_cluster_encrypted_at_rest"});
  const std::string why = "redshift:DescribeClusterParameters denied (AccessDenied)";
  Resource r = cluster();
  r.props.erase("require_ssl");
  r.missing["require_ssl"] = why;
  expect("redshift_cluster_in_transit_encryption_enabled", r, CheckStatus::kNotAssessed, why);
  r = cluster();
  r.props.erase("audit_logging");
  r.missing["audit_logging"] = "redshift:DescribeLoggingStatus denied";
  expect("redshift_cluster_audit_logging", r, CheckStatus::kNotAssessed, "DescribeLoggingStatus denied");
}

Resource workgroup(json props = json::object()) {
  return with(resource("AWS::RedshiftServerless::Workgroup", "wg",
                       {{"publicly_accessible", false}, {"enhanced_vpc_routing", true}, {"require_ssl", true},
                        {"namespace", "ns"}}),
              props);
}

Resource serverless_namespace(json props = json::object()) {
  return with(resource("AWS::RedshiftServerless::Namespace", "ns",
                       {{"admin_username", "dw_admin"},
                        {"kms_key_id", nullptr},
                        {"log_exports", {"useractivitylog", "userlog", "connectionlog"}}}),
              props);
}

TEST(RedshiftServerless, WorkgroupsAndNamespaces) {
  expect("redshift_serverless_workgroup_public_access", workgroup(), CheckStatus::kPass);
  expect("redshift_serverless_workgroup_public_access", workgroup({{"publicly_accessible", true}}), CheckStatus::kFail);
  expect("redshift_serverless_workgroup_enhanced_vpc_routing", workgroup(), CheckStatus::kPass);
  expect("redshift_serverless_workgroup_enhanced_vpc_routing", workgroup({{"enhanced_vpc_routing", false}}),
         CheckStatus::kFail);
  expect("redshift_serverless_workgroup_require_ssl", workgroup(), CheckStatus::kPass);
  expect("redshift_serverless_workgroup_require_ssl", workgroup({{"require_ssl", false}}), CheckStatus::kFail,
         "require_ssl is false");
  // The parameter not listed: what the workgroup does is unknown, never a verdict.
  expect("redshift_serverless_workgroup_require_ssl", workgroup({{"require_ssl", nullptr}}),
         CheckStatus::kNotAssessed, "did not list the require_ssl parameter");
  expect("redshift_serverless_namespace_non_default_admin", serverless_namespace(), CheckStatus::kPass);
  expect("redshift_serverless_namespace_non_default_admin", serverless_namespace({{"admin_username", "admin"}}),
         CheckStatus::kFail, "\"admin\"");
  expect("redshift_serverless_namespace_non_default_admin", serverless_namespace({{"admin_username", nullptr}}),
         CheckStatus::kNotAssessed);
  expect("redshift_serverless_namespace_logging_enabled", serverless_namespace(), CheckStatus::kPass);
  expect("redshift_serverless_namespace_logging_enabled",
         serverless_namespace({{"log_exports", {"useractivitylog"}}}), CheckStatus::kFail, "connectionlog, userlog");
  expect("redshift_serverless_namespace_logging_enabled", serverless_namespace({{"log_exports", json::array()}}),
         CheckStatus::kFail);
  expect_missing_is_not_assessed({"redshift_serverless_workgroup_public_access",
                                  "redshift_serverless_workgroup_enhanced_vpc_routing",
                                  "redshift_serverless_workgroup_require_ssl",
                                  "redshift_serverless_namespace_non_default_admin",
                                  "redshift_serverless_namespace_logging_enabled"});
}

// ---- OpenSearch ----

Resource domain(json props = json::object()) {
  json policy = {{"Version", "2012-10-17"},
                 {"Statement", {{{"Sid", "AppRole"}, {"Effect", "Allow"},
                                 {"Principal", {{"AWS", "arn:aws:iam::111122223333:role/search-app"}}},
                                 {"Action", "es:ESHttp*"}, {"Resource", "*"}}}}};
  return with(resource("AWS::OpenSearch::Domain", "search",
                       {{"engine_version", "OpenSearch_2.11"}, {"in_vpc", true}, {"encryption_at_rest", true},
                        {"node_to_node_encryption", true}, {"error_logs", true}, {"audit_logs", true},
                        {"data_nodes", 3}, {"zone_awareness", true}, {"dedicated_masters", 3},
                        {"fine_grained_access", true}, {"internal_user_database", false}, {"update_available", false},
                        {"enforce_https", true},
                        {"tls_policy", "Policy-Min-TLS-1-2-PFS-2023-10"}, {"access_policy", policy}}),
              props);
}

const std::vector<std::string> kOpenSearchChecks = {
    "opensearch_service_domains_encryption_at_rest_enabled", "opensearch_service_domains_in_vpc",
    "opensearch_service_domains_node_to_node_encryption_enabled", "opensearch_service_domains_cloudwatch_logging_enabled",
    "opensearch_service_domains_audit_logging_enabled", "opensearch_service_domains_fault_tolerant_data_nodes",
    "opensearch_service_domains_fault_tolerant_master_nodes", "opensearch_service_domains_fine_grained_access_control",
    "opensearch_service_domains_https_tls_1_2", "opensearch_service_domains_not_publicly_accessible",
    "opensearch_service_domains_updated_to_the_latest_service_software_version",
    "opensearch_service_domains_internal_user_database_disabled"};

TEST(OpenSearch, WellConfiguredDomainPassesEveryCheck) {
  for (const auto& id : kOpenSearchChecks) expect(id, domain(), CheckStatus::kPass);
}

TEST(OpenSearch, EachSettingFailsItsCheck) {
  expect("opensearch_service_domains_encryption_at_rest_enabled", domain({{"encryption_at_rest", false}}),
         CheckStatus::kFail, "does not encrypt its data at rest");
  expect("opensearch_service_domains_in_vpc", domain({{"in_vpc", false}}), CheckStatus::kFail, "public endpoint");
  expect("opensearch_service_domains_node_to_node_encryption_enabled", domain({{"node_to_node_encryption", false}}),
         CheckStatus::kFail);
  expect("opensearch_service_domains_cloudwatch_logging_enabled", domain({{"error_logs", false}}), CheckStatus::kFail,
         "ES_APPLICATION_LOGS");
  expect("opensearch_service_domains_audit_logging_enabled", domain({{"audit_logs", false}}), CheckStatus::kFail,
         "AUDIT_LOGS");
  expect("opensearch_service_domains_fault_tolerant_data_nodes", domain({{"data_nodes", 2}}), CheckStatus::kFail,
         "2 data node(s), fewer than 3");
  expect("opensearch_service_domains_fault_tolerant_data_nodes", domain({{"zone_awareness", false}}),
         CheckStatus::kFail, "zone awareness off");
  expect("opensearch_service_domains_fault_tolerant_data_nodes", domain({{"data_nodes", 1}, {"zone_awareness", false}}),
         CheckStatus::kFail, "1 data node(s), fewer than 3, and zone awareness off");
  expect("opensearch_service_domains_fault_tolerant_master_nodes", domain({{"dedicated_masters", 0}}),
         CheckStatus::kFail, "no dedicated master nodes");
  expect("opensearch_service_domains_fault_tolerant_master_nodes", domain({{"dedicated_masters", 2}}),
         CheckStatus::kFail, "2 dedicated master node(s)");
  expect("opensearch_service_domains_fine_grained_access_control", domain({{"fine_grained_access", false}}),
         CheckStatus::kFail);
  expect("opensearch_service_domains_https_tls_1_2", domain({{"enforce_https", false}}), CheckStatus::kFail,
         "plain HTTP");
  expect("opensearch_service_domains_https_tls_1_2", domain({{"tls_policy", "Policy-Min-TLS-1-0-2019-07"}}),
         CheckStatus::kFail, "older than 1.2 (Policy-Min-TLS-1-0-2019-07)");
  expect("opensearch_service_domains_https_tls_1_2", domain({{"tls_policy", nullptr}}), CheckStatus::kFail,
         "no TLS policy");
  expect("opensearch_service_domains_https_tls_1_2", domain({{"tls_policy", "Policy-Min-TLS-1-2-2019-07"}}),
         CheckStatus::kPass);
  expect("opensearch_service_domains_updated_to_the_latest_service_software_version",
         domain({{"update_available", true}}), CheckStatus::kFail, "update waiting");
  expect("opensearch_service_domains_internal_user_database_disabled", domain({{"internal_user_database", true}}),
         CheckStatus::kFail, "internal user database");
}

TEST(OpenSearch, PublicEndpointsAreJudgedByTheirAccessPolicy) {
  const char* id = "opensearch_service_domains_not_publicly_accessible";
  json open = {{"Version", "2012-10-17"},
               {"Statement", {{{"Sid", "Everyone"}, {"Effect", "Allow"}, {"Principal", {{"AWS", "*"}}},
                               {"Action", "es:*"}, {"Resource", "*"}}}}};
  // In a VPC the endpoint is not reachable from the internet, whatever the policy.
  expect(id, domain({{"access_policy", open}}), CheckStatus::kPass, "in a VPC");
  expect(id, domain({{"in_vpc", false}, {"access_policy", open}}), CheckStatus::kFail, "statement Everyone");
  json ip = open;
  ip["Statement"][0]["Condition"] = {{"IpAddress", {{"aws:SourceIp", {"203.0.113.0/24"}}}}};
  expect(id, domain({{"in_vpc", false}, {"access_policy", ip}}), CheckStatus::kPass);
  json any = open;
  any["Statement"][0]["Condition"] = {{"IpAddress", {{"aws:SourceIp", "0.0.0.0/0"}}}};
  expect(id, domain({{"in_vpc", false}, {"access_policy", any}}), CheckStatus::kFail);
  json not_ip = open;
  not_ip["Statement"][0]["Condition"] = {{"NotIpAddress", {{"aws:SourceIp", "203.0.113.0/24"}}}};
  expect(id, domain({{"in_vpc", false}, {"access_policy", not_ip}}), CheckStatus::kFail);
  json org = open;
  org["Statement"][0]["Condition"] = {{"StringEquals", {{"aws:PrincipalOrgID", "o-abc"}}}};
  expect(id, domain({{"in_vpc", false}, {"access_policy", org}}), CheckStatus::kPass);
  expect(id, domain({{"in_vpc", false}, {"access_policy", nullptr}}), CheckStatus::kPass, "no access policy");
  expect(id, domain({{"in_vpc", false}}), CheckStatus::kPass, "named principals");
  // A policy CloudPeek could not read on a public endpoint: never a verdict.
  Resource unreadable = domain({{"in_vpc", false}});
  unreadable.props.erase("access_policy");
  unreadable.missing["access_policy"] = "the access policy of domain search is not a JSON object (MalformedPolicy)";
  expect(id, unreadable, CheckStatus::kNotAssessed, "MalformedPolicy");
}

TEST(OpenSearch, MissingDataIsNotAssessed) { expect_missing_is_not_assessed(kOpenSearchChecks); }

// ---- DocumentDB and Neptune (RDS API, collect/rds.cc) ----

Resource db_cluster(std::string type, json props = json::object()) {
  return with(resource(std::move(type), "db",
                       {{"engine", "docdb"}, {"storage_encrypted", true}, {"backup_retention_period", 7},
                        {"enabled_logs", {"audit", "profiler"}}, {"deletion_protection", true}, {"iam_auth", true},
                        {"copy_tags_to_snapshot", true}, {"multi_az", true}}),
              props);
}

Resource cluster_snapshot(std::string type, json props = json::object()) {
  return with(resource(std::move(type), "snap",
                       {{"encrypted", true}, {"snapshot_type", "manual"}, {"public", false},
                        {"shared_accounts", json::array()}}),
              props);
}

const std::vector<std::string> kDocDbClusterChecks = {
    "documentdb_cluster_storage_encrypted", "documentdb_cluster_backup_enabled",
    "documentdb_cluster_cloudwatch_log_export", "documentdb_cluster_deletion_protection",
    "documentdb_cluster_multi_az_enabled"};
const std::vector<std::string> kNeptuneClusterChecks = {
    "neptune_cluster_storage_encrypted", "neptune_cluster_audit_logs_exported", "neptune_cluster_deletion_protection",
    "neptune_cluster_backup_enabled", "neptune_cluster_iam_authentication_enabled",
    "neptune_cluster_copy_tags_to_snapshots", "neptune_cluster_multi_az"};

TEST(DocumentDbNeptune, ClusterSettings) {
  for (const auto& id : kDocDbClusterChecks) expect(id, db_cluster("AWS::DocDB::DBCluster"), CheckStatus::kPass);
  for (const auto& id : kNeptuneClusterChecks) expect(id, db_cluster("AWS::Neptune::DBCluster"), CheckStatus::kPass);
  const json bad = {{"storage_encrypted", false}, {"backup_retention_period", 1}, {"enabled_logs", {"profiler"}},
                    {"deletion_protection", false}, {"iam_auth", false}, {"copy_tags_to_snapshot", false},
                    {"multi_az", false}};
  for (const auto& id : kDocDbClusterChecks) expect(id, db_cluster("AWS::DocDB::DBCluster", bad), CheckStatus::kFail);
  for (const auto& id : kNeptuneClusterChecks)
    expect(id, db_cluster("AWS::Neptune::DBCluster", bad), CheckStatus::kFail);
  expect("documentdb_cluster_backup_enabled", db_cluster("AWS::DocDB::DBCluster", {{"backup_retention_period", 6}}),
         CheckStatus::kFail, "6 day(s), fewer than 7");
  expect("documentdb_cluster_cloudwatch_log_export", db_cluster("AWS::DocDB::DBCluster", {{"enabled_logs", json::array()}}),
         CheckStatus::kFail, "does not export its audit log");
  expect("neptune_cluster_backup_enabled", db_cluster("AWS::Neptune::DBCluster", {{"backup_retention_period", 35}}),
         CheckStatus::kPass, "35 days");
  expect_missing_is_not_assessed(kDocDbClusterChecks);
  expect_missing_is_not_assessed(kNeptuneClusterChecks);
}

TEST(DocumentDbNeptune, ClusterSnapshots) {
  for (const char* id : {"documentdb_cluster_public_snapshot", "neptune_cluster_snapshot_public"}) {
    const std::string type = id[0] == 'd' ? "AWS::DocDB::DBClusterSnapshot" : "AWS::Neptune::DBClusterSnapshot";
    expect(id, cluster_snapshot(type), CheckStatus::kPass, "is not public");
    expect(id, cluster_snapshot(type, {{"shared_accounts", {"444455556666"}}}), CheckStatus::kPass,
           "shared with 1 named account(s)");
    expect(id, cluster_snapshot(type, {{"public", true}, {"shared_accounts", json::array()}}), CheckStatus::kFail,
           "any AWS account can restore it");
    const std::string why = "rds:DescribeDBClusterSnapshotAttributes denied (AccessDenied)";
    Resource r = cluster_snapshot(type);
    r.props.erase("public");
    r.missing["public"] = why;
    expect(id, r, CheckStatus::kNotAssessed, why);
  }
  expect("neptune_cluster_snapshot_encrypted", cluster_snapshot("AWS::Neptune::DBClusterSnapshot"), CheckStatus::kPass);
  expect("neptune_cluster_snapshot_encrypted", cluster_snapshot("AWS::Neptune::DBClusterSnapshot", {{"encrypted", false}}),
         CheckStatus::kFail, "is not encrypted");
  expect_missing_is_not_assessed({"neptune_cluster_snapshot_encrypted"});
}

// ---- DMS ----

TEST(Dms, ReplicationInstancesAndEndpoints) {
  auto instance = [](json props) {
    return with(resource("AWS::DMS::ReplicationInstance", "rep",
                         {{"publicly_accessible", false}, {"auto_minor_version_upgrade", true}, {"multi_az", true},
                          {"kms_key_id", nullptr}}),
                props);
  };
  for (const char* id : {"dms_instance_no_public_access", "dms_instance_minor_version_upgrade_enabled",
                         "dms_instance_multi_az_enabled"})
    expect(id, instance({}), CheckStatus::kPass);
  expect("dms_instance_no_public_access", instance({{"publicly_accessible", true}}), CheckStatus::kFail,
         "publicly accessible");
  expect("dms_instance_minor_version_upgrade_enabled", instance({{"auto_minor_version_upgrade", false}}),
         CheckStatus::kFail);
  expect("dms_instance_multi_az_enabled", instance({{"multi_az", false}}), CheckStatus::kFail, "single Availability Zone");
  auto endpoint = [](std::string engine, std::string ssl) {
    return resource("AWS::DMS::Endpoint", "ep", {{"engine", engine}, {"endpoint_type", "source"}, {"ssl_mode", ssl}});
  };
  const char* ssl = "dms_endpoint_ssl_enabled";
  expect(ssl, endpoint("mysql", "none"), CheckStatus::kFail, "without SSL (SslMode none)");
  expect(ssl, endpoint("postgres", "require"), CheckStatus::kPass, "(require)");
  expect(ssl, endpoint("sqlserver", "verify-full"), CheckStatus::kPass);
  expect(ssl, endpoint("mongodb", ""), CheckStatus::kFail);
  // An AWS service reached over HTTPS has no SSL mode to set.
  expect(ssl, endpoint("s3", "none"), CheckStatus::kPass, "over HTTPS");
  expect(ssl, endpoint("dynamodb", "none"), CheckStatus::kPass);
  expect_missing_is_not_assessed({"dms_instance_no_public_access", "dms_instance_minor_version_upgrade_enabled",
                                  "dms_instance_multi_az_enabled", "dms_endpoint_ssl_enabled"});
}

TEST(Dms, EngineSettingsOfEndpoints) {
  auto endpoint = [](std::string engine, json props) {
    Resource r = resource("AWS::DMS::Endpoint", "ep",
                          {{"engine", engine}, {"endpoint_type", "target"}, {"ssl_mode", "none"},
                           {"neptune_iam_auth", nullptr}, {"mongodb_auth_type", nullptr}, {"redis_ssl_protocol", nullptr}});
    return with(r, props);
  };
  const char* neptune = "dms_endpoint_neptune_iam_authorization_enabled";
  const char* mongo = "dms_endpoint_mongodb_authentication_enabled";
  const char* redis = "dms_endpoint_redis_in_transit_encryption_enabled";
  expect(neptune, endpoint("neptune", {{"neptune_iam_auth", false}}), CheckStatus::kFail, "IamAuthEnabled false");
  expect(neptune, endpoint("neptune", {{"neptune_iam_auth", true}}), CheckStatus::kPass);
  expect(mongo, endpoint("mongodb", {{"mongodb_auth_type", "no"}}), CheckStatus::kFail, "AuthType no");
  expect(mongo, endpoint("mongodb", {{"mongodb_auth_type", "password"}}), CheckStatus::kPass);
  expect(redis, endpoint("redis", {{"redis_ssl_protocol", "plaintext"}}), CheckStatus::kFail, "plaintext");
  expect(redis, endpoint("redis", {{"redis_ssl_protocol", "ssl-encryption"}}), CheckStatus::kPass);
  // Each judges its own engine only.
  for (const char* id : {neptune, mongo, redis}) expect_not_applicable(id, endpoint("mysql", {}), "is not a");
  // The engine's setting not collected: never a verdict.
  Resource r = endpoint("neptune", {});
  r.props.erase("neptune_iam_auth");
  expect(neptune, r, CheckStatus::kNotAssessed);
  expect_missing_is_not_assessed({neptune, mongo, redis});
}

TEST(Dms, ReplicationTaskLogging) {
  auto task = [](bool on, json severity) {
    return resource("AWS::DMS::ReplicationTask", "task", {{"logging_enabled", on}, {"log_severity", severity}});
  };
  const json all_default = {{"SOURCE_UNLOAD", "LOGGER_SEVERITY_DEFAULT"}, {"SOURCE_CAPTURE", "LOGGER_SEVERITY_DEFAULT"},
                            {"TARGET_LOAD", "LOGGER_SEVERITY_DEFAULT"}, {"TARGET_APPLY", "LOGGER_SEVERITY_DEFAULT"}};
  const char* target = "dms_replication_task_target_logging_enabled";
  const char* source = "dms_replication_task_source_logging_enabled";
  expect(target, task(true, all_default), CheckStatus::kPass);
  expect(source, task(true, all_default), CheckStatus::kPass);
  expect(target, task(false, all_default), CheckStatus::kFail, "logging off");
  expect(source, task(false, all_default), CheckStatus::kFail, "logging off");
  json weak = all_default;
  weak["TARGET_LOAD"] = "LOGGER_SEVERITY_ERROR";
  weak["SOURCE_CAPTURE"] = "LOGGER_SEVERITY_DETAILED_DEBUG";
  weak.erase("SOURCE_UNLOAD");
  expect(target, task(true, weak), CheckStatus::kFail, "TARGET_LOAD LOGGER_SEVERITY_ERROR");
  expect(source, task(true, weak), CheckStatus::kFail, "SOURCE_UNLOAD not logged");
  weak["SOURCE_UNLOAD"] = "LOGGER_SEVERITY_DEBUG";
  expect(source, task(true, weak), CheckStatus::kPass);
  // INFO and WARNING log less than DEFAULT.
  weak["TARGET_LOAD"] = "LOGGER_SEVERITY_WARNING";
  expect(target, task(true, weak), CheckStatus::kFail);
  expect_missing_is_not_assessed({target, source});
}

// ---- MSK ----

TEST(Msk, ProvisionedAndServerlessClusters) {
  auto cluster = [](json props) {
    return with(resource("AWS::MSK::Cluster", "events",
                         {{"serverless", false}, {"client_broker", "TLS"}, {"in_cluster", true},
                          {"unauthenticated", false}, {"public_access", "DISABLED"},
                          {"enhanced_monitoring", "PER_BROKER"}, {"mutual_tls", true}}),
                props);
  };
  const std::vector<std::string> all = {"msk_cluster_encryption_in_transit_enabled", "msk_cluster_public_access_disabled",
                                        "msk_cluster_enhanced_monitoring_enabled",
                                        "msk_cluster_unauthenticated_access_disabled",
                                        "msk_cluster_mutual_tls_authentication_enabled"};
  for (const auto& id : all) expect(id, cluster({}), CheckStatus::kPass);
  const char* transit = "msk_cluster_encryption_in_transit_enabled";
  expect(transit, cluster({{"client_broker", "TLS_PLAINTEXT"}}), CheckStatus::kFail, "ClientBroker TLS_PLAINTEXT");
  expect(transit, cluster({{"in_cluster", false}}), CheckStatus::kFail, "InCluster false");
  expect(transit, cluster({{"client_broker", "PLAINTEXT"}, {"in_cluster", false}}), CheckStatus::kFail,
         "(ClientBroker PLAINTEXT) and brokers talk in plaintext");
  expect("msk_cluster_public_access_disabled", cluster({{"public_access", "SERVICE_PROVIDED_EIPS"}}),
         CheckStatus::kFail, "SERVICE_PROVIDED_EIPS");
  expect("msk_cluster_enhanced_monitoring_enabled", cluster({{"enhanced_monitoring", "DEFAULT"}}), CheckStatus::kFail);
  // Serverless clusters have no monitoring level: MSK monitors them.
  expect("msk_cluster_enhanced_monitoring_enabled", cluster({{"serverless", true}, {"enhanced_monitoring", nullptr}}),
         CheckStatus::kPass, "serverless");
  expect("msk_cluster_unauthenticated_access_disabled", cluster({{"unauthenticated", true}}), CheckStatus::kFail);
  expect("msk_cluster_mutual_tls_authentication_enabled", cluster({{"mutual_tls", false}}), CheckStatus::kFail,
         "TLS certificates");
  // Serverless clusters offer IAM only.
  expect_not_applicable("msk_cluster_mutual_tls_authentication_enabled", cluster({{"serverless", true}, {"mutual_tls", false}}), "serverless");
  expect_missing_is_not_assessed(all);
}

// ---- Amazon MQ ----

TEST(AmazonMq, Brokers) {
  auto broker = [](std::string engine, std::string mode, json props = json::object()) {
    return with(resource("AWS::AmazonMQ::Broker", "b-1",
                         {{"engine", engine}, {"deployment_mode", mode}, {"publicly_accessible", false},
                          {"auto_minor_version_upgrade", true}, {"audit_logs", true}, {"general_logs", true}}),
                props);
  };
  const auto active = broker("ACTIVEMQ", "ACTIVE_STANDBY_MULTI_AZ");
  const auto cluster = broker("RABBITMQ", "CLUSTER_MULTI_AZ", {{"audit_logs", false}});
  for (const char* id : {"mq_broker_auto_minor_version_upgrade", "mq_broker_not_publicly_accessible"}) {
    expect(id, active, CheckStatus::kPass);
    expect(id, cluster, CheckStatus::kPass);
  }
  // Each engine's own controls: audit logs and active/standby for ActiveMQ (MQ.2, MQ.5), a
  // cluster for RabbitMQ (MQ.6); the other engine's brokers get no finding.
  expect("mq_broker_audit_logging_enabled", active, CheckStatus::kPass);
  expect("mq_broker_active_deployment_mode", active, CheckStatus::kPass);
  expect_not_applicable("mq_broker_cluster_deployment_mode", active, "ACTIVEMQ");
  expect("mq_broker_cluster_deployment_mode", cluster, CheckStatus::kPass);
  expect_not_applicable("mq_broker_active_deployment_mode", cluster, "RABBITMQ");
  expect("mq_broker_auto_minor_version_upgrade", broker("ACTIVEMQ", "SINGLE_INSTANCE", {{"auto_minor_version_upgrade", false}}),
         CheckStatus::kFail);
  expect("mq_broker_audit_logging_enabled", broker("ACTIVEMQ", "SINGLE_INSTANCE", {{"audit_logs", false}}),
         CheckStatus::kFail, "does not publish audit logs");
  // RabbitMQ has no audit log: nothing to turn on.
  expect_not_applicable("mq_broker_audit_logging_enabled", cluster, "no audit log");
  expect("mq_broker_active_deployment_mode", broker("ACTIVEMQ", "SINGLE_INSTANCE"), CheckStatus::kFail,
         "single instance (SINGLE_INSTANCE)");
  expect_not_applicable("mq_broker_active_deployment_mode", broker("RABBITMQ", "SINGLE_INSTANCE"));
  expect("mq_broker_cluster_deployment_mode", broker("RABBITMQ", "SINGLE_INSTANCE"), CheckStatus::kFail);
  expect_not_applicable("mq_broker_cluster_deployment_mode", broker("ACTIVEMQ", "SINGLE_INSTANCE"));
  expect("mq_broker_not_publicly_accessible", broker("ACTIVEMQ", "SINGLE_INSTANCE", {{"publicly_accessible", true}}),
         CheckStatus::kFail, "publicly accessible");
  // DescribeBroker denied: what it returns is not assessed; the listing's engine and mode still decide.
  const std::string why = "mq:DescribeBroker denied (AccessDeniedException)";
  Resource denied = broker("ACTIVEMQ", "SINGLE_INSTANCE");
  for (const char* p : {"publicly_accessible", "auto_minor_version_upgrade", "audit_logs", "general_logs"}) {
    denied.props.erase(p);
    denied.missing[p] = why;
  }
  for (const char* id : {"mq_broker_auto_minor_version_upgrade", "mq_broker_audit_logging_enabled",
                         "mq_broker_not_publicly_accessible"})
    expect(id, denied, CheckStatus::kNotAssessed, why);
  expect("mq_broker_active_deployment_mode", denied, CheckStatus::kFail);
  expect_missing_is_not_assessed({"mq_broker_auto_minor_version_upgrade", "mq_broker_audit_logging_enabled",
                                  "mq_broker_active_deployment_mode", "mq_broker_cluster_deployment_mode",
                                  "mq_broker_not_publicly_accessible"});
}

}  // namespace
}  // namespace cloudpeek::checks
