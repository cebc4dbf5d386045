"""RDS, DocumentDB and Neptune sign as "rds" and speak one Query API (same
endpoint, Action and Version): a DescribeDBInstances is RDS's whichever client
sends it, and is answered from the scenario's rds data — as AWS answers a
docdb or neptune client with every DB instance of the account unless it
filters by engine."""

import os
import unittest

import botocore.session

from test_fakeaws import FakeAws, HERE

INSECURE = os.path.join(HERE, "scenarios", "insecure")
AUDITOR = ("AKIAFAKEAUDITOR00001", "fakeSecretAuditor/000000000000000000000001")
SERVER = None


def setUpModule():
    global SERVER
    SERVER = FakeAws(INSECURE)


def tearDownModule():
    SERVER.close()


def all_pages(c, op, key):
    return [x for page in c.get_paginator(op).paginate() for x in page[key]]


def client(service, region="us-east-1"):
    return botocore.session.get_session().create_client(
        service, region_name=region, endpoint_url=SERVER.url,
        aws_access_key_id=AUDITOR[0], aws_secret_access_key=AUDITOR[1])


class RdsSharedSigningNameTest(unittest.TestCase):
    def test_rds_operations_docdb_and_neptune_also_have(self):
        rds = client("rds")
        ids = [i["DBInstanceIdentifier"] for i in all_pages(rds, "describe_db_instances", "DBInstances")]
        self.assertEqual(ids, ["orders-db", "billing-db", "analytics-1"])
        clusters = rds.describe_db_clusters()["DBClusters"]
        self.assertEqual([c["DBClusterIdentifier"] for c in clusters], ["analytics-cluster"])
        snaps = client("rds", "eu-west-1").describe_db_cluster_snapshots()["DBClusterSnapshots"]
        self.assertEqual([s["DBClusterSnapshotIdentifier"] for s in snaps], ["reporting-public"])
        # An operation only RDS has still resolves.
        self.assertTrue(rds.describe_db_snapshots()["DBSnapshots"])
        log = [r for r in SERVER.requests() if r["action"] in ("DescribeDBInstances", "DescribeDBClusters")]
        self.assertTrue(log)
        self.assertEqual({r["service"] for r in log}, {"rds"})

    def test_docdb_client_reaches_the_same_api(self):
        ids = [i["DBInstanceIdentifier"] for i in all_pages(client("docdb"), "describe_db_instances", "DBInstances")]
        self.assertEqual(ids, ["orders-db", "billing-db", "analytics-1"])


if __name__ == "__main__":
    unittest.main()
