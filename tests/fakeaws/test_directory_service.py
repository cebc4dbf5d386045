"""The insecure scenario's AWS Directory Service data as the official AWS CLI
and botocore read it: the json protocol with NextToken paging of the
directories (a Microsoft AD shared by another account among them), the
account-wide log subscription and event topic listings (no DirectoryId), the
per-directory snapshot limits and certificates (timestamps relative to the
server's start), the errors AWS gives for a directory type an operation does
not support — and a denied call answers as AWS does."""

import datetime
import unittest

from botocore.exceptions import ClientError

import insecure_scenario
from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)


def paged(c, op, key, **kw):
    out, pages = [], 0
    for page in c.get_paginator(op).paginate(**kw):
        out += page.get(key, [])
        pages += 1
    return out, pages


class DirectoryServiceScenarioTest(unittest.TestCase):
    def tearDown(self):
        insecure_scenario.SERVER.faults({})

    def test_directories(self):
        dirs, pages = paged(client("ds"), "describe_directories", "DirectoryDescriptions")
        self.assertEqual(pages, 3)  # five directories, two a page
        by_id = {d["DirectoryId"]: d for d in dirs}
        self.assertEqual({i: d["Type"] for i, d in by_id.items()},
                         {"d-1111111111": "MicrosoftAD", "d-9999999999": "SharedMicrosoftAD", "d-2222222222": "MicrosoftAD",
                          "d-3333333333": "ADConnector", "d-4444444444": "SimpleAD"})
        corp = by_id["d-1111111111"]
        self.assertEqual(corp["RadiusSettings"]["AuthenticationProtocol"], "MS-CHAPv2")
        self.assertEqual(corp["RadiusStatus"], "Completed")
        self.assertIsInstance(corp["LaunchTime"], datetime.datetime)
        self.assertEqual(by_id["d-2222222222"]["RadiusSettings"]["AuthenticationProtocol"], "PAP")
        self.assertEqual(by_id["d-2222222222"]["RadiusStatus"], "Failed")
        self.assertNotIn("RadiusSettings", by_id["d-4444444444"])
        self.assertEqual(by_id["d-9999999999"]["OwnerDirectoryDescription"]["AccountId"], "999988887777")
        eu = client("ds", "eu-west-1").describe_directories()["DirectoryDescriptions"]
        self.assertEqual([(d["DirectoryId"], d["Type"]) for d in eu], [("d-5555555555", "ADConnector")])
        self.assertNotIn("RadiusStatus", eu[0])
        self.assertEqual(client("ds", "us-west-2").describe_directories().get("DirectoryDescriptions", []), [])
        cli = aws_cli(self, "ds", "describe-directories")
        self.assertEqual(len(cli["DirectoryDescriptions"]), 5)

    def test_log_subscriptions_and_event_topics_account_wide(self):
        ds = client("ds")
        subs, _ = paged(ds, "list_log_subscriptions", "LogSubscriptions")
        self.assertEqual([(s["DirectoryId"], s["LogGroupName"]) for s in subs],
                         [("d-1111111111", "/aws/directoryservice/d-1111111111")])
        topics = ds.describe_event_topics()["EventTopics"]
        self.assertEqual(sorted((t["DirectoryId"], t["Status"]) for t in topics),
                         [("d-1111111111", "Registered"), ("d-2222222222", "Deleted"), ("d-4444444444", "Registered")])
        self.assertEqual(client("ds", "eu-west-1").describe_event_topics()["EventTopics"], [])

    def test_snapshot_limits(self):
        ds = client("ds")
        limits = ds.get_snapshot_limits(DirectoryId="d-4444444444")["SnapshotLimits"]
        self.assertEqual((limits["ManualSnapshotsLimit"], limits["ManualSnapshotsCurrentCount"]), (5, 5))
        self.assertTrue(limits["ManualSnapshotsLimitReached"])
        self.assertEqual(ds.get_snapshot_limits(DirectoryId="d-2222222222")["SnapshotLimits"]["ManualSnapshotsCurrentCount"], 4)
        with self.assertRaises(ClientError) as e:
            ds.get_snapshot_limits(DirectoryId="d-0000000000")
        self.assertEqual(e.exception.response["Error"]["Code"], "EntityDoesNotExistException")

    def test_certificates(self):
        ds = client("ds")
        certs, _ = paged(ds, "list_certificates", "CertificatesInfo", DirectoryId="d-1111111111")
        now = datetime.datetime.now(datetime.timezone.utc)
        days = {c["CertificateId"]: (c["ExpiryDateTime"] - now).days for c in certs}
        self.assertTrue(395 <= days["c-1111111111"] <= 400, days)
        self.assertTrue(25 <= days["c-1111111112"] <= 30, days)
        self.assertEqual({c["Type"] for c in certs}, {"ClientLDAPS"})
        connector = ds.list_certificates(DirectoryId="d-3333333333")["CertificatesInfo"]
        self.assertEqual([(c["Type"], c["State"]) for c in connector], [("ClientCertAuth", "Registered")])
        with self.assertRaises(ClientError) as e:
            ds.list_certificates(DirectoryId="d-4444444444")  # Simple AD
        self.assertEqual(e.exception.response["Error"]["Code"], "UnsupportedOperationException")
        cli = aws_cli(self, "ds", "list-certificates", "--directory-id", "d-1111111111")
        self.assertEqual(len(cli["CertificatesInfo"]), 2)

    def test_denied_calls_answer_as_aws(self):
        insecure_scenario.SERVER.faults({"deny": ["ds:ListLogSubscriptions", "ds:GetSnapshotLimits", "ds:ListCertificates"]})
        ds = client("ds")
        calls = {"ds:ListLogSubscriptions": lambda: ds.list_log_subscriptions(),
                 "ds:GetSnapshotLimits": lambda: ds.get_snapshot_limits(DirectoryId="d-1111111111"),
                 "ds:ListCertificates": lambda: ds.list_certificates(DirectoryId="d-1111111111")}
        for action, call in calls.items():
            with self.assertRaises(ClientError) as e:
                call()
            self.assertEqual(e.exception.response["Error"]["Code"], "AccessDeniedException")
            self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
            self.assertIn(action, e.exception.response["Error"]["Message"])
        self.assertEqual(len(ds.describe_directories()["DirectoryDescriptions"]), 2)  # first page, not denied


if __name__ == "__main__":
    unittest.main()
