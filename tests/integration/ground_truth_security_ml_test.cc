// Ground truth for Amazon Inspector, Macie, SES, SageMaker, Route 53 Resolver
// and AWS WAF Classic (global): through the real scan engine, the insecure
// scenario's planted problems are all reported, its good configurations pass,
// and nothing else is found — every finding of these services' checks is
// declared in the scenario with its status. Then what the collectors keep
// (only the account's own resources, no secret of a model's environment), what
// they cost in calls, NOT_ASSESSED naming a denied call (and Macie's "not
// enabled" answer told apart from a denial), declared reads, and per-resource
// calls made only for the checks that read them.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "checks/check.h"
#include "tests/integration/declared_reads.h"
#include "tests/integration/fakeaws_process.h"
#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

// Checks by meta.service (SES's checks are "ses", collected through sesv2; the Route 53 Resolver checks judge
// the EC2 collector's VPCs, which the engine adds).
const std::vector<std::string> kCheckServices = {"inspector2", "macie2", "ses", "sagemaker", "route53resolver", "waf"};
const std::vector<std::string> kCollectors = {"inspector2", "macie2", "sesv2", "sagemaker", "route53resolver", "waf", "ec2"};

TEST(GroundTruthSecurityMl, EngineFindingsAreExactlyTheScenarios) {
  GroundTruthOptions options;
  options.services = kCheckServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());
  // Inspector 4, Macie 2, SES 3, SageMaker 12, Route 53 Resolver 2, WAF Classic global 4.
  EXPECT_EQ(r.scan.checks_run.size(), 4u + 2 + 3 + 12 + 2 + 4);

  const auto got = finding_keys(r.truth.findings);
  EXPECT_EQ(got, declared_findings(r.scan.checks_run));
  // Inspector 3 regions × 4, Macie 3 × 2, SES 4 identities × 2 + 2 sets, SageMaker 2 notebooks × 4 + 3 configs × 2 +
  // 2 models × 2 + 2 training jobs × 4, 4 VPCs × 2, WAF 2 ACLs × 2 + 2 rules + 2 groups.
  EXPECT_EQ(got.size(), 12u + 6 + 10 + 26 + 8 + 8);
  for (const auto& f : r.truth.findings)
    EXPECT_EQ(f.resource_arn.find("999988887777"), std::string::npos) << f.check_id << " on " << f.resource_arn;
  std::cout << r.scan.checks_run.size() << " checks, " << r.truth.findings.size() << " findings (FAIL "
            << r.truth.expected_fail << ", PASS " << r.truth.expected_pass << "), " << r.scan.api_calls << " calls\n";
}

TEST(GroundTruthSecurityMl, CollectorsKeepOnlyOwnResourcesAndNoModelSecret) {
  GroundTruthOptions options;
  options.services = kCollectors;
  options.check_services = kCheckServices;
  GroundTruth r = run_ground_truth(options);
  EXPECT_TRUE(r.problems.empty()) << join_lines(r.problems);
  const std::map<std::string, size_t> want = {{"AWS::Inspector2::AccountStatus", 3},
                                              {"AWS::Macie::Session", 3},
                                              {"AWS::SES::EmailIdentity", 4},
                                              {"AWS::SES::ConfigurationSet", 2},
                                              {"AWS::SageMaker::NotebookInstance", 2},
                                              {"AWS::SageMaker::EndpointConfig", 3},
                                              {"AWS::SageMaker::Model", 2},
                                              {"AWS::SageMaker::TrainingJob", 2},
                                              {"AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation", 3},
                                              {"AWS::Route53Resolver::FirewallRuleGroupAssociation", 2},
                                              {"AWS::WAF::WebACL", 2},
                                              {"AWS::WAF::Rule", 2},
                                              {"AWS::WAF::RuleGroup", 2}};
  for (const auto& [type, n] : want) EXPECT_EQ(r.inventory.of_type(type).size(), n) << type;
  // Inspector answered for a member account too: only the scanning account's status is kept.
  for (const auto& s : r.inventory.of_type("AWS::Inspector2::AccountStatus"))
    EXPECT_EQ(s.raw.value("accountId", ""), "111122223333");
  // Macie never enabled in us-west-2 is a status, not a gap.
  for (const auto& s : r.inventory.of_type("AWS::Macie::Session"))
    EXPECT_EQ(s.props.value("status", ""), s.region == "us-west-2" ? "DISABLED" : "ENABLED") << s.region;
  // WAF Classic global resources are global, with region-less ARNs.
  for (const auto& a : r.inventory.of_type("AWS::WAF::WebACL")) {
    EXPECT_EQ(a.region, "global");
    EXPECT_TRUE(a.arn.starts_with("arn:aws:waf::111122223333:webacl/")) << a.arn;
  }
  // A model's container environment can hold secrets: nothing of it is kept.
  for (const auto& m : r.inventory.of_type("AWS::SageMaker::Model")) {
    EXPECT_EQ(m.props.dump().find("fakeaws-model-env-secret"), std::string::npos) << m.name;
    EXPECT_EQ(m.raw.dump().find("fakeaws-model-env-secret"), std::string::npos) << m.name;
    EXPECT_EQ(m.raw.dump().find("DB_PASSWORD"), std::string::npos) << m.name;
  }
  // Nor of a training job's environment and hyperparameters.
  for (const auto& j : r.inventory.of_type("AWS::SageMaker::TrainingJob")) {
    EXPECT_EQ(j.props.dump().find("fakeaws-training"), std::string::npos) << j.name;
    EXPECT_EQ(j.raw.dump().find("fakeaws-training"), std::string::npos) << j.name;
  }
}

TEST(GroundTruthSecurityMl, CallsPerOperation) {
  GroundTruthOptions options;
  options.services = kCheckServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  const std::map<std::string, int> want = {
      // One batch status per region, for the account alone.
      {"BatchGetAccountStatus", 3},
      // Macie: the session per region; automated discovery only where Macie is enabled.
      {"GetMacieSession", 3},
      {"GetAutomatedDiscoveryConfiguration", 2},
      // SES: identities listed per region with v1's ListIdentities (SecurityAudit grants it, not
      // v2's ListEmailIdentities), configuration sets with v2; then per identity / configuration set
      // (v2, no bulk form). The scenario pages by 2: us-east-1's 3 identities take 2 pages.
      {"ListIdentities", 3 + 1},
      {"ListEmailIdentities", 0},
      {"GetEmailIdentity", 4},
      {"ListConfigurationSets", 3},
      {"GetConfigurationSet", 2},
      // SageMaker: listings per region (3 endpoint configurations in us-east-1 → 2 pages), then each resource.
      {"ListNotebookInstances", 3},
      {"DescribeNotebookInstance", 2},
      {"ListEndpointConfigs", 2 + 1 + 1},
      {"DescribeEndpointConfig", 3},
      {"ListModels", 3},
      {"DescribeModel", 2},
      {"ListTrainingJobs", 3},
      {"DescribeTrainingJob", 2},
      // Route 53 Resolver: two bulk listings per region, matched against DescribeVpcs' VPCs.
      {"ListResolverQueryLogConfigAssociations", 3},
      {"ListFirewallRuleGroupAssociations", 3},
      {"DescribeVpcs", 3},
      // WAF Classic global: once per scan (us-east-1 endpoint); logging of every web ACL in one listing.
      {"ListWebACLs", 1},
      {"ListLoggingConfigurations", 1},
      {"GetWebACL", 2},
      {"ListRules", 1},
      {"GetRule", 2},
      {"ListRuleGroups", 1},
      {"ListActivatedRulesInRuleGroup", 2}};
  for (const auto& [op, n] : want) EXPECT_EQ(r.requests[op], n) << op;
}

// A denied call makes the checks that read its answer NOT_ASSESSED naming the
// action — per resource for a per-resource call, per region for a listing —
// never PASS or FAIL; checks that read other calls decide as in the clean run.
TEST(GroundTruthSecurityMl, DeniedCallsAreNotAssessedNamingTheAction) {
  GroundTruthOptions options;
  options.services = kCheckServices;
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["inspector2:BatchGetAccountStatus", "macie2:GetAutomatedDiscoveryConfiguration",
                                "ses:GetEmailIdentity", "ses:GetConfigurationSet",
                                "sagemaker:DescribeNotebookInstance", "sagemaker:DescribeEndpointConfig",
                                "sagemaker:DescribeModel", "sagemaker:DescribeTrainingJob", "route53resolver:ListResolverQueryLogConfigAssociations",
                                "route53resolver:ListFirewallRuleGroupAssociations", "waf:ListLoggingConfigurations",
                                "waf:GetWebACL", "waf:GetRule", "waf:ListActivatedRulesInRuleGroup"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  const std::map<std::string, std::string> denied_for = {
      {"inspector2_ec2_scanning_enabled", "inspector2:BatchGetAccountStatus"},
      {"inspector2_ecr_scanning_enabled", "inspector2:BatchGetAccountStatus"},
      {"inspector2_lambda_standard_scanning_enabled", "inspector2:BatchGetAccountStatus"},
      {"inspector2_lambda_code_scanning_enabled", "inspector2:BatchGetAccountStatus"},
      {"ses_identity_not_publicly_accessible", "ses:GetEmailIdentity"},
      {"ses_identity_dkim_signing_enabled", "ses:GetEmailIdentity"},
      {"ses_configuration_set_tls_required", "ses:GetConfigurationSet"},
      {"sagemaker_notebook_instance_without_direct_internet_access_configured", "sagemaker:DescribeNotebookInstance"},
      {"sagemaker_notebook_instance_vpc_settings_configured", "sagemaker:DescribeNotebookInstance"},
      {"sagemaker_notebook_instance_root_access_disabled", "sagemaker:DescribeNotebookInstance"},
      {"sagemaker_notebook_instance_encryption_enabled", "sagemaker:DescribeNotebookInstance"},
      {"sagemaker_endpoint_config_encryption_enabled", "sagemaker:DescribeEndpointConfig"},
      {"sagemaker_endpoint_config_prod_variant_instances", "sagemaker:DescribeEndpointConfig"},
      {"sagemaker_models_network_isolation_enabled", "sagemaker:DescribeModel"},
      {"sagemaker_models_vpc_settings_configured", "sagemaker:DescribeModel"},
      {"sagemaker_training_jobs_intercontainer_encryption_enabled", "sagemaker:DescribeTrainingJob"},
      {"sagemaker_training_jobs_network_isolation_enabled", "sagemaker:DescribeTrainingJob"},
      {"sagemaker_training_jobs_volume_and_output_encryption_enabled", "sagemaker:DescribeTrainingJob"},
      {"sagemaker_training_jobs_vpc_settings_configured", "sagemaker:DescribeTrainingJob"},
      {"route53resolver_vpc_query_logging_enabled", "route53resolver:ListResolverQueryLogConfigAssociations"},
      {"route53resolver_vpc_dns_firewall_associated", "route53resolver:ListFirewallRuleGroupAssociations"},
      {"waf_global_webacl_logging_enabled", "waf:ListLoggingConfigurations"},
      {"waf_global_webacl_with_rules", "waf:GetWebACL"},
      {"waf_global_rule_with_conditions", "waf:GetRule"},
      {"waf_global_rulegroup_not_empty", "waf:ListActivatedRulesInRuleGroup"}};
  auto clean = declared_statuses();
  std::map<std::string, int> not_assessed;
  int decided = 0;
  for (const auto& f : r.truth.findings) {
    std::string action;
    if (auto it = denied_for.find(f.check_id); it != denied_for.end()) action = it->second;
    // Automated discovery is unknown where Macie is enabled; where it is not, the session settles it.
    if (f.check_id == "macie_automated_sensitive_data_discovery_enabled" && f.resource_arn.find(":us-west-2:") == std::string::npos)
      action = "macie2:GetAutomatedDiscoveryConfiguration";
    if (action.empty()) {
      EXPECT_EQ(std::string(to_string(f.status)), clean[std::make_pair(f.check_id, f.resource_arn)])
          << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      ++decided;
      continue;
    }
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    EXPECT_NE(f.detail.find(action + " denied"), std::string::npos) << f.check_id << ": " << f.detail;
    ++not_assessed[f.check_id];
  }
  // Listings: one NOT_ASSESSED per region (Inspector) or per VPC (Resolver); per-resource calls: every resource.
  for (const char* id : {"inspector2_ec2_scanning_enabled", "inspector2_ecr_scanning_enabled",
                         "inspector2_lambda_standard_scanning_enabled", "inspector2_lambda_code_scanning_enabled"})
    EXPECT_EQ(not_assessed[id], 3) << id;
  EXPECT_EQ(not_assessed["macie_automated_sensitive_data_discovery_enabled"], 2);
  EXPECT_EQ(not_assessed["ses_identity_not_publicly_accessible"], 4);
  EXPECT_EQ(not_assessed["ses_identity_dkim_signing_enabled"], 4);
  EXPECT_EQ(not_assessed["ses_configuration_set_tls_required"], 2);
  for (const char* id : {"sagemaker_notebook_instance_without_direct_internet_access_configured",
                         "sagemaker_notebook_instance_vpc_settings_configured",
                         "sagemaker_notebook_instance_root_access_disabled",
                         "sagemaker_notebook_instance_encryption_enabled", "sagemaker_models_network_isolation_enabled",
                         "sagemaker_models_vpc_settings_configured",
                         "sagemaker_training_jobs_intercontainer_encryption_enabled",
                         "sagemaker_training_jobs_network_isolation_enabled",
                         "sagemaker_training_jobs_volume_and_output_encryption_enabled",
                         "sagemaker_training_jobs_vpc_settings_configured"})
    EXPECT_EQ(not_assessed[id], 2) << id;
  EXPECT_EQ(not_assessed["sagemaker_endpoint_config_encryption_enabled"], 3);
  EXPECT_EQ(not_assessed["sagemaker_endpoint_config_prod_variant_instances"], 3);
  EXPECT_EQ(not_assessed["route53resolver_vpc_query_logging_enabled"], 4);
  EXPECT_EQ(not_assessed["route53resolver_vpc_dns_firewall_associated"], 4);
  for (const char* id : {"waf_global_webacl_logging_enabled", "waf_global_webacl_with_rules",
                         "waf_global_rule_with_conditions", "waf_global_rulegroup_not_empty"})
    EXPECT_EQ(not_assessed[id], 2) << id;
  // macie_is_enabled in 3 regions and automated discovery where Macie is off (us-west-2).
  EXPECT_EQ(decided, 3 + 1);
  EXPECT_FALSE(r.scan.gaps.empty());
}

// "Macie is not enabled" is AWS's answer for a region without Macie (FAIL);
// a denied GetMacieSession leaves it unknown: NOT_ASSESSED naming the action in
// every region, never FAIL nor PASS.
TEST(GroundTruthSecurityMl, DeniedMacieSessionIsNotMistakenForMacieOff) {
  GroundTruthOptions options;
  options.services = {"macie2"};
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["macie2:GetMacieSession"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  int macie = 0;
  for (const auto& f : r.truth.findings) {
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    EXPECT_NE(f.detail.find("macie2:GetMacieSession denied"), std::string::npos) << f.detail;
    ++macie;
  }
  EXPECT_EQ(macie, 2 * 3);  // two checks, three regions
  EXPECT_EQ(r.requests["GetAutomatedDiscoveryConfiguration"], 0);
}

// Issue 13: each check gives the same verdict and detail over an inventory
// that keeps only its declared properties.
TEST(GroundTruthSecurityMl, DeclaredReadsAreAllACheckUses) {
  GroundTruthOptions o;
  o.services = kCollectors;
  o.check_services = kCheckServices;
  GroundTruth full = run_ground_truth(o);
  size_t compared = testing::expect_declared_reads_suffice(full.inventory, testing::of_services(kCheckServices), true);
  // Inspector 3 × 4, Macie 3 × 2, SES 4 × 2 + 2, SageMaker 2 × 4 + 3 × 2 + 2 × 2 + 2 × 4, 4 VPCs × 2,
  // WAF 2 × 2 + 2 + 2.
  EXPECT_EQ(compared, 12u + 6 + 10 + 26 + 8 + 8);
}

// A per-resource call is made only for the properties a selected check reads
// of its type (a type no selected check reads at all is collected whole, for
// the inventory, as the engine does for every service): with only the WAF
// logging check no GetWebACL, with only the rules check no logging listing;
// Macie's discovery configuration only for its check.
TEST(GroundTruthSecurityMl, UnreadPerResourceCallsAreNotMade) {
  GroundTruthOptions o;
  o.checks = {"waf_global_webacl_logging_enabled", "macie_is_enabled"};
  ScanGroundTruth narrowed = run_scan_ground_truth(o);
  EXPECT_TRUE(narrowed.truth.problems.empty()) << join_lines(narrowed.truth.problems);
  EXPECT_TRUE(narrowed.scan.gaps.empty());
  EXPECT_EQ(narrowed.requests["ListLoggingConfigurations"], 1);
  EXPECT_EQ(narrowed.requests["GetWebACL"], 0);
  EXPECT_EQ(narrowed.requests["GetMacieSession"], 3);
  EXPECT_EQ(narrowed.requests["GetAutomatedDiscoveryConfiguration"], 0);
  // A service none of whose types a selected check reads is not collected at all.
  EXPECT_EQ(narrowed.requests["BatchGetAccountStatus"], 0);
  EXPECT_EQ(narrowed.requests["ListNotebookInstances"], 0);

  o.checks = {"waf_global_webacl_with_rules", "macie_automated_sensitive_data_discovery_enabled"};
  ScanGroundTruth rules_only = run_scan_ground_truth(o);
  EXPECT_TRUE(rules_only.truth.problems.empty()) << join_lines(rules_only.truth.problems);
  EXPECT_EQ(rules_only.requests["ListLoggingConfigurations"], 0);
  EXPECT_EQ(rules_only.requests["GetWebACL"], 2);
  EXPECT_EQ(rules_only.requests["GetAutomatedDiscoveryConfiguration"], 2);
}


// What the AWS managed policy SecurityAudit (v91, 2026-07-21) does not grant
// of these services' calls: macie2:GetMacieSession and
// macie2:GetAutomatedDiscoveryConfiguration (no other Macie API it grants
// gives the session's status). It grants inspector2:BatchGetAccountStatus and,
// for SES, ses:ListIdentities, ses:GetEmailIdentity, ses:ListConfigurationSets
// and ses:GetConfigurationSet, but not ses:ListEmailIdentities, which CloudPeek
// therefore does not call. An identity with only SecurityAudit (here: denied
// the three) gets NOT_ASSESSED naming the missing action for the Macie checks,
// while Inspector and every SES check are decided as in the clean run.
TEST(GroundTruthSecurityMl, ActionsSecurityAuditLacksAreNotAssessedNamingThem) {
  GroundTruthOptions options;
  options.services = {"inspector2", "macie2", "sesv2"};
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["macie2:GetMacieSession", "macie2:GetAutomatedDiscoveryConfiguration",
                                "ses:ListEmailIdentities"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  auto clean = declared_statuses();
  std::map<std::string, int> not_assessed, decided;
  for (const auto& f : r.truth.findings) {
    if (!f.check_id.starts_with("macie_")) {
      EXPECT_EQ(std::string(to_string(f.status)), clean[std::make_pair(f.check_id, f.resource_arn)])
          << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      EXPECT_NE(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      ++decided[f.check_id];
      continue;
    }
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    EXPECT_NE(f.detail.find("macie2:GetMacieSession denied"), std::string::npos) << f.check_id << ": " << f.detail;
    ++not_assessed[f.check_id];
  }
  for (const char* id : {"macie_is_enabled", "macie_automated_sensitive_data_discovery_enabled"})
    EXPECT_EQ(not_assessed[id], 3) << id;  // one per region
  // Every SES identity (4) judged by both identity checks, every configuration set (2) by its own.
  EXPECT_EQ(decided["ses_identity_not_publicly_accessible"], 4);
  EXPECT_EQ(decided["ses_identity_dkim_signing_enabled"], 4);
  EXPECT_EQ(decided["ses_configuration_set_tls_required"], 2);
  EXPECT_GT(decided["inspector2_ec2_scanning_enabled"], 0);
  for (const auto& g : r.scan.gaps) EXPECT_TRUE(g.action.starts_with("macie2:")) << g.reason();
  EXPECT_EQ(r.requests["ListEmailIdentities"], 0);
  EXPECT_EQ(r.requests["ListIdentities"], 3 + 1);  // us-east-1's 3 identities in 2 pages of 2
  EXPECT_EQ(r.requests["GetEmailIdentity"], 4);
}

// Without the identity listing SES's identity checks cannot tell an empty
// region from an unread one: NOT_ASSESSED per region naming ses:ListIdentities,
// never a PASS; the configuration sets are still decided.
TEST(GroundTruthSecurityMl, DeniedIdentityListingIsNotAssessedNamingIt) {
  GroundTruthOptions options;
  options.services = {"sesv2"};
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["ses:ListIdentities"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  std::map<std::string, int> not_assessed;
  for (const auto& f : r.truth.findings) {
    if (f.check_id.starts_with("ses_identity_")) {
      EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
      EXPECT_NE(f.detail.find("ses:ListIdentities denied"), std::string::npos) << f.check_id << ": " << f.detail;
      ++not_assessed[f.check_id];
    } else if (f.check_id == "ses_configuration_set_tls_required") {
      EXPECT_NE(f.status, CheckStatus::kNotAssessed) << f.resource_arn << ": " << f.detail;
    }
  }
  EXPECT_EQ(not_assessed["ses_identity_not_publicly_accessible"], 3);
  EXPECT_EQ(not_assessed["ses_identity_dkim_signing_enabled"], 3);
  EXPECT_EQ(r.requests["GetEmailIdentity"], 0);
  ASSERT_EQ(r.scan.gaps.size(), 3u);
  for (const auto& g : r.scan.gaps) EXPECT_EQ(g.action, "ses:ListIdentities") << g.reason();
}

}  // namespace
}  // namespace cloudpeek::testing
