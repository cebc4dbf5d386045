"""The insecure scenario's ECS, ElastiCache and API Gateway (REST and
HTTP/WebSocket) data as the official AWS CLI and botocore read it: the json
protocol (ECS), query/XML with markers (ElastiCache), rest-json with API
Gateway's lower-case members and `position` paging, and apigatewayv2's
locationName members under the `apigateway` signing name both APIs share."""

import unittest

from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)


def paged(c, op, key, **kw):
    out = []
    for page in c.get_paginator(op).paginate(**kw):
        out += page[key]
    return out


class ContainersApisScenarioTest(unittest.TestCase):
    def test_cli_reads_each_service(self):
        def aws(*args):
            return aws_cli(self, *args)

        self.assertEqual(len(aws("ecs", "list-task-definition-families", "--status", "ACTIVE")["families"]), 3)
        self.assertEqual(len(aws("elasticache", "describe-cache-clusters")["CacheClusters"]), 4)
        self.assertEqual([a["name"] for a in aws("apigateway", "get-rest-apis")["items"]],
                         ["orders", "internal", "placeholder"])
        self.assertEqual(sorted(a["Name"] for a in aws("apigatewayv2", "get-apis")["Items"]), ["chat", "shop"])

    def test_ecs(self):
        ecs = client("ecs")
        clusters = paged(ecs, "list_clusters", "clusterArns")
        out = ecs.describe_clusters(clusters=clusters, include=["SETTINGS", "TAGS"])["clusters"]
        self.assertEqual({c["clusterName"]: c.get("settings", []) for c in out},
                         {"prod": [], "platform": [{"name": "containerInsights", "value": "enabled"}]})
        prod = clusters[0]
        services = paged(ecs, "list_services", "serviceArns", cluster=prod)
        self.assertEqual(len(services), 3)
        described = ecs.describe_services(cluster=prod, services=services)["services"]
        self.assertEqual(described[0]["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"], "ENABLED")
        td = ecs.describe_task_definition(taskDefinition="web", include=["TAGS"])
        self.assertEqual(td["taskDefinition"]["revision"], 12)
        self.assertEqual(td["taskDefinition"]["pidMode"], "host")
        self.assertEqual(td["tags"], [{"key": "app", "value": "web"}])

    def test_elasticache(self):
        ec = client("elasticache")
        clusters = paged(ec, "describe_cache_clusters", "CacheClusters")
        self.assertEqual([c["CacheClusterId"] for c in clusters], ["sessions-001", "orders-001", "orders-002", "lookup"])
        self.assertIs(clusters[0]["AutoMinorVersionUpgrade"], False)
        groups = {g["ReplicationGroupId"]: g for g in paged(ec, "describe_replication_groups", "ReplicationGroups")}
        self.assertEqual(groups["orders"]["UserGroupIds"], ["orders-users"])
        self.assertEqual(groups["orders"]["MemberClusters"], ["orders-001", "orders-002"])
        self.assertEqual(groups["sessions"]["SnapshotRetentionLimit"], 0)
        self.assertIs(groups["sessions"]["AtRestEncryptionEnabled"], False)

    def test_apigateway_rest(self):
        gw = client("apigateway")
        apis = paged(gw, "get_rest_apis", "items")
        self.assertEqual(apis[1]["endpointConfiguration"]["types"], ["PRIVATE"])
        self.assertIn("aws:SourceVpce", apis[1]["policy"])
        resources = paged(gw, "get_resources", "items", restApiId="a1b2c3d4e5", embed=["methods"])
        self.assertEqual([r["path"] for r in resources], ["/", "/items", "/orders"])
        self.assertEqual(resources[2]["resourceMethods"]["POST"]["authorizationType"], "NONE")
        stages = {s["stageName"]: s for s in gw.get_stages(restApiId="a1b2c3d4e5")["item"]}
        self.assertEqual(stages["prod"]["methodSettings"]["*/*"]["loggingLevel"], "OFF")
        self.assertTrue(stages["v2"]["methodSettings"]["*/*"]["cacheDataEncrypted"])
        self.assertIn("webacl/api-protection", stages["v2"]["webAclArn"])
        # A region without APIs answers an empty listing, as AWS does.
        self.assertEqual(client("apigateway", "us-west-2").get_rest_apis()["items"], [])

    def test_apigatewayv2(self):
        gw = client("apigatewayv2")
        apis = {a["Name"]: a for a in paged(gw, "get_apis", "Items")}
        self.assertEqual(apis["chat"]["ProtocolType"], "WEBSOCKET")
        routes = paged(gw, "get_routes", "Items", ApiId=apis["shop"]["ApiId"])
        self.assertEqual({r["RouteKey"]: r["AuthorizationType"] for r in routes},
                         {"GET /items": "JWT", "POST /cart": "NONE", "OPTIONS /items": "NONE"})
        stages = {s["StageName"]: s for s in paged(gw, "get_stages", "Items", ApiId=apis["shop"]["ApiId"])}
        self.assertNotIn("AccessLogSettings", stages["$default"])
        self.assertTrue(stages["prod"]["AccessLogSettings"]["DestinationArn"].endswith("/apigw/shop"))
        self.assertEqual(client("apigatewayv2", "us-west-2").get_apis().get("Items", []), [])


if __name__ == "__main__":
    unittest.main()
