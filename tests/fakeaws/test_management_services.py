"""The insecure scenario's Systems Manager, AWS Backup, Route 53, EventBridge,
Athena and Glue data as the official AWS CLI and botocore read it: the json protocol with paging
(SSM), rest-json with URI labels and an absent vault policy as AWS answers it
(Backup), rest-xml with Marker paging on the global endpoint (Route 53) and
the us-east-1-only Route 53 Domains API, and the json protocol without
paginators (EventBridge, Athena)."""

import json
import unittest

from botocore.exceptions import ClientError

from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)


def paged(c, op, key, **kw):
    out = []
    for page in c.get_paginator(op).paginate(**kw):
        out += page.get(key, [])
    return out


class ManagementServicesScenarioTest(unittest.TestCase):
    def test_cli_reads_each_service(self):
        def aws(*args):
            return aws_cli(self, *args)

        self.assertEqual(len(aws("ssm", "describe-instance-information")["InstanceInformationList"]), 3)
        self.assertEqual([v["BackupVaultName"] for v in aws("backup", "list-backup-vaults")["BackupVaultList"]],
                         ["prod-vault", "Default", "shared-vault", "foreign-vault"])
        self.assertEqual([z["Name"] for z in aws("route53", "list-hosted-zones")["HostedZones"]],
                         ["example.com.", "shop.example.com.", "internal.corp."])
        self.assertEqual(len(aws("route53domains", "list-domains")["Domains"]), 3)

    def test_ssm(self):
        ssm = client("ssm")
        nodes = paged(ssm, "describe_instance_information", "InstanceInformationList")
        self.assertEqual([n["InstanceId"] for n in nodes],
                         ["i-0a1b2c3d4e5f60002", "mi-0aaa1111bbbb2222c", "mi-0ddd3333eeee4444f"])
        self.assertEqual(nodes[2]["PingStatus"], "ConnectionLost")
        summaries = paged(ssm, "list_resource_compliance_summaries", "ResourceComplianceSummaryItems")
        patch = {s["ResourceId"]: s for s in summaries if s["ComplianceType"] == "Patch"}
        self.assertEqual(patch["i-0a1b2c3d4e5f60002"]["NonCompliantSummary"]["SeveritySummary"]["CriticalCount"], 1)
        self.assertEqual(patch["mi-0aaa1111bbbb2222c"]["Status"], "COMPLIANT")
        docs = paged(ssm, "list_documents", "DocumentIdentifiers", Filters=[{"Key": "Owner", "Values": ["Self"]}])
        self.assertEqual({d["Name"]: d["Owner"] for d in docs},
                         {"deploy-app": "111122223333", "rotate-logs": "111122223333",
                          "AWS-RunPatchBaseline": "Amazon", "partner-runbook": "999988887777"})
        self.assertEqual(ssm.describe_document_permission(Name="deploy-app", PermissionType="Share")["AccountIds"], ["all"])
        with self.assertRaises(ClientError) as e:
            ssm.describe_document_permission(Name="AWS-RunPatchBaseline", PermissionType="Share")
        self.assertEqual(e.exception.response["Error"]["Code"], "InvalidDocument")
        params = {p["Name"]: p["Type"] for p in paged(ssm, "describe_parameters", "Parameters")}
        self.assertEqual(params["/prod/db/password"], "String")
        self.assertEqual(params["/prod/api/token"], "SecureString")
        # A region without Systems Manager data answers empty listings.
        self.assertEqual(paged(client("ssm", "us-west-2"), "describe_instance_information", "InstanceInformationList"), [])

    def test_backup(self):
        b = client("backup")
        vaults = {v["BackupVaultName"]: v for v in paged(b, "list_backup_vaults", "BackupVaultList")}
        self.assertTrue(vaults["shared-vault"]["Locked"])
        self.assertEqual(vaults["Default"]["NumberOfRecoveryPoints"], 0)
        policy = json.loads(b.get_backup_vault_access_policy(BackupVaultName="prod-vault")["Policy"])
        self.assertEqual(policy["Statement"][0]["Principal"], "*")
        with self.assertRaises(ClientError) as e:
            b.get_backup_vault_access_policy(BackupVaultName="Default")
        self.assertEqual(e.exception.response["Error"]["Code"], "ResourceNotFoundException")
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 404)
        points = paged(b, "list_recovery_points_by_backup_vault", "RecoveryPoints", BackupVaultName="prod-vault")
        self.assertEqual([p["IsEncrypted"] for p in points], [True, False, True])
        self.assertEqual([p["BackupPlanName"] for p in paged(b, "list_backup_plans", "BackupPlansList")], ["daily-35d"])
        self.assertEqual(b.list_report_plans()["ReportPlans"], [])
        self.assertEqual(client("backup", "eu-west-1").list_report_plans()["ReportPlans"][0]["ReportPlanName"],
                         "backup_jobs")

    def test_route53(self):
        r53 = client("route53")
        zones = paged(r53, "list_hosted_zones", "HostedZones")
        self.assertEqual([z["Id"] for z in zones],
                         ["/hostedzone/Z0PUBLICEXAMPLE1", "/hostedzone/Z0PUBLICSHOP0002", "/hostedzone/Z0PRIVATECORP003"])
        self.assertIs(zones[2]["Config"]["PrivateZone"], True)
        logging = paged(r53, "list_query_logging_configs", "QueryLoggingConfigs")
        self.assertEqual([c["HostedZoneId"] for c in logging], ["Z0PUBLICSHOP0002"])
        self.assertEqual(r53.get_dnssec(HostedZoneId="Z0PUBLICSHOP0002")["Status"]["ServeSignature"], "SIGNING")
        self.assertEqual(r53.get_dnssec(HostedZoneId="Z0PUBLICEXAMPLE1")["Status"]["ServeSignature"], "NOT_SIGNING")
        domains = {d["DomainName"]: d for d in paged(client("route53domains"), "list_domains", "Domains")}
        self.assertIs(domains["example.com"]["TransferLock"], False)
        self.assertIs(domains["example.net"]["AutoRenew"], False)


    def test_eventbridge(self):
        ev = client("events")
        buses = {b["Name"]: b for b in ev.list_event_buses()["EventBuses"]}
        self.assertEqual(sorted(buses), ["audit", "aws.partner/saas.example.com/1234/events", "default", "orders"])
        self.assertEqual(json.loads(buses["default"]["Policy"])["Statement"][0]["Principal"], "*")
        self.assertNotIn("Policy", buses["audit"])
        self.assertEqual(len(client("events", "eu-west-1").list_event_buses()["EventBuses"]), 1)

    def test_athena(self):
        at = client("athena")
        self.assertEqual([w["Name"] for w in at.list_work_groups()["WorkGroups"]], ["primary", "analytics", "adhoc"])
        conf = at.get_work_group(WorkGroup="analytics")["WorkGroup"]["Configuration"]
        self.assertTrue(conf["EnforceWorkGroupConfiguration"])
        self.assertEqual(conf["ResultConfiguration"]["EncryptionConfiguration"]["EncryptionOption"], "SSE_KMS")
        primary = at.get_work_group(WorkGroup="primary")["WorkGroup"]["Configuration"]
        self.assertNotIn("EncryptionConfiguration", primary["ResultConfiguration"])
        with self.assertRaises(ClientError) as e:
            at.get_work_group(WorkGroup="nope")
        self.assertEqual(e.exception.response["Error"]["Code"], "InvalidRequestException")

    def test_glue(self):
        g = client("glue")
        s = g.get_data_catalog_encryption_settings()["DataCatalogEncryptionSettings"]
        self.assertEqual(s["EncryptionAtRest"]["CatalogEncryptionMode"], "SSE-KMS")
        self.assertFalse(client("glue", "eu-west-1").get_data_catalog_encryption_settings()[
            "DataCatalogEncryptionSettings"]["ConnectionPasswordEncryption"]["ReturnConnectionPasswordEncrypted"])
        jobs = {j["Name"]: j for j in paged(g, "get_jobs", "Jobs")}
        self.assertEqual(sorted(jobs), ["adhoc-export", "legacy-copy", "nightly-etl", "raw-ingest"])
        self.assertEqual(jobs["adhoc-export"]["DefaultArguments"]["--encryption-type"], "sse-s3")
        configs = {c["Name"]: c for c in paged(g, "get_security_configurations", "SecurityConfigurations")}
        self.assertEqual(configs["s3-only"]["EncryptionConfiguration"]["S3Encryption"][0]["S3EncryptionMode"], "SSE-S3")
        self.assertEqual(paged(client("glue", "us-west-2"), "get_jobs", "Jobs"), [])

if __name__ == "__main__":
    unittest.main()
