// Systems Manager, AWS Backup, Route 53, EventBridge, Athena and Glue checks:
// each one PASSes, FAILs, and says NOT_ASSESSED with the reason when what it
// reads was not collected. One test binary for these services (compile time).
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

Resource missing(std::string type, std::string id, std::initializer_list<const char*> props, const std::string& why) {
  Resource r = resource(std::move(type), std::move(id), json::object());
  for (const char* p : props) r.missing[p] = why;
  return r;
}

// ---- Systems Manager ----

Resource node(std::string id, json patch, json association, std::string region = "us-east-1") {
  return resource("AWS::SSM::ManagedInstance", id,
                  {{"instance_id", id}, {"ping_status", "Online"}, {"resource_type", "EC2Instance"},
                   {"patch_compliance", std::move(patch)}, {"association_compliance", std::move(association)}},
                  region);
}

TEST(SsmEc2InstancesManaged, ManagedInItsRegionOnly) {
  const char* id = "ssm_ec2_instances_managed";
  Inventory inv;
  inv.add(node("i-0001", nullptr, nullptr));
  inv.add(node("i-0002", nullptr, nullptr, "eu-west-1"));
  auto instance = [](std::string iid, std::string region = "us-east-1") {
    return resource("AWS::EC2::Instance", iid, {{"state", "running"}}, region);
  };
  expect(id, instance("i-0001"), CheckStatus::kPass, "ping status Online", inv);
  expect(id, instance("i-0003"), CheckStatus::kFail, "i-0003 (running) is not a Systems Manager managed node", inv);
  // The same id managed in another region is not this instance.
  expect(id, instance("i-0002"), CheckStatus::kFail, "", inv);
  expect(id, instance("i-0002", "eu-west-1"), CheckStatus::kPass, "", inv);
  // Managed nodes could not be listed in the region: never a FAIL (nor a PASS).
  inv.add_gap(testing::denied("ssm", "ssm:DescribeInstanceInformation", "us-east-1", "AWS::SSM::ManagedInstance"));
  expect(id, instance("i-0003"), CheckStatus::kNotAssessed, "ssm:DescribeInstanceInformation", inv);
  expect(id, instance("i-0002", "eu-west-1"), CheckStatus::kPass, "", inv);
}

TEST(SsmPatchCompliance, CompliantNonCompliantNeverScanned) {
  const char* id = "ssm_managed_instance_patch_compliant";
  expect(id, node("i-1", {{"status", "COMPLIANT"}, {"non_compliant", 0}}, nullptr), CheckStatus::kPass);
  expect(id, node("i-2", {{"status", "NON_COMPLIANT"}, {"non_compliant", 3}, {"critical", 1}, {"high", 2}}, nullptr),
         CheckStatus::kFail, "3 missing or failed (1 critical, 2 high)");
  expect(id, node("i-3", nullptr, nullptr), CheckStatus::kFail, "never reported patch compliance");
  const std::string why = "ssm:ListResourceComplianceSummaries denied (AccessDeniedException)";
  expect(id, missing("AWS::SSM::ManagedInstance", "i-4", {"patch_compliance", "association_compliance"}, why),
         CheckStatus::kNotAssessed, why);
  expect(id, resource("AWS::SSM::ManagedInstance", "i-5", json::object()), CheckStatus::kNotAssessed);
}

TEST(SsmAssociationCompliance, CompliantNonCompliantNone) {
  const char* id = "ssm_managed_instance_association_compliant";
  expect(id, node("i-1", nullptr, {{"status", "COMPLIANT"}, {"non_compliant", 0}}), CheckStatus::kPass);
  expect(id, node("i-2", nullptr, {{"status", "NON_COMPLIANT"}, {"non_compliant", 2}}), CheckStatus::kFail,
         "NON_COMPLIANT for 2 State Manager association(s)");
  expect_not_applicable(id, node("i-3", nullptr, nullptr), "no State Manager association");
  const std::string why = "ssm:ListResourceComplianceSummaries denied (AccessDeniedException)";
  expect(id, missing("AWS::SSM::ManagedInstance", "i-4", {"association_compliance"}, why), CheckStatus::kNotAssessed,
         why);
}

TEST(SsmDocumentsNotPublic, PublicNamedAccountsNotShared) {
  const char* id = "ssm_documents_not_public";
  auto document = [](json shared) { return resource("AWS::SSM::Document", "deploy", {{"shared_with", shared}}); };
  expect(id, document(json::array()), CheckStatus::kPass, "is not shared");
  expect(id, document({"444455556666"}), CheckStatus::kPass, "1 named account(s)");
  expect(id, document({"444455556666", "all"}), CheckStatus::kFail, "shared publicly");
  const std::string why = "ssm:DescribeDocumentPermission denied (AccessDeniedException)";
  expect(id, missing("AWS::SSM::Document", "deploy", {"shared_with"}, why), CheckStatus::kNotAssessed, why);
  expect(id, resource("AWS::SSM::Document", "deploy", json::object()), CheckStatus::kNotAssessed);
}

TEST(SsmParametersSecureString, SecretNamesMustBeSecureStrings) {
  const char* id = "ssm_parameters_secrets_secure_string";
  auto parameter = [](std::string name, std::string type) {
    return resource("AWS::SSM::Parameter", std::move(name), {{"type", type}, {"key_id", nullptr}});
  };
  expect(id, parameter("/prod/db/password", "String"), CheckStatus::kFail, "plain String");
  expect(id, parameter("/prod/stripe/API_KEY", "StringList"), CheckStatus::kFail, "StringList");
  expect(id, parameter("DB_TOKEN", "String"), CheckStatus::kFail);
  expect(id, parameter("/prod/db/password", "SecureString"), CheckStatus::kPass);
  expect(id, parameter("/prod/db/host", "String"), CheckStatus::kPass);
  // A reference to a secret kept elsewhere, and a folder named like one, are not secrets.
  expect(id, parameter("/prod/db/password_arn", "String"), CheckStatus::kPass);
  expect(id, parameter("/shared/secrets/endpoint", "String"), CheckStatus::kPass);
  expect(id, resource("AWS::SSM::Parameter", "/prod/db/password", json::object()), CheckStatus::kNotAssessed);
}

// ---- AWS Backup ----

Resource vault(json props) {
  json p = {{"encryption_key_arn", "arn:aws:kms:us-east-1:111122223333:key/k"}, {"locked", false},
            {"recovery_points", 2}, {"access_policy", nullptr}, {"unencrypted_recovery_points", json::array()}};
  for (const auto& [k, v] : props.items()) p[k] = v;
  return resource("AWS::Backup::BackupVault", "prod-vault", p);
}

TEST(BackupVaultPolicy, PublicOrgOnlyNone) {
  const char* id = "backup_vaults_access_policy_not_public";
  expect(id, vault({}), CheckStatus::kPass, "no access policy");
  json open = {{"Version", "2012-10-17"},
               {"Statement", {{{"Sid", "Anyone"}, {"Effect", "Allow"}, {"Principal", "*"},
                               {"Action", "backup:CopyIntoBackupVault"}, {"Resource", "*"}}}}};
  expect(id, vault({{"access_policy", open}}), CheckStatus::kFail, "statement Anyone");
  json org = open;
  org["Statement"][0]["Condition"] = {{"StringEquals", {{"aws:PrincipalOrgID", "o-abc"}}}};
  expect(id, vault({{"access_policy", org}}), CheckStatus::kPass, "named principals or under conditions");
  json deny = open;
  deny["Statement"][0]["Effect"] = "Deny";
  expect(id, vault({{"access_policy", deny}}), CheckStatus::kPass);
  const std::string why = "backup:GetBackupVaultAccessPolicy denied (AccessDeniedException)";
  expect(id, missing("AWS::Backup::BackupVault", "v", {"access_policy"}, why), CheckStatus::kNotAssessed, why);
  expect(id, resource("AWS::Backup::BackupVault", "v", json::object()), CheckStatus::kNotAssessed);
}

TEST(BackupRecoveryPointsEncrypted, PassFailNotAssessed) {
  const char* id = "backup_vaults_recovery_points_encrypted";
  expect(id, vault({}), CheckStatus::kPass);
  expect(id, vault({{"unencrypted_recovery_points", {"arn:aws:ec2:us-east-1::snapshot/snap-1"}}}), CheckStatus::kFail,
         "1 unencrypted recovery point(s): arn:aws:ec2:us-east-1::snapshot/snap-1");
  json many = json::array();
  for (int i = 0; i < 8; ++i) many.push_back("rp-" + std::to_string(i));
  CheckResult got = run_on(id, vault({{"unencrypted_recovery_points", many}}));
  EXPECT_NE(got.detail.find("8 unencrypted"), std::string::npos) << got.detail;
  EXPECT_EQ(got.detail.find("rp-7"), std::string::npos) << "the detail lists at most five: " << got.detail;
  const std::string why = "backup:ListRecoveryPointsByBackupVault denied (AccessDeniedException)";
  expect(id, missing("AWS::Backup::BackupVault", "v", {"unencrypted_recovery_points"}, why), CheckStatus::kNotAssessed,
         why);
}

TEST(BackupVaultCustomerKey, CustomerAwsManagedOtherAccountUnknown) {
  const char* id = "backup_vaults_encrypted_customer_key";
  Inventory inv;
  Resource customer = resource("AWS::KMS::Key", "k1", {{"key_manager", "CUSTOMER"}});
  customer.arn = "arn:aws:kms:us-east-1:111122223333:key/k1";
  Resource managed = resource("AWS::KMS::Key", "aws/backup", {{"key_manager", "AWS"}});
  managed.arn = "arn:aws:kms:us-east-1:111122223333:key/k2";
  inv.add(customer);
  inv.add(managed);
  expect(id, vault({{"encryption_key_arn", customer.arn}}), CheckStatus::kPass, "customer managed key k1", inv);
  expect(id, vault({{"encryption_key_arn", managed.arn}}), CheckStatus::kFail, "AWS managed key aws/backup", inv);
  expect(id, vault({{"encryption_key_arn", "arn:aws:kms:us-east-1:444455556666:key/x"}}), CheckStatus::kPass,
         "of account 444455556666", inv);
  // A key of the account the inventory does not hold: never judged either way.
  expect(id, vault({{"encryption_key_arn", "arn:aws:kms:us-east-1:111122223333:key/gone"}}), CheckStatus::kNotAssessed,
         "not among the account's KMS keys", inv);
  inv.add_gap(testing::denied("kms", "kms:ListKeys", "eu-west-1", "AWS::KMS::Key"));
  expect(id, vault({{"encryption_key_arn", "arn:aws:kms:eu-west-1:111122223333:key/k3"}}), CheckStatus::kNotAssessed,
         "kms:ListKeys", inv);
  expect(id, vault({{"encryption_key_arn", nullptr}}), CheckStatus::kFail, "names no KMS key", inv);
}

TEST(BackupPlansAndReportPlans, PerRegionInUse) {
  auto summary = [](json plans, json reports) {
    return resource("AWS::Backup::RegionSummary", "us-east-1",
                    {{"backup_plans", std::move(plans)}, {"report_plans", std::move(reports)}, {"vaults", 1}});
  };
  expect("backup_plans_exist", summary({"daily"}, json::array()), CheckStatus::kPass, "daily");
  expect("backup_plans_exist", summary(json::array(), json::array()), CheckStatus::kFail, "no backup plan");
  expect("backup_reportplans_exist", summary({"daily"}, {"jobs"}), CheckStatus::kPass);
  expect("backup_reportplans_exist", summary({"daily"}, json::array()), CheckStatus::kFail, "without a report plan");
  const std::string why = "backup:ListReportPlans denied (AccessDeniedException)";
  Resource r = summary({"daily"}, json::array());
  r.props.erase("report_plans");
  r.missing["report_plans"] = why;
  expect("backup_reportplans_exist", r, CheckStatus::kNotAssessed, why);
  expect("backup_plans_exist", r, CheckStatus::kPass);
}

// ---- Route 53 ----

Resource zone(bool is_private, json logging, json dnssec) {
  return resource("AWS::Route53::HostedZone", "Z1",
                  {{"private", is_private}, {"query_logging", std::move(logging)}, {"dnssec_status", std::move(dnssec)},
                   {"record_set_count", 4}},
                  "global");
}

TEST(Route53QueryLogging, PublicZonesOnly) {
  const char* id = "route53_public_hosted_zones_query_logging_enabled";
  expect(id, zone(false, {"arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/z"}, "SIGNING"),
         CheckStatus::kPass, "log-group:/aws/route53/z");
  expect(id, zone(false, json::array(), "SIGNING"), CheckStatus::kFail, "does not log DNS queries");
  expect_not_applicable(id, zone(true, json::array(), nullptr), "private");
  const std::string why = "route53:ListQueryLoggingConfigs denied (AccessDenied)";
  Resource r = zone(false, json::array(), "SIGNING");
  r.props.erase("query_logging");
  r.missing["query_logging"] = why;
  expect(id, r, CheckStatus::kNotAssessed, why);
}

TEST(Route53Dnssec, SigningNotSigningPrivate) {
  const char* id = "route53_public_hosted_zones_dnssec_signing";
  expect(id, zone(false, json::array(), "SIGNING"), CheckStatus::kPass);
  expect(id, zone(false, json::array(), "NOT_SIGNING"), CheckStatus::kFail, "status NOT_SIGNING");
  expect(id, zone(false, json::array(), "ACTION_NEEDED"), CheckStatus::kFail, "ACTION_NEEDED");
  expect_not_applicable(id, zone(true, json::array(), nullptr), "private");
  const std::string why = "route53:GetDNSSEC denied (AccessDenied)";
  Resource r = zone(false, json::array(), nullptr);
  r.props.erase("dnssec_status");
  r.missing["dnssec_status"] = why;
  expect(id, r, CheckStatus::kNotAssessed, why);
}

TEST(Route53Domains, TransferLockAndAutoRenew) {
  auto domain = [](bool renew, bool lock) {
    return resource("AWS::Route53Domains::Domain", "example.com",
                    {{"auto_renew", renew}, {"transfer_lock", lock}, {"expiry", "2027-06-01T00:00:00Z"}}, "global");
  };
  expect("route53_domains_transferlock_enabled", domain(true, true), CheckStatus::kPass);
  expect("route53_domains_transferlock_enabled", domain(true, false), CheckStatus::kFail, "not locked");
  expect("route53_domains_autorenew_enabled", domain(true, false), CheckStatus::kPass, "expires 2027-06-01");
  expect("route53_domains_autorenew_enabled", domain(false, true), CheckStatus::kFail, "does not renew");
  for (const char* id : {"route53_domains_transferlock_enabled", "route53_domains_autorenew_enabled"})
    expect(id, resource("AWS::Route53Domains::Domain", "example.com", json::object(), "global"),
           CheckStatus::kNotAssessed);
}

// ---- EventBridge ----

Resource bus(std::string name, bool custom, json policy) {
  return resource("AWS::Events::EventBus", std::move(name),
                  {{"custom", custom}, {"partner", false}, {"policy", std::move(policy)}});
}

json bus_policy(json statement) { return {{"Version", "2012-10-17"}, {"Statement", {std::move(statement)}}}; }

TEST(EventBridgeBusNotPublic, PublicOrgNamedNone) {
  const char* id = "eventbridge_bus_not_public";
  json open = {{"Sid", "AnyonePuts"}, {"Effect", "Allow"}, {"Principal", "*"}, {"Action", "events:PutEvents"},
               {"Resource", "*"}};
  expect(id, bus("default", false, nullptr), CheckStatus::kPass, "no resource policy");
  expect(id, bus("default", false, bus_policy(open)), CheckStatus::kFail, "statement AnyonePuts");
  json org = open;
  org["Condition"] = {{"StringEquals", {{"aws:PrincipalOrgID", "o-abc"}}}};
  expect(id, bus("orders", true, bus_policy(org)), CheckStatus::kPass);
  json named = open;
  named["Principal"] = {{"AWS", "arn:aws:iam::444455556666:root"}};
  expect(id, bus("orders", true, bus_policy(named)), CheckStatus::kPass);
  const std::string why = "the policy of event bus orders is not a JSON object (MalformedPolicy)";
  Resource bad = resource("AWS::Events::EventBus", "orders", {{"custom", true}, {"partner", false}});
  bad.missing["policy"] = why;
  expect(id, bad, CheckStatus::kNotAssessed, why);
}

TEST(EventBridgeCustomBusPolicy, CustomBusesOnly) {
  const char* id = "eventbridge_custom_bus_policy_attached";
  json named = {{"Sid", "Partner"}, {"Effect", "Allow"}, {"Principal", {{"AWS", "arn:aws:iam::444455556666:root"}}},
                {"Action", "events:PutEvents"}, {"Resource", "*"}};
  expect(id, bus("orders", true, bus_policy(named)), CheckStatus::kPass);
  expect(id, bus("audit", true, nullptr), CheckStatus::kFail, "no resource-based policy");
  expect_not_applicable(id, bus("default", false, nullptr), "not a custom bus");
  expect(id, resource("AWS::Events::EventBus", "audit", {{"custom", true}}), CheckStatus::kNotAssessed);
}

// ---- Athena ----

Resource workgroup(json enc, bool enforce, bool metrics) {
  return resource("AWS::Athena::WorkGroup", "analytics",
                  {{"state", "ENABLED"}, {"result_encryption", std::move(enc)}, {"enforce_configuration", enforce},
                   {"publish_metrics", metrics}});
}

TEST(AthenaWorkGroups, EncryptionEnforcementMetrics) {
  expect("athena_workgroup_encryption", workgroup("SSE_KMS", true, true), CheckStatus::kPass, "SSE_KMS");
  expect("athena_workgroup_encryption", workgroup(nullptr, true, true), CheckStatus::kFail);
  expect("athena_workgroup_enforce_configuration", workgroup(nullptr, true, false), CheckStatus::kPass);
  expect("athena_workgroup_enforce_configuration", workgroup("SSE_S3", false, true), CheckStatus::kFail,
         "lets clients override");
  expect("athena_workgroup_logging_enabled", workgroup(nullptr, false, true), CheckStatus::kPass);
  expect("athena_workgroup_logging_enabled", workgroup("SSE_S3", true, false), CheckStatus::kFail);
  const std::string why = "athena:GetWorkGroup denied (AccessDeniedException)";
  Resource denied =
      missing("AWS::Athena::WorkGroup", "analytics", {"result_encryption", "enforce_configuration", "publish_metrics"}, why);
  for (const char* id : {"athena_workgroup_encryption", "athena_workgroup_enforce_configuration",
                         "athena_workgroup_logging_enabled"})
    expect(id, denied, CheckStatus::kNotAssessed, why);
}

// ---- Glue ----

TEST(GlueDataCatalog, MetadataAndConnectionPasswords) {
  auto catalog = [](json mode, json passwords) {
    return resource("AWS::Glue::DataCatalog", "111122223333",
                    {{"metadata_encryption", std::move(mode)}, {"connection_password_encryption", std::move(passwords)}});
  };
  expect("glue_data_catalogs_metadata_encryption_enabled", catalog("SSE-KMS", false), CheckStatus::kPass, "SSE-KMS");
  expect("glue_data_catalogs_metadata_encryption_enabled", catalog("SSE-KMS-WITH-SERVICE-ROLE", false),
         CheckStatus::kPass);
  expect("glue_data_catalogs_metadata_encryption_enabled", catalog("DISABLED", true), CheckStatus::kFail);
  expect("glue_data_catalogs_connection_passwords_encryption_enabled", catalog("DISABLED", true), CheckStatus::kPass);
  expect("glue_data_catalogs_connection_passwords_encryption_enabled", catalog("SSE-KMS", false), CheckStatus::kFail,
         "plain text");
  for (const char* id : {"glue_data_catalogs_metadata_encryption_enabled",
                         "glue_data_catalogs_connection_passwords_encryption_enabled"})
    expect(id, resource("AWS::Glue::DataCatalog", "111122223333", json::object()), CheckStatus::kNotAssessed);
}

TEST(GlueJobs, EncryptionOfS3LogsAndBookmarks) {
  auto job = [](json config, std::string s3, std::string cw, std::string bm) {
    return resource("AWS::Glue::Job", "etl",
                    {{"security_configuration", std::move(config)}, {"s3_encryption", s3}, {"cloudwatch_encryption", cw},
                     {"bookmarks_encryption", bm}});
  };
  expect("glue_etl_jobs_amazon_s3_encryption_enabled", job("enc", "SSE-KMS", "DISABLED", "DISABLED"),
         CheckStatus::kPass, "SSE-KMS");
  expect("glue_etl_jobs_amazon_s3_encryption_enabled", job(nullptr, "DISABLED", "SSE-KMS", "CSE-KMS"),
         CheckStatus::kFail, "no security configuration");
  expect("glue_etl_jobs_cloudwatch_logs_encryption_enabled", job("enc", "DISABLED", "SSE-KMS", "DISABLED"),
         CheckStatus::kPass);
  expect("glue_etl_jobs_cloudwatch_logs_encryption_enabled", job("s3-only", "SSE-S3", "DISABLED", "CSE-KMS"),
         CheckStatus::kFail, "security configuration s3-only");
  expect("glue_etl_jobs_job_bookmark_encryption_enabled", job("enc", "DISABLED", "DISABLED", "CSE-KMS"),
         CheckStatus::kPass);
  expect("glue_etl_jobs_job_bookmark_encryption_enabled", job("enc", "SSE-KMS", "SSE-KMS", "DISABLED"),
         CheckStatus::kFail);
  const std::string why = "glue:GetSecurityConfigurations denied (AccessDeniedException)";
  Resource denied = missing("AWS::Glue::Job", "etl", {"s3_encryption", "cloudwatch_encryption", "bookmarks_encryption"}, why);
  denied.props["security_configuration"] = "enc";
  for (const char* id : {"glue_etl_jobs_amazon_s3_encryption_enabled", "glue_etl_jobs_cloudwatch_logs_encryption_enabled",
                         "glue_etl_jobs_job_bookmark_encryption_enabled"})
    expect(id, denied, CheckStatus::kNotAssessed, why);
}

}  // namespace
}  // namespace cloudpeek::checks
