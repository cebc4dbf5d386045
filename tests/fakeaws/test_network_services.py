"""The insecure scenario's network and edge services data as the official AWS
CLI and botocore read it: AWS WAF Classic Regional, AWS WAF (WAFv2, the json protocol, listings per
scope with NextMarker and no paginator, CloudFront scope in us-east-1) and
AWS Network Firewall (json protocol with NextToken paginators, a policy
shared by another account in the listing), and VPC endpoints and endpoint
services on the EC2 query protocol (policies as JSON text, lists merged with
40-ec2.json's), Transfer Family servers and connectors, Global Accelerator
(us-west-2 only) and Amazon Cognito (user and identity pools, whose listings
require MaxResults)."""

import json
import unittest

from botocore.exceptions import ClientError

from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)


def paged(c, op, key, **kw):
    out = []
    for page in c.get_paginator(op).paginate(**kw):
        out += page.get(key, [])
    return out


class NetworkServicesScenarioTest(unittest.TestCase):
    def test_cli_reads_each_service(self):
        acls = aws_cli(self, "wafv2", "list-web-acls", "--scope", "REGIONAL")["WebACLs"]
        self.assertEqual([a["Name"] for a in acls], ["open-acl", "prod-acl", "partial-acl", "partner-acl"])
        cdn = aws_cli(self, "wafv2", "list-web-acls", "--scope", "CLOUDFRONT")["WebACLs"]
        self.assertEqual([a["Name"] for a in cdn], ["cdn-acl"])

    def test_wafv2(self):
        w = client("wafv2")
        acls = {a["Name"]: a for a in w.list_web_acls(Scope="REGIONAL")["WebACLs"]}
        self.assertIn(":999988887777:", acls["partner-acl"]["ARN"])
        prod = w.get_web_acl(Name="prod-acl", Scope="REGIONAL", Id=acls["prod-acl"]["Id"])["WebACL"]
        self.assertEqual([r["Name"] for r in prod["Rules"]], ["aws-common", "rate-limit"])
        self.assertTrue(all(r["VisibilityConfig"]["CloudWatchMetricsEnabled"] for r in prod["Rules"]))
        empty = w.get_web_acl(Name="open-acl", Scope="REGIONAL", Id=acls["open-acl"]["Id"])["WebACL"]
        self.assertEqual(empty["Rules"], [])
        self.assertFalse(empty["VisibilityConfig"]["CloudWatchMetricsEnabled"])
        logged = {c["ResourceArn"] for c in w.list_logging_configurations(Scope="REGIONAL")["LoggingConfigurations"]}
        self.assertEqual(logged, {acls["prod-acl"]["ARN"], acls["partial-acl"]["ARN"]})
        cdn = w.list_web_acls(Scope="CLOUDFRONT")["WebACLs"][0]
        self.assertIn(":global/webacl/", cdn["ARN"])
        fms = w.get_web_acl(Name="cdn-acl", Scope="CLOUDFRONT", Id=cdn["Id"])["WebACL"]
        self.assertEqual(len(fms["PreProcessFirewallManagerRuleGroups"]), 1)
        self.assertEqual(w.list_logging_configurations(Scope="CLOUDFRONT")["LoggingConfigurations"], [])
        albs = w.list_resources_for_web_acl(WebACLArn=acls["prod-acl"]["ARN"], ResourceType="APPLICATION_LOAD_BALANCER")
        self.assertEqual(len(albs["ResourceArns"]), 1)
        self.assertEqual(w.list_resources_for_web_acl(WebACLArn=acls["open-acl"]["ARN"])["ResourceArns"], [])
        groups = {g["Name"]: g for g in w.list_rule_groups(Scope="REGIONAL")["RuleGroups"]}
        rg = w.get_rule_group(Name="blocklist-rg", Scope="REGIONAL", Id=groups["blocklist-rg"]["Id"])["RuleGroup"]
        self.assertFalse(rg["VisibilityConfig"]["CloudWatchMetricsEnabled"])
        with self.assertRaises(ClientError) as e:
            w.get_web_acl(Name="nope", Scope="REGIONAL", Id="00000000-0000-4000-8000-000000000000")
        self.assertEqual(e.exception.response["Error"]["Code"], "WAFNonexistentItemException")
        # eu-west-1: one web ACL; us-west-2: no WAF at all (empty listings).
        self.assertEqual([a["Name"] for a in client("wafv2", "eu-west-1").list_web_acls(Scope="REGIONAL")["WebACLs"]],
                         ["eu-api-acl"])
        self.assertEqual(client("wafv2", "us-west-2").list_web_acls(Scope="REGIONAL")["WebACLs"], [])
        self.assertEqual(client("wafv2", "us-west-2").list_rule_groups(Scope="REGIONAL")["RuleGroups"], [])

    def test_network_firewall(self):
        nf = client("network-firewall")
        fws = paged(nf, "list_firewalls", "Firewalls")
        self.assertEqual([f["FirewallName"] for f in fws], ["edge-fw", "core-fw"])
        edge = nf.describe_firewall(FirewallArn=fws[0]["FirewallArn"])
        self.assertEqual(len(edge["Firewall"]["SubnetMappings"]), 1)
        self.assertEqual(edge["Firewall"]["VpcId"], "vpc-0a1b2c3d4e5f60001")
        self.assertFalse(edge["Firewall"]["DeleteProtection"])
        self.assertEqual(nf.describe_logging_configuration(FirewallArn=fws[0]["FirewallArn"])["LoggingConfiguration"],
                         {"LogDestinationConfigs": []})
        core_logs = nf.describe_logging_configuration(FirewallArn=fws[1]["FirewallArn"])["LoggingConfiguration"]
        self.assertEqual([d["LogType"] for d in core_logs["LogDestinationConfigs"]], ["ALERT", "FLOW"])
        policies = paged(nf, "list_firewall_policies", "FirewallPolicies")
        self.assertEqual([p["Name"] for p in policies], ["strict-policy", "pass-policy", "half-policy", "org-baseline"])
        self.assertIn(":999988887777:", policies[3]["Arn"])
        passing = nf.describe_firewall_policy(FirewallPolicyArn=policies[1]["Arn"])["FirewallPolicy"]
        self.assertEqual(passing["StatelessDefaultActions"], ["aws:pass"])
        self.assertNotIn("StatefulRuleGroupReferences", passing)
        groups = paged(nf, "list_rule_groups", "RuleGroups", Scope="ACCOUNT", Type="STATELESS")
        self.assertEqual([g["Name"] for g in groups], ["drop-telnet", "placeholder"])
        empty = nf.describe_rule_group(RuleGroupArn=groups[1]["Arn"], Type="STATELESS")["RuleGroup"]
        self.assertEqual(empty["RulesSource"]["StatelessRulesAndCustomActions"]["StatelessRules"], [])
        self.assertEqual(paged(client("network-firewall", "us-west-2"), "list_firewalls", "Firewalls"), [])

    def test_vpc_endpoints(self):
        ec2 = client("ec2")
        eps = paged(ec2, "describe_vpc_endpoints", "VpcEndpoints")
        self.assertEqual(len(eps), 10)
        by_id = {e["VpcEndpointId"]: e for e in eps}
        self.assertEqual(json.loads(by_id["vpce-0a1b2c3d4e5f60002"]["PolicyDocument"])["Statement"][0]["Principal"], "*")
        self.assertNotIn("PolicyDocument", by_id["vpce-0a1b2c3d4e5f60004"])
        self.assertEqual(by_id["vpce-0f9e8d7c6b5a40001"]["OwnerId"], "444455556666")
        self.assertEqual(by_id["vpce-0a1b2c3d4e5f60001"]["SubnetIds"], ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"])
        services = paged(ec2, "describe_vpc_endpoint_service_configurations", "ServiceConfigurations")
        self.assertEqual([(s["ServiceId"], s["AcceptanceRequired"]) for s in services],
                         [("vpce-svc-0a1b2c3d4e5f60001", False), ("vpce-svc-0a1b2c3d4e5f60002", True)])
        perms = ec2.describe_vpc_endpoint_service_permissions(ServiceId="vpce-svc-0a1b2c3d4e5f60001")["AllowedPrincipals"]
        self.assertEqual([p["Principal"] for p in perms], ["*"])
        # eu-west-1's route tables: 40-ec2.json's main table and this file's table routing 0.0.0.0/0 to a peering.
        eu = client("ec2", "eu-west-1")
        tables = {t["RouteTableId"]: t for t in paged(eu, "describe_route_tables", "RouteTables")}
        self.assertEqual(sorted(tables), ["rtb-0b1b2c3d4e5f60001", "rtb-0b1b2c3d4e5f60002"])
        self.assertEqual(tables["rtb-0b1b2c3d4e5f60002"]["Routes"][1]["VpcPeeringConnectionId"], "pcx-0b1b2c3d4e5f60001")
        self.assertEqual([e["ServiceName"] for e in paged(client("ec2", "eu-west-1"), "describe_vpc_endpoints", "VpcEndpoints")],
                         ["com.amazonaws.eu-west-1.ssm-contacts", "com.amazonaws.eu-west-1.ssm-incidents"])
        self.assertEqual(paged(client("ec2", "us-west-2"), "describe_vpc_endpoints", "VpcEndpoints"), [])

    def test_cognito(self):
        idp = client("cognito-idp")
        pools = paged(idp, "list_user_pools", "UserPools", MaxResults=60)
        self.assertEqual([p["Name"] for p in pools], ["customers", "staff", "partners"])
        customers = idp.describe_user_pool(UserPoolId=pools[0]["Id"])["UserPool"]
        self.assertEqual(customers["MfaConfiguration"], "OFF")
        self.assertNotIn("UserPoolAddOns", customers)
        self.assertEqual(customers["Policies"]["PasswordPolicy"]["MinimumLength"], 6)
        staff = idp.describe_user_pool(UserPoolId=pools[1]["Id"])["UserPool"]
        self.assertEqual((staff["UserPoolAddOns"]["AdvancedSecurityMode"], staff["DeletionProtection"]), ("ENFORCED", "ACTIVE"))
        with self.assertRaises(ClientError) as e:
            idp.describe_user_pool(UserPoolId="us-east-1_Nope00000")
        self.assertEqual(e.exception.response["Error"]["Code"], "ResourceNotFoundException")
        self.assertEqual(paged(client("cognito-idp", "us-west-2"), "list_user_pools", "UserPools", MaxResults=60), [])
        ident = client("cognito-identity")
        ipools = paged(ident, "list_identity_pools", "IdentityPools", MaxResults=60)
        self.assertEqual([p["IdentityPoolName"] for p in ipools], ["public_app", "internal_app"])
        self.assertTrue(ident.describe_identity_pool(IdentityPoolId=ipools[0]["IdentityPoolId"])["AllowUnauthenticatedIdentities"])

    def test_transfer(self):
        t = client("transfer")
        servers = paged(t, "list_servers", "Servers")
        self.assertEqual([s["ServerId"] for s in servers], ["s-0a1b2c3d4e5f60001", "s-0a1b2c3d4e5f60002"])
        self.assertNotIn("LoggingRole", servers[0])
        self.assertEqual(t.describe_server(ServerId=servers[0]["ServerId"])["Server"]["Protocols"], ["SFTP", "FTP"])
        connectors = paged(t, "list_connectors", "Connectors")
        self.assertEqual(len(connectors), 2)
        self.assertNotIn("LoggingRole", t.describe_connector(ConnectorId=connectors[1]["ConnectorId"])["Connector"])
        self.assertEqual(paged(client("transfer", "us-west-2"), "list_servers", "Servers"), [])

    def test_global_accelerator(self):
        ga = client("globalaccelerator", "us-west-2")
        accs = paged(ga, "list_accelerators", "Accelerators")
        self.assertEqual([a["Name"] for a in accs], ["web-accel", "api-accel"])
        self.assertFalse(ga.describe_accelerator_attributes(AcceleratorArn=accs[0]["AcceleratorArn"])
                         ["AcceleratorAttributes"]["FlowLogsEnabled"])
        self.assertEqual(ga.list_tags_for_resource(ResourceArn=accs[1]["AcceleratorArn"])["Tags"], [{"Key": "team", "Value": "api"}])

    def test_waf_regional(self):
        w = client("waf-regional")
        acls = {a["Name"]: a["WebACLId"] for a in w.list_web_acls(Limit=100)["WebACLs"]}
        self.assertEqual(sorted(acls), ["alb-acl", "empty-acl"])
        self.assertEqual(w.get_web_acl(WebACLId=acls["empty-acl"])["WebACL"]["Rules"], [])
        rules = {r["Name"]: r["RuleId"] for r in w.list_rules(Limit=100)["Rules"]}
        self.assertEqual(w.get_rule(RuleId=rules["todo-rule"])["Rule"]["Predicates"], [])
        groups = {g["Name"]: g["RuleGroupId"] for g in w.list_rule_groups(Limit=100)["RuleGroups"]}
        self.assertEqual(len(w.list_activated_rules_in_rule_group(RuleGroupId=groups["baseline"])["ActivatedRules"]), 1)
        self.assertEqual(client("waf-regional", "eu-west-1").list_web_acls(Limit=100).get("WebACLs", []), [])


if __name__ == "__main__":
    unittest.main()
