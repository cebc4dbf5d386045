"""A scenario: accounts, their identities and regions, and what each service answers.

Format (see README.md for the full description):
{
  "page_size": 2,
  "accounts": {
    "111122223333": {
      "regions": {"us-east-1": "opt-in-not-required", "ap-east-1": "not-opted-in"},
      "identities": {"users": [...], "root": {...}, "roles": [...], "sessions": [...], "sso": {...}},
      "services": {"<botocore service>": {"<region>|*": {"<Operation>": ENTRY}}}
    }
  }
}
ENTRY is {"output": {...}}, {"error": {"code", "message", "status"}}, or
{"cases": [{"input": {...}, "output"|"error": ...}], "default": ENTRY}; an
object with none of those keys is an output by itself.
Times are ISO 8601 or "+N"/"-N" seconds relative to server start, so a static
file can hold credentials that are valid (or expired) whenever it is served.
"""

import copy
import datetime
import json
import os

from auth import Credential, Principal
from protocols.values import to_datetime

ENTRY_KEYS = {"output", "error", "cases", "default", "page_size"}


def merge(base, extra, where):
    """Deep merge for scenario directories; a scalar set twice must agree."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            if k == "description" and k in out and out[k] != v:
                out[k] = f"{out[k]} {v}"  # each part may describe itself
            else:
                out[k] = merge(out[k], v, where) if k in out else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    if base != extra:
        raise ValueError(f"scenario {where}: conflicting values {base!r} and {extra!r}")
    return base


def parse_time(value, base):
    if value is None:
        return None
    if isinstance(value, str) and value[:1] in "+-" and value[1:].replace(".", "").isdigit():
        return base + datetime.timedelta(seconds=float(value))
    return to_datetime(value)


class Scenario:
    def __init__(self, data, now):
        self.data = data
        self.loaded_at = now
        if isinstance(now, datetime.datetime):
            from protocols import values
            values.RELATIVE_BASE = now
        self.page_size = int(data.get("page_size", 100))
        self.accounts = data.get("accounts", {})
        self.partition = data.get("partition", "aws")

    @classmethod
    def load(cls, path, now):
        """A scenario file, or a directory of them merged in name order (objects
        merge key by key, lists concatenate), so each service's part of a large
        scenario lives in its own file."""
        if os.path.isdir(path):
            data = {}
            for name in sorted(os.listdir(path)):
                if name.endswith(".json"):
                    with open(os.path.join(path, name), encoding="utf-8") as f:
                        data = merge(data, json.load(f), name)
            return cls(data, now)
        with open(path, encoding="utf-8") as f:
            return cls(json.load(f), now)

    def time(self, value):
        return parse_time(value, self.loaded_at)

    # --- regions -------------------------------------------------------
    def regions(self, account):
        return self.accounts.get(account, {}).get("regions", {})

    def region_enabled(self, account, region):
        status = self.regions(account).get(region)
        return status != "not-opted-in"

    # --- service data --------------------------------------------------
    def entry(self, account, service, region, op):
        svc = self.accounts.get(account, {}).get("services", {}).get(service, {})
        for key in (region, "*"):
            if key in svc and op in svc[key]:
                return svc[key][op]
        return None

    def buckets(self, account):
        e = self.entry(account, "s3", "*", "ListBuckets")
        if e is None:
            return None
        out = e.get("output", e) if isinstance(e, dict) else {}
        return {b["Name"] for b in out.get("Buckets", [])}

    # --- identities ----------------------------------------------------
    def identities(self, account):
        return self.accounts.get(account, {}).get("identities", {})

    def role(self, account, name):
        for r in self.identities(account).get("roles", []):
            if r["name"] == name:
                return r
        return None

    def role_by_arn(self, arn):
        # arn:aws:iam::ACCOUNT:role/path/name
        parts = arn.split(":", 5)
        if len(parts) != 6 or parts[2] != "iam" or not parts[5].startswith("role/"):
            return None, None
        account, name = parts[4], parts[5].rsplit("/", 1)[-1]
        r = self.role(account, name)
        if r is None or role_arn(self.partition, account, r) != arn:
            return None, None
        return account, r

    def role_for_permission_set(self, account, permission_set):
        for r in self.identities(account).get("roles", []):
            if r.get("permission_set") == permission_set:
                return r
        return None

    def sso_token(self, token):
        for acct in self.accounts:
            for t in self.identities(acct).get("sso", {}).get("tokens", []):
                if t["access_token"] == token:
                    return t
        return None

    def credentials(self):
        """Every credential the scenario declares, as registry entries."""
        out = []
        p = self.partition
        for account in self.accounts:
            ids = self.identities(account)
            users = {u["name"]: u for u in ids.get("users", [])}
            for u in users.values():
                pr = user_principal(p, account, u)
                for k in u.get("access_keys", []):
                    if k.get("status", "Active") == "Active":
                        out.append(Credential(k["id"], k["secret"], pr, expires=self.time(k.get("expires"))))
            root = ids.get("root")
            if root:
                pr = Principal("root", account, f"arn:{p}:iam::{account}:root", account, "root",
                               denied_actions=set(root.get("denied_actions", [])))
                for k in root.get("access_keys", []):
                    out.append(Credential(k["id"], k["secret"], pr))
            for s in ids.get("sessions", []):
                if "user" in s:
                    pr = user_principal(p, account, users[s["user"]])
                elif "role" in s:
                    pr = role_principal(p, account, self.role(account, s["role"]), s.get("session_name", "session"))
                elif "federated" in s:
                    name = s["federated"]
                    pr = Principal("federated", account, f"arn:{p}:sts::{account}:federated-user/{name}",
                                   f"{account}:{name}", name, denied_actions=set(s.get("denied_actions", [])))
                else:
                    raise ValueError("a session needs user, role or federated")
                out.append(Credential(s["id"], s["secret"], pr, session_token=s["token"],
                                      expires=self.time(s.get("expires"))))
        return out


def user_principal(partition, account, u):
    path = u.get("path", "/")
    return Principal("user", account, f"arn:{partition}:iam::{account}:user{path}{u['name']}",
                     u.get("user_id", "AIDA" + account + u["name"].upper()[:8]), u["name"],
                     denied_actions=set(u.get("denied_actions", [])))


def role_arn(partition, account, role):
    return f"arn:{partition}:iam::{account}:role{role.get('path', '/')}{role['name']}"


def role_principal(partition, account, role, session_name):
    role_id = role.get("role_id", "AROA" + account + role["name"].upper()[:5])
    return Principal("assumed-role", account,
                     f"arn:{partition}:sts::{account}:assumed-role/{role['name']}/{session_name}",
                     f"{role_id}:{session_name}", role["name"], session_name,
                     role_arn(partition, account, role), set(role.get("denied_actions", [])))


def entry_parts(entry):
    """(kind, value, page_size) of an ENTRY, kind in output/error/cases."""
    if not isinstance(entry, dict) or not (ENTRY_KEYS & entry.keys()):
        return "output", entry, None
    return None, entry, entry.get("page_size")


def matches(want, got):
    if isinstance(want, dict):
        return isinstance(got, dict) and all(matches(v, got.get(k)) for k, v in want.items())
    if isinstance(want, list):
        return isinstance(got, list) and len(want) == len(got) and all(matches(a, b) for a, b in zip(want, got))
    return want == got or (got is not None and str(want) == str(got))


def select(entry, params):
    """The output dict or error dict an ENTRY gives for the request's params.

    Returns ("output", dict, page_size) / ("error", dict, None) / (None, None, None).
    """
    kind, value, page_size = entry_parts(entry)
    if kind == "output":
        return "output", copy.deepcopy(value), None
    if "output" in value:
        return "output", copy.deepcopy(value["output"]), page_size
    if "error" in value:
        return "error", value["error"], None
    for case in value.get("cases", []):
        if matches(case.get("input", {}), params):
            k, v, ps = select(case, params)
            return k, v, ps or page_size
    if "default" in value:
        k, v, ps = select(value["default"], params)
        return k, v, ps or page_size
    return None, None, None
