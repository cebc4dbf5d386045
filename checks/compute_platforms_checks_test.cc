// Compute and application platform checks (AWS Batch, Elastic Beanstalk,
// EMR, App Runner, Lightsail, CodePipeline, CodeArtifact): each one PASSes,
// FAILs, and says NOT_ASSESSED with the reason when what it reads was not
// collected. One test binary for these services (compile time).
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"
#include "checks/testing_expect.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;
using testing::expect;

Resource missing(std::string type, std::string id, std::initializer_list<const char*> props, const std::string& why) {
  Resource r = resource(std::move(type), std::move(id), json::object());
  for (const char* p : props) r.missing[p] = why;
  return r;
}

// ---- AWS Batch ----

json container(std::string name, bool privileged, json user, bool readonly) {
  return {{"name", std::move(name)}, {"privileged", privileged}, {"user", std::move(user)}, {"readonly_root_filesystem", readonly}};
}

Resource job(json containers) {
  return resource("AWS::Batch::JobDefinition", "etl:3", {{"type", "container"}, {"containers", std::move(containers)}});
}

TEST(BatchJobDefinitions, Privileged) {
  const char* id = "batch_job_definition_container_not_privileged";
  expect(id, job(json::array({container("container", false, "1000", true)})), CheckStatus::kPass);
  expect(id, job(json::array({container("node 0", false, "1000", true), container("node 1:", true, "1000", true)})),
         CheckStatus::kFail, "privileged container(s): node 1:");
  expect(id, job(json::array()), CheckStatus::kPass);
  expect(id, missing("AWS::Batch::JobDefinition", "etl:3", {"containers"}, "batch:DescribeJobDefinitions denied"),
         CheckStatus::kNotAssessed, "batch:DescribeJobDefinitions denied");
  expect(id, resource("AWS::Batch::JobDefinition", "etl:3", json::object()), CheckStatus::kNotAssessed, "not collected");
}

TEST(BatchJobDefinitions, NonRootUser) {
  const char* id = "batch_job_definition_container_non_root_user";
  expect(id, job(json::array({container("container", false, "1000", false)})), CheckStatus::kPass);
  expect(id, job(json::array({container("container", false, "nobody:nogroup", false)})), CheckStatus::kPass);
  expect(id, job(json::array({container("container", false, "root", false)})), CheckStatus::kFail, "as root");
  expect(id, job(json::array({container("container", false, "0:0", false)})), CheckStatus::kFail, "as root");
  expect(id, job(json::array({container("container", false, nullptr, false)})), CheckStatus::kFail, "names no user");
  // An EKS container with runAsNonRoot and no UID is not root.
  json eks = container("eks app", false, nullptr, false);
  eks["non_root"] = true;
  expect(id, job(json::array({eks})), CheckStatus::kPass);
  expect(id, missing("AWS::Batch::JobDefinition", "etl:3", {"containers"}, "throttled"), CheckStatus::kNotAssessed,
         "throttled");
}

TEST(BatchJobDefinitions, ReadOnlyRootFilesystem) {
  const char* id = "batch_job_definition_readonly_root_filesystem";
  expect(id, job(json::array({container("container", false, "1000", true)})), CheckStatus::kPass);
  expect(id, job(json::array({container("container", false, "1000", true), container("eks sidecar", false, "1000", false)})),
         CheckStatus::kFail, "eks sidecar");
  expect(id, resource("AWS::Batch::JobDefinition", "etl:3", json::object()), CheckStatus::kNotAssessed);
}

// ---- Elastic Beanstalk ----

Resource environment(bool health, bool updates, bool logs) {
  return resource("AWS::ElasticBeanstalk::Environment", "e-abc",
                  {{"enhanced_health", health}, {"managed_platform_updates", updates}, {"stream_logs", logs}});
}

TEST(ElasticBeanstalk, HealthUpdatesLogs) {
  expect("elasticbeanstalk_environment_enhanced_health_reporting", environment(true, false, false), CheckStatus::kPass);
  expect("elasticbeanstalk_environment_enhanced_health_reporting", environment(false, true, true), CheckStatus::kFail,
         "basic health");
  expect("elasticbeanstalk_environment_managed_updates_enabled", environment(false, true, false), CheckStatus::kPass);
  expect("elasticbeanstalk_environment_managed_updates_enabled", environment(true, false, true), CheckStatus::kFail);
  expect("elasticbeanstalk_environment_cloudwatch_logging_enabled", environment(false, false, true), CheckStatus::kPass);
  expect("elasticbeanstalk_environment_cloudwatch_logging_enabled", environment(true, true, false), CheckStatus::kFail);
  const std::string why = "elasticbeanstalk:DescribeConfigurationSettings denied (AccessDenied)";
  Resource denied = missing("AWS::ElasticBeanstalk::Environment", "e-abc",
                            {"enhanced_health", "managed_platform_updates", "stream_logs"}, why);
  for (const char* id : {"elasticbeanstalk_environment_enhanced_health_reporting",
                         "elasticbeanstalk_environment_managed_updates_enabled",
                         "elasticbeanstalk_environment_cloudwatch_logging_enabled"})
    expect(id, denied, CheckStatus::kNotAssessed, why);
}

// ---- EMR ----

TEST(Emr, PrimaryNodePublicIp) {
  const char* id = "emr_cluster_master_nodes_no_public_ip";
  auto cluster = [](json dns, std::string state = "WAITING") {
    return resource("AWS::EMR::Cluster", "j-1", {{"state", state}, {"master_public_dns_name", std::move(dns)}});
  };
  expect(id, cluster("ec2-54-1-2-3.compute-1.amazonaws.com"), CheckStatus::kFail, "public address");
  expect(id, cluster("ip-10-0-1-5.ec2.internal"), CheckStatus::kPass);
  expect(id, cluster("ip-10-0-1-5.eu-west-1.compute.internal"), CheckStatus::kPass);
  // A cluster still starting has no address: never a PASS.
  expect(id, cluster("", "STARTING"), CheckStatus::kNotAssessed, "STARTING");
  expect(id, missing("AWS::EMR::Cluster", "j-1", {"master_public_dns_name"}, "emr:DescribeCluster denied"),
         CheckStatus::kNotAssessed, "emr:DescribeCluster denied");
}

TEST(Emr, BlockPublicAccess) {
  const char* id = "emr_cluster_account_public_block_enabled";
  auto bpa = [](bool on, json ranges) {
    return resource("AWS::EMR::BlockPublicAccessConfiguration", "us-east-1",
                    {{"block_public_security_group_rules", on}, {"permitted_port_ranges", std::move(ranges)}});
  };
  expect(id, bpa(true, json::array({{{"min", 22}, {"max", 22}}})), CheckStatus::kPass);
  expect(id, bpa(true, json::array()), CheckStatus::kPass);
  expect(id, bpa(false, json::array({{{"min", 22}, {"max", 22}}})), CheckStatus::kFail, "is off");
  expect(id, bpa(true, json::array({json{{"min", 22}, {"max", 22}}, json{{"min", 8080}, {"max", 8090}}})), CheckStatus::kFail, "8080-8090");
  expect(id, resource("AWS::EMR::BlockPublicAccessConfiguration", "us-east-1", {{"block_public_security_group_rules", true}}),
         CheckStatus::kNotAssessed);
}

TEST(Emr, SecurityConfigurationEncryption) {
  auto conf = [](bool rest, bool transit) {
    return resource("AWS::EMR::SecurityConfiguration", "sc", {{"at_rest_encryption", rest}, {"in_transit_encryption", transit}});
  };
  expect("emr_security_configuration_encryption_at_rest", conf(true, false), CheckStatus::kPass);
  expect("emr_security_configuration_encryption_at_rest", conf(false, true), CheckStatus::kFail);
  expect("emr_security_configuration_encryption_in_transit", conf(false, true), CheckStatus::kPass);
  expect("emr_security_configuration_encryption_in_transit", conf(true, false), CheckStatus::kFail);
  const std::string why = "the security configuration sc is not a JSON object (MalformedPolicy)";
  Resource bad = missing("AWS::EMR::SecurityConfiguration", "sc", {"at_rest_encryption", "in_transit_encryption"}, why);
  expect("emr_security_configuration_encryption_at_rest", bad, CheckStatus::kNotAssessed, why);
  expect("emr_security_configuration_encryption_in_transit", bad, CheckStatus::kNotAssessed, why);
}

// ---- App Runner ----

Resource service(bool public_access, json key, bool observability) {
  return resource("AWS::AppRunner::Service", "api",
                  {{"publicly_accessible", public_access}, {"kms_key", std::move(key)}, {"observability_enabled", observability}});
}

TEST(AppRunner, PublicKeyObservability) {
  expect("apprunner_service_not_publicly_accessible", service(false, nullptr, false), CheckStatus::kPass);
  expect("apprunner_service_not_publicly_accessible", service(true, nullptr, false), CheckStatus::kFail, "publicly accessible");
  const std::string key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  expect("apprunner_service_encrypted_cmk", service(true, key, false), CheckStatus::kPass, key);
  expect("apprunner_service_encrypted_cmk", service(true, nullptr, false), CheckStatus::kFail, "AWS owned key");
  expect("apprunner_service_observability_enabled", service(true, nullptr, true), CheckStatus::kPass);
  expect("apprunner_service_observability_enabled", service(true, nullptr, false), CheckStatus::kFail);
  const std::string why = "apprunner:DescribeService denied (AccessDeniedException)";
  Resource denied = missing("AWS::AppRunner::Service", "api", {"publicly_accessible", "kms_key", "observability_enabled"}, why);
  for (const char* id : {"apprunner_service_not_publicly_accessible", "apprunner_service_encrypted_cmk",
                         "apprunner_service_observability_enabled"})
    expect(id, denied, CheckStatus::kNotAssessed, why);
}

// ---- Lightsail ----

json port(int from, int to, std::string protocol, json cidrs, json ipv6 = json::array()) {
  return {{"from_port", from}, {"to_port", to}, {"protocol", std::move(protocol)}, {"cidrs", std::move(cidrs)},
          {"ipv6_cidrs", std::move(ipv6)}};
}

Resource instance(json ports, bool snapshots = true, json tokens = "required") {
  return resource("AWS::Lightsail::Instance", "web-1",
                  {{"ports", std::move(ports)}, {"auto_snapshot", snapshots}, {"http_tokens", std::move(tokens)}});
}

TEST(Lightsail, AdminPorts) {
  const char* id = "lightsail_instance_admin_ports_restricted";
  expect(id, instance(json::array({port(22, 22, "tcp", json::array({"0.0.0.0/0"})), port(80, 80, "tcp", json::array({"0.0.0.0/0"}))})), CheckStatus::kFail,
         "SSH (tcp 22)");
  expect(id, instance(json::array({port(3389, 3389, "tcp", json::array(), json::array({"::/0"}))})), CheckStatus::kFail, "RDP");
  expect(id, instance(json::array({port(0, 65535, "all", json::array({"0.0.0.0/0"}))})), CheckStatus::kFail, "SSH");
  expect(id, instance(json::array({port(22, 22, "tcp", json::array({"203.0.113.10/32"})), port(443, 443, "tcp", json::array({"0.0.0.0/0"}))})),
         CheckStatus::kPass);
  // UDP 22 is not SSH.
  expect(id, instance(json::array({port(22, 22, "udp", json::array({"0.0.0.0/0"}))})), CheckStatus::kPass);
  expect(id, missing("AWS::Lightsail::Instance", "web-1", {"ports"}, "lightsail:GetInstances throttled"),
         CheckStatus::kNotAssessed, "throttled");
}

TEST(Lightsail, AllPorts) {
  const char* id = "lightsail_instance_all_ports_restricted";
  expect(id, instance(json::array({port(0, 65535, "all", json::array({"0.0.0.0/0"}))})), CheckStatus::kFail, "every port");
  expect(id, instance(json::array({port(0, 65535, "tcp", json::array(), json::array({"::/0"}))})), CheckStatus::kFail);
  expect(id, instance(json::array({port(0, 65535, "all", json::array({"10.0.0.0/8"})), port(22, 22, "tcp", json::array({"0.0.0.0/0"}))})), CheckStatus::kPass);
  expect(id, resource("AWS::Lightsail::Instance", "web-1", json::object()), CheckStatus::kNotAssessed);
}

TEST(Lightsail, SnapshotsAndMetadata) {
  expect("lightsail_instance_automatic_snapshots_enabled", instance(json::array(), true), CheckStatus::kPass);
  expect("lightsail_instance_automatic_snapshots_enabled", instance(json::array(), false), CheckStatus::kFail);
  expect("lightsail_instance_imdsv2_required", instance(json::array(), true, "required"), CheckStatus::kPass);
  expect("lightsail_instance_imdsv2_required", instance(json::array(), true, "optional"), CheckStatus::kFail, "IMDSv1");
  expect("lightsail_instance_imdsv2_required", instance(json::array(), true, nullptr), CheckStatus::kNotAssessed);
}

TEST(Lightsail, Databases) {
  auto db = [](bool open, bool backups) {
    return resource("AWS::Lightsail::Database", "app-db", {{"publicly_accessible", open}, {"backup_retention", backups}});
  };
  expect("lightsail_database_not_publicly_accessible", db(false, false), CheckStatus::kPass);
  expect("lightsail_database_not_publicly_accessible", db(true, true), CheckStatus::kFail, "publicly accessible");
  expect("lightsail_database_backup_retention_enabled", db(true, true), CheckStatus::kPass);
  expect("lightsail_database_backup_retention_enabled", db(false, false), CheckStatus::kFail);
  expect("lightsail_database_not_publicly_accessible", resource("AWS::Lightsail::Database", "x", json::object()),
         CheckStatus::kNotAssessed);
}

// ---- CodePipeline and CodeArtifact (customer managed keys from the KMS inventory) ----

Resource kms_key(std::string id, std::string manager, json aliases) {
  Resource k = resource("AWS::KMS::Key", std::move(id), {{"key_manager", std::move(manager)}, {"aliases", std::move(aliases)}});
  k.arn = "arn:aws:kms:us-east-1:111122223333:key/" + k.id;
  return k;
}

Inventory keys() {
  Inventory inv;
  inv.add(kms_key("cust-1", "CUSTOMER", json::array({"alias/pipeline"})));
  inv.add(kms_key("aws-1", "AWS", json::array({"alias/aws/s3"})));
  inv.add(kms_key("aws-2", "AWS", json::array({"alias/aws/codeartifact"})));
  return inv;
}

Resource pipeline(json stores) {
  return resource("AWS::CodePipeline::Pipeline", "release", {{"artifact_stores", std::move(stores)}});
}

json store(json key, json region = nullptr) {
  return {{"region", std::move(region)}, {"type", "S3"}, {"location", "artifacts-bucket"}, {"key", std::move(key)}};
}

TEST(CodePipeline, ArtifactStoreKeys) {
  const char* id = "codepipeline_pipeline_artifact_store_cmk_encrypted";
  const Inventory inv = keys();
  expect(id, pipeline(json::array({store("arn:aws:kms:us-east-1:111122223333:key/cust-1")})), CheckStatus::kPass, "", inv);
  expect(id, pipeline(json::array({store("alias/pipeline")})), CheckStatus::kPass, "", inv);
  expect(id, pipeline(json::array({store("cust-1")})), CheckStatus::kPass, "", inv);
  // A key of another account is a customer's (AWS managed keys belong to the account that uses them).
  expect(id, pipeline(json::array({store("arn:aws:kms:us-east-1:444455556666:key/abc")})), CheckStatus::kPass, "", inv);
  expect(id, pipeline(json::array({store(nullptr)})), CheckStatus::kFail, "default aws/s3 key", inv);
  expect(id, pipeline(json::array({store("arn:aws:kms:us-east-1:111122223333:alias/aws/s3")})), CheckStatus::kFail, "alias/aws/s3", inv);
  expect(id, pipeline(json::array({store("arn:aws:kms:us-east-1:111122223333:key/aws-1")})), CheckStatus::kFail, "", inv);
  // One cross-region store on the default key fails the pipeline.
  expect(id, pipeline(json::array({store("alias/pipeline", "us-east-1"), store(nullptr, "eu-west-1")})), CheckStatus::kFail,
         "(eu-west-1)", inv);
  // A key not in the inventory, or a KMS listing with a gap: unknown, never a PASS.
  expect(id, pipeline(json::array({store("arn:aws:kms:us-east-1:111122223333:key/gone")})), CheckStatus::kNotAssessed,
         "not among the account's KMS keys", inv);
  Inventory gap;
  gap.add_gap(testing::denied("kms", "kms:ListKeys", "us-east-1", "AWS::KMS::Key"));
  expect(id, pipeline(json::array({store("arn:aws:kms:us-east-1:111122223333:key/cust-1")})), CheckStatus::kNotAssessed,
         "kms:ListKeys", gap);
  expect(id, missing("AWS::CodePipeline::Pipeline", "release", {"artifact_stores"}, "codepipeline:GetPipeline denied"),
         CheckStatus::kNotAssessed, "codepipeline:GetPipeline denied", inv);
}

TEST(CodeArtifact, DomainKey) {
  const char* id = "codeartifact_domain_encrypted_cmk";
  const Inventory inv = keys();
  auto domain = [](json key) { return resource("AWS::CodeArtifact::Domain", "packages", {{"encryption_key", std::move(key)}}); };
  expect(id, domain("arn:aws:kms:us-east-1:111122223333:key/cust-1"), CheckStatus::kPass, "customer managed key cust-1", inv);
  expect(id, domain("arn:aws:kms:us-east-1:111122223333:key/aws-2"), CheckStatus::kFail, "AWS managed", inv);
  Resource k = kms_key("half", "AWS", json::array());
  k.props.erase("key_manager");
  k.missing["key_manager"] = "kms:DescribeKey denied";
  Inventory half;
  half.add(k);
  expect(id, domain("arn:aws:kms:us-east-1:111122223333:key/half"), CheckStatus::kNotAssessed, "kms:DescribeKey denied", half);
  expect(id, domain(nullptr), CheckStatus::kNotAssessed, "", inv);
  expect(id, resource("AWS::CodeArtifact::Domain", "packages", json::object()), CheckStatus::kNotAssessed, "", inv);
}

TEST(CodeArtifact, RepositoryPolicy) {
  const char* id = "codeartifact_repository_policy_not_public";
  auto repo = [](json policy) { return resource("AWS::CodeArtifact::Repository", "packages/npm-store", {{"policy", std::move(policy)}}); };
  json open = {{"Sid", "AnyoneReads"}, {"Effect", "Allow"}, {"Principal", "*"}, {"Action", "codeartifact:ReadFromRepository"},
               {"Resource", "*"}};
  json doc = {{"Version", "2012-10-17"}, {"Statement", json::array({open})}};
  expect(id, repo(doc), CheckStatus::kFail, "AnyoneReads");
  open["Condition"] = {{"StringEquals", {{"aws:PrincipalOrgID", "o-a1b2c3d4e5"}}}};
  expect(id, repo({{"Version", "2012-10-17"}, {"Statement", json::array({open})}}), CheckStatus::kPass);
  expect(id, repo(nullptr), CheckStatus::kPass, "no permissions policy");
  expect(id, missing("AWS::CodeArtifact::Repository", "packages/npm-store", {"policy"},
                     "codeartifact:GetRepositoryPermissionsPolicy denied"),
         CheckStatus::kNotAssessed, "GetRepositoryPermissionsPolicy denied");
  expect(id, resource("AWS::CodeArtifact::Repository", "packages/npm-store", json::object()), CheckStatus::kNotAssessed);
}

}  // namespace
}  // namespace cloudpeek::checks
