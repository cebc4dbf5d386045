"""Faults a test asks for through the control API.

One JSON document replaces the previous one (POST /__fakeaws/faults):
{
  "seed": 1,
  "rules": [{"service": "ec2", "action": "DescribeInstances", "region": "us-east-1",
             "latency_ms": 50, "throttle_rate": 0.3, "error_rate": 0.1, "error_status": 503,
             "drop_rate": 0.1, "malformed_rate": 0.1, "count": 3}],
  "deny": ["s3:GetBucketPolicy", {"action": "iam:ListUsers", "principal": "arn:...", "resource": "..."}],
  "expire": [{"access_key_id": "ASIA...", "at": "2030-01-01T00:00:00Z" | "+5"}],
  "clock_offset_seconds": -600
}
Rule fields may also sit at the top level, as a single rule. Random rates draw
from one random.Random(seed), so a single-threaded test sees the same
sequence every run.

Rate limits, like AWS's API throttling: a rule with "rate_limit_rps" (refill,
tokens per second) and "burst" (bucket size; default max(1, rate_limit_rps))
gives every (account, service, action, region) it matches its own token bucket
("rate_scope": "service" shares one bucket per (account, service, region)
instead): AWS meters each account apart, so two accounts' calls never share one.
A request finding its bucket empty is answered with the service's throttling
error (RequestLimitExceeded, Throttling, ThrottlingException, SlowDown), as
AWS does; it still costs the rule's latency_ms.
"""

import datetime
import random
import threading
import time

RULE_KEYS = {"service", "action", "region", "latency_ms", "throttle_rate", "error_rate",
             "error_status", "drop_rate", "malformed_rate", "count",
             "rate_limit_rps", "burst", "rate_scope"}


class Decision:
    def __init__(self):
        self.latency_ms = 0
        self.throttle = False
        self.rate_limited = False
        self.error_status = None
        self.drop = False
        self.malformed = False

    def describe(self):
        parts = []
        if self.latency_ms:
            parts.append(f"latency={self.latency_ms}ms")
        for name in ("rate_limited", "throttle", "drop", "malformed"):
            if getattr(self, name):
                parts.append(name)
        if self.error_status:
            parts.append(f"error={self.error_status}")
        return ",".join(parts) or None


class TokenBucket:
    """AWS's throttling model: `burst` tokens at most, refilled at `rate` per
    second; each request takes one or is throttled."""

    def __init__(self, rate, burst, now):
        self.rate, self.burst = float(rate), float(burst)
        self.tokens, self.last = self.burst, now

    def take(self, now):
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class Faults:
    def __init__(self, clock=time.monotonic):
        self._clock = clock  # monotonic seconds, for the token buckets
        self._lock = threading.Lock()
        self.set({}, datetime.datetime.now(datetime.timezone.utc))

    def set(self, doc, now, parse_time=None):
        doc = dict(doc or {})
        rules = list(doc.get("rules", []))
        top = {k: v for k, v in doc.items() if k in RULE_KEYS}
        if top:
            rules.append(top)
        for r in rules:
            unknown = set(r) - RULE_KEYS
            if unknown:
                raise ValueError(f"unknown rule fields: {sorted(unknown)}")
            if "rate_limit_rps" in r and float(r["rate_limit_rps"]) <= 0:
                raise ValueError("rate_limit_rps must be positive")
            if r.get("rate_scope", "action") not in ("action", "service"):
                raise ValueError("rate_scope is 'action' or 'service'")
        deny = []
        for d in doc.get("deny", []):
            deny.append({"action": d} if isinstance(d, str) else dict(d))
        expire = {}
        for e in doc.get("expire", []):
            at = e["at"]
            expire[e["access_key_id"]] = parse_time(at) if parse_time else at
        with self._lock:
            self.doc = doc
            self.rules = [dict(r, _used=0, _buckets={}) for r in rules]
            self.deny = deny
            self.expire = expire
            self.clock_offset = datetime.timedelta(seconds=float(doc.get("clock_offset_seconds", 0)))
            self.rng = random.Random(doc.get("seed", 0))

    @staticmethod
    def _matches(rule, service, action, region):
        if rule.get("service") and rule["service"] != service:
            return False
        want = rule.get("action")
        if want and want not in (action, f"{service}:{action}"):
            return False
        if rule.get("region") and rule["region"] != region:
            return False
        return True

    def decide(self, service, action, region, account=None):
        d = Decision()
        with self._lock:
            for r in self.rules:
                if not self._matches(r, service, action, region):
                    continue
                if "count" in r and r["_used"] >= r["count"]:
                    continue
                r["_used"] += 1
                d.latency_ms = max(d.latency_ms, int(r.get("latency_ms", 0)))
                if "rate_limit_rps" in r:
                    key = (account, service, region) if r.get("rate_scope") == "service" \
                        else (account, service, action, region)
                    now = self._clock()
                    bucket = r["_buckets"].get(key)
                    if bucket is None:
                        rate = float(r["rate_limit_rps"])
                        bucket = r["_buckets"][key] = TokenBucket(rate, r.get("burst", max(1.0, rate)), now)
                    if not bucket.take(now):
                        d.rate_limited = d.throttle = True
                # One draw per configured rate, in a fixed order, keeps runs reproducible.
                if "drop_rate" in r and self.rng.random() < r["drop_rate"]:
                    d.drop = True
                if "throttle_rate" in r and self.rng.random() < r["throttle_rate"]:
                    d.throttle = True
                if "error_rate" in r and self.rng.random() < r["error_rate"]:
                    d.error_status = int(r.get("error_status", 500))
                if "malformed_rate" in r and self.rng.random() < r["malformed_rate"]:
                    d.malformed = True
        return d

    def denied(self, iam_actions, principal_arn):
        """The deny entry matching any of the action names, or None."""
        with self._lock:
            for d in self.deny:
                if d["action"] in iam_actions and d.get("principal", principal_arn) == principal_arn:
                    return d
        return None

    def expiry_for(self, access_key_id):
        with self._lock:
            return self.expire.get(access_key_id) or self.expire.get("*")
