// Ground truth for the network and edge services (AWS WAF and WAF Classic
// Regional, Network Firewall,
// VPC endpoints and peering routes, Transfer Family, Global Accelerator,
// Shield Advanced) and Amazon Cognito: through the real
// scan engine, the insecure scenario's planted problems are all reported, its
// good configurations pass, and nothing else is found — every finding of
// these services' checks is declared in the scenario with its status. Then
// what the collectors keep (only the account's own resources) and what they
// cost in calls, NOT_ASSESSED naming a denied call, and per-resource calls
// made only for the checks that read them.
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

// The engine adds the EC2 collector for the VPCs, route tables and peering
// connections the VPC checks judge, and those of the resources Shield
// Advanced should protect; collecting alone needs them named.
const std::vector<std::string> kServices = {"wafv2",  "waf-regional", "network-firewall", "vpc",
                                            "transfer", "globalaccelerator", "shield", "cognito-idp",
                                            "cognito-identity"};
const std::vector<std::string> kCheckServices = kServices;
const std::vector<std::string> kCollectors = {"wafv2",  "waf-regional", "network-firewall", "vpc",   "transfer", "globalaccelerator",
                                              "shield", "cognito-idp",      "cognito-identity", "ec2", "cloudfront",
                                              "route53", "elbv2",           "elb"};

TEST(GroundTruthNetworkServices, EngineFindingsAreExactlyTheScenarios) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty()) << (r.scan.gaps.empty() ? "" : r.scan.gaps.front().reason());
  EXPECT_EQ(r.scan.checks_run.size(), 6u + 3 + 9 + 11 + 3 + 2 + 6 + 5);

  const auto got = finding_keys(r.truth.findings);
  EXPECT_EQ(got, declared_findings(r.scan.checks_run));
  // Less 3 resources outside their check: the network load balancer (WAF protects application ones) and
  // 2 gateway endpoints (multi-AZ placement is for interface endpoints) get no finding.
  EXPECT_EQ(got.size(), 24u + 6 + 27 + 52 + 8 + 4 + 6 + 18 - 3);
  // No finding on a resource of another account.
  for (const auto& f : r.truth.findings)
    EXPECT_EQ(f.resource_arn.find("999988887777"), std::string::npos) << f.check_id << " on " << f.resource_arn;
  std::cout << r.scan.checks_run.size() << " checks, " << r.truth.findings.size() << " findings (FAIL "
            << r.truth.expected_fail << ", PASS " << r.truth.expected_pass << "), " << r.scan.api_calls << " calls\n";
}

TEST(GroundTruthNetworkServices, CollectorsKeepOnlyOwnResources) {
  GroundTruthOptions options;
  options.services = kCollectors;
  options.check_services = kCheckServices;
  GroundTruth r = run_ground_truth(options);
  EXPECT_TRUE(r.problems.empty()) << join_lines(r.problems);
  const std::map<std::string, size_t> want = {{"AWS::WAFv2::WebACL", 5},
                                              {"AWS::WAFv2::RuleGroup", 2},
                                              {"AWS::WAFRegional::WebACL", 2},
                                              {"AWS::WAFRegional::Rule", 2},
                                              {"AWS::WAFRegional::RuleGroup", 2},
                                              {"AWS::NetworkFirewall::Firewall", 3},
                                              {"AWS::NetworkFirewall::FirewallPolicy", 3},
                                              {"AWS::NetworkFirewall::RuleGroup", 2},
                                              {"AWS::EC2::VPCEndpoint", 10},
                                              {"AWS::EC2::VPCEndpointService", 2},
                                              {"AWS::Transfer::Server", 3},
                                              {"AWS::Transfer::Connector", 2},
                                              {"AWS::GlobalAccelerator::Accelerator", 2},
                                              {"AWS::Shield::Subscription", 1},
                                              {"AWS::Cognito::UserPool", 4},
                                              {"AWS::Cognito::IdentityPool", 2}};
  for (const auto& [type, n] : want) EXPECT_EQ(r.inventory.of_type(type).size(), n) << type;
  for (const auto& a : r.inventory.of_type("AWS::WAFv2::WebACL")) {
    EXPECT_NE(a.name, "partner-acl");
    // CloudFront web ACLs are listed in us-east-1 with scope CLOUDFRONT.
    EXPECT_EQ(a.props.value("scope", ""), a.name == "cdn-acl" ? "CLOUDFRONT" : "REGIONAL") << a.name;
  }
  // A firewall policy another account shares through RAM is listed by AWS, and dropped.
  for (const auto& p : r.inventory.of_type("AWS::NetworkFirewall::FirewallPolicy")) EXPECT_NE(p.name, "org-baseline");
  // Another account's endpoint in a shared subnet and a deleted endpoint are not the account's.
  for (const auto& e : r.inventory.of_type("AWS::EC2::VPCEndpoint")) {
    EXPECT_NE(e.id, "vpce-0f9e8d7c6b5a40001");
    EXPECT_NE(e.id, "vpce-0a1b2c3d4e5f60009");
  }
}

TEST(GroundTruthNetworkServices, CallsPerOperation) {
  GroundTruthOptions options;
  options.services = kServices;
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  // Three regions; us-east-1 lists both scopes (REGIONAL and CLOUDFRONT).
  const std::map<std::string, int> want = {
      // WAFv2: one listing per scope and region (4), WAF Classic Regional's per region (3); WAFv2 logging of every
      // ACL in one call per scope.
      {"ListWebACLs", 4 + 3},
      {"ListLoggingConfigurations", 4},
      // Per own web ACL and rule group (no bulk form): WAFv2's 5 (not another account's ACL in the answer),
      // WAF Classic Regional's 2.
      {"GetWebACL", 5 + 2},
      {"GetRuleGroup", 2},
      // What each of the 4 own regional web ACLs protects: Application Load Balancers, Cognito user pools.
      {"ListResourcesForWebACL", 4 * 2},
      {"ListRules", 3},
      {"GetRule", 2},
      {"ListActivatedRulesInRuleGroup", 2},
      // ListRuleGroups: WAFv2's 4 (per scope), WAF Classic Regional's 3, Network Firewall's 3 (stateless only).
      {"ListRuleGroups", 4 + 3 + 3},
      // Network Firewall: listings per region (4 policies in us-east-1 → 2 pages), then per own resource.
      {"ListFirewalls", 3},
      {"ListFirewallPolicies", 2 + 1 + 1},
      {"DescribeFirewall", 3},
      {"DescribeLoggingConfiguration", 3},
      {"DescribeFirewallPolicy", 3},
      {"DescribeRuleGroup", 2},
      // VPC: endpoints with their policies in bulk (10 in us-east-1 → 5 pages), the account's endpoint services,
      // then the permissions of each of its 2 services (no bulk form).
      {"DescribeVpcEndpoints", 5 + 1 + 1},
      {"DescribeVpcEndpointServiceConfigurations", 3},
      {"DescribeVpcEndpointServicePermissions", 2},
      // Transfer Family: listings per region, then each server and connector described (no bulk form).
      {"ListServers", 3},
      {"ListConnectors", 3},
      {"DescribeServer", 3},
      {"DescribeConnector", 2},
      // Global Accelerator: one listing (us-west-2, once per scan), then each accelerator's attributes and tags.
      {"ListAccelerators", 1},
      {"DescribeAcceleratorAttributes", 2},
      {"ListTagsForResource", 2},
      // Shield Advanced: the subscription state, then every protection at once (10 → 5 pages).
      {"GetSubscriptionState", 1},
      {"ListProtections", 5},
      // Cognito: pools listed per region (3 user pools in us-east-1 → 2 pages), described one by one (no bulk form).
      {"ListUserPools", 2 + 1 + 1},
      {"DescribeUserPool", 4},
      {"ListIdentityPools", 3},
      {"DescribeIdentityPool", 2}};
  for (const auto& [op, n] : want) EXPECT_EQ(r.requests[op], n) << op;
}

// A denied per-resource (or bulk logging) call makes the checks that read its
// answer NOT_ASSESSED naming the action, for each resource, never PASS or
// FAIL; checks that read other calls still decide as in the clean run.
TEST(GroundTruthNetworkServices, DeniedCallsAreNotAssessedNamingTheAction) {
  GroundTruthOptions options;
  options.services = kServices;
  options.require_full_coverage = false;
  options.faults = R"({"deny": ["wafv2:GetWebACL", "wafv2:ListLoggingConfigurations", "wafv2:GetRuleGroup",
                                "waf-regional:GetWebACL", "waf-regional:GetRule",
                                "waf-regional:ListActivatedRulesInRuleGroup",
                                "network-firewall:DescribeFirewall", "network-firewall:DescribeLoggingConfiguration",
                                "network-firewall:DescribeFirewallPolicy", "network-firewall:DescribeRuleGroup",
                                "ec2:DescribeVpcEndpointServicePermissions", "cognito-idp:DescribeUserPool",
                                "cognito-identity:DescribeIdentityPool", "transfer:DescribeServer",
                                "transfer:DescribeConnector", "globalaccelerator:DescribeAcceleratorAttributes",
                                "globalaccelerator:ListTagsForResource", "shield:ListProtections"]})";
  ScanGroundTruth r = run_scan_ground_truth(options);
  const std::map<std::string, std::string> denied_for = {
      {"wafv2_webacl_logging_enabled", "wafv2:ListLoggingConfigurations"},
      {"wafv2_webacl_with_rules", "wafv2:GetWebACL"},
      {"wafv2_webacl_rule_logging_enabled", "wafv2:GetWebACL"},
      {"wafv2_rulegroup_logging_enabled", "wafv2:GetRuleGroup"},
      {"waf_regional_webacl_with_rules", "waf-regional:GetWebACL"},
      {"waf_regional_rule_with_conditions", "waf-regional:GetRule"},
      {"waf_regional_rulegroup_not_empty", "waf-regional:ListActivatedRulesInRuleGroup"},
      {"networkfirewall_multi_az", "network-firewall:DescribeFirewall"},
      {"networkfirewall_deletion_protection", "network-firewall:DescribeFirewall"},
      {"networkfirewall_subnet_change_protection", "network-firewall:DescribeFirewall"},
      {"networkfirewall_logging_enabled", "network-firewall:DescribeLoggingConfiguration"},
      {"networkfirewall_policy_rule_group_associated", "network-firewall:DescribeFirewallPolicy"},
      {"networkfirewall_policy_default_action_full_packets", "network-firewall:DescribeFirewallPolicy"},
      {"networkfirewall_policy_default_action_fragmented_packets", "network-firewall:DescribeFirewallPolicy"},
      {"networkfirewall_stateless_rule_group_not_empty", "network-firewall:DescribeRuleGroup"},
      {"vpc_endpoint_services_allowed_principals_trust_boundaries", "ec2:DescribeVpcEndpointServicePermissions"},
      {"shield_advanced_protection_in_cloudfront_distributions", "shield:ListProtections"},
      {"shield_advanced_protection_in_route53_hosted_zones", "shield:ListProtections"},
      {"shield_advanced_protection_in_internet_facing_load_balancers", "shield:ListProtections"},
      {"shield_advanced_protection_in_classic_load_balancers", "shield:ListProtections"},
      {"shield_advanced_protection_in_associated_elastic_ips", "shield:ListProtections"},
      {"shield_advanced_protection_in_global_accelerators", "shield:ListProtections"},
      {"globalaccelerator_flow_logs_enabled", "globalaccelerator:DescribeAcceleratorAttributes"},
      {"globalaccelerator_accelerator_tagged", "globalaccelerator:ListTagsForResource"},
      {"transfer_server_in_transit_encryption_enabled", "transfer:DescribeServer"},
      {"transfer_server_logging_enabled", "transfer:DescribeServer"},
      {"transfer_connector_logging_enabled", "transfer:DescribeConnector"},
      {"cognito_user_pool_mfa_enabled", "cognito-idp:DescribeUserPool"},
      {"cognito_user_pool_advanced_security_enforced", "cognito-idp:DescribeUserPool"},
      {"cognito_user_pool_deletion_protection_enabled", "cognito-idp:DescribeUserPool"},
      {"cognito_user_pool_password_policy_strong", "cognito-idp:DescribeUserPool"},
      {"cognito_identity_pool_unauthenticated_access_disabled", "cognito-identity:DescribeIdentityPool"}};
  auto clean = declared_statuses();
  std::map<std::string, int> not_assessed;
  int decided = 0;
  for (const auto& f : r.truth.findings) {
    auto it = denied_for.find(f.check_id);
    // A VPC in a region with firewalls cannot be judged without their VpcId (DescribeFirewall); one in a region
    // without any firewall still can.
    if (f.check_id == "networkfirewall_in_all_vpc" && f.status == CheckStatus::kNotAssessed) {
      EXPECT_NE(f.detail.find("network-firewall:DescribeFirewall denied"), std::string::npos) << f.detail;
      ++not_assessed[f.check_id];
      continue;
    }
    if (it == denied_for.end()) {
      // Checks reading other calls decide as in the clean run.
      EXPECT_EQ(std::string(to_string(f.status)), clean[std::make_pair(f.check_id, f.resource_arn)]) << f.check_id << " on " << f.resource_arn;
      ++decided;
      continue;
    }
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    EXPECT_NE(f.detail.find(it->second + " denied"), std::string::npos) << f.detail;
    ++not_assessed[f.check_id];
  }
  // Every resource of those checks is still reported (none dropped for lack of data).
  EXPECT_EQ(not_assessed["wafv2_webacl_logging_enabled"], 5);
  EXPECT_EQ(not_assessed["wafv2_webacl_with_rules"], 5);
  EXPECT_EQ(not_assessed["wafv2_webacl_rule_logging_enabled"], 5);
  EXPECT_EQ(not_assessed["wafv2_rulegroup_logging_enabled"], 2);
  for (const char* id : {"waf_regional_webacl_with_rules", "waf_regional_rule_with_conditions",
                         "waf_regional_rulegroup_not_empty"})
    EXPECT_EQ(not_assessed[id], 2) << id;
  for (const char* id : {"networkfirewall_multi_az", "networkfirewall_deletion_protection",
                         "networkfirewall_subnet_change_protection", "networkfirewall_logging_enabled",
                         "networkfirewall_policy_rule_group_associated",
                         "networkfirewall_policy_default_action_full_packets",
                         "networkfirewall_policy_default_action_fragmented_packets"})
    EXPECT_EQ(not_assessed[id], 3) << id;
  EXPECT_EQ(not_assessed["networkfirewall_stateless_rule_group_not_empty"], 2);
  EXPECT_EQ(not_assessed["vpc_endpoint_services_allowed_principals_trust_boundaries"], 2);
  for (const char* id : {"cognito_user_pool_mfa_enabled", "cognito_user_pool_advanced_security_enforced",
                         "cognito_user_pool_deletion_protection_enabled", "cognito_user_pool_password_policy_strong"})
    EXPECT_EQ(not_assessed[id], 4) << id;
  EXPECT_EQ(not_assessed["cognito_identity_pool_unauthenticated_access_disabled"], 2);
  EXPECT_EQ(not_assessed["transfer_server_in_transit_encryption_enabled"], 3);
  EXPECT_EQ(not_assessed["transfer_server_logging_enabled"], 3);
  EXPECT_EQ(not_assessed["transfer_connector_logging_enabled"], 2);
  EXPECT_EQ(not_assessed["globalaccelerator_flow_logs_enabled"], 2);
  EXPECT_EQ(not_assessed["globalaccelerator_accelerator_tagged"], 2);
  for (const auto& [id, action] : denied_for)
    if (id.starts_with("shield_")) EXPECT_EQ(not_assessed[id], 1) << id;
  EXPECT_EQ(not_assessed["networkfirewall_in_all_vpc"], 3);
  // The other VPC checks: 4 VPCs × 6 endpoint services (EC2.10, .55-58, .60), 10 endpoints × 2, 2 peering
  // connections, 4 VPCs' subnets; the VPC of a region without firewalls; 3 load balancers and 4 user pools by
  // their web ACLs; less the 2 gateway endpoints and the network load balancer, which get no finding.
  EXPECT_EQ(decided, 24 + 20 + 2 + 4 + 1 + 3 + 4 - 3);
  EXPECT_FALSE(r.scan.gaps.empty());
}

// Issue 13: each check gives the same verdict and detail over an inventory
// that keeps only its declared properties.
TEST(GroundTruthNetworkServices, DeclaredReadsAreAllACheckUses) {
  GroundTruthOptions o;
  o.services = kCollectors;
  o.check_services = kCheckServices;
  GroundTruth full = run_ground_truth(o);
  size_t compared = testing::expect_declared_reads_suffice(full.inventory, testing::of_services(kCheckServices), true);
  // 5 web ACLs × 3, 2 rule groups, 3 load balancers and 4 user pools by their web ACLs; 2 classic web ACLs, 2 rules, 2 rule groups; 3 firewalls × 4, 3 policies × 3,
  // 2 stateless rule groups, 4 VPCs (a firewall in each); 4 VPCs × 6 endpoint services, 10 endpoints × 2, 2 endpoint
  // services, 2 peering connections, 4 VPCs' subnets; 3 servers × 2, 2 connectors; 2 accelerators × 2; the Shield subscription × 6;
  // 4 user pools × 4, 2 identity pools; less the 2 gateway endpoints and the network load balancer (no finding).
  EXPECT_EQ(compared, 15u + 2 + 7 + 6 + 12 + 9 + 2 + 4 + 24 + 20 + 2 + 2 + 4 + 6 + 2 + 4 + 6 + 16 + 2 - 3);
}

// A per-resource call is made only for the properties a selected check reads
// of its type (a type no selected check reads at all is collected whole, for
// the inventory, as the engine does for every service): with only the WAFv2
// logging check selected no GetWebACL is made, with only the rules check no
// logging listing; a firewall check reading DescribeFirewall makes no
// DescribeLoggingConfiguration.
TEST(GroundTruthNetworkServices, UnreadPerResourceCallsAreNotMade) {
  GroundTruthOptions o;
  o.checks = {"wafv2_webacl_logging_enabled"};
  ScanGroundTruth logging_only = run_scan_ground_truth(o);
  EXPECT_TRUE(logging_only.truth.problems.empty()) << join_lines(logging_only.truth.problems);
  EXPECT_TRUE(logging_only.scan.gaps.empty());
  EXPECT_EQ(logging_only.requests["GetWebACL"], 0);
  EXPECT_EQ(logging_only.requests["ListResourcesForWebACL"], 0);
  EXPECT_EQ(logging_only.requests["ListLoggingConfigurations"], 4);

  o.checks = {"wafv2_webacl_with_rules", "wafv2_rulegroup_logging_enabled"};
  ScanGroundTruth rules_only = run_scan_ground_truth(o);
  EXPECT_TRUE(rules_only.truth.problems.empty()) << join_lines(rules_only.truth.problems);
  EXPECT_EQ(rules_only.requests["ListLoggingConfigurations"], 0);
  EXPECT_EQ(rules_only.requests["GetWebACL"], 5);
  EXPECT_EQ(rules_only.requests["GetRuleGroup"], 2);
  EXPECT_EQ(rules_only.requests["ListResourcesForWebACL"], 0);

  o.checks = {"networkfirewall_deletion_protection", "networkfirewall_policy_rule_group_associated",
              "networkfirewall_stateless_rule_group_not_empty"};
  ScanGroundTruth protection_only = run_scan_ground_truth(o);
  EXPECT_TRUE(protection_only.truth.problems.empty()) << join_lines(protection_only.truth.problems);
  EXPECT_EQ(protection_only.requests["DescribeFirewall"], 3);
  EXPECT_EQ(protection_only.requests["DescribeLoggingConfiguration"], 0);
  EXPECT_EQ(protection_only.requests["DescribeFirewallPolicy"], 3);

  o.checks = {"cognito_identity_pool_unauthenticated_access_disabled", "globalaccelerator_accelerator_tagged"};
  ScanGroundTruth tags_only = run_scan_ground_truth(o);
  EXPECT_TRUE(tags_only.truth.problems.empty()) << join_lines(tags_only.truth.problems);
  EXPECT_EQ(tags_only.requests["ListTagsForResource"], 2);
  EXPECT_EQ(tags_only.requests["DescribeAcceleratorAttributes"], 0);
  // A service none of whose types a selected check reads is not collected at all.
  EXPECT_EQ(tags_only.requests["ListUserPools"], 0);
  EXPECT_EQ(tags_only.requests["DescribeIdentityPool"], 2);
}

// Whether the account subscribes to Shield Advanced is unknown when
// GetSubscriptionState is denied: the protection checks say NOT_ASSESSED
// naming it (never PASS), and ListProtections is not called.
TEST(GroundTruthNetworkServices, ShieldSubscriptionStateDeniedIsNotAssessed) {
  GroundTruthOptions o;
  o.services = {"shield"};
  o.faults = R"({"deny": ["shield:GetSubscriptionState"]})";
  o.require_full_coverage = false;
  ScanGroundTruth denied = run_scan_ground_truth(o);
  int shield = 0;
  for (const auto& f : denied.truth.findings) {
    if (!f.check_id.starts_with("shield_")) continue;
    ++shield;
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.check_id << ": " << f.detail;
    EXPECT_NE(f.detail.find("shield:GetSubscriptionState denied"), std::string::npos) << f.detail;
  }
  EXPECT_EQ(shield, 6);
  EXPECT_EQ(denied.requests["ListProtections"], 0);
}

}  // namespace
}  // namespace cloudpeek::testing
