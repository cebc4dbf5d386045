"""Rate limits: per-API token buckets answering the service's throttling error,
and latency that does not serialize concurrent requests."""

import os
import threading
import unittest

import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

from faults import Faults, TokenBucket

HERE = os.path.dirname(os.path.abspath(__file__))
ALICE = ("AKIAFAKEALICE0000001", "fakeSecretAlice/0000000000000000000000001")


class FakeClock:
    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t


class TokenBucketTest(unittest.TestCase):
    def test_burst_then_refill(self):
        b = TokenBucket(rate=2, burst=3, now=0.0)
        self.assertEqual([b.take(0.0) for _ in range(4)], [True, True, True, False])
        self.assertFalse(b.take(0.4))        # 0.8 tokens
        self.assertTrue(b.take(0.5))         # 1.0 token
        self.assertFalse(b.take(0.5))
        self.assertEqual(sum(b.take(100.0) for _ in range(10)), 3)  # refill caps at burst

    def test_rules_bucket_per_action_and_region(self):
        clock = FakeClock()
        f = Faults(clock=clock)
        f.set({"rules": [{"service": "ec2", "rate_limit_rps": 1, "burst": 2}]}, None)
        got = [f.decide("ec2", "DescribeInstances", "us-east-1").throttle for _ in range(3)]
        self.assertEqual(got, [False, False, True])
        # Another action and another region have buckets of their own.
        self.assertFalse(f.decide("ec2", "DescribeVolumes", "us-east-1").throttle)
        self.assertFalse(f.decide("ec2", "DescribeInstances", "eu-west-1").throttle)
        # Services the rule does not name are not limited.
        self.assertFalse(any(f.decide("s3", "ListBuckets", "us-east-1").throttle for _ in range(10)))
        clock.t += 1.0
        d = f.decide("ec2", "DescribeInstances", "us-east-1")
        self.assertFalse(d.throttle)
        d = f.decide("ec2", "DescribeInstances", "us-east-1")
        self.assertTrue(d.throttle and d.rate_limited)
        self.assertIn("rate_limited", d.describe())

    def test_service_scope_shares_a_bucket(self):
        f = Faults(clock=FakeClock())
        f.set({"service": "iam", "rate_limit_rps": 5, "burst": 2, "rate_scope": "service"}, None)
        self.assertFalse(f.decide("iam", "ListUsers", "us-east-1").throttle)
        self.assertFalse(f.decide("iam", "ListRoles", "us-east-1").throttle)
        self.assertTrue(f.decide("iam", "GetRole", "us-east-1").throttle)

    def test_each_account_has_its_own_buckets(self):
        # AWS meters each account apart: one account's calls never spend another's tokens.
        f = Faults(clock=FakeClock())
        f.set({"service": "iam", "rate_limit_rps": 5, "burst": 2, "rate_scope": "service"}, None)
        self.assertEqual([f.decide("iam", "ListUsers", "us-east-1", "111111111111").throttle for _ in range(3)],
                         [False, False, True])
        self.assertEqual([f.decide("iam", "ListRoles", "us-east-1", "222222222222").throttle for _ in range(3)],
                         [False, False, True])

    def test_default_burst_and_bad_values(self):
        f = Faults(clock=FakeClock())
        f.set({"rate_limit_rps": 3}, None)
        self.assertEqual([f.decide("kms", "ListKeys", "us-east-1").throttle for _ in range(4)],
                         [False, False, False, True])
        with self.assertRaises(ValueError):
            f.set({"rate_limit_rps": 0}, None)
        with self.assertRaises(ValueError):
            f.set({"rate_limit_rps": 1, "rate_scope": "everything"}, None)


class RateLimitServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from test_fakeaws import FakeAws
        cls.server = FakeAws(os.path.join(HERE, "scenarios", "basic.json"))

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def client(self, service):
        s = botocore.session.Session()
        s.set_config_variable("credentials_file", "/dev/null")
        s.set_config_variable("config_file", "/dev/null")
        return s.create_client(service, region_name="us-east-1", endpoint_url=self.server.url,
                               aws_access_key_id=ALICE[0], aws_secret_access_key=ALICE[1],
                               config=Config(retries={"max_attempts": 1, "mode": "standard"}, max_pool_connections=20))

    def test_throttles_with_the_services_error(self):
        self.server.faults({"rules": [{"service": "ec2", "action": "DescribeInstances",
                                       "rate_limit_rps": 0.01, "burst": 2}]})
        ec2 = self.client("ec2")
        ec2.describe_instances()
        ec2.describe_instances()
        with self.assertRaises(ClientError) as e:
            ec2.describe_instances()
        self.assertEqual(e.exception.response["Error"]["Code"], "RequestLimitExceeded")
        ec2.describe_security_groups()  # another API: its own bucket
        errors = [r["error"] for r in self.server.requests() if r["action"] == "DescribeInstances"]
        # (botocore may retry the throttled call once more: it is throttled too)
        self.assertEqual(errors[:3], [None, None, "RequestLimitExceeded"])
        self.assertEqual(set(errors[2:]), {"RequestLimitExceeded"})

    def test_latency_runs_concurrently(self):
        # 20 calls with 300 ms each at once: a lock held across the sleep would
        # make the last one wait 6 s on the server. (Measured on the server: the
        # Python client's own CPU time is not what this tests.)
        self.server.faults({"latency_ms": 300, "service": "sts"})
        self.server.control("DELETE", "requests")
        sts = self.client("sts")
        errors = []

        def call():
            try:
                sts.get_caller_identity()
            except Exception as e:  # noqa: BLE001
                errors.append(e)

        threads = [threading.Thread(target=call) for _ in range(20)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(errors, [])
        durations = [r["duration_ms"] for r in self.server.requests() if r["action"] == "GetCallerIdentity"]
        self.assertEqual(len(durations), 20)
        self.assertGreaterEqual(min(durations), 300)
        self.assertLess(max(durations), 3000)


if __name__ == "__main__":
    unittest.main()
