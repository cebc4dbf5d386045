// Auto Scaling, CloudFormation, CodeBuild, Kinesis, Firehose and Step
// Functions checks: each one PASSes, FAILs, and says NOT_ASSESSED with the
// reason when what it reads was not collected. One test binary for these
// services (compile time).
#include <gtest/gtest.h>

#include <ctime>
#include <set>

#include "checks/check.h"
#include "checks/cloudformation_util.h"
#include "checks/testing.h"
#include "checks/testing_expect.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;
using testing::expect;
using testing::expect_not_applicable;

Resource with(std::string type, std::string id, json defaults, const json& changes) {
  for (const auto& [k, v] : changes.items()) defaults[k] = v;
  return resource(std::move(type), std::move(id), std::move(defaults));
}

Resource without(Resource r, const char* property, const char* reason = nullptr) {
  r.props.erase(property);
  if (reason) r.missing[property] = reason;
  return r;
}

// ---- Auto Scaling ----

Resource group(json changes) {
  return with("AWS::AutoScaling::AutoScalingGroup", "web",
              {{"launch_configuration", nullptr},
               {"launch_template", {{"id", "lt-0abc"}, {"name", "web"}, {"version", "$Latest"}}},
               {"availability_zones", {"us-east-1a", "us-east-1b"}},
               {"load_balancers", {"arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/1"}},
               {"health_check_type", "ELB"}},
              changes);
}

TEST(AutoScalingGroups, LaunchTemplate) {
  const char* id = "autoscaling_group_using_ec2_launch_template";
  expect(id, group({}), CheckStatus::kPass, "launch template web");
  expect(id, group({{"launch_template", nullptr}, {"launch_configuration", "web-lc"}}), CheckStatus::kFail,
         "launch configuration web-lc");
  expect(id, group({{"launch_template", nullptr}}), CheckStatus::kFail, "no launch template");
  // Neither present: never a verdict without the data.
  expect(id, without(group({}), "launch_template"), CheckStatus::kNotAssessed);
  expect(id, without(group({}), "launch_configuration", "autoscaling:DescribeAutoScalingGroups denied"),
         CheckStatus::kNotAssessed, "denied");
}

TEST(AutoScalingGroups, MultipleAvailabilityZones) {
  const char* id = "autoscaling_group_multiple_az";
  expect(id, group({}), CheckStatus::kPass, "2 Availability Zones");
  expect(id, group({{"availability_zones", {"us-east-1a"}}}), CheckStatus::kFail, "single");
  expect(id, group({{"availability_zones", nullptr}}), CheckStatus::kNotAssessed);
  expect(id, without(group({}), "availability_zones"), CheckStatus::kNotAssessed);
}

TEST(AutoScalingGroups, ElbHealthChecks) {
  const char* id = "autoscaling_group_elb_health_check_enabled";
  expect(id, group({}), CheckStatus::kPass, "load balancer's health checks");
  expect(id, group({{"health_check_type", "EC2"}}), CheckStatus::kFail, "EC2 health checks only");
  expect_not_applicable(id, group({{"health_check_type", "EC2"}, {"load_balancers", json::array()}}), "not attached");
  expect(id, without(group({}), "health_check_type"), CheckStatus::kNotAssessed);
  expect(id, without(group({}), "load_balancers"), CheckStatus::kNotAssessed);
}

Resource launch_config(json changes) {
  return with("AWS::AutoScaling::LaunchConfiguration", "web-lc",
              {{"http_tokens", "required"}, {"http_endpoint", "enabled"}, {"http_put_response_hop_limit", 1},
               {"associate_public_ip", false}},
              changes);
}

TEST(AutoScalingLaunchConfigurations, Imdsv2) {
  const char* id = "autoscaling_launch_configuration_requires_imdsv2";
  expect(id, launch_config({}), CheckStatus::kPass, "requires IMDSv2");
  expect(id, launch_config({{"http_tokens", "optional"}}), CheckStatus::kFail, "IMDSv1");
  expect(id, launch_config({{"http_tokens", "optional"}, {"http_endpoint", "disabled"}}), CheckStatus::kPass, "off");
  expect(id, without(launch_config({}), "http_tokens"), CheckStatus::kNotAssessed);
}

TEST(AutoScalingLaunchConfigurations, HopLimit) {
  const char* id = "autoscaling_launch_configuration_metadata_hop_limit";
  expect(id, launch_config({}), CheckStatus::kPass);
  expect(id, launch_config({{"http_put_response_hop_limit", 2}}), CheckStatus::kFail, "hop limit of 2");
  expect(id, launch_config({{"http_put_response_hop_limit", 3}, {"http_endpoint", "disabled"}}), CheckStatus::kPass);
  expect(id, launch_config({{"http_put_response_hop_limit", nullptr}}), CheckStatus::kNotAssessed);
  expect(id, without(launch_config({}), "http_put_response_hop_limit"), CheckStatus::kNotAssessed);
}

TEST(AutoScalingLaunchConfigurations, PublicIp) {
  const char* id = "autoscaling_launch_configuration_no_public_ip";
  expect(id, launch_config({}), CheckStatus::kPass, "no public IP");
  expect(id, launch_config({{"associate_public_ip", nullptr}}), CheckStatus::kPass, "subnet");
  expect(id, launch_config({{"associate_public_ip", true}}), CheckStatus::kFail);
  expect(id, without(launch_config({}), "associate_public_ip"), CheckStatus::kNotAssessed);
}

// ---- CloudFormation ----

Resource stack(json changes) {
  return with("AWS::CloudFormation::Stack", "network",
              {{"termination_protection", true},
               {"root_stack", nullptr},
               {"notification_arns", {"arn:aws:sns:us-east-1:111122223333:stack-events"}},
               {"role_arn", nullptr},
               {"drift_status", "IN_SYNC"},
               {"parameters", json::array()},
               {"output_keys", json::array()},
               {"output_secret_values", json::array()}},
              changes);
}

TEST(CloudFormationStacks, TerminationProtection) {
  const char* id = "cloudformation_stack_termination_protection_enabled";
  expect(id, stack({}), CheckStatus::kPass);
  expect(id, stack({{"termination_protection", false}}), CheckStatus::kFail);
  expect(id, stack({{"termination_protection", false}, {"root_stack", "platform"}}), CheckStatus::kFail,
         "nested in platform");
  expect(id, without(stack({}), "termination_protection", "cloudformation:DescribeStacks denied"),
         CheckStatus::kNotAssessed, "denied");
}

TEST(CloudFormationStacks, Notifications) {
  const char* id = "cloudformation_stack_notifications_enabled";
  expect(id, stack({}), CheckStatus::kPass, "stack-events");
  expect(id, stack({{"notification_arns", json::array()}}), CheckStatus::kFail);
  expect(id, without(stack({}), "notification_arns"), CheckStatus::kNotAssessed);
}

TEST(CloudFormationStacks, CamelCaseNames) {
  EXPECT_EQ(cloudformation::snake_case("DbPasswordSecretArn"), "db_password_secret_arn");
  EXPECT_EQ(cloudformation::snake_case("DBPassword"), "db_password");
  EXPECT_EQ(cloudformation::snake_case("GitHubOAuthToken"), "git_hub_o_auth_token");
  EXPECT_TRUE(cloudformation::secret_name("DBPassword"));
  EXPECT_TRUE(cloudformation::secret_name("ApiKey"));
  EXPECT_TRUE(cloudformation::secret_name("GitHubOAuthToken"));
  EXPECT_FALSE(cloudformation::secret_name("DbPasswordSecretArn"));
  EXPECT_FALSE(cloudformation::secret_name("MinPasswordLength"));
  EXPECT_FALSE(cloudformation::secret_name("VpcId"));
}

TEST(CloudFormationStacks, OutputsWithoutSecrets) {
  const char* id = "cloudformation_stack_outputs_no_secrets";
  expect(id, stack({{"output_keys", {"VpcId", "DbPasswordSecretArn"}}}), CheckStatus::kPass, "2 outputs");
  expect(id, stack({{"output_keys", {"VpcId", "AdminPassword"}}}), CheckStatus::kFail, "AdminPassword (named like a secret)");
  // A value shaped like a credential fails whatever the name, named once.
  CheckResult shaped = run_on(id, stack({{"output_keys", {"DeployUserKey"}},
                                         {"output_secret_values", {{{"name", "DeployUserKey"}, {"kind", "an AWS access key id"}}}}}));
  EXPECT_EQ(shaped.status, CheckStatus::kFail);
  EXPECT_NE(shaped.detail.find("DeployUserKey (value looks like an AWS access key id)"), std::string::npos) << shaped.detail;
  EXPECT_EQ(shaped.detail.find("named like a secret"), std::string::npos) << shaped.detail;
  expect(id, without(stack({}), "output_secret_values"), CheckStatus::kNotAssessed);
  expect(id, without(stack({}), "output_keys"), CheckStatus::kNotAssessed);
}

json param(const char* name, bool masked = false, bool reference = false) {
  return {{"name", name}, {"masked", masked}, {"reference", reference}};
}

TEST(CloudFormationStacks, ParametersWithoutPlaintextSecrets) {
  const char* id = "cloudformation_stack_parameters_no_plaintext_secrets";
  expect(id, stack({{"parameters", {param("Environment"), param("DbPassword", true)}}}), CheckStatus::kPass);
  expect(id, stack({{"parameters", {param("DbPasswordParameterName"), param("ApiToken", false, true)}}}),
         CheckStatus::kPass);
  expect(id, stack({{"parameters", {param("Environment"), param("DbPassword")}}}), CheckStatus::kFail, "DbPassword");
  expect(id, without(stack({}), "parameters"), CheckStatus::kNotAssessed);
}

// ---- CodeBuild ----

const char kBatchDenied[] = "codebuild:BatchGetProjects denied (AccessDeniedException)";

Resource project(json changes) {
  return with("AWS::CodeBuild::Project", "app-build",
              {{"environment_variables", {{{"name", "STAGE"}, {"type", "PLAINTEXT"}}}},
               {"env_secret_values", json::array()},
               {"privileged_mode", false},
               {"sources", {{{"id", "primary"}, {"type", "GITHUB"}, {"location", "https://github.com/o/r.git"}, {"credentials", nullptr}}}},
               {"cloudwatch_logs", true},
               {"s3_logs", {{"enabled", false}, {"encrypted", true}}},
               {"artifacts", {{{"id", "primary"}, {"type", "S3"}, {"encrypted", true}}}}},
              changes);
}

Resource undescribed_project() {
  Resource r = resource("AWS::CodeBuild::Project", "app-build", json::object());
  for (const char* p : {"environment_variables", "env_secret_values", "privileged_mode", "sources", "cloudwatch_logs",
                        "s3_logs", "artifacts", "created", "last_build_time"})
    r.missing[p] = kBatchDenied;
  return r;
}

json var(const char* name, const char* type = "PLAINTEXT") { return {{"name", name}, {"type", type}}; }

TEST(CodeBuildProjects, NoSecretsInVariables) {
  const char* id = "codebuild_project_no_secrets_in_variables";
  expect(id, project({}), CheckStatus::kPass);
  expect(id, project({{"environment_variables", {var("DB_PASSWORD", "SECRETS_MANAGER"), var("TOKEN", "PARAMETER_STORE")}}}),
         CheckStatus::kPass);
  expect(id, project({{"environment_variables", {var("AWS_ACCESS_KEY_ID")}}}), CheckStatus::kFail, "AWS credentials");
  expect(id, project({{"environment_variables", {var("NPM_TOKEN")}}}), CheckStatus::kFail, "NPM_TOKEN (named like a secret)");
  expect(id,
         project({{"environment_variables", {var("UPSTREAM")}},
                  {"env_secret_values", {{{"name", "UPSTREAM"}, {"kind", "a URL with a password"}}}}}),
         CheckStatus::kFail, "UPSTREAM (value looks like a URL with a password)");
  expect(id, undescribed_project(), CheckStatus::kNotAssessed, kBatchDenied);
}

TEST(CodeBuildProjects, SourceUrlCredentials) {
  const char* id = "codebuild_project_source_repo_url_no_credentials";
  expect(id, project({}), CheckStatus::kPass, "1 source");
  expect(id,
         project({{"sources",
                   {{{"id", "primary"}, {"type", "GITHUB"}, {"location", "https://github.com/o/r.git"}, {"credentials", nullptr}},
                    {{"id", "infra"}, {"type", "BITBUCKET"}, {"location", "https://***@bitbucket.org/o/infra.git"},
                     {"credentials", "a user name and password"}}}}}),
         CheckStatus::kFail, "infra https://***@bitbucket.org/o/infra.git (a user name and password)");
  expect(id, undescribed_project(), CheckStatus::kNotAssessed, kBatchDenied);
}

TEST(CodeBuildProjects, Logging) {
  const char* id = "codebuild_project_logging_enabled";
  expect(id, project({}), CheckStatus::kPass, "CloudWatch Logs");
  expect(id, project({{"cloudwatch_logs", false}, {"s3_logs", {{"enabled", true}, {"encrypted", true}}}}),
         CheckStatus::kPass, "S3");
  expect(id, project({{"cloudwatch_logs", false}}), CheckStatus::kFail);
  expect(id, undescribed_project(), CheckStatus::kNotAssessed, kBatchDenied);
}

TEST(CodeBuildProjects, S3LogsEncrypted) {
  const char* id = "codebuild_project_s3_logs_encrypted";
  expect_not_applicable(id, project({}), "no build logs to S3");
  expect(id, project({{"s3_logs", {{"enabled", true}, {"encrypted", true}}}}), CheckStatus::kPass, "encrypts");
  expect(id, project({{"s3_logs", {{"enabled", true}, {"encrypted", false}}}}), CheckStatus::kFail);
  expect(id, undescribed_project(), CheckStatus::kNotAssessed, kBatchDenied);
}

TEST(CodeBuildProjects, PrivilegedMode) {
  const char* id = "codebuild_project_privileged_mode_disabled";
  expect(id, project({}), CheckStatus::kPass);
  expect(id, project({{"privileged_mode", true}}), CheckStatus::kFail);
  expect(id, undescribed_project(), CheckStatus::kNotAssessed, kBatchDenied);
}

TEST(CodeBuildProjects, ArtifactsEncrypted) {
  const char* id = "codebuild_project_artifacts_encrypted";
  expect(id, project({}), CheckStatus::kPass);
  expect(id, project({{"artifacts", json::array()}}), CheckStatus::kPass, "no artifacts");
  expect(id,
         project({{"artifacts", {{{"id", "primary"}, {"type", "S3"}, {"encrypted", true}},
                                 {{"id", "reports"}, {"type", "S3"}, {"encrypted", false}}}}}),
         CheckStatus::kFail, "reports");
  expect(id, undescribed_project(), CheckStatus::kNotAssessed, kBatchDenied);
}


TEST(CodeBuildProjects, BuiltInTheLast90Days) {
  const char* id = "codebuild_project_older_90_days";
  auto iso_days_ago = [](long long days) {
    std::time_t t = std::time(nullptr) - days * 86400;
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return std::string(buf);
  };
  expect(id, project({{"last_build_time", iso_days_ago(3)}, {"created", iso_days_ago(400)}}), CheckStatus::kPass,
         "3 days ago");
  expect(id, project({{"last_build_time", iso_days_ago(120)}, {"created", iso_days_ago(400)}}), CheckStatus::kFail,
         "120 days");
  expect(id, project({{"last_build_time", nullptr}, {"created", iso_days_ago(10)}}), CheckStatus::kPass, "not been built yet");
  expect(id, project({{"last_build_time", nullptr}, {"created", iso_days_ago(200)}}), CheckStatus::kFail, "never been built");
  Resource denied = project({{"created", iso_days_ago(400)}});
  denied.missing["last_build_time"] = "codebuild:ListBuildsForProject denied (AccessDeniedException)";
  expect(id, denied, CheckStatus::kNotAssessed, "ListBuildsForProject denied");
  expect(id, project({{"created", iso_days_ago(400)}}), CheckStatus::kNotAssessed);  // not collected at all
  expect(id, project({{"last_build_time", nullptr}, {"created", nullptr}}), CheckStatus::kNotAssessed);
  expect(id, undescribed_project(), CheckStatus::kNotAssessed, kBatchDenied);
}

// ---- Kinesis ----

Resource stream(json changes) {
  Resource r = with("AWS::Kinesis::Stream", "clicks",
                    {{"encryption", "KMS"}, {"kms_key_id", "alias/aws/kinesis"}, {"retention_hours", 168}}, changes);
  r.arn = "arn:aws:kinesis:us-east-1:111122223333:stream/clicks";
  return r;
}

TEST(KinesisStreams, EncryptedAtRest) {
  const char* id = "kinesis_stream_encrypted_at_rest";
  expect(id, stream({}), CheckStatus::kPass, "alias/aws/kinesis");
  expect(id, stream({{"encryption", "NONE"}}), CheckStatus::kFail, "unencrypted");
  expect(id, without(stream({}), "encryption", "kinesis:DescribeStreamSummary denied (AccessDeniedException)"),
         CheckStatus::kNotAssessed, "DescribeStreamSummary denied");
}

TEST(KinesisStreams, RetentionAtLeastSevenDays) {
  const char* id = "kinesis_stream_data_retention_period";
  expect(id, stream({}), CheckStatus::kPass, "168 hours");
  expect(id, stream({{"retention_hours", 24}}), CheckStatus::kFail, "24 hours");
  expect(id, stream({{"retention_hours", 167}}), CheckStatus::kFail);
  expect(id, stream({{"retention_hours", nullptr}}), CheckStatus::kNotAssessed);
  expect(id, without(stream({}), "retention_hours"), CheckStatus::kNotAssessed);
}

// ---- Firehose ----

Resource delivery(json changes) {
  return with("AWS::KinesisFirehose::DeliveryStream", "to-s3",
              {{"stream_type", "DirectPut"}, {"encryption_status", "ENABLED"}, {"encryption_key_type", "AWS_OWNED_CMK"},
               {"source_stream_arn", nullptr}},
              changes);
}

TEST(FirehoseStreams, DirectPutEncryption) {
  const char* id = "firehose_stream_encrypted_at_rest";
  expect(id, delivery({}), CheckStatus::kPass, "AWS_OWNED_CMK");
  expect(id, delivery({{"encryption_status", "DISABLED"}}), CheckStatus::kFail, "DISABLED");
  expect(id, delivery({{"encryption_status", "ENABLING_FAILED"}}), CheckStatus::kFail);
  expect(id, without(delivery({}), "encryption_status", "firehose:DescribeDeliveryStream denied"),
         CheckStatus::kNotAssessed, "denied");
}

TEST(FirehoseStreams, KinesisSourceIsJudgedByTheSourceStream) {
  const char* id = "firehose_stream_encrypted_at_rest";
  const Resource from_kinesis = delivery({{"stream_type", "KinesisStreamAsSource"},
                                          {"encryption_status", "DISABLED"},
                                          {"encryption_key_type", nullptr},
                                          {"source_stream_arn", "arn:aws:kinesis:us-east-1:111122223333:stream/clicks"}});
  Inventory encrypted;
  encrypted.add(stream({}));
  CheckResult got = run_on(id, from_kinesis, encrypted);
  EXPECT_EQ(got.status, CheckStatus::kPass) << got.detail;
  EXPECT_NE(got.detail.find("clicks, which is encrypted"), std::string::npos) << got.detail;

  Inventory plain;
  plain.add(stream({{"encryption", "NONE"}}));
  EXPECT_EQ(run_on(id, from_kinesis, plain).status, CheckStatus::kFail);

  Inventory undescribed;
  undescribed.add(without(stream({}), "encryption", "kinesis:DescribeStreamSummary denied (AccessDeniedException)"));
  got = run_on(id, from_kinesis, undescribed);
  EXPECT_EQ(got.status, CheckStatus::kNotAssessed) << got.detail;
  EXPECT_NE(got.detail.find("DescribeStreamSummary denied"), std::string::npos) << got.detail;

  // Source not in the inventory: never a verdict.
  got = run_on(id, from_kinesis, Inventory{});
  EXPECT_EQ(got.status, CheckStatus::kNotAssessed) << got.detail;
  EXPECT_NE(got.detail.find("not in the inventory"), std::string::npos) << got.detail;
}

// ---- Step Functions ----

Resource machine(json changes) {
  return with("AWS::StepFunctions::StateMachine", "orders",
              {{"type", "STANDARD"},
               {"logging_level", "ERROR"},
               {"log_destinations", {"arn:aws:logs:us-east-1:111122223333:log-group:/sfn/orders:*"}},
               {"tracing_enabled", true}},
              changes);
}

TEST(StepFunctions, Logging) {
  const char* id = "stepfunctions_statemachine_logging_enabled";
  expect(id, machine({}), CheckStatus::kPass, "level ERROR");
  expect(id, machine({{"logging_level", "OFF"}, {"log_destinations", json::array()}}), CheckStatus::kFail, "OFF");
  expect(id, machine({{"log_destinations", json::array()}}), CheckStatus::kFail, "no log group");
  expect(id, without(machine({}), "logging_level", "states:DescribeStateMachine denied"), CheckStatus::kNotAssessed,
         "denied");
}

TEST(StepFunctions, XRayTracing) {
  const char* id = "stepfunctions_statemachine_xray_tracing_enabled";
  expect(id, machine({}), CheckStatus::kPass);
  expect(id, machine({{"tracing_enabled", false}}), CheckStatus::kFail);
  expect(id, without(machine({}), "tracing_enabled"), CheckStatus::kNotAssessed);
}

// Every check of these services carries what a user needs to act on it.
TEST(DevOpsChecksMetadata, Complete) {
  int n = 0;
  for (const Check* c : all_checks()) {
    static const std::set<std::string> kServices = {"autoscaling", "cloudformation", "codebuild",
                                                     "kinesis",     "firehose",       "stepfunctions"};
    if (!kServices.count(c->meta.service)) continue;
    ++n;
    EXPECT_FALSE(c->meta.title.empty()) << c->meta.id;
    EXPECT_FALSE(c->meta.description.empty()) << c->meta.id;
    EXPECT_FALSE(c->meta.risk.empty()) << c->meta.id;
    EXPECT_FALSE(c->meta.remediation.text.empty()) << c->meta.id;
    EXPECT_FALSE(c->meta.remediation.cli.empty()) << c->meta.id;
    EXPECT_FALSE(c->meta.remediation.terraform.empty()) << c->meta.id;
    EXPECT_FALSE(c->meta.references.empty()) << c->meta.id;
    EXPECT_FALSE(c->reads.empty()) << c->meta.id;
    EXPECT_EQ(c->meta.id.rfind(c->meta.service + "_", 0), 0u) << c->meta.id;
  }
  EXPECT_EQ(n, 22);
}

}  // namespace
}  // namespace cloudpeek::checks
