// Network and edge service checks (AWS WAF and WAF Classic Regional, Network Firewall, VPC, Transfer
// Family, Global Accelerator, Shield Advanced) and Amazon Cognito: each one PASSes, FAILs, and
// says NOT_ASSESSED with the reason when what it reads was not collected.
// One test binary for these services (compile time).
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

// ---- AWS WAF (WAFv2) ----

Resource acl(std::string id, json props) { return resource("AWS::WAFv2::WebACL", std::move(id), std::move(props)); }

TEST(Wafv2WebAclLogging, LoggedNotLoggedUnknown) {
  const char* id = "wafv2_webacl_logging_enabled";
  expect(id, acl("a", {{"logging", true}}), CheckStatus::kPass, "has a logging configuration");
  expect(id, acl("b", {{"logging", false}}), CheckStatus::kFail, "no logging configuration");
  expect(id, missing("AWS::WAFv2::WebACL", "c", {"logging"}, "wafv2:ListLoggingConfigurations denied"),
         CheckStatus::kNotAssessed, "wafv2:ListLoggingConfigurations denied");
  // Not collected at all: never a PASS.
  expect(id, acl("d", json::object()), CheckStatus::kNotAssessed, "not collected");
}

TEST(Wafv2WebAclWithRules, CountsRulesAndFirewallManagerGroups) {
  const char* id = "wafv2_webacl_with_rules";
  expect(id, acl("a", {{"rules", 2}}), CheckStatus::kPass, "2 rule(s)");
  expect(id, acl("b", {{"rules", 0}}), CheckStatus::kFail, "no rule nor rule group");
  expect(id, missing("AWS::WAFv2::WebACL", "c", {"rules"}, "wafv2:GetWebACL denied"), CheckStatus::kNotAssessed,
         "wafv2:GetWebACL denied");
  expect(id, acl("d", {{"rules", nullptr}}), CheckStatus::kNotAssessed);
}

TEST(Wafv2WebAclRuleMetrics, AclAndEveryRule) {
  const char* id = "wafv2_webacl_rule_logging_enabled";
  expect(id, acl("a", {{"metrics_enabled", true}, {"rules_without_metrics", json::array()}}), CheckStatus::kPass);
  expect(id, acl("b", {{"metrics_enabled", true}, {"rules_without_metrics", {"geo-block"}}}), CheckStatus::kFail,
         "rule(s) geo-block have CloudWatch metrics disabled");
  expect(id, acl("c", {{"metrics_enabled", false}, {"rules_without_metrics", json::array()}}), CheckStatus::kFail,
         "default action");
  expect(id, acl("d", {{"metrics_enabled", false}, {"rules_without_metrics", {"x", "y"}}}), CheckStatus::kFail,
         "and its rule(s) x, y");
  expect(id, missing("AWS::WAFv2::WebACL", "e", {"metrics_enabled", "rules_without_metrics"}, "wafv2:GetWebACL denied"),
         CheckStatus::kNotAssessed, "wafv2:GetWebACL denied");
}

TEST(Wafv2RuleGroupMetrics, OnOffUnknown) {
  const char* id = "wafv2_rulegroup_logging_enabled";
  auto group = [](json props) { return resource("AWS::WAFv2::RuleGroup", "g", std::move(props)); };
  expect(id, group({{"metrics_enabled", true}}), CheckStatus::kPass);
  expect(id, group({{"metrics_enabled", false}}), CheckStatus::kFail, "CloudWatchMetricsEnabled false");
  expect(id, missing("AWS::WAFv2::RuleGroup", "g", {"metrics_enabled"}, "wafv2:GetRuleGroup denied"),
         CheckStatus::kNotAssessed, "wafv2:GetRuleGroup denied");
}

// ---- AWS Network Firewall ----

Resource firewall(json props) { return resource("AWS::NetworkFirewall::Firewall", "fw", std::move(props)); }
Resource policy(json props) { return resource("AWS::NetworkFirewall::FirewallPolicy", "pol", std::move(props)); }

TEST(NetworkFirewallFirewalls, ZonesLoggingProtections) {
  expect("networkfirewall_multi_az", firewall({{"subnets", 2}}), CheckStatus::kPass, "2 Availability Zones");
  expect("networkfirewall_multi_az", firewall({{"subnets", 1}}), CheckStatus::kFail, "1 Availability Zone");
  expect("networkfirewall_logging_enabled", firewall({{"logging", {"ALERT", "FLOW"}}}), CheckStatus::kPass, "ALERT, FLOW");
  expect("networkfirewall_logging_enabled", firewall({{"logging", json::array()}}), CheckStatus::kFail, "no log destination");
  expect("networkfirewall_deletion_protection", firewall({{"delete_protection", true}}), CheckStatus::kPass);
  expect("networkfirewall_deletion_protection", firewall({{"delete_protection", false}}), CheckStatus::kFail);
  expect("networkfirewall_subnet_change_protection", firewall({{"subnet_change_protection", true}}), CheckStatus::kPass);
  expect("networkfirewall_subnet_change_protection", firewall({{"subnet_change_protection", false}}), CheckStatus::kFail);
  const std::string denied = "network-firewall:DescribeFirewall denied";
  Resource unknown = missing("AWS::NetworkFirewall::Firewall", "fw",
                             {"subnets", "delete_protection", "subnet_change_protection"}, denied);
  unknown.missing["logging"] = "network-firewall:DescribeLoggingConfiguration denied";
  for (const char* id : {"networkfirewall_multi_az", "networkfirewall_deletion_protection",
                         "networkfirewall_subnet_change_protection"})
    expect(id, unknown, CheckStatus::kNotAssessed, denied);
  expect("networkfirewall_logging_enabled", unknown, CheckStatus::kNotAssessed, "DescribeLoggingConfiguration denied");
}

TEST(NetworkFirewallPolicies, RuleGroupsAndDefaultActions) {
  expect("networkfirewall_policy_rule_group_associated", policy({{"rule_groups", 1}}), CheckStatus::kPass);
  expect("networkfirewall_policy_rule_group_associated", policy({{"rule_groups", 0}}), CheckStatus::kFail);
  const char* full = "networkfirewall_policy_default_action_full_packets";
  const char* frag = "networkfirewall_policy_default_action_fragmented_packets";
  expect(full, policy({{"stateless_default_actions", {"aws:forward_to_sfe"}}}), CheckStatus::kPass, "aws:forward_to_sfe");
  expect(full, policy({{"stateless_default_actions", {"aws:drop"}}}), CheckStatus::kPass);
  expect(full, policy({{"stateless_default_actions", {"aws:pass"}}}), CheckStatus::kFail, "aws:pass");
  // A custom action beside the standard one does not change the verdict.
  expect(frag, policy({{"stateless_fragment_default_actions", {"aws:pass", "count-fragments"}}}), CheckStatus::kFail,
         "aws:pass, count-fragments");
  expect(frag, policy({{"stateless_fragment_default_actions", {"count-fragments", "aws:drop"}}}), CheckStatus::kPass);
  expect(frag, policy({{"stateless_fragment_default_actions", json::array()}}), CheckStatus::kFail, "not set");
  Resource unknown = missing("AWS::NetworkFirewall::FirewallPolicy", "pol",
                             {"rule_groups", "stateless_default_actions", "stateless_fragment_default_actions"},
                             "network-firewall:DescribeFirewallPolicy denied");
  for (const char* id : {"networkfirewall_policy_rule_group_associated", full, frag})
    expect(id, unknown, CheckStatus::kNotAssessed, "DescribeFirewallPolicy denied");
}

TEST(NetworkFirewallRuleGroups, EmptyStatelessGroupFails) {
  const char* id = "networkfirewall_stateless_rule_group_not_empty";
  auto group = [](json props) { return resource("AWS::NetworkFirewall::RuleGroup", "rg", std::move(props)); };
  expect(id, group({{"stateless_rules", 3}}), CheckStatus::kPass, "3 rule(s)");
  expect(id, group({{"stateless_rules", 0}}), CheckStatus::kFail, "has no rule");
  expect(id, missing("AWS::NetworkFirewall::RuleGroup", "rg", {"stateless_rules"}, "network-firewall:DescribeRuleGroup denied"),
         CheckStatus::kNotAssessed, "DescribeRuleGroup denied");
}

// ---- VPC endpoints, endpoint services, peering routes ----

Resource endpoint(std::string id, json props, std::string region = "us-east-1") {
  return resource("AWS::EC2::VPCEndpoint", std::move(id), std::move(props), std::move(region));
}

TEST(VpcEndpointForEc2, InterfaceEndpointInTheSameVpcAndRegion) {
  const char* id = "vpc_endpoint_for_ec2_enabled";
  auto vpc = [](std::string vid, std::string region = "us-east-1") {
    return resource("AWS::EC2::VPC", vid, {{"vpc_id", vid}}, region);
  };
  Inventory inv;
  inv.add(endpoint("vpce-1", {{"vpc_id", "vpc-a"}, {"service_name", "com.amazonaws.us-east-1.ec2"}, {"state", "available"}}));
  inv.add(endpoint("vpce-2", {{"vpc_id", "vpc-b"}, {"service_name", "com.amazonaws.us-east-1.ec2messages"}, {"state", "available"}}));
  inv.add(endpoint("vpce-3", {{"vpc_id", "vpc-c"}, {"service_name", "com.amazonaws.eu-west-1.ec2"}, {"state", "available"}},
                   "eu-west-1"));
  expect(id, vpc("vpc-a"), CheckStatus::kPass, "vpce-1", inv);
  // ec2messages is another service; an EC2 endpoint of another VPC or region is not this VPC's.
  expect(id, vpc("vpc-b"), CheckStatus::kFail, "com.amazonaws.us-east-1.ec2", inv);
  expect(id, vpc("vpc-c"), CheckStatus::kFail, "", inv);
  expect(id, vpc("vpc-c", "eu-west-1"), CheckStatus::kPass, "", inv);
  // Endpoints not listed in the region: never a FAIL nor a PASS there.
  inv.add_gap(testing::denied("ec2", "ec2:DescribeVpcEndpoints", "us-east-1", "AWS::EC2::VPCEndpoint"));
  expect(id, vpc("vpc-b"), CheckStatus::kNotAssessed, "ec2:DescribeVpcEndpoints", inv);
  expect(id, vpc("vpc-c", "eu-west-1"), CheckStatus::kPass, "", inv);
}

TEST(VpcEndpointTrustBoundaries, DefaultFullAccessPolicyFails) {
  const char* id = "vpc_endpoint_connections_trust_boundaries";
  json full = {{"Statement", {{{"Effect", "Allow"}, {"Principal", "*"}, {"Action", "*"}, {"Resource", "*"}}}}};
  json org = {{"Statement",
               {{{"Sid", "OrgOnly"}, {"Effect", "Allow"}, {"Principal", "*"}, {"Action", "*"}, {"Resource", "*"},
                 {"Condition", {{"StringEquals", {{"aws:PrincipalOrgID", "o-a1b2c3d4e5"}}}}}}}}};
  json named = {{"Statement", {{{"Effect", "Allow"}, {"Principal", {{"AWS", "arn:aws:iam::111122223333:root"}}},
                                {"Action", "s3:GetObject"}, {"Resource", "*"}}}}};
  expect(id, endpoint("e1", {{"policy", full}}), CheckStatus::kFail, "allows any principal");
  expect(id, endpoint("e2", {{"policy", org}}), CheckStatus::kPass);
  expect(id, endpoint("e3", {{"policy", named}}), CheckStatus::kPass);
  expect(id, endpoint("e4", {{"policy", nullptr}}), CheckStatus::kPass, "no endpoint policy");
  expect(id, missing("AWS::EC2::VPCEndpoint", "e5", {"policy"}, "MalformedPolicy: the policy of VPC endpoint e5"),
         CheckStatus::kNotAssessed, "MalformedPolicy");
  expect(id, endpoint("e6", json::object()), CheckStatus::kNotAssessed);
}

TEST(VpcEndpointMultiAz, InterfaceEndpointsOnly) {
  const char* id = "vpc_endpoint_multi_az_enabled";
  expect(id, endpoint("e1", {{"endpoint_type", "Interface"}, {"subnets", {"subnet-a", "subnet-b"}}}), CheckStatus::kPass);
  expect(id, endpoint("e2", {{"endpoint_type", "Interface"}, {"subnets", {"subnet-a"}}}), CheckStatus::kFail,
         "1 subnet only");
  expect_not_applicable(id, endpoint("e3", {{"endpoint_type", "Gateway"}, {"subnets", json::array()}}), "Gateway endpoint");
  expect(id, endpoint("e4", {{"endpoint_type", "Interface"}}), CheckStatus::kNotAssessed);
}

TEST(VpcEndpointServicePrincipals, EveryoneFails) {
  const char* id = "vpc_endpoint_services_allowed_principals_trust_boundaries";
  auto service = [](json props) { return resource("AWS::EC2::VPCEndpointService", "vpce-svc-1", std::move(props)); };
  expect(id, service({{"allowed_principals", {"*"}}, {"acceptance_required", false}}), CheckStatus::kFail,
         "accepts connections without review");
  expect(id, service({{"allowed_principals", {"*"}}, {"acceptance_required", true}}), CheckStatus::kFail,
         "still need acceptance");
  expect(id, service({{"allowed_principals", {"arn:aws:iam::444455556666:root"}}}), CheckStatus::kPass, "1 named");
  expect(id, service({{"allowed_principals", json::array()}}), CheckStatus::kPass, "no principal");
  expect(id,
         missing("AWS::EC2::VPCEndpointService", "vpce-svc-1", {"allowed_principals"},
                 "ec2:DescribeVpcEndpointServicePermissions denied"),
         CheckStatus::kNotAssessed, "DescribeVpcEndpointServicePermissions denied");
}

TEST(VpcPeeringRoutes, DefaultRouteThroughPeeringFails) {
  const char* id = "vpc_peering_routing_tables_with_least_privilege";
  auto table = [](std::string tid, json routes, std::string region = "us-east-1") {
    return resource("AWS::EC2::RouteTable", tid, {{"routes", std::move(routes)}}, region);
  };
  auto pcx = [](std::string pid, std::string region = "us-east-1") {
    return resource("AWS::EC2::VPCPeeringConnection", pid, {{"status", "active"}}, region);
  };
  Inventory inv;
  inv.add(table("rtb-1", {{{"destination", "10.8.1.0/24"}, {"target", "pcx-1"}},
                          {{"destination", "0.0.0.0/0"}, {"target", "igw-1"}}}));
  inv.add(table("rtb-2", {{{"destination", "::/0"}, {"target", "pcx-2"}}}));
  inv.add(table("rtb-3", {{{"destination", "0.0.0.0/0"}, {"target", "pcx-3"}}}, "eu-west-1"));
  expect(id, pcx("pcx-1"), CheckStatus::kPass, "1 route(s)", inv);
  expect(id, pcx("pcx-2"), CheckStatus::kFail, "rtb-2 (::/0)", inv);
  // A route table of another region does not route through this region's connection.
  expect(id, pcx("pcx-3"), CheckStatus::kPass, "0 route(s)", inv);
  expect(id, pcx("pcx-3", "eu-west-1"), CheckStatus::kFail, "", inv);
  inv.add_gap(testing::denied("ec2", "ec2:DescribeRouteTables", "us-east-1", "AWS::EC2::RouteTable"));
  expect(id, pcx("pcx-1"), CheckStatus::kNotAssessed, "ec2:DescribeRouteTables", inv);
}

// ---- Amazon Cognito ----

Resource user_pool(json props) { return resource("AWS::Cognito::UserPool", "us-east-1_P00l", std::move(props)); }

TEST(CognitoUserPools, MfaThreatProtectionDeletionProtection) {
  expect("cognito_user_pool_mfa_enabled", user_pool({{"mfa", "ON"}}), CheckStatus::kPass);
  expect("cognito_user_pool_mfa_enabled", user_pool({{"mfa", "OPTIONAL"}}), CheckStatus::kFail, "is OPTIONAL");
  expect("cognito_user_pool_mfa_enabled", user_pool({{"mfa", "OFF"}}), CheckStatus::kFail, "is OFF");
  expect("cognito_user_pool_advanced_security_enforced", user_pool({{"advanced_security", "ENFORCED"}}), CheckStatus::kPass);
  expect("cognito_user_pool_advanced_security_enforced", user_pool({{"advanced_security", "AUDIT"}}), CheckStatus::kFail,
         "is AUDIT");
  expect("cognito_user_pool_deletion_protection_enabled", user_pool({{"deletion_protection", "ACTIVE"}}), CheckStatus::kPass);
  expect("cognito_user_pool_deletion_protection_enabled", user_pool({{"deletion_protection", "INACTIVE"}}),
         CheckStatus::kFail);
  Resource unknown = missing("AWS::Cognito::UserPool", "p", {"mfa", "advanced_security", "deletion_protection", "password_policy"},
                             "cognito-idp:DescribeUserPool denied");
  for (const char* id : {"cognito_user_pool_mfa_enabled", "cognito_user_pool_advanced_security_enforced",
                         "cognito_user_pool_deletion_protection_enabled", "cognito_user_pool_password_policy_strong"})
    expect(id, unknown, CheckStatus::kNotAssessed, "DescribeUserPool denied");
}

TEST(CognitoUserPools, PasswordPolicyStrength) {
  const char* id = "cognito_user_pool_password_policy_strong";
  json strong = {{"min_length", 8},         {"require_uppercase", true}, {"require_lowercase", true},
                 {"require_numbers", true}, {"require_symbols", true},   {"temporary_password_validity_days", 7}};
  expect(id, user_pool({{"password_policy", strong}}), CheckStatus::kPass, "8+ characters");
  json short_pw = strong;
  short_pw["min_length"] = 7;
  expect(id, user_pool({{"password_policy", short_pw}}), CheckStatus::kFail, "minimum length 7 (< 8)");
  json no_symbols = strong;
  no_symbols["require_symbols"] = false;
  no_symbols["temporary_password_validity_days"] = 8;
  expect(id, user_pool({{"password_policy", no_symbols}}), CheckStatus::kFail,
         "symbols not required, temporary passwords valid 8 days (> 7)");
}

TEST(CognitoIdentityPools, UnauthenticatedIdentities) {
  const char* id = "cognito_identity_pool_unauthenticated_access_disabled";
  auto pool = [](json props) { return resource("AWS::Cognito::IdentityPool", "us-east-1:abc", std::move(props)); };
  expect(id, pool({{"allow_unauthenticated", true}}), CheckStatus::kFail, "to anyone who asks");
  expect(id, pool({{"allow_unauthenticated", false}}), CheckStatus::kPass);
  expect(id, missing("AWS::Cognito::IdentityPool", "p", {"allow_unauthenticated"}, "cognito-identity:DescribeIdentityPool denied"),
         CheckStatus::kNotAssessed, "DescribeIdentityPool denied");
}

// ---- AWS Transfer Family ----

TEST(TransferServers, FtpAndLogging) {
  auto server = [](json props) { return resource("AWS::Transfer::Server", "s-1", std::move(props)); };
  const char* ftp = "transfer_server_in_transit_encryption_enabled";
  expect(ftp, server({{"protocols", {"SFTP", "FTP"}}}), CheckStatus::kFail, "accepts FTP (SFTP, FTP)");
  expect(ftp, server({{"protocols", {"SFTP", "FTPS"}}}), CheckStatus::kPass, "only encrypted protocols");
  const char* logs = "transfer_server_logging_enabled";
  expect(logs, server({{"logging_role", "arn:aws:iam::111122223333:role/log"}, {"structured_logs", json::array()}}),
         CheckStatus::kPass, "role arn:aws:iam::111122223333:role/log");
  expect(logs, server({{"logging_role", nullptr}, {"structured_logs", {"arn:aws:logs:us-east-1:111122223333:log-group:t"}}}),
         CheckStatus::kPass, "structured logs");
  expect(logs, server({{"logging_role", nullptr}, {"structured_logs", json::array()}}), CheckStatus::kFail,
         "no logging role");
  // Not collected: never a FAIL for a null that was never read.
  expect(logs, server(json::object()), CheckStatus::kNotAssessed);
  Resource unknown = missing("AWS::Transfer::Server", "s-1", {"protocols", "logging_role", "structured_logs"},
                             "transfer:DescribeServer denied");
  expect(ftp, unknown, CheckStatus::kNotAssessed, "DescribeServer denied");
  expect(logs, unknown, CheckStatus::kNotAssessed, "DescribeServer denied");
}

TEST(TransferConnectors, LoggingRole) {
  const char* id = "transfer_connector_logging_enabled";
  auto connector = [](json props) { return resource("AWS::Transfer::Connector", "c-1", std::move(props)); };
  expect(id, connector({{"logging_role", "arn:aws:iam::111122223333:role/log"}}), CheckStatus::kPass);
  expect(id, connector({{"logging_role", nullptr}}), CheckStatus::kFail, "no logging role");
  expect(id, missing("AWS::Transfer::Connector", "c-1", {"logging_role"}, "transfer:DescribeConnector denied"),
         CheckStatus::kNotAssessed, "DescribeConnector denied");
}

// ---- AWS Global Accelerator ----

TEST(GlobalAccelerator, FlowLogsAndTags) {
  auto accelerator = [](json props) {
    return resource("AWS::GlobalAccelerator::Accelerator", "a-1", std::move(props), "global");
  };
  expect("globalaccelerator_flow_logs_enabled", accelerator({{"flow_logs", true}}), CheckStatus::kPass);
  expect("globalaccelerator_flow_logs_enabled", accelerator({{"flow_logs", false}}), CheckStatus::kFail);
  expect("globalaccelerator_accelerator_tagged", accelerator({{"tags", {{"team", "api"}}}}), CheckStatus::kPass, "1 tag");
  // AWS's own tags (aws:...) are not the owner's tagging.
  expect("globalaccelerator_accelerator_tagged", accelerator({{"tags", {{"aws:cloudformation:stack-name", "s"}}}}),
         CheckStatus::kFail, "has no tag");
  expect("globalaccelerator_accelerator_tagged", accelerator({{"tags", json::object()}}), CheckStatus::kFail);
  Resource unknown = missing("AWS::GlobalAccelerator::Accelerator", "a-1", {"flow_logs"},
                             "globalaccelerator:DescribeAcceleratorAttributes denied");
  unknown.missing["tags"] = "globalaccelerator:ListTagsForResource denied";
  expect("globalaccelerator_flow_logs_enabled", unknown, CheckStatus::kNotAssessed, "DescribeAcceleratorAttributes denied");
  expect("globalaccelerator_accelerator_tagged", unknown, CheckStatus::kNotAssessed, "ListTagsForResource denied");
}

// ---- AWS Shield Advanced ----

TEST(ShieldAdvancedProtection, EveryResourceThatShouldBeProtected) {
  Resource sub = resource("AWS::Shield::Subscription", "shield-advanced",
                          {{"state", "ACTIVE"},
                           {"protected",
                            {"arn:aws:cloudfront::111122223333:distribution/E1",
                             "arn:aws:ec2:us-east-1:111122223333:eip-allocation/eipalloc-1"}}},
                          "global");
  sub.account = "111122223333";
  Inventory inv;
  auto add = [&](std::string type, std::string id, std::string arn, json props, std::string region = "us-east-1") {
    Resource r = resource(std::move(type), std::move(id), std::move(props), std::move(region));
    r.arn = std::move(arn);
    inv.add(std::move(r));
  };
  add("AWS::CloudFront::Distribution", "E1", "arn:aws:cloudfront::111122223333:distribution/E1", json::object(), "global");
  add("AWS::CloudFront::Distribution", "E2", "arn:aws:cloudfront::111122223333:distribution/E2", json::object(), "global");
  add("AWS::EC2::EIP", "eipalloc-1", "arn:aws:ec2:us-east-1:111122223333:elastic-ip/eipalloc-1",
      {{"allocation_id", "eipalloc-1"}, {"association_id", "eipassoc-1"}});
  add("AWS::EC2::EIP", "eipalloc-2", "arn:aws:ec2:us-east-1:111122223333:elastic-ip/eipalloc-2",
      {{"allocation_id", "eipalloc-2"}, {"association_id", nullptr}});
  add("AWS::Route53::HostedZone", "Z1", "arn:aws:route53:::hostedzone/Z1", {{"private", true}}, "global");
  expect("shield_advanced_protection_in_cloudfront_distributions", sub, CheckStatus::kFail,
         "1 of 2 CloudFront distributions not protected by Shield Advanced: arn:aws:cloudfront::111122223333:distribution/E2",
         inv);
  // An address is protected through its allocation ARN; an unassociated one is not judged.
  expect("shield_advanced_protection_in_associated_elastic_ips", sub, CheckStatus::kPass,
         "all 1 associated Elastic IP addresses", inv);
  // Private zones are not judged.
  expect("shield_advanced_protection_in_route53_hosted_zones", sub, CheckStatus::kPass, "all 0 public hosted zones", inv);
  // An incomplete listing of the resources to protect: NOT_ASSESSED, not a PASS on what was seen.
  inv.add_gap(testing::denied("ec2", "ec2:DescribeAddresses", "eu-west-1", "AWS::EC2::EIP"));
  expect("shield_advanced_protection_in_associated_elastic_ips", sub, CheckStatus::kNotAssessed,
         "ec2:DescribeAddresses", inv);
  Resource unknown = sub;
  unknown.props.erase("protected");
  unknown.missing["protected"] = "shield:ListProtections denied";
  expect("shield_advanced_protection_in_cloudfront_distributions", unknown, CheckStatus::kNotAssessed,
         "shield:ListProtections denied", inv);
}

// ---- AWS WAF Classic Regional ----

TEST(WafRegional, EmptyAclsRulesAndGroupsFail) {
  auto r = [](const char* type, json props) { return resource(type, "id-1", std::move(props)); };
  expect("waf_regional_webacl_with_rules", r("AWS::WAFRegional::WebACL", {{"rules", 1}}), CheckStatus::kPass);
  expect("waf_regional_webacl_with_rules", r("AWS::WAFRegional::WebACL", {{"rules", 0}}), CheckStatus::kFail,
         "no rule nor rule group");
  expect("waf_regional_rule_with_conditions", r("AWS::WAFRegional::Rule", {{"conditions", 2}}), CheckStatus::kPass,
         "2 condition(s)");
  expect("waf_regional_rule_with_conditions", r("AWS::WAFRegional::Rule", {{"conditions", 0}}), CheckStatus::kFail,
         "no condition");
  expect("waf_regional_rulegroup_not_empty", r("AWS::WAFRegional::RuleGroup", {{"rules", 1}}), CheckStatus::kPass);
  expect("waf_regional_rulegroup_not_empty", r("AWS::WAFRegional::RuleGroup", {{"rules", 0}}), CheckStatus::kFail);
  expect("waf_regional_rule_with_conditions", missing("AWS::WAFRegional::Rule", "id-1", {"conditions"}, "waf-regional:GetRule denied"),
         CheckStatus::kNotAssessed, "GetRule denied");
  expect("waf_regional_webacl_with_rules", r("AWS::WAFRegional::WebACL", json::object()), CheckStatus::kNotAssessed);
}

TEST(VpcEndpointForServices, EachServiceByItsOwnName) {
  auto vpc = resource("AWS::EC2::VPC", "vpc-a", {{"vpc_id", "vpc-a"}});
  Inventory inv;
  inv.add(endpoint("vpce-1", {{"vpc_id", "vpc-a"}, {"service_name", "com.amazonaws.us-east-1.ssm-contacts"}, {"state", "available"}}));
  inv.add(endpoint("vpce-2", {{"vpc_id", "vpc-a"}, {"service_name", "com.amazonaws.us-east-1.ecr.dkr"}, {"state", "available"}}));
  // ssm-contacts is not Systems Manager itself, ecr.dkr not the ECR API.
  expect("vpc_endpoint_for_ssm_enabled", vpc, CheckStatus::kFail, "com.amazonaws.us-east-1.ssm)", inv);
  expect("vpc_endpoint_for_ssm_contacts_enabled", vpc, CheckStatus::kPass, "vpce-1", inv);
  expect("vpc_endpoint_for_ecr_api_enabled", vpc, CheckStatus::kFail, "", inv);
  expect("vpc_endpoint_for_ecr_dkr_enabled", vpc, CheckStatus::kPass, "vpce-2", inv);
  expect("vpc_endpoint_for_ssm_incidents_enabled", vpc, CheckStatus::kFail, "Incident Manager", inv);
}

TEST(NetworkFirewallInAllVpcs, FirewallOfTheVpcInItsRegion) {
  const char* id = "networkfirewall_in_all_vpc";
  auto vpc = [](std::string vid, std::string region = "us-east-1") {
    return resource("AWS::EC2::VPC", vid, {{"vpc_id", vid}}, region);
  };
  Inventory inv;
  inv.add(firewall({{"vpc_id", "vpc-a"}}));
  expect(id, vpc("vpc-a"), CheckStatus::kPass, "firewall fw", inv);
  expect(id, vpc("vpc-b"), CheckStatus::kFail, "no Network Firewall firewall", inv);
  expect(id, vpc("vpc-a", "eu-west-1"), CheckStatus::kFail, "", inv);
  // A firewall whose VPC is unknown may be this VPC's: not judged.
  Resource unknown = missing("AWS::NetworkFirewall::Firewall", "fw-2", {"vpc_id"}, "network-firewall:DescribeFirewall denied");
  inv.add(unknown);
  expect(id, vpc("vpc-b"), CheckStatus::kNotAssessed, "DescribeFirewall denied", inv);
}

TEST(Wafv2Associations, LoadBalancersAndUserPools) {
  Inventory inv;
  Resource acl = resource("AWS::WAFv2::WebACL", "acl-1",
                          {{"albs", {"arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/a/1"}},
                           {"user_pools", json::array()}});
  inv.add(acl);
  auto lb = [](std::string arn, std::string type, std::string region = "us-east-1") {
    Resource r = resource("AWS::ElasticLoadBalancingV2::LoadBalancer", "lb", {{"type", type}}, region);
    r.arn = std::move(arn);
    return r;
  };
  const char* id = "elbv2_waf_acl_attached";
  expect(id, lb("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/a/1", "application"),
         CheckStatus::kPass, "web ACL acl-1", inv);
  expect(id, lb("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/b/2", "application"),
         CheckStatus::kFail, "no AWS WAF web ACL", inv);
  expect_not_applicable(id, lb("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/n/3", "network"), "Application Load Balancers only", inv);
  // The same ALB ARN in another region's inventory is not protected by this region's web ACL.
  expect(id, lb("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/a/1", "application", "eu-west-1"),
         CheckStatus::kFail, "", inv);
  Resource pool = resource("AWS::Cognito::UserPool", "us-east-1_P", json::object());
  expect("cognito_user_pool_waf_acl_attached", pool, CheckStatus::kFail, "no AWS WAF web ACL", inv);
  // What a web ACL protects is unknown: NOT_ASSESSED, not a FAIL.
  inv.add(missing("AWS::WAFv2::WebACL", "acl-2", {"albs", "user_pools"}, "wafv2:ListResourcesForWebACL denied"));
  expect(id, lb("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/b/2", "application"),
         CheckStatus::kNotAssessed, "ListResourcesForWebACL denied", inv);
  expect("cognito_user_pool_waf_acl_attached", pool, CheckStatus::kNotAssessed, "ListResourcesForWebACL denied", inv);
}

TEST(VpcSubnetDifferentAz, ZonesOfTheVpcsSubnets) {
  const char* id = "vpc_subnet_different_az";
  auto subnet = [](std::string sid, std::string vpc, std::string zone) {
    return resource("AWS::EC2::Subnet", sid, {{"vpc_id", vpc}, {"availability_zone", zone}});
  };
  auto vpc = [](std::string vid) { return resource("AWS::EC2::VPC", vid, {{"vpc_id", vid}}); };
  Inventory inv;
  inv.add(subnet("s-1", "vpc-a", "us-east-1a"));
  inv.add(subnet("s-2", "vpc-a", "us-east-1b"));
  inv.add(subnet("s-3", "vpc-b", "us-east-1a"));
  inv.add(subnet("s-4", "vpc-b", "us-east-1a"));
  expect(id, vpc("vpc-a"), CheckStatus::kPass, "2 subnets in 2 Availability Zones", inv);
  expect(id, vpc("vpc-b"), CheckStatus::kFail, "2 subnet(s) in one Availability Zone (us-east-1a)", inv);
  expect(id, vpc("vpc-c"), CheckStatus::kFail, "has no subnet", inv);
  inv.add_gap(testing::denied("ec2", "ec2:DescribeSubnets", "us-east-1", "AWS::EC2::Subnet"));
  expect(id, vpc("vpc-c"), CheckStatus::kNotAssessed, "ec2:DescribeSubnets", inv);
}

}  // namespace
}  // namespace cloudpeek::checks
