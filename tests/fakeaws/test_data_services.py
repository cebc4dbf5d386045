"""The insecure scenario's data services as the official AWS CLI and botocore
read them: Redshift on the query protocol with Marker paging (clusters,
parameters of a group) and per-cluster logging status with AWS's ClusterNotFound
for an unknown cluster; Redshift Serverless on the json protocol with nextToken
paging; OpenSearch on rest-json, DescribeDomains answering exactly the (at
most five) domains it is asked for; DocumentDB and Neptune through the RDS
Query API they share (us-west-2), each item carrying its Engine; DMS on the json protocol with Marker paging;
MSK's ListClustersV2 on rest-json (provisioned and serverless clusters); Amazon
MQ's ListBrokers and DescribeBroker with the broker id in the URI."""

import json
import unittest

from botocore.exceptions import ClientError

from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)


def paged(c, op, key, **kw):
    out = []
    for page in c.get_paginator(op).paginate(**kw):
        out += page.get(key, [])
    return out


class DataServicesScenarioTest(unittest.TestCase):
    def test_cli_reads_redshift(self):
        clusters = aws_cli(self, "redshift", "describe-clusters")["Clusters"]
        self.assertEqual([c["ClusterIdentifier"] for c in clusters], ["analytics-public", "finance-dw", "reporting"])
        self.assertEqual(len(aws_cli(self, "redshift-serverless", "list-workgroups")["workgroups"]), 2)

    def test_redshift(self):
        rs = client("redshift")
        pages = list(rs.get_paginator("describe_clusters").paginate())
        self.assertEqual(len(pages), 2)  # page size 2: the Marker is followed
        clusters = {c["ClusterIdentifier"]: c for p in pages for c in p["Clusters"]}
        bad = clusters["analytics-public"]
        self.assertIs(bad["PubliclyAccessible"], True)
        self.assertIs(bad["Encrypted"], False)
        self.assertNotIn("KmsKeyId", bad)
        self.assertEqual(bad["AutomatedSnapshotRetentionPeriod"], 0)
        self.assertEqual((bad["MasterUsername"], bad["DBName"]), ("awsuser", "dev"))
        self.assertEqual(bad["ClusterParameterGroups"][0]["ParameterGroupName"], "default.redshift-1.0")
        self.assertIs(clusters["finance-dw"]["EnhancedVpcRouting"], True)
        self.assertEqual(clusters["finance-dw"]["Tags"], [{"Key": "team", "Value": "data"}])
        params = paged(rs, "describe_cluster_parameters", "Parameters", ParameterGroupName="default.redshift-1.0")
        self.assertEqual({p["ParameterName"]: p["ParameterValue"] for p in params}["require_ssl"], "false")
        self.assertEqual(len(params), 7)
        ssl = rs.describe_cluster_parameters(ParameterGroupName="ssl-required")["Parameters"]
        self.assertIn({"require_ssl": "true"}, [{p["ParameterName"]: p["ParameterValue"]} for p in ssl])
        self.assertIs(rs.describe_logging_status(ClusterIdentifier="analytics-public")["LoggingEnabled"], False)
        status = rs.describe_logging_status(ClusterIdentifier="reporting")
        self.assertEqual((status["LoggingEnabled"], status["LogDestinationType"]), (True, "cloudwatch"))
        with self.assertRaises(ClientError) as e:
            rs.describe_logging_status(ClusterIdentifier="nope")
        self.assertEqual(e.exception.response["Error"]["Code"], "ClusterNotFound")
        self.assertEqual([c["ClusterIdentifier"] for c in client("redshift", "eu-west-1").describe_clusters()["Clusters"]],
                         ["eu-dw"])
        # A region without Redshift answers an empty listing.
        self.assertEqual(paged(client("redshift", "us-west-2"), "describe_clusters", "Clusters"), [])

    def test_redshift_serverless(self):
        sl = client("redshift-serverless")
        wgs = {w["workgroupName"]: w for w in paged(sl, "list_workgroups", "workgroups")}
        self.assertEqual(sorted(wgs), ["bi-wg", "etl-wg"])
        self.assertIs(wgs["etl-wg"]["publiclyAccessible"], True)
        self.assertIn({"parameterKey": "require_ssl", "parameterValue": "false"}, wgs["etl-wg"]["configParameters"])
        nss = {n["namespaceName"]: n for n in paged(sl, "list_namespaces", "namespaces")}
        self.assertEqual(nss["etl-ns"]["adminUsername"], "admin")
        self.assertEqual(nss["etl-ns"]["logExports"], [])
        self.assertEqual(nss["bi-ns"]["logExports"], ["useractivitylog", "userlog", "connectionlog"])
        self.assertIn(":999988887777:", nss["partner-ns"]["namespaceArn"])
        self.assertEqual(paged(client("redshift-serverless", "eu-west-1"), "list_workgroups", "workgroups"), [])

    def test_opensearch(self):
        os_ = client("opensearch")
        names = [d["DomainName"] for d in os_.list_domain_names()["DomainNames"]]
        self.assertEqual(names, ["logs-public", "search-prod", "ip-restricted", "orders-search", "metrics",
                                 "partner-search"])
        first = os_.describe_domains(DomainNames=names[:5])["DomainStatusList"]
        self.assertEqual([d["DomainName"] for d in first], names[:5])
        bad = first[0]
        self.assertEqual(bad["EngineVersion"], "Elasticsearch_7.10")
        self.assertNotIn("VPCOptions", bad)
        self.assertIs(bad["EncryptionAtRestOptions"]["Enabled"], False)
        self.assertEqual(bad["DomainEndpointOptions"]["TLSSecurityPolicy"], "Policy-Min-TLS-1-0-2019-07")
        self.assertEqual(json.loads(bad["AccessPolicies"])["Statement"][0]["Principal"], {"AWS": "*"})
        self.assertEqual(first[1]["LogPublishingOptions"]["AUDIT_LOGS"]["Enabled"], True)
        self.assertEqual(first[1]["ClusterConfig"]["DedicatedMasterCount"], 3)
        rest = os_.describe_domains(DomainNames=names[5:])["DomainStatusList"]
        self.assertIn(":999988887777:", rest[0]["ARN"])
        eu = client("opensearch", "eu-west-1")
        self.assertEqual(eu.describe_domains(DomainNames=["eu-search"])["DomainStatusList"][0]["AccessPolicies"], "")
        self.assertEqual(client("opensearch", "us-west-2").list_domain_names().get("DomainNames", []), [])

    def test_documentdb_and_neptune(self):
        rds = client("rds", "us-west-2")
        clusters = paged(rds, "describe_db_clusters", "DBClusters")
        self.assertEqual([(c["DBClusterIdentifier"], c["Engine"]) for c in clusters],
                         [("docs-legacy", "docdb"), ("docs-prod", "docdb"), ("graph-dev", "neptune"),
                          ("graph-prod", "neptune")])
        self.assertIs(clusters[0]["StorageEncrypted"], False)
        self.assertEqual(clusters[1]["EnabledCloudwatchLogsExports"], ["audit", "profiler"])
        self.assertIs(clusters[3]["IAMDatabaseAuthenticationEnabled"], True)
        self.assertIs(clusters[3]["MultiAZ"], True)
        # The docdb and neptune clients reach the same API (as AWS answers them, unfiltered).
        self.assertEqual(len(paged(client("docdb", "us-west-2"), "describe_db_clusters", "DBClusters")), 4)
        self.assertEqual([i["Engine"] for i in paged(client("neptune", "us-west-2"), "describe_db_instances",
                                                     "DBInstances")], ["docdb", "neptune"])
        snaps = {s["DBClusterSnapshotIdentifier"]: s for s in
                 paged(rds, "describe_db_cluster_snapshots", "DBClusterSnapshots")}
        self.assertEqual(snaps["rds:docs-prod-2026-12-01-03-10"]["SnapshotType"], "automated")
        self.assertIs(snaps["graph-dev-export"]["StorageEncrypted"], False)
        attrs = rds.describe_db_cluster_snapshot_attributes(DBClusterSnapshotIdentifier="docs-legacy-share")
        self.assertEqual(attrs["DBClusterSnapshotAttributesResult"]["DBClusterSnapshotAttributes"][0]["AttributeValues"],
                         ["all"])

    def test_dms(self):
        dms = client("dms")
        instances = {i["ReplicationInstanceIdentifier"]: i for i in
                     paged(dms, "describe_replication_instances", "ReplicationInstances")}
        self.assertIs(instances["migration-public"]["PubliclyAccessible"], True)
        self.assertIs(instances["migration-prod"]["MultiAZ"], True)
        endpoints = {e["EndpointIdentifier"]: e for e in paged(dms, "describe_endpoints", "Endpoints")}
        self.assertEqual({k: e.get("SslMode") for k, e in endpoints.items() if e["EngineName"] in ("mysql", "postgres", "s3")},
                         {"orders-source": "none", "warehouse-target": "verify-full", "archive-s3": "none"})
        self.assertEqual(endpoints["archive-s3"]["EngineName"], "s3")
        self.assertIs(endpoints["graph-target"]["NeptuneSettings"]["IamAuthEnabled"], False)
        self.assertEqual(endpoints["catalog-source"]["MongoDbSettings"]["AuthType"], "no")
        self.assertEqual(endpoints["cache-target"]["RedisSettings"]["SslSecurityProtocol"], "plaintext")
        tasks = {t["ReplicationTaskIdentifier"]: t for t in paged(dms, "describe_replication_tasks", "ReplicationTasks")}
        self.assertEqual(sorted(tasks), ["orders-cdc", "orders-full-load", "warehouse-sync"])
        settings = json.loads(tasks["warehouse-sync"]["ReplicationTaskSettings"])
        self.assertIn({"Id": "TARGET_LOAD", "Severity": "LOGGER_SEVERITY_ERROR"}, settings["Logging"]["LogComponents"])
        self.assertIs(json.loads(tasks["orders-full-load"]["ReplicationTaskSettings"])["Logging"]["EnableLogging"], False)
        self.assertEqual(paged(client("dms", "eu-west-1"), "describe_endpoints", "Endpoints"), [])

    def test_msk(self):
        clusters = {c["ClusterName"]: c for c in paged(client("kafka"), "list_clusters_v2", "ClusterInfoList")}
        self.assertEqual(sorted(clusters), ["clickstream", "events-open", "events-prod"])
        open_ = clusters["events-open"]["Provisioned"]
        self.assertEqual(open_["EncryptionInfo"]["EncryptionInTransit"], {"ClientBroker": "TLS_PLAINTEXT", "InCluster": False})
        self.assertIs(open_["ClientAuthentication"]["Unauthenticated"]["Enabled"], True)
        self.assertEqual(open_["BrokerNodeGroupInfo"]["ConnectivityInfo"]["PublicAccess"]["Type"], "SERVICE_PROVIDED_EIPS")
        self.assertEqual(clusters["clickstream"]["ClusterType"], "SERVERLESS")
        self.assertEqual(clusters["events-prod"]["Tags"], {"team": "streaming"})

    def test_mq(self):
        mq = client("mq")
        brokers = paged(mq, "list_brokers", "BrokerSummaries")
        self.assertEqual([(b["BrokerName"], b["EngineType"], b["DeploymentMode"]) for b in brokers],
                         [("orders-mq", "ACTIVEMQ", "SINGLE_INSTANCE"), ("billing-mq", "ACTIVEMQ", "ACTIVE_STANDBY_MULTI_AZ"),
                          ("events-rabbit", "RABBITMQ", "SINGLE_INSTANCE"), ("jobs-rabbit", "RABBITMQ", "CLUSTER_MULTI_AZ")])
        orders = mq.describe_broker(BrokerId=brokers[0]["BrokerId"])
        self.assertIs(orders["PubliclyAccessible"], True)
        self.assertEqual(orders["Logs"], {"General": True, "Audit": False})
        self.assertIs(mq.describe_broker(BrokerId=brokers[1]["BrokerId"])["AutoMinorVersionUpgrade"], True)
        with self.assertRaises(ClientError) as e:
            mq.describe_broker(BrokerId="b-nope")
        self.assertEqual(e.exception.response["Error"]["Code"], "NotFoundException")


if __name__ == "__main__":
    unittest.main()
