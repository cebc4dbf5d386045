"""The insecure scenario's S3, S3 Control, CloudTrail, Config and KMS data as
botocore reads it — including S3 Control's {AccountId}. host prefix, which
botocore puts in front of an endpoint override's host (an IP here): the
request goes to the loopback address with that Host header, as CloudPeek's
client sends it."""

import http.client
import os
import unittest

import botocore.session
from botocore.awsrequest import AWSResponse

from test_fakeaws import FakeAws, HERE

INSECURE = os.path.join(HERE, "scenarios", "insecure")
AUDITOR = ("AKIAFAKEAUDITOR00001", "fakeSecretAuditor/000000000000000000000001")
SERVER = None


def setUpModule():
    global SERVER
    SERVER = FakeAws(INSECURE)


def tearDownModule():
    SERVER.close()


def send_to_loopback(request, **_):
    """Sends botocore's prepared request to fakeaws whatever its host, keeping the Host header."""
    conn = http.client.HTTPConnection("127.0.0.1", SERVER.port, timeout=10)
    path = request.url.split("://", 1)[1]
    path = path[path.index("/"):] if "/" in path else "/"
    conn.request(request.method, path, body=request.body, headers=dict(request.headers))
    resp = conn.getresponse()
    body = resp.read()
    conn.close()

    class Raw:
        def stream(self, **_):
            yield body
    return AWSResponse(request.url, resp.status, {k: v for k, v in resp.getheaders()}, Raw())


def client(service, region="us-east-1"):
    c = botocore.session.get_session().create_client(
        service, region_name=region, endpoint_url=SERVER.url,
        aws_access_key_id=AUDITOR[0], aws_secret_access_key=AUDITOR[1])
    c.meta.events.register("before-send", send_to_loopback)
    return c


class StorageLoggingScenarioTest(unittest.TestCase):
    def test_s3control_account_host_prefix(self):
        c = client("s3control")
        seen = []
        c.meta.events.register_first("before-send", lambda request, **_: seen.append(request.headers["Host"]))
        out = c.get_public_access_block(AccountId="111122223333")
        self.assertEqual(seen[0], f"111122223333.127.0.0.1:{SERVER.port}".encode())
        cfg = out["PublicAccessBlockConfiguration"]
        self.assertTrue(cfg["BlockPublicAcls"])
        self.assertFalse(cfg["IgnorePublicAcls"])

    def test_bucket_location_acl_and_policy(self):
        s3 = client("s3")
        self.assertEqual(s3.get_bucket_location(Bucket="cp-insecure-public-eu")["LocationConstraint"], "EU")
        self.assertIsNone(s3.get_bucket_location(Bucket="cp-secure-data").get("LocationConstraint"))
        grants = s3.get_bucket_acl(Bucket="cp-insecure-public-eu")["Grants"]
        uris = {g["Grantee"].get("URI"): g["Permission"] for g in grants if g["Grantee"]["Type"] == "Group"}
        self.assertEqual(uris["http://acs.amazonaws.com/groups/global/AllUsers"], "READ")
        self.assertIn("aws:SecureTransport", s3.get_bucket_policy(Bucket="cp-secure-data")["Policy"])
        with self.assertRaises(s3.exceptions.ClientError) as e:
            s3.get_bucket_policy(Bucket="cp-insecure-public-eu")
        self.assertEqual(e.exception.response["Error"]["Code"], "NoSuchBucketPolicy")
        self.assertEqual(s3.get_bucket_versioning(Bucket="cp-secure-data")["MFADelete"], "Enabled")

    def test_trails_selectors_config_kms(self):
        ct = client("cloudtrail", "eu-west-1")
        names = [t["Name"] for t in ct.describe_trails(includeShadowTrails=True)["trailList"]]
        self.assertEqual(names, ["org-main", "eu-app-trail"])
        sel = ct.get_event_selectors(TrailName="arn:aws:cloudtrail:eu-west-1:111122223333:trail/eu-app-trail")
        self.assertEqual(sel["AdvancedEventSelectors"][1]["FieldSelectors"][2]["Equals"], ["true"])
        cfg = client("config", "eu-west-1").describe_configuration_recorders()["ConfigurationRecorders"]
        self.assertFalse(cfg[0]["recordingGroup"]["allSupported"])
        kms = client("kms", "eu-west-1")
        key = "arn:aws:kms:eu-west-1:111122223333:key/1a2b3c4d-4444-4aaa-8bbb-000000000004"
        md = kms.describe_key(KeyId=key)["KeyMetadata"]
        self.assertEqual(md["KeyState"], "PendingDeletion")
        self.assertEqual(md["DeletionDate"].year, 2026)


if __name__ == "__main__":
    unittest.main()
