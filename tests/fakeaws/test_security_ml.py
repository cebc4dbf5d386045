"""The insecure scenario's security services, machine learning, email and DNS
data as the official AWS CLI and botocore read it: Amazon Inspector's account
status (rest-json, one batch call per region), Macie (rest-json; a region where
it was never enabled answers AccessDeniedException "Macie is not enabled."),
SES v2 identities and configuration sets (rest-json with URI labels, NextToken
without a paginator, policies as JSON text) and SES v1's listing of the same
identities (query protocol, MaxItems/NextToken), SageMaker (json protocol with
paginators), Route 53 Resolver associations and AWS WAF Classic's global API
(json protocol, NextMarker) — and a denied call answers as AWS does."""

import json
import unittest

from botocore.exceptions import ClientError

import insecure_scenario
from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)

ACCOUNT = "111122223333"


def paged(c, op, key, **kw):
    out = []
    for page in c.get_paginator(op).paginate(**kw):
        out += page.get(key, [])
    return out


class SecurityMlScenarioTest(unittest.TestCase):
    def test_inspector2(self):
        def states(region):
            out = client("inspector2", region).batch_get_account_status(accountIds=[ACCOUNT])
            mine = [a for a in out["accounts"] if a["accountId"] == ACCOUNT]
            self.assertEqual(len(mine), 1)
            return {k: v["status"] for k, v in mine[0]["resourceState"].items()}
        self.assertEqual(states("us-east-1"), {"ec2": "ENABLED", "ecr": "ENABLED", "lambda": "ENABLED"})
        self.assertEqual(states("eu-west-1"), {"ec2": "ENABLED", "ecr": "DISABLED", "lambda": "DISABLED"})
        self.assertEqual(states("us-west-2"), {"ec2": "DISABLED", "ecr": "SUSPENDED", "lambda": "DISABLED"})
        # A delegated administrator's answer carries a member account too.
        ids = [a["accountId"] for a in client("inspector2").batch_get_account_status(accountIds=[ACCOUNT])["accounts"]]
        self.assertIn("999988887777", ids)
        cli = aws_cli(self, "inspector2", "batch-get-account-status", "--account-ids", ACCOUNT, "--region", "eu-west-1")
        self.assertEqual(cli["accounts"][0]["resourceState"]["ecr"]["status"], "DISABLED")

    def test_macie2(self):
        self.assertEqual(client("macie2").get_macie_session()["status"], "ENABLED")
        self.assertEqual(client("macie2").get_automated_discovery_configuration()["status"], "ENABLED")
        self.assertEqual(client("macie2", "eu-west-1").get_automated_discovery_configuration()["status"], "DISABLED")
        # Never enabled: AWS answers AccessDeniedException, 403, "Macie is not enabled."
        with self.assertRaises(ClientError) as e:
            client("macie2", "us-west-2").get_macie_session()
        err = e.exception.response
        self.assertEqual(err["Error"]["Code"], "AccessDeniedException")
        self.assertEqual(err["ResponseMetadata"]["HTTPStatusCode"], 403)
        self.assertIn("Macie is not enabled", err["Error"]["Message"])

    def test_sesv2(self):
        ses = client("sesv2")
        listed = ses.list_email_identities()  # no botocore paginator: one page, no NextToken
        names = [i["IdentityName"] for i in listed["EmailIdentities"]]
        self.assertEqual(names, ["example.com", "marketing.example.com", "alerts@example.net"])
        self.assertNotIn("NextToken", listed)
        ident = ses.get_email_identity(EmailIdentity="marketing.example.com")
        self.assertFalse(ident["DkimAttributes"]["SigningEnabled"])
        self.assertEqual(json.loads(ident["Policies"]["partner"])["Statement"][0]["Principal"], "*")
        self.assertEqual(ses.get_email_identity(EmailIdentity="alerts@example.net")["DkimAttributes"]["Status"], "PENDING")
        with self.assertRaises(ClientError) as e:
            ses.get_email_identity(EmailIdentity="nope.example")
        self.assertEqual(e.exception.response["Error"]["Code"], "NotFoundException")
        self.assertEqual(ses.list_configuration_sets()["ConfigurationSets"], ["transactional", "newsletter"])
        self.assertEqual(ses.get_configuration_set(ConfigurationSetName="transactional")["DeliveryOptions"]["TlsPolicy"],
                         "REQUIRE")
        self.assertNotIn("DeliveryOptions", ses.get_configuration_set(ConfigurationSetName="newsletter"))
        cli = aws_cli(self, "sesv2", "get-email-identity", "--email-identity", "example.com")
        self.assertEqual(sorted(cli["Policies"]), ["app-sender", "org-senders"])
        # No SES in us-west-2: empty listings.
        self.assertEqual(client("sesv2", "us-west-2").list_email_identities().get("EmailIdentities", []), [])

    def test_ses_v1_identities(self):
        # SES v1 lists the same identities as v2 (one set behind both APIs),
        # names only, with its paginator (MaxItems/NextToken) and type filter.
        ses = client("ses")
        self.assertEqual(paged(ses, "list_identities", "Identities", PaginationConfig={"PageSize": 2}),
                         ["example.com", "marketing.example.com", "alerts@example.net"])
        first = ses.list_identities(MaxItems=2)
        self.assertEqual(first["Identities"], ["example.com", "marketing.example.com"])
        self.assertEqual(ses.list_identities(MaxItems=2, NextToken=first["NextToken"])["Identities"],
                         ["alerts@example.net"])
        self.assertEqual(ses.list_identities(IdentityType="EmailAddress")["Identities"], ["alerts@example.net"])
        self.assertEqual(ses.list_identities(IdentityType="Domain")["Identities"], ["example.com", "marketing.example.com"])
        cli = aws_cli(self, "ses", "list-identities", "--region", "us-east-1")
        self.assertEqual(cli["Identities"], ["example.com", "marketing.example.com", "alerts@example.net"])
        # No SES in us-west-2: an empty list, as v2 answers there.
        self.assertEqual(client("ses", "us-west-2").list_identities()["Identities"], [])
        # Denied: the query protocol's error, naming the action.
        insecure_scenario.SERVER.faults({"deny": ["ses:ListIdentities"]})
        try:
            with self.assertRaises(ClientError) as e:
                ses.list_identities()
            self.assertIn("ses:ListIdentities", e.exception.response["Error"]["Message"])
            self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 403)
            # Denying v1's listing leaves v2's allowed: two IAM actions.
            self.assertEqual(len(client("sesv2").list_email_identities()["EmailIdentities"]), 3)
        finally:
            insecure_scenario.SERVER.faults({})

    def test_sagemaker(self):
        sm = client("sagemaker")
        self.assertEqual([n["NotebookInstanceName"] for n in paged(sm, "list_notebook_instances", "NotebookInstances")],
                         ["research-open", "research-locked"])
        nb = sm.describe_notebook_instance(NotebookInstanceName="research-open")
        self.assertEqual((nb["DirectInternetAccess"], nb["RootAccess"]), ("Enabled", "Enabled"))
        self.assertNotIn("SubnetId", nb)
        configs = paged(sm, "list_endpoint_configs", "EndpointConfigs")
        self.assertEqual([c["EndpointConfigName"] for c in configs], ["churn-single", "churn-ha", "churn-serverless"])
        single = sm.describe_endpoint_config(EndpointConfigName="churn-single")
        self.assertEqual([v["InitialInstanceCount"] for v in single["ProductionVariants"]], [2, 1])
        serverless = sm.describe_endpoint_config(EndpointConfigName="churn-serverless")["ProductionVariants"][0]
        self.assertIn("ServerlessConfig", serverless)
        model = sm.describe_model(ModelName="churn-isolated")
        self.assertTrue(model["EnableNetworkIsolation"])
        self.assertEqual(len(model["VpcConfig"]["Subnets"]), 2)
        self.assertNotIn("EnableNetworkIsolation", sm.describe_model(ModelName="churn-open"))
        with self.assertRaises(ClientError) as e:
            sm.describe_model(ModelName="nope")
        self.assertEqual(e.exception.response["Error"]["Code"], "ValidationException")
        jobs = paged(sm, "list_training_jobs", "TrainingJobSummaries")
        self.assertEqual([j["TrainingJobName"] for j in jobs], ["churn-train-open", "churn-train-locked"])
        open_job = sm.describe_training_job(TrainingJobName="churn-train-open")
        self.assertNotIn("KmsKeyId", open_job["OutputDataConfig"])
        self.assertIn("VolumeKmsKeyId", open_job["ResourceConfig"])
        locked = sm.describe_training_job(TrainingJobName="churn-train-locked")
        self.assertTrue(locked["EnableNetworkIsolation"] and locked["EnableInterContainerTrafficEncryption"])
        cli = aws_cli(self, "sagemaker", "list-models")
        self.assertEqual(len(cli["Models"]), 2)

    def test_route53resolver(self):
        r = client("route53resolver")
        ql = paged(r, "list_resolver_query_log_config_associations", "ResolverQueryLogConfigAssociations")
        self.assertEqual({a["ResourceId"]: a["Status"] for a in ql},
                         {"vpc-0a1b2c3d4e5f60001": "ACTIVE", "vpc-0a1b2c3d4e5f60002": "FAILED"})
        fw = paged(r, "list_firewall_rule_group_associations", "FirewallRuleGroupAssociations")
        self.assertEqual({a["VpcId"]: a["Status"] for a in fw},
                         {"vpc-0a1b2c3d4e5f60002": "COMPLETE", "vpc-0a1b2c3d4e5f60001": "DELETING"})
        self.assertEqual(paged(client("route53resolver", "us-west-2"), "list_resolver_query_log_config_associations",
                               "ResolverQueryLogConfigAssociations"), [])

    def test_waf_global(self):
        w = client("waf")
        acls = {a["Name"]: a["WebACLId"] for a in paged(w, "list_web_acls", "WebACLs")}
        self.assertEqual(sorted(acls), ["cdn-acl", "empty-cdn-acl"])
        logged = paged(w, "list_logging_configurations", "LoggingConfigurations")
        self.assertEqual([c["ResourceArn"] for c in logged], [f"arn:aws:waf::{ACCOUNT}:webacl/{acls['cdn-acl']}"])
        self.assertEqual(len(w.get_web_acl(WebACLId=acls["cdn-acl"])["WebACL"]["Rules"]), 2)
        rules = {r["Name"]: r["RuleId"] for r in w.list_rules()["Rules"]}
        self.assertEqual(w.get_rule(RuleId=rules["placeholder"])["Rule"]["Predicates"], [])
        groups = {g["Name"]: g["RuleGroupId"] for g in w.list_rule_groups()["RuleGroups"]}
        self.assertEqual(w.list_activated_rules_in_rule_group(RuleGroupId=groups["cdn-empty"])["ActivatedRules"], [])
        with self.assertRaises(ClientError) as e:
            w.get_rule(RuleId="00000000-0000-4000-8000-000000000000")
        self.assertEqual(e.exception.response["Error"]["Code"], "WAFNonexistentItemException")
        cli = aws_cli(self, "waf", "list-rule-groups")
        self.assertEqual(len(cli["RuleGroups"]), 2)

    def test_denied_calls_answer_as_aws(self):
        insecure_scenario.SERVER.faults({"deny": ["inspector2:BatchGetAccountStatus", "sesv2:GetEmailIdentity",
                                                  "sagemaker:DescribeNotebookInstance", "waf:ListLoggingConfigurations"]})
        try:
            for call, code in [
                    (lambda: client("inspector2").batch_get_account_status(accountIds=[ACCOUNT]), "AccessDeniedException"),
                    (lambda: client("sesv2").get_email_identity(EmailIdentity="example.com"), "AccessDeniedException"),
                    (lambda: client("sagemaker").describe_notebook_instance(NotebookInstanceName="research-open"),
                     "AccessDeniedException"),
                    (lambda: client("waf").list_logging_configurations(), "AccessDeniedException")]:
                with self.assertRaises(ClientError) as e:
                    call()
                self.assertEqual(e.exception.response["Error"]["Code"], code)
                self.assertIn("not authorized to perform", e.exception.response["Error"]["Message"])
            # A denial is not "Macie is not enabled": it names the action.
            insecure_scenario.SERVER.faults({"deny": ["macie2:GetMacieSession"]})
            with self.assertRaises(ClientError) as e:
                client("macie2").get_macie_session()
            self.assertIn("macie2:GetMacieSession", e.exception.response["Error"]["Message"])
        finally:
            insecure_scenario.SERVER.faults({})


if __name__ == "__main__":
    unittest.main()
