"""The insecure scenario's compute and application platforms as botocore and
the official AWS CLI read them: AWS Batch (rest-json, DescribeJobDefinitions
paged with nextToken), Elastic Beanstalk (query protocol, option settings per
environment), EMR (json protocol, Marker paging, the security configuration
as JSON text, block public access per region and AWS's default where a
scenario says nothing), App Runner (json 1.0 without a paginator), Lightsail
(json, pageToken paging), CodePipeline (json, per-region artifact stores) and
CodeArtifact (rest-json with query-string members, a repository without a
policy answering ResourceNotFoundException); and denied calls answer as AWS
does in each protocol."""

import json
import unittest

from botocore.exceptions import ClientError

import insecure_scenario
from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)

A = "111122223333"


def paged(c, op, key, **kw):
    out = []
    for page in c.get_paginator(op).paginate(**kw):
        out += page.get(key, [])
    return out


class ComputePlatformsScenarioTest(unittest.TestCase):
    def test_batch(self):
        jobs = paged(client("batch"), "describe_job_definitions", "jobDefinitions", status="ACTIVE")
        by = {f"{j['jobDefinitionName']}:{j['revision']}": j for j in jobs}
        self.assertEqual(sorted(by), ["eks-scan:2", "etl-nightly:3", "mpi-sim:1", "report-builder:7"])
        self.assertTrue(by["etl-nightly:3"]["containerProperties"]["privileged"])
        self.assertNotIn("user", by["etl-nightly:3"]["containerProperties"])
        self.assertEqual(by["mpi-sim:1"]["nodeProperties"]["nodeRangeProperties"][0]["container"]["user"], "root")
        ctx = by["eks-scan:2"]["eksProperties"]["podProperties"]["containers"][0]["securityContext"]
        self.assertTrue(ctx["runAsNonRoot"])
        self.assertEqual(len(client("batch", "eu-west-1").describe_job_definitions(status="ACTIVE")["jobDefinitions"]), 0)

    def test_elasticbeanstalk(self):
        eb = client("elasticbeanstalk")
        envs = paged(eb, "describe_environments", "Environments", IncludeDeleted=False)
        self.assertEqual({e["EnvironmentName"]: e["Status"] for e in envs},
                         {"web-prod": "Ready", "web-staging": "Ready", "worker": "Ready", "old-campaign": "Terminating"})
        opts = eb.describe_configuration_settings(ApplicationName="storefront", EnvironmentName="web-staging")
        settings = {(o["Namespace"], o["OptionName"]): o["Value"] for o in opts["ConfigurationSettings"][0]["OptionSettings"]}
        self.assertEqual(settings[("aws:elasticbeanstalk:healthreporting:system", "SystemType")], "basic")
        self.assertEqual(settings[("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled")], "false")
        self.assertEqual(settings[("aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs")], "false")
        worker = eb.describe_configuration_settings(ApplicationName="storefront", EnvironmentName="worker")
        names = {o["OptionName"] for o in worker["ConfigurationSettings"][0]["OptionSettings"]}
        self.assertNotIn("ManagedActionsEnabled", names)
        with self.assertRaises(ClientError) as e:
            eb.describe_configuration_settings(ApplicationName="storefront", EnvironmentName="nope")
        self.assertEqual(e.exception.response["Error"]["Code"], "InvalidParameterValue")

    def test_emr(self):
        emr = client("emr")
        clusters = paged(emr, "list_clusters", "Clusters", ClusterStates=["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"])
        self.assertEqual([c["Id"] for c in clusters], ["j-1PUBLIC000001", "j-2PRIVATE00002"])
        public = emr.describe_cluster(ClusterId="j-1PUBLIC000001")["Cluster"]
        self.assertTrue(public["MasterPublicDnsName"].endswith(".amazonaws.com"))
        self.assertEqual(emr.describe_cluster(ClusterId="j-2PRIVATE00002")["Cluster"]["SecurityConfiguration"], "encrypted-all")
        confs = paged(emr, "list_security_configurations", "SecurityConfigurations")
        self.assertEqual([c["Name"] for c in confs], ["encrypted-all", "no-encryption", "rest-only"])
        doc = json.loads(emr.describe_security_configuration(Name="rest-only")["SecurityConfiguration"])
        self.assertTrue(doc["EncryptionConfiguration"]["EnableAtRestEncryption"])
        self.assertFalse(doc["EncryptionConfiguration"]["EnableInTransitEncryption"])
        bpa = {r: client("emr", r).get_block_public_access_configuration()["BlockPublicAccessConfiguration"]
               for r in ("us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2")}
        self.assertTrue(bpa["us-east-1"]["BlockPublicSecurityGroupRules"])
        self.assertFalse(bpa["eu-west-1"]["BlockPublicSecurityGroupRules"])
        self.assertEqual(bpa["us-west-2"]["PermittedPublicSecurityGroupRuleRanges"][1], {"MinRange": 8080, "MaxRange": 8088})
        # A region the scenario says nothing of answers AWS's default: on, SSH excepted.
        self.assertEqual(bpa["ap-southeast-2"], {"BlockPublicSecurityGroupRules": True,
                                                 "PermittedPublicSecurityGroupRuleRanges": [{"MinRange": 22, "MaxRange": 22}]})
        cli = aws_cli(self, "emr", "list-clusters", "--active")["Clusters"]
        self.assertEqual(len(cli), 2)

    def test_apprunner(self):
        ar = client("apprunner")
        services = ar.list_services()["ServiceSummaryList"]
        self.assertEqual([s["ServiceName"] for s in services], ["public-api", "internal-api"])
        internal = ar.describe_service(ServiceArn=services[1]["ServiceArn"])["Service"]
        self.assertFalse(internal["NetworkConfiguration"]["IngressConfiguration"]["IsPubliclyAccessible"])
        self.assertIn(":key/", internal["EncryptionConfiguration"]["KmsKey"])
        self.assertTrue(internal["ObservabilityConfiguration"]["ObservabilityEnabled"])
        public = ar.describe_service(ServiceArn=services[0]["ServiceArn"])["Service"]
        self.assertNotIn("EncryptionConfiguration", public)

    def test_lightsail(self):
        ls = client("lightsail")
        instances = {i["name"]: i for i in paged(ls, "get_instances", "instances")}
        self.assertEqual(sorted(instances), ["app-server", "dev-box", "wordpress-1"])
        self.assertEqual(instances["dev-box"]["networking"]["ports"][0]["protocol"], "all")
        self.assertEqual(instances["wordpress-1"]["metadataOptions"]["httpTokens"], "optional")
        self.assertEqual(instances["app-server"]["addOns"][0]["status"], "Enabled")
        dbs = {d["name"]: d for d in paged(ls, "get_relational_databases", "relationalDatabases")}
        self.assertTrue(dbs["shop-db"]["publiclyAccessible"])
        self.assertTrue(dbs["ledger-db"]["backupRetentionEnabled"])
        self.assertEqual(client("lightsail", "eu-west-1").get_instances()["instances"], [])
        self.assertEqual(len(aws_cli(self, "lightsail", "get-instances")["instances"]), 3)

    def test_codepipeline(self):
        cp = client("codepipeline")
        names = [p["name"] for p in paged(cp, "list_pipelines", "pipelines")]
        self.assertEqual(names, ["release-main", "release-legacy", "release-multi", "release-awskey"])
        main = cp.get_pipeline(name="release-main")["pipeline"]
        self.assertEqual(main["artifactStore"]["encryptionKey"]["type"], "KMS")
        self.assertNotIn("encryptionKey", cp.get_pipeline(name="release-legacy")["pipeline"]["artifactStore"])
        multi = cp.get_pipeline(name="release-multi")["pipeline"]
        self.assertEqual(sorted(multi["artifactStores"]), ["eu-west-1", "us-east-1"])
        with self.assertRaises(ClientError) as e:
            cp.get_pipeline(name="nope")
        self.assertEqual(e.exception.response["Error"]["Code"], "PipelineNotFoundException")

    def test_codeartifact(self):
        ca = client("codeartifact")
        domains = paged(ca, "list_domains", "domains")
        self.assertEqual([(d["name"], d["owner"]) for d in domains],
                         [("packages", A), ("legacy-packages", A), ("partner", "999988887777")])
        repos = paged(ca, "list_repositories", "repositories")
        self.assertEqual(len(repos), 4)
        doc = json.loads(ca.get_repository_permissions_policy(domain="packages", repository="npm-store")["policy"]["document"])
        self.assertEqual(doc["Statement"][0]["Principal"], "*")
        with self.assertRaises(ClientError) as e:
            ca.get_repository_permissions_policy(domain="legacy-packages", repository="maven")
        self.assertEqual(e.exception.response["Error"]["Code"], "ResourceNotFoundException")
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 404)

    def test_denied_calls_answer_as_aws(self):
        insecure_scenario.SERVER.faults({"deny": [
            "batch:DescribeJobDefinitions", "elasticbeanstalk:DescribeConfigurationSettings",
            "elasticmapreduce:DescribeCluster", "apprunner:DescribeService", "lightsail:GetInstances",
            "codepipeline:GetPipeline", "codeartifact:GetRepositoryPermissionsPolicy"]})
        try:
            calls = [
                (lambda: client("batch").describe_job_definitions(), "AccessDeniedException", 403),
                (lambda: client("elasticbeanstalk").describe_configuration_settings(
                    ApplicationName="storefront", EnvironmentName="web-prod"), "AccessDenied", 403),
                (lambda: client("emr").describe_cluster(ClusterId="j-1PUBLIC000001"), "AccessDeniedException", 400),
                (lambda: client("apprunner").describe_service(
                    ServiceArn=f"arn:aws:apprunner:us-east-1:{A}:service/public-api/8fe1e10304f84fd2b0df550fe98a71fa"),
                 "AccessDeniedException", 400),
                (lambda: client("lightsail").get_instances(), "AccessDeniedException", 400),
                (lambda: client("codepipeline").get_pipeline(name="release-main"), "AccessDeniedException", 400),
                (lambda: client("codeartifact").get_repository_permissions_policy(domain="packages", repository="npm-store"),
                 "AccessDeniedException", 403),
            ]
            for call, code, status in calls:
                with self.assertRaises(ClientError) as e:
                    call()
                self.assertEqual(e.exception.response["Error"]["Code"], code)
                self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], status)
            # Listings not denied still answer.
            self.assertEqual(len(client("emr").list_clusters()["Clusters"]), 2)
        finally:
            insecure_scenario.SERVER.faults({})


if __name__ == "__main__":
    unittest.main()
