"""fakeaws is faithful: Debian's AWS CLI and botocore parse what it serves and
classify the errors and faults it injects as they would AWS's.

Run: /usr/bin/python3 -m unittest discover -s tests/fakeaws -v
"""

import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

import botocore.session
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError, ConnectionClosedError, EndpointConnectionError
from botocore.parsers import ResponseParserError

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.join(HERE, "scenarios", "basic.json")
ACCOUNT = "111122223333"
ALICE = ("AKIAFAKEALICE0000001", "fakeSecretAlice/0000000000000000000000001", None)
BOB = ("AKIAFAKEBOB000000001", "fakeSecretBob/000000000000000000000000001", None)
ROOT = ("AKIAFAKEROOT00000001", "fakeSecretRoot/00000000000000000000000001", None)
SESSION = ("ASIAFAKESESSION00001", "fakeSecretSession/000000000000000000000001", "fakeSessionToken-valid-0001")
EXPIRED = ("ASIAFAKEEXPIRED00001", "fakeSecretExpired/000000000000000000000001", "fakeSessionToken-expired-0001")
SSO_SESSION = ("ASIAFAKESSOSESSION01", "fakeSecretSsoSession/0000000000000000000001", "fakeSessionToken-sso-0001")
FEDERATED = ("ASIAFAKEFEDERATED001", "fakeSecretFederated/00000000000000000000001", "fakeSessionToken-fed-0001")
ALL_SECRETS = [c[1] for c in (ALICE, BOB, ROOT, SESSION, EXPIRED, SSO_SESSION, FEDERATED)] + \
              [c[2] for c in (SESSION, EXPIRED, SSO_SESSION, FEDERATED)] + ["fakeSsoAccessToken-valid"]


class FakeAws:
    """Starts server.py on a free loopback port; stops it on close()."""

    def __init__(self, scenario=SCENARIO):
        self.dir = tempfile.mkdtemp(prefix="fakeaws-test-")
        port_file = os.path.join(self.dir, "port")
        self.stderr_path = os.path.join(self.dir, "stderr.log")
        self._stderr = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "server.py"), "--scenario", scenario,
                                      "--port", "0", "--port-file", port_file], stderr=self._stderr)
        deadline = time.time() + 20
        while not os.path.exists(port_file):
            if self.proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("fakeaws did not start: " + open(self.stderr_path).read())
            time.sleep(0.05)
        self.port = int(open(port_file).read())
        self.url = f"http://127.0.0.1:{self.port}"

    def control(self, method, path, doc=None):
        data = json.dumps(doc).encode() if doc is not None else None
        req = urllib.request.Request(self.url + "/__fakeaws/" + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read())

    def faults(self, doc):
        return self.control("POST", "faults", doc)

    def reset(self):
        return self.control("POST", "reset", {})

    def requests(self):
        return self.control("GET", "requests")["requests"]

    def close(self):
        self.proc.terminate()
        self.proc.wait(10)
        self._stderr.close()


SERVER = None


def setUpModule():
    global SERVER
    SERVER = FakeAws()


def tearDownModule():
    SERVER.close()


_SESSION = None


def client(service, creds=ALICE, region="us-east-1", retries=1, mode="standard", **cfg):
    # One session: it caches the loaded service models, which makes clients cheap.
    global _SESSION
    if _SESSION is None:
        _SESSION = botocore.session.Session()
        _SESSION.set_config_variable("credentials_file", "/dev/null")
        _SESSION.set_config_variable("config_file", "/dev/null")
    return _SESSION.create_client(
        service, region_name=region, endpoint_url=SERVER.url,
        aws_access_key_id=creds[0], aws_secret_access_key=creds[1], aws_session_token=creds[2],
        config=Config(retries={"max_attempts": retries, "mode": mode}, connect_timeout=5, read_timeout=10, **cfg))


def error_code(callable_):
    try:
        callable_()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("no error raised")


class CliTest(unittest.TestCase):
    """The official CLI, configured only through temp files and --endpoint-url."""

    def setUp(self):
        SERVER.reset()
        self.tmp = tempfile.mkdtemp(prefix="fakeaws-cli-")
        self.config = os.path.join(self.tmp, "config")
        self.credentials = os.path.join(self.tmp, "credentials")
        with open(self.credentials, "w") as f:
            f.write(f"[default]\naws_access_key_id = {ALICE[0]}\naws_secret_access_key = {ALICE[1]}\n")
            f.write(f"[root]\naws_access_key_id = {ROOT[0]}\naws_secret_access_key = {ROOT[1]}\n")
        with open(self.config, "w") as f:
            f.write("[default]\nregion = us-east-1\noutput = json\n[profile root]\nregion = us-east-1\n")

    def aws(self, *args, profile=None, env=None, check=True):
        e = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        e.update({"AWS_CONFIG_FILE": self.config, "AWS_SHARED_CREDENTIALS_FILE": self.credentials,
                  "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "", "HOME": self.tmp})
        e.update(env or {})
        cmd = ["/usr/bin/aws", "--endpoint-url", SERVER.url, "--output", "json"] + list(args)
        if profile:
            cmd += ["--profile", profile]
        p = subprocess.run(cmd, env=e, capture_output=True, text=True, timeout=120)
        if check and p.returncode != 0:
            self.fail(f"{' '.join(args)} failed: {p.stderr}")
        return (json.loads(p.stdout) if p.stdout.strip() else None) if check else p

    def test_get_caller_identity_user_and_root(self):
        me = self.aws("sts", "get-caller-identity")
        self.assertEqual(me, {"UserId": "AIDAFAKEALICE0000001", "Account": ACCOUNT,
                              "Arn": f"arn:aws:iam::{ACCOUNT}:user/alice"})
        root = self.aws("sts", "get-caller-identity", profile="root")
        self.assertEqual(root["Arn"], f"arn:aws:iam::{ACCOUNT}:root")
        self.assertEqual(root["UserId"], ACCOUNT)

    def test_assume_role_with_external_id_then_chain(self):
        out = self.aws("sts", "assume-role", "--role-arn", f"arn:aws:iam::{ACCOUNT}:role/AuditRole",
                       "--role-session-name", "audit", "--external-id", "cloudpeek-external-id-1",
                       "--duration-seconds", "7200")
        c = out["Credentials"]
        self.assertTrue(c["AccessKeyId"].startswith("ASIA"))
        exp = datetime.datetime.fromisoformat(c["Expiration"])
        left = (exp - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
        self.assertTrue(7100 < left <= 7200, left)
        self.assertEqual(out["AssumedRoleUser"]["Arn"], f"arn:aws:sts::{ACCOUNT}:assumed-role/AuditRole/audit")
        env = {"AWS_ACCESS_KEY_ID": c["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": c["SecretAccessKey"],
               "AWS_SESSION_TOKEN": c["SessionToken"]}
        me = self.aws("sts", "get-caller-identity", env=env)
        self.assertEqual(me["Arn"], f"arn:aws:sts::{ACCOUNT}:assumed-role/AuditRole/audit")
        self.assertEqual(me["UserId"], "AROAFAKEAUDITROLE001:audit")
        chained = self.aws("sts", "assume-role", "--role-arn", f"arn:aws:iam::{ACCOUNT}:role/ChainedRole",
                           "--role-session-name", "chain", env=env)
        self.assertIn("assumed-role/ChainedRole/chain", chained["AssumedRoleUser"]["Arn"])
        # Chained sessions are capped at one hour.
        p = self.aws("sts", "assume-role", "--role-arn", f"arn:aws:iam::{ACCOUNT}:role/ChainedRole",
                     "--role-session-name", "chain", "--duration-seconds", "7200", env=env, check=False)
        self.assertIn("ValidationError", p.stderr)
        self.assertIn("role chaining", p.stderr)

    def test_get_role_gives_the_max_session_duration(self):
        # CloudPeek reads it to estimate when pasted role keys expire (issue 9).
        role = self.aws("iam", "get-role", "--role-name", "AuditRole")["Role"]
        self.assertEqual(role["RoleName"], "AuditRole")
        self.assertEqual(role["Arn"], f"arn:aws:iam::{ACCOUNT}:role/AuditRole")
        self.assertIsInstance(role["MaxSessionDuration"], int)
        p = self.aws("iam", "get-role", "--role-name", "NoSuchRole", check=False)
        self.assertIn("NoSuchEntity", p.stderr)

    def test_assume_role_without_external_id_is_denied(self):
        p = self.aws("sts", "assume-role", "--role-arn", f"arn:aws:iam::{ACCOUNT}:role/AuditRole",
                     "--role-session-name", "audit", check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("(AccessDenied)", p.stderr)
        self.assertIn(f"User: arn:aws:iam::{ACCOUNT}:user/alice is not authorized to perform: sts:AssumeRole "
                      f"on resource: arn:aws:iam::{ACCOUNT}:role/AuditRole", p.stderr)
        p = self.aws("sts", "assume-role", "--role-arn", f"arn:aws:iam::{ACCOUNT}:role/NoSuchRole",
                     "--role-session-name", "audit", check=False)
        self.assertIn("(AccessDenied)", p.stderr)

    def test_get_session_token(self):
        out = self.aws("sts", "get-session-token", "--duration-seconds", "900")
        c = out["Credentials"]
        env = {"AWS_ACCESS_KEY_ID": c["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": c["SecretAccessKey"],
               "AWS_SESSION_TOKEN": c["SessionToken"]}
        self.assertEqual(self.aws("sts", "get-caller-identity", env=env)["Arn"], f"arn:aws:iam::{ACCOUNT}:user/alice")
        p = self.aws("sts", "get-session-token", env=env, check=False)
        self.assertIn("(AccessDenied)", p.stderr)

    def test_iam_list_users_paginates(self):
        users = self.aws("iam", "list-users")["Users"]
        self.assertEqual([u["UserName"] for u in users], ["alice", "bob", "carol", "dave", "erin"])
        calls = [r for r in SERVER.requests() if r["action"] == "ListUsers"]
        self.assertEqual(len(calls), 3)  # page size 2
        p = self.aws("iam", "get-account-password-policy", check=False)
        self.assertIn("(NoSuchEntity)", p.stderr)

    def test_ec2(self):
        regions = self.aws("ec2", "describe-regions")["Regions"]
        names = {r["RegionName"] for r in regions}
        self.assertIn("us-east-1", names)
        self.assertNotIn("ap-east-1", names)
        all_regions = self.aws("ec2", "describe-regions", "--all-regions")["Regions"]
        self.assertIn({"RegionName": "ap-east-1", "Endpoint": "ec2.ap-east-1.amazonaws.com",
                       "OptInStatus": "not-opted-in"}, all_regions)
        res = self.aws("ec2", "describe-instances")["Reservations"]
        ids = [i["InstanceId"] for r in res for i in r["Instances"]]
        self.assertEqual(len(ids), 5)
        self.assertEqual(len([r for r in SERVER.requests() if r["action"] == "DescribeInstances"]), 3)
        inst = res[0]["Instances"][0]
        self.assertEqual(inst["State"], {"Code": 16, "Name": "running"})
        self.assertEqual(inst["MetadataOptions"]["HttpTokens"], "required")
        self.assertEqual(inst["Tags"], [{"Key": "Name", "Value": "web-0"}])
        eu = self.aws("ec2", "describe-instances", "--region", "eu-west-1")["Reservations"]
        self.assertEqual(len(eu), 1)
        sgs = self.aws("ec2", "describe-security-groups")["SecurityGroups"]
        self.assertEqual(sgs[0]["IpPermissions"][0]["IpRanges"][0]["CidrIp"], "0.0.0.0/0")
        p = self.aws("ec2", "describe-instances", "--region", "ap-east-1", check=False)
        self.assertIn("(AuthFailure)", p.stderr)

    def test_s3(self):
        buckets = self.aws("s3api", "list-buckets")["Buckets"]
        self.assertEqual([b["Name"] for b in buckets], ["cloudpeek-logs", "cloudpeek-public", "cloudpeek-eu"])
        policy = json.loads(self.aws("s3api", "get-bucket-policy", "--bucket", "cloudpeek-public")["Policy"])
        self.assertEqual(policy["Statement"][0]["Principal"], "*")
        p = self.aws("s3api", "get-bucket-policy", "--bucket", "cloudpeek-logs", check=False)
        self.assertIn("(NoSuchBucketPolicy)", p.stderr)
        enc = self.aws("s3api", "get-bucket-encryption", "--bucket", "cloudpeek-logs")
        rule = enc["ServerSideEncryptionConfiguration"]["Rules"][0]
        self.assertEqual(rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"], "aws:kms")
        self.assertTrue(rule["BucketKeyEnabled"])
        p = self.aws("s3api", "get-bucket-encryption", "--bucket", "cloudpeek-public", check=False)
        self.assertIn("(ServerSideEncryptionConfigurationNotFoundError)", p.stderr)
        objs = self.aws("s3api", "list-objects-v2", "--bucket", "cloudpeek-logs")["Contents"]
        self.assertEqual([o["Key"] for o in objs], [f"logs/2024/{i:02d}.log" for i in range(5)])
        self.assertEqual(len([r for r in SERVER.requests() if r["action"] == "ListObjectsV2"]), 3)
        loc = self.aws("s3api", "get-bucket-location", "--bucket", "cloudpeek-eu")
        self.assertEqual(loc["LocationConstraint"], "eu-west-1")
        p = self.aws("s3api", "get-bucket-policy", "--bucket", "no-such-bucket", check=False)
        self.assertIn("(NoSuchBucket)", p.stderr)

    def test_kms(self):
        keys = self.aws("kms", "list-keys")["Keys"]
        self.assertEqual(len(keys), 3)
        md = self.aws("kms", "describe-key", "--key-id", keys[0]["KeyId"])["KeyMetadata"]
        self.assertEqual(md["KeyManager"], "CUSTOMER")
        self.assertEqual(md["CreationDate"], "2023-06-01T00:00:00+00:00")
        p = self.aws("kms", "describe-key", "--key-id", "nope", check=False)
        self.assertIn("(NotFoundException)", p.stderr)
        self.assertEqual(len(self.aws("kms", "list-keys", "--region", "eu-west-1")["Keys"]), 1)

    def test_sso_get_role_credentials(self):
        out = self.aws("sso", "get-role-credentials", "--role-name", "SecurityAuditor", "--account-id", ACCOUNT,
                       "--access-token", "fakeSsoAccessToken-valid")
        rc = out["roleCredentials"]
        self.assertGreater(rc["expiration"], time.time() * 1000)
        env = {"AWS_ACCESS_KEY_ID": rc["accessKeyId"], "AWS_SECRET_ACCESS_KEY": rc["secretAccessKey"],
               "AWS_SESSION_TOKEN": rc["sessionToken"]}
        me = self.aws("sts", "get-caller-identity", env=env)
        self.assertEqual(me["Arn"], f"arn:aws:sts::{ACCOUNT}:assumed-role/"
                                    "AWSReservedSSO_SecurityAuditor_0123456789abcdef/alice@example.com")
        for token in ("fakeSsoAccessToken-expired", "unknown-token"):
            p = self.aws("sso", "get-role-credentials", "--role-name", "SecurityAuditor", "--account-id", ACCOUNT,
                         "--access-token", token, check=False)
            self.assertIn("(UnauthorizedException)", p.stderr)
        p = self.aws("sso", "get-role-credentials", "--role-name", "Admin", "--account-id", ACCOUNT,
                     "--access-token", "fakeSsoAccessToken-valid", check=False)
        self.assertIn("(ForbiddenException)", p.stderr)


class IdentityTest(unittest.TestCase):
    def setUp(self):
        SERVER.reset()

    def test_principal_types(self):
        cases = {SSO_SESSION: f"arn:aws:sts::{ACCOUNT}:assumed-role/AWSReservedSSO_SecurityAuditor_0123456789abcdef/alice@example.com",
                 FEDERATED: f"arn:aws:sts::{ACCOUNT}:federated-user/carol",
                 SESSION: f"arn:aws:iam::{ACCOUNT}:user/alice"}
        for creds, arn in cases.items():
            self.assertEqual(client("sts", creds).get_caller_identity()["Arn"], arn)


class AuthErrorTest(unittest.TestCase):
    def setUp(self):
        SERVER.reset()

    def test_wrong_secret(self):
        bad = (ALICE[0], "wrong-secret", None)
        self.assertEqual(error_code(client("sts", bad).get_caller_identity)[0], "SignatureDoesNotMatch")
        self.assertEqual(error_code(client("iam", bad).list_users)[:3:2], ("SignatureDoesNotMatch", 403))
        self.assertEqual(error_code(client("ec2", bad).describe_instances)[::2], ("AuthFailure", 401))
        self.assertEqual(error_code(client("kms", bad).list_keys)[0], "InvalidSignatureException")
        self.assertEqual(error_code(client("s3", bad).list_buckets)[::2], ("SignatureDoesNotMatch", 403))

    def test_credential_scoped_to_the_wrong_service(self):
        # ECR's endpoint prefix is api.ecr, its signing name ecr: AWS rejects
        # a credential scoped to api.ecr, naming the right service.
        import botocore.auth
        import botocore.awsrequest
        import botocore.credentials
        for scope, expect in (("api.ecr", 400), ("ecr", 200)):
            req = botocore.awsrequest.AWSRequest(
                method="POST", url=SERVER.url + "/", data=b"{}",
                headers={"X-Amz-Target": "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories",
                         "Content-Type": "application/x-amz-json-1.1"})
            botocore.auth.SigV4Auth(botocore.credentials.Credentials(ALICE[0], ALICE[1]), scope,
                                    "us-east-1").add_auth(req)
            p = req.prepare()
            try:
                with urllib.request.urlopen(urllib.request.Request(p.url, data=p.body, headers=dict(p.headers),
                                                                   method="POST"), timeout=10) as r:
                    status, body = r.status, json.loads(r.read())
            except urllib.error.HTTPError as e:
                status, body = e.code, json.loads(e.read())
            self.assertEqual(status, expect, body)
            if expect == 400:
                self.assertEqual(body["__type"], "InvalidSignatureException")
                self.assertEqual(body["message"], "Credential should be scoped to correct service: 'ecr'. ")

    def test_unknown_key(self):
        bad = ("AKIAFAKEUNKNOWN00001", "x", None)
        self.assertEqual(error_code(client("sts", bad).get_caller_identity)[::2], ("InvalidClientTokenId", 403))
        self.assertEqual(error_code(client("kms", bad).list_keys)[0], "UnrecognizedClientException")
        self.assertEqual(error_code(client("s3", bad).list_buckets)[0], "InvalidAccessKeyId")

    def test_expired_token(self):
        code, msg, status = error_code(client("sts", EXPIRED).get_caller_identity)
        self.assertEqual((code, msg, status), ("ExpiredToken", "The security token included in the request is expired", 403))
        self.assertEqual(error_code(client("s3", EXPIRED).list_buckets)[::2], ("ExpiredToken", 400))
        self.assertEqual(error_code(client("kms", EXPIRED).list_keys)[0], "ExpiredTokenException")
        # A wrong session token for a known temporary key is an invalid token.
        wrong = (SESSION[0], SESSION[1], "not-the-token")
        self.assertEqual(error_code(client("sts", wrong).get_caller_identity)[0], "InvalidClientTokenId")

    def test_token_expiring_at_a_moment(self):
        sts = client("sts", SESSION)
        sts.get_caller_identity()
        at = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        SERVER.faults({"expire": [{"access_key_id": SESSION[0], "at": at}]})
        sts.get_caller_identity()  # still valid
        time.sleep(1.2)
        self.assertEqual(error_code(sts.get_caller_identity)[0], "ExpiredToken")

    def test_clock_offset(self):
        SERVER.faults({"clock_offset_seconds": 900})
        code, msg, status = error_code(client("sts").get_caller_identity)
        self.assertEqual((code, status), ("SignatureDoesNotMatch", 403))
        self.assertRegex(msg, r"^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$")
        self.assertEqual(error_code(client("ec2").describe_instances)[0], "RequestExpired")
        self.assertEqual(error_code(client("kms").list_keys)[0], "InvalidSignatureException")
        # S3 allows 15 minutes; go further.
        SERVER.faults({"clock_offset_seconds": -1200})
        try:
            client("s3").list_buckets()
            self.fail("no error")
        except ClientError as e:
            self.assertEqual(e.response["Error"]["Code"], "RequestTimeTooSkewed")
            self.assertIn("ServerTime", e.response["Error"])
        # The Date header shows the server's (offset) clock: what clients measure skew from.
        r = client("sts")
        SERVER.faults({"clock_offset_seconds": 120})
        resp = r.get_caller_identity()
        date = resp["ResponseMetadata"]["HTTPHeaders"]["date"]
        import email.utils
        server_time = email.utils.parsedate_to_datetime(date).replace(tzinfo=datetime.timezone.utc)
        skew = (server_time - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
        self.assertAlmostEqual(skew, 120, delta=5)

    def test_disabled_region(self):
        self.assertEqual(error_code(client("ec2", region="ap-east-1").describe_instances)[::2], ("AuthFailure", 401))
        self.assertEqual(error_code(client("sts", region="ap-east-1").get_caller_identity)[0], "InvalidClientTokenId")
        self.assertEqual(error_code(client("kms", region="me-south-1").list_keys)[0], "UnrecognizedClientException")
        client("ec2", region="af-south-1").describe_instances()  # opted in

    def test_missing_auth(self):
        session = botocore.session.Session()
        sts = session.create_client("sts", region_name="us-east-1", endpoint_url=SERVER.url,
                                    config=Config(signature_version=UNSIGNED))
        self.assertEqual(error_code(sts.get_caller_identity)[0], "MissingAuthenticationToken")
        s3 = session.create_client("s3", region_name="us-east-1", endpoint_url=SERVER.url,
                                   config=Config(signature_version=UNSIGNED))
        self.assertEqual(error_code(s3.list_buckets)[0], "AccessDenied")

    def test_presigned_url(self):
        s3 = client("s3", signature_version="s3v4")
        url = s3.generate_presigned_url("get_bucket_policy", Params={"Bucket": "cloudpeek-public"}, ExpiresIn=60)
        with urllib.request.urlopen(url, timeout=10) as r:
            self.assertIn(b"PublicRead", r.read())


class FaultTest(unittest.TestCase):
    def setUp(self):
        SERVER.reset()

    def test_throttling_codes_per_protocol(self):
        SERVER.faults({"throttle_rate": 1.0})
        self.assertEqual(error_code(client("iam").list_users)[:3:2], ("Throttling", 400))
        self.assertEqual(error_code(client("ec2").describe_instances)[::2], ("RequestLimitExceeded", 503))
        self.assertEqual(error_code(client("kms").list_keys)[0], "ThrottlingException")
        self.assertEqual(error_code(client("s3").list_buckets)[::2], ("SlowDown", 503))

    def test_throttling_is_retried_then_succeeds(self):
        SERVER.faults({"seed": 7, "throttle_rate": 0.5, "service": "iam"})
        users = []
        iam = client("iam", retries=10)
        for page in iam.get_paginator("list_users").paginate():
            users += page["Users"]
        self.assertEqual(len(users), 5)
        log = [r for r in SERVER.requests() if r["action"] == "ListUsers"]
        throttled = [r for r in log if r["error"] == "Throttling"]
        self.assertGreater(len(throttled), 0)
        self.assertEqual(len(log) - len(throttled), 3)

    def test_fault_scoped_to_action(self):
        SERVER.faults({"rules": [{"service": "ec2", "action": "DescribeInstances", "throttle_rate": 1.0}]})
        client("ec2").describe_security_groups()
        self.assertEqual(error_code(client("ec2").describe_instances)[0], "RequestLimitExceeded")

    def test_server_errors(self):
        SERVER.faults({"error_rate": 1.0, "service": "sts"})
        self.assertEqual(error_code(client("sts").get_caller_identity)[::2], ("InternalFailure", 500))
        SERVER.faults({"error_rate": 1.0, "error_status": 503, "service": "s3"})
        self.assertEqual(error_code(client("s3").list_buckets)[::2], ("ServiceUnavailable", 503))
        SERVER.faults({"error_rate": 1.0, "count": 2})
        self.assertEqual(client("kms", retries=3).list_keys()["ResponseMetadata"]["RetryAttempts"], 2)

    def test_dropped_connection(self):
        SERVER.faults({"drop_rate": 1.0, "service": "sts"})
        with self.assertRaises((ConnectionClosedError, EndpointConnectionError)):
            client("sts").get_caller_identity()
        SERVER.faults({"drop_rate": 1.0, "service": "sts", "count": 1})
        resp = client("sts", retries=3).get_caller_identity()
        self.assertEqual(resp["ResponseMetadata"]["RetryAttempts"], 1)

    def test_malformed_body(self):
        SERVER.faults({"malformed_rate": 1.0})
        with self.assertRaises(ResponseParserError):
            client("iam").list_users()
        with self.assertRaises(ResponseParserError):
            client("ec2").describe_instances()
        with self.assertRaises(ResponseParserError):
            client("s3").list_buckets()
        # botocore does not raise on a truncated JSON body: it returns the raw
        # text as an error-like dict with no data. Record what it sees.
        out = client("kms").list_keys()
        self.assertNotIn("Keys", out)

    def test_latency(self):
        SERVER.faults({"latency_ms": 300, "service": "sts"})
        t = time.monotonic()
        client("sts").get_caller_identity()
        self.assertGreaterEqual(time.monotonic() - t, 0.3)

    def test_access_denied_for_named_actions(self):
        SERVER.faults({"deny": ["iam:ListUsers", "s3:GetBucketPolicy", "ec2:DescribeInstances", "kms:ListKeys"]})
        code, msg, status = error_code(client("iam").list_users)
        self.assertEqual((code, status), ("AccessDenied", 403))
        self.assertEqual(msg, f"User: arn:aws:iam::{ACCOUNT}:user/alice is not authorized to perform: iam:ListUsers "
                              f"on resource: arn:aws:iam::{ACCOUNT}:* because no identity-based policy allows the "
                              "iam:ListUsers action")
        code, msg, _ = error_code(lambda: client("s3").get_bucket_policy(Bucket="cloudpeek-public"))
        self.assertEqual(code, "AccessDenied")
        self.assertIn("s3:GetBucketPolicy on resource: arn:aws:s3:::cloudpeek-public", msg)
        self.assertEqual(error_code(client("ec2").describe_instances)[0], "UnauthorizedOperation")
        self.assertEqual(error_code(client("kms").list_keys)[0], "AccessDeniedException")
        client("s3").list_buckets()
        # Scenario-declared denies (bob lacks iam:ListUsers).
        SERVER.reset()
        self.assertEqual(error_code(client("iam", BOB).list_users)[0], "AccessDenied")
        # S3 action names are IAM's, not the operation's.
        SERVER.faults({"deny": ["s3:ListAllMyBuckets"]})
        self.assertEqual(error_code(client("s3").list_buckets)[0], "AccessDenied")

    def test_seed_makes_rates_deterministic(self):
        def run():
            SERVER.reset()
            SERVER.faults({"seed": 3, "throttle_rate": 0.5, "service": "sts"})
            sts = client("sts")
            out = []
            for _ in range(10):
                try:
                    sts.get_caller_identity()
                    out.append(True)
                except ClientError:
                    out.append(False)
            return out
        self.assertEqual(run(), run())


class HygieneTest(unittest.TestCase):
    def test_no_secrets_in_logs(self):
        SERVER.reset()
        for creds in (ALICE, SESSION, EXPIRED):
            try:
                client("sts", creds).get_caller_identity()
            except ClientError:
                pass
        client("s3").generate_presigned_url("list_buckets")
        text = json.dumps(SERVER.requests())
        with open(SERVER.stderr_path) as f:
            text += f.read()
        for secret in ALL_SECRETS:
            self.assertNotIn(secret, text)
        self.assertIn("AKIAFAKEALICE0000001", text)  # key ids are fine, like CloudTrail

    def test_control_api(self):
        SERVER.reset()
        self.assertEqual(SERVER.control("GET", "health"), {"ok": True})
        doc = {"seed": 1, "rules": [{"service": "s3", "latency_ms": 1}]}
        SERVER.faults(doc)
        self.assertEqual(SERVER.control("GET", "faults"), doc)
        with self.assertRaises(urllib.error.HTTPError):
            SERVER.faults({"rules": [{"bogus": 1}]})
        SERVER.reset()
        self.assertEqual(SERVER.control("GET", "faults"), {})


if __name__ == "__main__":
    unittest.main()
