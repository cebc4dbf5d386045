// Security services (Amazon Inspector, Macie), machine learning (SageMaker), email (SES), DNS (Route 53
// Resolver) and AWS WAF Classic global checks: each one PASSes, FAILs, and says NOT_ASSESSED with the
// reason when what it reads was not collected.
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

// ---- Amazon Inspector ----

TEST(Inspector2Scanning, EachScanTypeEnabledDisabledUnknown) {
  const std::pair<const char*, const char*> cases[] = {{"inspector2_ec2_scanning_enabled", "ec2"},
                                                       {"inspector2_ecr_scanning_enabled", "ecr"},
                                                       {"inspector2_lambda_standard_scanning_enabled", "lambda"},
                                                       {"inspector2_lambda_code_scanning_enabled", "lambda_code"}};
  for (const auto& [id, key] : cases) {
    auto status = [&](json v) { return resource("AWS::Inspector2::AccountStatus", "s", {{key, std::move(v)}}); };
    expect(id, status("ENABLED"), CheckStatus::kPass, "enabled in us-east-1");
    expect(id, status("DISABLED"), CheckStatus::kFail, "DISABLED");
    expect(id, status("SUSPENDED"), CheckStatus::kFail, "SUSPENDED");
    // AWS did not report this scan type: never a PASS.
    expect(id, status(nullptr), CheckStatus::kNotAssessed, "did not report");
    expect(id, resource("AWS::Inspector2::AccountStatus", "s", json::object()), CheckStatus::kNotAssessed,
           "not collected");
  }
  // Only its own scan type counts.
  expect("inspector2_ec2_scanning_enabled",
         resource("AWS::Inspector2::AccountStatus", "s", {{"ec2", "DISABLED"}, {"ecr", "ENABLED"}, {"lambda", "ENABLED"}}),
         CheckStatus::kFail);
  // Lambda standard and code scanning are two scan types: one on does not make the other pass.
  expect("inspector2_lambda_code_scanning_enabled",
         resource("AWS::Inspector2::AccountStatus", "s", {{"lambda", "ENABLED"}, {"lambda_code", "DISABLED"}}),
         CheckStatus::kFail, "Lambda code scanning is DISABLED");
  expect("inspector2_lambda_standard_scanning_enabled",
         resource("AWS::Inspector2::AccountStatus", "s", {{"lambda", "DISABLED"}, {"lambda_code", "ENABLED"}}),
         CheckStatus::kFail, "Lambda standard scanning is DISABLED");
  // An answer without lambdaCode (a region or API version that does not report it): never a PASS.
  expect("inspector2_lambda_code_scanning_enabled",
         resource("AWS::Inspector2::AccountStatus", "s", {{"ec2", "ENABLED"}, {"ecr", "ENABLED"}, {"lambda", "ENABLED"}}),
         CheckStatus::kNotAssessed);
  expect("inspector2_lambda_code_scanning_enabled",
         missing("AWS::Inspector2::AccountStatus", "s", {"lambda_code"}, "inspector2:BatchGetAccountStatus denied"),
         CheckStatus::kNotAssessed, "inspector2:BatchGetAccountStatus denied");
}

// ---- Amazon Macie ----

Resource session(json props) { return resource("AWS::Macie::Session", "macie-us-east-1", std::move(props)); }

TEST(MacieIsEnabled, EnabledPausedDisabledUnknown) {
  const char* id = "macie_is_enabled";
  expect(id, session({{"status", "ENABLED"}}), CheckStatus::kPass);
  expect(id, session({{"status", "PAUSED"}}), CheckStatus::kFail, "PAUSED");
  expect(id, session({{"status", "DISABLED"}}), CheckStatus::kFail, "not enabled");
  expect(id, missing("AWS::Macie::Session", "m", {"status"}, "macie2:GetMacieSession denied"),
         CheckStatus::kNotAssessed, "macie2:GetMacieSession denied");
}

TEST(MacieAutomatedDiscovery, OnOffMacieOffUnknown) {
  const char* id = "macie_automated_sensitive_data_discovery_enabled";
  expect(id, session({{"status", "ENABLED"}, {"automated_discovery", "ENABLED"}}), CheckStatus::kPass);
  expect(id, session({{"status", "ENABLED"}, {"automated_discovery", "DISABLED"}}), CheckStatus::kFail, "disabled");
  expect(id, session({{"status", "DISABLED"}, {"automated_discovery", "DISABLED"}}), CheckStatus::kFail,
         "Macie is not enabled");
  Resource denied = session({{"status", "ENABLED"}});
  denied.missing["automated_discovery"] = "macie2:GetAutomatedDiscoveryConfiguration denied";
  expect(id, denied, CheckStatus::kNotAssessed, "GetAutomatedDiscoveryConfiguration denied");
  expect(id, missing("AWS::Macie::Session", "m", {"status"}, "macie2:GetMacieSession denied"),
         CheckStatus::kNotAssessed);
}

// ---- Amazon SES ----

Resource identity(json props) { return resource("AWS::SES::EmailIdentity", "example.com", std::move(props)); }

TEST(SesIdentityPublic, OpenPolicyNamedPrincipalConditionNone) {
  const char* id = "ses_identity_not_publicly_accessible";
  const json open = {{"Version", "2012-10-17"},
                     {"Statement", {{{"Sid", "AnyoneSends"}, {"Effect", "Allow"}, {"Principal", "*"},
                                     {"Action", "ses:SendEmail"}, {"Resource", "*"}}}}};
  const json named = {{"Version", "2012-10-17"},
                      {"Statement", {{{"Sid", "App"}, {"Effect", "Allow"},
                                      {"Principal", {{"AWS", "arn:aws:iam::111122223333:role/app"}}},
                                      {"Action", "ses:SendEmail"}, {"Resource", "*"}}}}};
  json conditioned = open;
  conditioned["Statement"][0]["Condition"] = {{"StringEquals", {{"aws:SourceAccount", "111122223333"}}}};
  expect(id, identity({{"policies", {{"open", open}}}}), CheckStatus::kFail, "AnyoneSends");
  expect(id, identity({{"policies", {{"ok", named}, {"open", open}}}}), CheckStatus::kFail, "policy open");
  expect(id, identity({{"policies", {{"ok", named}}}}), CheckStatus::kPass);
  expect(id, identity({{"policies", {{"cond", conditioned}}}}), CheckStatus::kPass);
  expect(id, identity({{"policies", json::object()}}), CheckStatus::kPass, "no sending authorization policy");
  expect(id, missing("AWS::SES::EmailIdentity", "x", {"policies"}, "sesv2:GetEmailIdentity denied"),
         CheckStatus::kNotAssessed, "sesv2:GetEmailIdentity denied");
}

TEST(SesIdentityDkim, SignedUnsignedPendingUnknown) {
  const char* id = "ses_identity_dkim_signing_enabled";
  expect(id, identity({{"dkim_signing", {{"enabled", true}, {"status", "SUCCESS"}}}}), CheckStatus::kPass);
  expect(id, identity({{"dkim_signing", {{"enabled", false}, {"status", "SUCCESS"}}}}), CheckStatus::kFail,
         "does not sign");
  expect(id, identity({{"dkim_signing", {{"enabled", true}, {"status", "PENDING"}}}}), CheckStatus::kFail, "PENDING");
  expect(id, identity({{"dkim_signing", {{"enabled", true}, {"status", nullptr}}}}), CheckStatus::kFail, "unknown");
  expect(id, missing("AWS::SES::EmailIdentity", "x", {"dkim_signing"}, "sesv2:GetEmailIdentity denied"),
         CheckStatus::kNotAssessed, "denied");
}

TEST(SesConfigurationSetTls, RequireOptionalUnknown) {
  const char* id = "ses_configuration_set_tls_required";
  auto set = [](json v) { return resource("AWS::SES::ConfigurationSet", "app", {{"tls_policy", std::move(v)}}); };
  expect(id, set("REQUIRE"), CheckStatus::kPass);
  expect(id, set("OPTIONAL"), CheckStatus::kFail, "TlsPolicy OPTIONAL");
  expect(id, missing("AWS::SES::ConfigurationSet", "x", {"tls_policy"}, "sesv2:GetConfigurationSet denied"),
         CheckStatus::kNotAssessed, "denied");
}

// ---- Amazon SageMaker ----

Resource notebook(json props) { return resource("AWS::SageMaker::NotebookInstance", "nb", std::move(props)); }

TEST(SageMakerNotebook, InternetVpcRootKey) {
  expect("sagemaker_notebook_instance_without_direct_internet_access_configured",
         notebook({{"direct_internet_access", "Disabled"}}), CheckStatus::kPass);
  expect("sagemaker_notebook_instance_without_direct_internet_access_configured",
         notebook({{"direct_internet_access", "Enabled"}}), CheckStatus::kFail, "direct internet access enabled");
  expect("sagemaker_notebook_instance_vpc_settings_configured", notebook({{"subnet_id", "subnet-1"}}),
         CheckStatus::kPass, "subnet-1");
  expect("sagemaker_notebook_instance_vpc_settings_configured", notebook({{"subnet_id", nullptr}}), CheckStatus::kFail,
         "not in a VPC");
  expect("sagemaker_notebook_instance_root_access_disabled", notebook({{"root_access", "Disabled"}}), CheckStatus::kPass);
  expect("sagemaker_notebook_instance_root_access_disabled", notebook({{"root_access", "Enabled"}}), CheckStatus::kFail);
  expect("sagemaker_notebook_instance_encryption_enabled", notebook({{"kms_key_id", "arn:aws:kms:us-east-1:111122223333:key/k"}}),
         CheckStatus::kPass);
  expect("sagemaker_notebook_instance_encryption_enabled", notebook({{"kms_key_id", nullptr}}), CheckStatus::kFail);
  for (const char* id : {"sagemaker_notebook_instance_without_direct_internet_access_configured",
                         "sagemaker_notebook_instance_vpc_settings_configured",
                         "sagemaker_notebook_instance_root_access_disabled",
                         "sagemaker_notebook_instance_encryption_enabled"}) {
    expect(id,
           missing("AWS::SageMaker::NotebookInstance", "nb",
                   {"direct_internet_access", "subnet_id", "root_access", "kms_key_id"},
                   "sagemaker:DescribeNotebookInstance denied"),
           CheckStatus::kNotAssessed, "DescribeNotebookInstance denied");
    // Not collected at all (a null subnet is a FAIL only once collected).
    expect(id, notebook(json::object()), CheckStatus::kNotAssessed, "not collected");
  }
}

Resource endpoint_config(json props) { return resource("AWS::SageMaker::EndpointConfig", "ec", std::move(props)); }

TEST(SageMakerEndpointConfig, KeyAndVariantInstances) {
  expect("sagemaker_endpoint_config_encryption_enabled", endpoint_config({{"kms_key_id", "alias/sm"}}), CheckStatus::kPass);
  expect("sagemaker_endpoint_config_encryption_enabled", endpoint_config({{"kms_key_id", nullptr}}), CheckStatus::kFail);
  expect("sagemaker_endpoint_config_encryption_enabled",
         missing("AWS::SageMaker::EndpointConfig", "ec", {"kms_key_id"}, "sagemaker:DescribeEndpointConfig denied"),
         CheckStatus::kNotAssessed, "denied");
  const char* id = "sagemaker_endpoint_config_prod_variant_instances";
  auto variant = [](const char* name, json count, bool serverless = false) {
    return json{{"name", name}, {"instance_count", std::move(count)}, {"serverless", serverless}};
  };
  expect(id, endpoint_config({{"variants", {variant("a", 2), variant("b", 3)}}}), CheckStatus::kPass);
  expect(id, endpoint_config({{"variants", {variant("a", 2), variant("b", 1)}}}), CheckStatus::kFail, "variant(s) b");
  // A serverless variant has no instances to count.
  expect(id, endpoint_config({{"variants", {variant("s", nullptr, true)}}}), CheckStatus::kPass);
  expect(id, endpoint_config({{"variants", {variant("x", nullptr)}}}), CheckStatus::kFail, "x");
  expect(id, missing("AWS::SageMaker::EndpointConfig", "ec", {"variants"}, "sagemaker:DescribeEndpointConfig denied"),
         CheckStatus::kNotAssessed, "denied");
}

TEST(SageMakerModel, IsolationAndVpc) {
  auto model = [](json props) { return resource("AWS::SageMaker::Model", "m", std::move(props)); };
  expect("sagemaker_models_network_isolation_enabled", model({{"network_isolation", true}}), CheckStatus::kPass);
  expect("sagemaker_models_network_isolation_enabled", model({{"network_isolation", false}}), CheckStatus::kFail);
  expect("sagemaker_models_vpc_settings_configured", model({{"vpc_subnets", 2}}), CheckStatus::kPass, "2 VPC subnet");
  expect("sagemaker_models_vpc_settings_configured", model({{"vpc_subnets", 0}}), CheckStatus::kFail);
  for (const char* id : {"sagemaker_models_network_isolation_enabled", "sagemaker_models_vpc_settings_configured"})
    expect(id, missing("AWS::SageMaker::Model", "m", {"network_isolation", "vpc_subnets"}, "sagemaker:DescribeModel denied"),
           CheckStatus::kNotAssessed, "DescribeModel denied");
}

TEST(SageMakerTrainingJob, TrafficIsolationKeysVpc) {
  auto job = [](json props) { return resource("AWS::SageMaker::TrainingJob", "tj", std::move(props)); };
  expect("sagemaker_training_jobs_intercontainer_encryption_enabled", job({{"intercontainer_encryption", true}}),
         CheckStatus::kPass);
  expect("sagemaker_training_jobs_intercontainer_encryption_enabled", job({{"intercontainer_encryption", false}}),
         CheckStatus::kFail);
  expect("sagemaker_training_jobs_network_isolation_enabled", job({{"network_isolation", true}}), CheckStatus::kPass);
  expect("sagemaker_training_jobs_network_isolation_enabled", job({{"network_isolation", false}}), CheckStatus::kFail);
  const char* keys = "sagemaker_training_jobs_volume_and_output_encryption_enabled";
  expect(keys, job({{"volume_kms_key_id", "k1"}, {"output_kms_key_id", "k2"}}), CheckStatus::kPass);
  expect(keys, job({{"volume_kms_key_id", nullptr}, {"output_kms_key_id", "k2"}}), CheckStatus::kFail,
         "no KMS key for its storage volumes");
  expect(keys, job({{"volume_kms_key_id", "k1"}, {"output_kms_key_id", nullptr}}), CheckStatus::kFail,
         "no KMS key for its output");
  expect(keys, job({{"volume_kms_key_id", nullptr}, {"output_kms_key_id", nullptr}}), CheckStatus::kFail, "nor");
  // One key collected, the other not: never a verdict on half the data.
  expect(keys, job({{"volume_kms_key_id", "k1"}}), CheckStatus::kNotAssessed, "not collected");
  expect("sagemaker_training_jobs_vpc_settings_configured", job({{"vpc_subnets", 1}}), CheckStatus::kPass);
  expect("sagemaker_training_jobs_vpc_settings_configured", job({{"vpc_subnets", 0}}), CheckStatus::kFail);
  for (const char* id : {"sagemaker_training_jobs_intercontainer_encryption_enabled",
                         "sagemaker_training_jobs_network_isolation_enabled", keys,
                         "sagemaker_training_jobs_vpc_settings_configured"})
    expect(id,
           missing("AWS::SageMaker::TrainingJob", "tj",
                   {"intercontainer_encryption", "network_isolation", "volume_kms_key_id", "output_kms_key_id",
                    "vpc_subnets"},
                   "sagemaker:DescribeTrainingJob denied"),
           CheckStatus::kNotAssessed, "DescribeTrainingJob denied");
}

// ---- Route 53 Resolver (judged on the VPCs) ----

Resource vpc(std::string id, std::string region = "us-east-1") {
  Resource r = resource("AWS::EC2::VPC", id, {{"vpc_id", id}}, region);
  return r;
}

Resource association(const char* type, std::string id, std::string vpc_id, std::string status,
                     std::string region = "us-east-1") {
  return resource(type, std::move(id), {{"vpc_id", std::move(vpc_id)}, {"status", std::move(status)}, {"config_id", "rqlc-1"}},
                  std::move(region));
}

TEST(ResolverQueryLogging, ActiveFailedNoneOtherRegionGap) {
  const char* id = "route53resolver_vpc_query_logging_enabled";
  const char* type = "AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation";
  Inventory inv;
  inv.add(association(type, "a1", "vpc-1", "ACTIVE"));
  inv.add(association(type, "a2", "vpc-2", "FAILED"));
  inv.add(association(type, "a3", "vpc-3", "ACTIVE", "eu-west-1"));  // same id, another region
  expect(id, vpc("vpc-1"), CheckStatus::kPass, "rqlc-1", inv);
  expect(id, vpc("vpc-2"), CheckStatus::kFail, "FAILED", inv);
  expect(id, vpc("vpc-3"), CheckStatus::kFail, "no Route 53 Resolver query logging", inv);
  expect(id, vpc("vpc-3", "eu-west-1"), CheckStatus::kPass, "", inv);
  // The region's associations could not be listed: NOT_ASSESSED, not a FAIL on what was seen.
  inv.add_gap(testing::denied("route53resolver", "route53resolver:ListResolverQueryLogConfigAssociations", "us-east-1", type));
  expect(id, vpc("vpc-3"), CheckStatus::kNotAssessed, "ListResolverQueryLogConfigAssociations", inv);
  expect(id, vpc("vpc-3", "eu-west-1"), CheckStatus::kPass, "", inv);
}

TEST(ResolverDnsFirewall, AssociatedDeletingNoneGap) {
  const char* id = "route53resolver_vpc_dns_firewall_associated";
  const char* type = "AWS::Route53Resolver::FirewallRuleGroupAssociation";
  Inventory inv;
  inv.add(association(type, "f1", "vpc-1", "COMPLETE"));
  inv.add(association(type, "f2", "vpc-2", "DELETING"));
  expect(id, vpc("vpc-1"), CheckStatus::kPass, "", inv);
  expect(id, vpc("vpc-2"), CheckStatus::kFail, "no Route 53 Resolver DNS Firewall", inv);
  expect(id, vpc("vpc-3"), CheckStatus::kFail, "", inv);
  inv.add_gap(testing::denied("route53resolver", "route53resolver:ListFirewallRuleGroupAssociations", "us-east-1", type));
  expect(id, vpc("vpc-3"), CheckStatus::kNotAssessed, "ListFirewallRuleGroupAssociations", inv);
}

// ---- AWS WAF Classic (global) ----

TEST(WafGlobal, LoggingRulesConditionsGroups) {
  auto r = [](const char* type, json props) { return resource(type, "id-1", std::move(props), "global"); };
  expect("waf_global_webacl_logging_enabled", r("AWS::WAF::WebACL", {{"logging", true}}), CheckStatus::kPass);
  expect("waf_global_webacl_logging_enabled", r("AWS::WAF::WebACL", {{"logging", false}}), CheckStatus::kFail,
         "no logging configuration");
  expect("waf_global_webacl_logging_enabled",
         missing("AWS::WAF::WebACL", "id-1", {"logging"}, "waf:ListLoggingConfigurations denied"),
         CheckStatus::kNotAssessed, "waf:ListLoggingConfigurations denied");
  expect("waf_global_webacl_with_rules", r("AWS::WAF::WebACL", {{"rules", 1}}), CheckStatus::kPass);
  expect("waf_global_webacl_with_rules", r("AWS::WAF::WebACL", {{"rules", 0}}), CheckStatus::kFail, "no rule nor rule group");
  expect("waf_global_webacl_with_rules", r("AWS::WAF::WebACL", json::object()), CheckStatus::kNotAssessed);
  expect("waf_global_rule_with_conditions", r("AWS::WAF::Rule", {{"conditions", 2}}), CheckStatus::kPass, "2 condition");
  expect("waf_global_rule_with_conditions", r("AWS::WAF::Rule", {{"conditions", 0}}), CheckStatus::kFail, "no condition");
  expect("waf_global_rule_with_conditions", missing("AWS::WAF::Rule", "id-1", {"conditions"}, "waf:GetRule denied"),
         CheckStatus::kNotAssessed, "waf:GetRule denied");
  expect("waf_global_rulegroup_not_empty", r("AWS::WAF::RuleGroup", {{"rules", 1}}), CheckStatus::kPass);
  expect("waf_global_rulegroup_not_empty", r("AWS::WAF::RuleGroup", {{"rules", 0}}), CheckStatus::kFail, "no rule");
  expect("waf_global_rulegroup_not_empty",
         missing("AWS::WAF::RuleGroup", "id-1", {"rules"}, "waf:ListActivatedRulesInRuleGroup denied"),
         CheckStatus::kNotAssessed, "denied");
}

}  // namespace
}  // namespace cloudpeek::checks
