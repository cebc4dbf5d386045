"""Scenario 137 (RDS snapshots shared with named accounts, S3 cross-Region
replication) as botocore and the AWS CLI read it: RDS's query protocol with
Marker paging and the snapshot attributes (an empty restore attribute too),
S3's rest-xml GetBucketReplication with its flattened rules, its
ReplicationConfigurationNotFoundError for a bucket without replication, and
each call denied as AWS answers it, naming the IAM action (for
GetBucketReplication: s3:GetReplicationConfiguration)."""

import unittest

from botocore.exceptions import ClientError

import insecure_scenario
from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)

ACCOUNT = "111122223333"


def paged(c, op, key, **params):
    return [x for page in c.get_paginator(op).paginate(**params) for x in page[key]]


def restore(c, ident):
    attrs = c.describe_db_snapshot_attributes(DBSnapshotIdentifier=ident)["DBSnapshotAttributesResult"]
    return {a["AttributeName"]: a.get("AttributeValues", []) for a in attrs["DBSnapshotAttributes"]}["restore"]


class SnapshotSharesReplicationTest(unittest.TestCase):
    def test_rds_snapshots_and_their_restore_attribute(self):
        rds = client("rds")
        snaps = {s["DBSnapshotIdentifier"]: s for s in paged(rds, "describe_db_snapshots", "DBSnapshots")}
        # 42-rds's two, 137's own and the other account's shared one (which CloudPeek leaves out).
        self.assertEqual(set(snaps), {"orders-manual-2026-11-01", "rds:billing-db-2026-11-24-03-00",
                                      "orders-partner-share", "vendor-golden"})
        self.assertEqual(snaps["vendor-golden"]["SnapshotType"], "shared")
        self.assertIn(":999988887777:", snaps["vendor-golden"]["DBSnapshotArn"])
        self.assertEqual(restore(rds, "orders-partner-share"), ["444455556666", "777788889999"])
        eu = client("rds", "eu-west-1")
        self.assertEqual(restore(eu, "reporting-export"), ["all", "222233334444"])
        self.assertEqual(restore(eu, "reporting-private"), [])
        cli = aws_cli(self, "rds", "describe-db-snapshot-attributes", "--region", "eu-west-1",
                      "--db-snapshot-identifier", "reporting-export")
        self.assertEqual(cli["DBSnapshotAttributesResult"]["DBSnapshotAttributes"][0]["AttributeValues"],
                         ["all", "222233334444"])
        insecure_scenario.SERVER.faults({"deny": ["rds:DescribeDBSnapshotAttributes"]})
        try:
            with self.assertRaises(ClientError) as e:
                restore(rds, "orders-partner-share")
            self.assertEqual(e.exception.response["Error"]["Code"], "AccessDenied")
            self.assertIn("rds:DescribeDBSnapshotAttributes", e.exception.response["Error"]["Message"])
        finally:
            insecure_scenario.SERVER.faults({})

    def test_s3_bucket_replication(self):
        s3 = client("s3")
        conf = s3.get_bucket_replication(Bucket="cp-secure-data")["ReplicationConfiguration"]
        self.assertEqual(conf["Role"], f"arn:aws:iam::{ACCOUNT}:role/s3-replication")
        self.assertEqual([(r["ID"], r["Status"], r["Destination"]["Bucket"]) for r in conf["Rules"]],
                         [("to-oregon", "Enabled", "arn:aws:s3:::cp-shared-uswest2")])
        paused = s3.get_bucket_replication(Bucket="cp-insecure-public-eu")["ReplicationConfiguration"]["Rules"]
        self.assertEqual(paused[0]["Status"], "Disabled")
        cli = aws_cli(self, "s3api", "get-bucket-replication", "--bucket", "cp-cloudtrail-logs-111122223333")
        self.assertEqual(cli["ReplicationConfiguration"]["Rules"][0]["Destination"]["Bucket"],
                         "arn:aws:s3:::cp-secure-data")
        with self.assertRaises(ClientError) as e:
            s3.get_bucket_replication(Bucket="cp-shared-uswest2")
        self.assertEqual(e.exception.response["Error"]["Code"], "ReplicationConfigurationNotFoundError")
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 404)
        insecure_scenario.SERVER.faults({"deny": ["s3:GetReplicationConfiguration"]})
        try:
            with self.assertRaises(ClientError) as e:
                s3.get_bucket_replication(Bucket="cp-secure-data")
            self.assertEqual(e.exception.response["Error"]["Code"], "AccessDenied")
            self.assertIn("s3:GetReplicationConfiguration", e.exception.response["Error"]["Message"])
        finally:
            insecure_scenario.SERVER.faults({})


if __name__ == "__main__":
    unittest.main()
