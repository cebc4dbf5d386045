"""The insecure scenario's Trusted Advisor, Well-Architected, RDS event
subscriptions, Lambda layers, S3 access points and EC2 AMI / snapshot-share
data as botocore (and the AWS CLI) read them: the json protocol of the
us-east-1-only Support API and its SubscriptionRequiredException on the Basic
plan, rest-json with URI labels (Well-Architected, Lambda layer policies), the
query protocol with Marker paging (RDS), the s3control rest-xml API with its
account-id header, and EC2's attribute call; each denied call answers as AWS
does."""

import http.client
import os
import unittest

import botocore.session
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ClientError

import insecure_scenario
from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)
from test_fakeaws import FakeAws, HERE

ACCOUNT = "111122223333"


def s3control(region="us-east-1"):
    """s3control as botocore sends it (the account id in the host name, as AWS's endpoint rules
    require), delivered to fakeaws on its loopback address with that Host header kept."""
    c = client("s3control", region)

    def to_loopback(request, **_):
        conn = http.client.HTTPConnection("127.0.0.1", insecure_scenario.SERVER.port, timeout=10)
        path = request.url.split("://", 1)[1]
        conn.request(request.method, path[path.index("/"):], body=request.body, headers=dict(request.headers))
        resp = conn.getresponse()
        body = resp.read()
        conn.close()

        class Raw:
            def stream(self, **_):
                yield body
        return AWSResponse(request.url, resp.status, dict(resp.getheaders()), Raw())
    c.meta.events.register("before-send", to_loopback)
    return c


def denied(test, call, action, code):
    insecure_scenario.SERVER.faults({"deny": [action]})
    try:
        with test.assertRaises(ClientError) as e:
            call()
        test.assertEqual(e.exception.response["Error"]["Code"], code)
        test.assertIn(action, e.exception.response["Error"]["Message"])
    finally:
        insecure_scenario.SERVER.faults({})


class AdvisorsDepthScenarioTest(unittest.TestCase):
    def test_trusted_advisor(self):
        s = client("support")
        checks = s.describe_trusted_advisor_checks(language="en")["checks"]
        security = [c["id"] for c in checks if c["category"] == "security"]
        self.assertEqual(security, ["HCP4007jGY", "zXCkfM1nI3", "7DAFEmoDos", "Pfx0RwqBli"])
        sums = s.describe_trusted_advisor_check_summaries(checkIds=security)["summaries"]
        self.assertEqual({x["checkId"]: x["status"] for x in sums},
                         {"HCP4007jGY": "warning", "zXCkfM1nI3": "ok", "7DAFEmoDos": "error", "Pfx0RwqBli": "ok"})
        self.assertEqual(sums[0]["resourcesSummary"]["resourcesFlagged"], 3)
        self.assertEqual(aws_cli(self, "support", "describe-trusted-advisor-checks", "--language", "en",
                                 "--region", "us-east-1")["checks"][0]["id"], "HCP4007jGY")
        denied(self, lambda: s.describe_trusted_advisor_checks(language="en"), "support:DescribeTrustedAdvisorChecks",
               "AccessDeniedException")

    def test_well_architected(self):
        wa = client("wellarchitected")
        workloads = wa.list_workloads()["WorkloadSummaries"]
        self.assertEqual([w["WorkloadName"] for w in workloads], ["payments", "catalog", "clean-room", "partner-shared"])
        self.assertEqual(workloads[0]["RiskCounts"]["HIGH"], 4)
        review = wa.get_lens_review(WorkloadId=workloads[0]["WorkloadId"], LensAlias="wellarchitected")["LensReview"]
        security = [p for p in review["PillarReviewSummaries"] if p["PillarId"] == "security"]
        self.assertEqual(security[0]["RiskCounts"], {"HIGH": 3, "MEDIUM": 1, "NONE": 8})
        self.assertEqual(client("wellarchitected", "eu-west-1").list_workloads().get("WorkloadSummaries", []), [])
        denied(self, lambda: wa.get_lens_review(WorkloadId=workloads[0]["WorkloadId"], LensAlias="wellarchitected"),
               "wellarchitected:GetLensReview", "AccessDeniedException")

    def test_rds_event_subscriptions(self):
        rds = client("rds")
        subs = []
        for page in rds.get_paginator("describe_event_subscriptions").paginate():
            subs += page["EventSubscriptionsList"]
        self.assertEqual([x["CustSubscriptionId"] for x in subs],
                         ["cluster-critical", "instance-failures", "parameter-groups", "security-groups-paused",
                          "partner-instances"])
        self.assertEqual(subs[1]["EventCategoriesList"], ["maintenance", "failure"])
        self.assertFalse(subs[3]["Enabled"])
        everything = client("rds", "eu-west-1").describe_event_subscriptions()["EventSubscriptionsList"]
        self.assertNotIn("SourceType", everything[0])
        self.assertEqual(client("rds", "us-west-2").describe_event_subscriptions()["EventSubscriptionsList"], [])
        denied(self, rds.describe_event_subscriptions, "rds:DescribeEventSubscriptions", "AccessDenied")

    def test_lambda_layers(self):
        lam = client("lambda")
        layers = []
        for page in lam.get_paginator("list_layers").paginate():
            layers += page["Layers"]
        self.assertEqual([l["LayerName"] for l in layers], ["shared-libs", "internal-utils", "plain", "vendor-sdk"])
        self.assertEqual(layers[0]["LatestMatchingVersion"]["Version"], 3)
        self.assertIn('"Principal": "*"', lam.get_layer_version_policy(LayerName="shared-libs", VersionNumber=3)["Policy"])
        with self.assertRaises(ClientError) as e:
            lam.get_layer_version_policy(LayerName="plain", VersionNumber=1)
        self.assertEqual(e.exception.response["Error"]["Code"], "ResourceNotFoundException")
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 404)
        denied(self, lambda: lam.get_layer_version_policy(LayerName="shared-libs", VersionNumber=3),
               "lambda:GetLayerVersionPolicy", "AccessDeniedException")

    def test_s3_access_points(self):
        s3c = s3control()
        aps = s3c.list_access_points(AccountId=ACCOUNT)["AccessPointList"]
        self.assertEqual([a["Name"] for a in aps], ["analytics-public", "analytics-vpc", "partner-ap"])
        ap = s3c.get_access_point(AccountId=ACCOUNT, Name="analytics-public")
        self.assertFalse(ap["PublicAccessBlockConfiguration"]["BlockPublicPolicy"])
        self.assertTrue(s3c.get_access_point(AccountId=ACCOUNT, Name="analytics-vpc")
                        ["PublicAccessBlockConfiguration"]["RestrictPublicBuckets"])
        self.assertEqual(s3control("eu-west-1").list_access_points(AccountId=ACCOUNT)["AccessPointList"], [])
        mraps = s3control("us-west-2").list_multi_region_access_points(AccountId=ACCOUNT)["AccessPoints"]
        self.assertEqual({m["Alias"]: m["PublicAccessBlock"]["BlockPublicPolicy"] for m in mraps},
                         {"mfzwi23gnjvgw.mrap": True, "mqe8t4mxn3m8a.mrap": False})
        denied(self, lambda: s3c.get_access_point(AccountId=ACCOUNT, Name="analytics-vpc"), "s3:GetAccessPoint",
               "AccessDenied")

    def test_ec2_amis_and_snapshot_shares(self):
        ec2 = client("ec2", "eu-west-1")
        images = ec2.describe_images(Owners=["self"])["Images"]
        self.assertEqual(images[0]["DeprecationTime"], "2025-06-01T00:00:00.000Z")
        self.assertEqual(images[0]["CreationDate"], "2024-01-15T00:00:00.000Z")
        east = client("ec2")
        attr = east.describe_snapshot_attribute(Attribute="createVolumePermission", SnapshotId="snap-0a1b2c3d4e5f60002")
        self.assertEqual(attr["CreateVolumePermissions"], [{"UserId": "444455556666"}])
        self.assertEqual(east.describe_snapshot_attribute(Attribute="createVolumePermission",
                                                          SnapshotId="snap-0a1b2c3d4e5f60001")["CreateVolumePermissions"],
                         [{"Group": "all"}])
        denied(self, lambda: east.describe_snapshot_attribute(Attribute="createVolumePermission",
                                                              SnapshotId="snap-0a1b2c3d4e5f60002"),
               "ec2:DescribeSnapshotAttribute", "UnauthorizedOperation")


class BasicSupportPlanTest(unittest.TestCase):
    """The same account on the Basic plan: AWS answers SubscriptionRequiredException."""

    @classmethod
    def setUpClass(cls):
        cls.server = FakeAws(os.path.join(HERE, "scenarios", "support-basic-plan.json"))

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_subscription_required(self):
        s = botocore.session.Session()
        s.set_config_variable("credentials_file", "/dev/null")
        s.set_config_variable("config_file", "/dev/null")
        c = s.create_client("support", region_name="us-east-1", endpoint_url=self.server.url,
                            aws_access_key_id=insecure_scenario.AUDITOR[0],
                            aws_secret_access_key=insecure_scenario.AUDITOR[1])
        with self.assertRaises(ClientError) as e:
            c.describe_trusted_advisor_checks(language="en")
        self.assertEqual(e.exception.response["Error"]["Code"], "SubscriptionRequiredException")
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)


if __name__ == "__main__":
    unittest.main()
