#!/usr/bin/python3
"""Generates a fakeaws organization for the organization benchmark (bench/run-org-bench).

  /usr/bin/python3 bench/gen_organization.py OUT_DIR [--members 100] [--scale 0.01] [--seed 1]

Writes a scenario directory: the management account 100000000000 (user
org-admin, key AKIAFAKEORGBENCH0001) and --members member accounts
2222xxxxxxxx in six OUs (Security, Infrastructure, Workloads/Prod,
Workloads/Dev, Sandbox, Data), every one ACTIVE with the role CloudPeekAudit
trusting the management account with ExternalId cloudpeek-bench-ext. Each
account (the management account too) holds its own small generated set of
resources in the three regions the benchmark scans (us-east-1, us-west-2,
eu-west-1): bench/gen_large_account.py's generators at --scale (0.01: about
320 resources per account, spread like a real account's, a different draw per
account), its ARNs and owner ids the account's own. Organizations answers
from the organization model (tests/fakeaws/organizations.py), listings paged
20 at a time as AWS does.

Also writes OUT_DIR/bench-meta.json: the organization's ids, and per account
its resources and its longest chain of dependent calls once its credentials
are known (a listing's pages, then per-resource calls), which
bench/run-org-bench uses for the lower bound.
Standard library only.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_large_account as g  # noqa: E402

MANAGEMENT = "100000000000"
ORG_ID = "o-bench00001"
ROOT_ID = "r-bn01"
ROLE = "CloudPeekAudit"
EXTERNAL_ID = "cloudpeek-bench-ext"
ADMIN_KEY = "AKIAFAKEORGBENCH0001"
ADMIN_SECRET = "fakeSecretOrgBench/00000000000000000000001"
SCANNED = ["us-east-1", "us-west-2", "eu-west-1"]
OUS = [("ou-bn01-security", "Security", None), ("ou-bn01-infra000", "Infrastructure", None),
       ("ou-bn01-workload", "Workloads", None), ("ou-bn01-prod0000", "Prod", "ou-bn01-workload"),
       ("ou-bn01-dev00000", "Dev", "ou-bn01-workload"), ("ou-bn01-sandbox0", "Sandbox", None),
       ("ou-bn01-data0000", "Data", None)]
LEAVES = [ou for ou, _, _ in OUS if ou != "ou-bn01-workload"]


def scan_regions():
    """gen_large_account's regions narrowed to the three scanned, with its weights (a busy
    home region, two secondary ones) rescaled to the whole."""
    g.REGIONS[:] = SCANNED
    g.OPTED_IN[:] = []
    g.WEIGHT.clear()
    g.WEIGHT.update({"us-east-1": 0.5, "us-west-2": 0.25, "eu-west-1": 0.25})


def member_ids(n):
    return [f"2222{i:08d}" for i in range(1, n + 1)]


def account_services(account, scale, seed):
    """One account's generated services, its ARNs and owner ids its own."""
    g.ACCOUNT = account
    g.rng.seed(seed)
    gen = g.Gen(scale)
    gen.ec2()
    gen.s3()
    gen.iam()
    gen.regional()
    gen.devops()
    gen.management()
    gen.global_services()
    # Organizations answers from the organization model, not per-account stubs.
    gen.services.pop("organizations", None)
    deepest = max(gen.chains, key=gen.chains.get)
    return gen.services, sum(gen.counts.values()) - gen.counts.get("foreign", 0), gen.chains[deepest], deepest


def organization(members):
    root = {"id": ROOT_ID, "name": "Root", "policy_types": ["SERVICE_CONTROL_POLICY"], "accounts": [MANAGEMENT],
            "ous": []}
    nodes = {}
    for ou, name, parent in OUS:
        nodes[ou] = {"id": ou, "name": name, "accounts": [], "ous": []}
        (nodes[parent]["ous"] if parent else root["ous"]).append(nodes[ou])
    accounts = {}
    for i, m in enumerate(members):
        nodes[LEAVES[i % len(LEAVES)]]["accounts"].append(m)
        accounts[m] = {"name": f"member-{i + 1:03d}", "email": f"aws+member-{i + 1:03d}@example.com",
                       "status": "ACTIVE", "joined_method": "CREATED"}
    return {"id": ORG_ID, "feature_set": "ALL", "management_account": MANAGEMENT, "page_size": 20, "root": root,
            "accounts": accounts,
            "policies": [{"id": "p-FullAWSAccess", "name": "FullAWSAccess", "type": "SERVICE_CONTROL_POLICY",
                          "aws_managed": True, "description": "Allows access to every operation",
                          "content": {"Version": "2012-10-17",
                                      "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]},
                          "targets": [ROOT_ID]}],
            "delegated_administrators": []}


def regions_doc():
    regions = {r: "opt-in-not-required" for r in SCANNED}
    regions.update({r: "not-opted-in" for r in ("af-south-1", "ap-east-1", "me-south-1")})
    return regions


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--members", type=int, default=100, help="member accounts (besides the management account)")
    ap.add_argument("--scale", type=float, default=0.01,
                    help="each account's resources, as a share of gen_large_account's (0.01: about 320)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if not 1 <= args.members <= 9999:
        ap.error("--members must be between 1 and 9999")
    scan_regions()
    members = member_ids(args.members)
    os.makedirs(args.out_dir, exist_ok=True)
    for name in os.listdir(args.out_dir):
        if name.endswith(".json"):
            os.remove(os.path.join(args.out_dir, name))
    meta = {"management_account": MANAGEMENT, "members": members, "regions": SCANNED, "role_name": ROLE,
            "external_id": EXTERNAL_ID, "accounts": {}}
    trust = [f"arn:aws:iam::{MANAGEMENT}:root"]
    for k, account in enumerate([MANAGEMENT] + members):
        services, resources, chain, deepest = account_services(account, args.scale, args.seed * 100003 + k)
        identities = {"roles": [{"name": ROLE, "role_id": f"AROA{account}AUDIT", "path": "/",
                                 "external_id": EXTERNAL_ID, "max_session_duration": 3600, "trusted": trust}]}
        if account == MANAGEMENT:
            identities["users"] = [{"name": "org-admin", "user_id": "AIDAORGBENCHADMIN001",
                                    "access_keys": [{"id": ADMIN_KEY, "secret": ADMIN_SECRET}]}]
        doc = {"accounts": {account: {"regions": regions_doc(), "identities": identities, "services": services}}}
        with open(os.path.join(args.out_dir, f"10-{account}.json"), "w") as f:
            json.dump(doc, f, separators=(",", ":"))
        meta["accounts"][account] = {"resources": resources, "longest_chain": chain, "deepest_chain": deepest}
    with open(os.path.join(args.out_dir, "00-organization.json"), "w") as f:
        json.dump({"description": "A generated organization for bench/run-org-bench (bench/gen_organization.py).",
                   "page_size": 100, "organization": organization(members)}, f, indent=1)
    with open(os.path.join(args.out_dir, "bench-meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    total = sum(a["resources"] for a in meta["accounts"].values())
    print(f"{args.out_dir}: organization {ORG_ID}, {len(members) + 1} accounts (management + {len(members)} members), "
          f"{total} resources in {len(SCANNED)} regions, about {total // (len(members) + 1)} per account")


if __name__ == "__main__":
    main()
