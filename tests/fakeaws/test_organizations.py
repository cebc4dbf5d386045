"""fakeaws's AWS Organizations is faithful: botocore's own organizations and
sts clients read the organization scenario (scenarios/organization.json) as
they read AWS: paginators follow NextToken/MaxResults, a member that is not a
delegated administrator is denied, AssumeRole into a member's audit role
checks that the role exists and its ExternalId, and the credentials it gives
act as the member account.

Run: /usr/bin/python3 -m unittest discover -s tests/fakeaws -p 'test_organizations.py' -v
"""

import json
import os
import unittest

import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

from test_fakeaws import FakeAws

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.join(HERE, "scenarios", "organization.json")
MGMT = "111111111111"
ORG_ADMIN = ("AKIAFAKEORGADMIN0001", "fakeSecretOrgAdmin/000000000000000000000001")
SEC_ADMIN = ("AKIAFAKESECADMIN0001", "fakeSecretSecAdmin/000000000000000000000001")   # delegated administrator
LOG_READER = ("AKIAFAKELOGREADER001", "fakeSecretLogReader/00000000000000000000001")  # a plain member
OUTSIDER = ("AKIAFAKEOUTSIDER0001", "fakeSecretOutsider/000000000000000000000001")  # in no organization
EXTERNAL_ID = "cloudpeek-ext-7f3a9c2e"

SERVER = None


def setUpModule():
    global SERVER
    SERVER = FakeAws(SCENARIO)


def tearDownModule():
    SERVER.close()


def client(service, key=ORG_ADMIN, url=None, token=None):
    s = botocore.session.Session()
    s.set_config_variable("credentials_file", "/dev/null")
    s.set_config_variable("config_file", "/dev/null")
    return s.create_client(service, region_name="us-east-1", endpoint_url=url or SERVER.url,
                           aws_access_key_id=key[0], aws_secret_access_key=key[1], aws_session_token=token,
                           config=Config(retries={"max_attempts": 1}))


def error_of(fn):
    try:
        fn()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"]
    raise AssertionError("no error raised")


def all_pages(c, op, **kw):
    out = []
    for page in c.get_paginator(op).paginate(**kw):
        out.append(page)
    return out


class OrganizationReads(unittest.TestCase):
    def setUp(self):
        self.org = client("organizations")

    def test_describe_organization(self):
        o = self.org.describe_organization()["Organization"]
        self.assertEqual(o["MasterAccountId"], MGMT)
        self.assertEqual(o["FeatureSet"], "ALL")
        self.assertTrue(o["Arn"].startswith("arn:aws:organizations::111111111111:organization/o-"))

    def test_list_accounts_pages_through_all_21(self):
        pages = all_pages(self.org, "list_accounts")
        self.assertGreater(len(pages), 4, "page_size 5: 21 accounts take 5 pages")
        accounts = [a for p in pages for a in p["Accounts"]]
        self.assertEqual(len(accounts), 21)
        self.assertEqual(len({a["Id"] for a in accounts}), 21)
        by_id = {a["Id"]: a for a in accounts}
        self.assertEqual(by_id["222200000019"]["Status"], "SUSPENDED")
        self.assertEqual(by_id["222200000005"]["Name"], "prod-payments")
        self.assertIn("@", by_id["222200000005"]["Email"])
        # JoinedTimestamp parsed as a timestamp by botocore.
        self.assertEqual(by_id[MGMT]["JoinedTimestamp"].year, 2023)

    def test_max_results_smaller_than_page(self):
        first = self.org.list_accounts(MaxResults=2)
        self.assertEqual(len(first["Accounts"]), 2)
        second = self.org.list_accounts(MaxResults=2, NextToken=first["NextToken"])
        self.assertNotEqual(first["Accounts"][0]["Id"], second["Accounts"][0]["Id"])

    def test_invalid_next_token(self):
        code, _ = error_of(lambda: self.org.list_accounts(NextToken="not-a-token"))
        self.assertEqual(code, "InvalidInputException")

    def test_ou_tree_walk_gives_every_account_once(self):
        root = self.org.list_roots()["Roots"][0]
        self.assertEqual(root["Name"], "Root")
        self.assertEqual(root["PolicyTypes"], [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}])
        paths = {}

        def walk(parent, path):
            for p in all_pages(self.org, "list_accounts_for_parent", ParentId=parent):
                for a in p["Accounts"]:
                    paths[a["Id"]] = path
            for p in all_pages(self.org, "list_organizational_units_for_parent", ParentId=parent):
                for ou in p["OrganizationalUnits"]:
                    walk(ou["Id"], path + "/" + ou["Name"])

        walk(root["Id"], "Root")
        self.assertEqual(len(paths), 21)
        self.assertEqual(paths[MGMT], "Root")
        self.assertEqual(paths["222200000005"], "Root/Workloads/Prod")
        self.assertEqual(paths["222200000012"], "Root/Workloads/Dev")
        self.assertEqual(paths["222200000001"], "Root/Security")
        self.assertEqual(paths["222200000019"], "Root/Suspended")

    def test_list_parents_up_to_root(self):
        ou = self.org.list_parents(ChildId="222200000007")["Parents"][0]
        self.assertEqual(ou["Type"], "ORGANIZATIONAL_UNIT")
        up = self.org.list_parents(ChildId=ou["Id"])["Parents"][0]
        self.assertEqual(up["Type"], "ORGANIZATIONAL_UNIT")
        top = self.org.list_parents(ChildId=up["Id"])["Parents"][0]
        self.assertEqual(top["Type"], "ROOT")
        code, _ = error_of(lambda: self.org.list_parents(ChildId="999999999999"))
        self.assertEqual(code, "ChildNotFoundException")
        code, _ = error_of(lambda: self.org.list_accounts_for_parent(ParentId="ou-a1b2-nothere0"))
        self.assertEqual(code, "ParentNotFoundException")

    def test_scps_policies_targets_and_content(self):
        pols = [p for page in all_pages(self.org, "list_policies", Filter="SERVICE_CONTROL_POLICY") for p in page["Policies"]]
        names = {p["Name"]: p for p in pols}
        self.assertEqual(set(names), {"FullAWSAccess", "DenyLeaveOrganization", "ProtectCloudTrail", "DenyAllUnattached"})
        self.assertTrue(names["FullAWSAccess"]["AwsManaged"])
        self.assertFalse(names["ProtectCloudTrail"]["AwsManaged"])
        targets = self.org.list_targets_for_policy(PolicyId=names["ProtectCloudTrail"]["Id"])["Targets"]
        self.assertEqual([(t["Name"], t["Type"]) for t in targets], [("Workloads", "ORGANIZATIONAL_UNIT")])
        self.assertEqual(self.org.list_targets_for_policy(PolicyId=names["DenyAllUnattached"]["Id"])["Targets"], [])
        doc = json.loads(self.org.describe_policy(PolicyId=names["DenyLeaveOrganization"]["Id"])["Policy"]["Content"])
        self.assertEqual(doc["Statement"][0]["Action"], "organizations:LeaveOrganization")
        code, _ = error_of(lambda: self.org.describe_policy(PolicyId="p-nothere1"))
        self.assertEqual(code, "PolicyNotFoundException")
        on_root = self.org.list_policies_for_target(TargetId="r-a1b2", Filter="SERVICE_CONTROL_POLICY")["Policies"]
        self.assertEqual({p["Name"] for p in on_root}, {"FullAWSAccess", "DenyLeaveOrganization"})

    def test_delegated_administrators(self):
        admins = self.org.list_delegated_administrators()["DelegatedAdministrators"]
        self.assertEqual([a["Id"] for a in admins], ["222200000001"])
        self.assertEqual(self.org.list_delegated_administrators(ServicePrincipal="config.amazonaws.com")
                         ["DelegatedAdministrators"], [])
        services = self.org.list_delegated_services_for_account(AccountId="222200000001")["DelegatedServices"]
        self.assertEqual({s["ServicePrincipal"] for s in services}, {"guardduty.amazonaws.com", "securityhub.amazonaws.com"})
        code, _ = error_of(lambda: self.org.list_delegated_services_for_account(AccountId="222200000002"))
        self.assertEqual(code, "AccountNotRegisteredException")


class WhoMayRead(unittest.TestCase):
    def test_delegated_administrator_lists_accounts(self):
        accounts = [a for p in all_pages(client("organizations", SEC_ADMIN), "list_accounts") for a in p["Accounts"]]
        self.assertEqual(len(accounts), 21)

    def test_plain_member_is_denied_but_may_describe(self):
        org = client("organizations", LOG_READER)
        self.assertEqual(org.describe_organization()["Organization"]["MasterAccountId"], MGMT)
        for call in (org.list_accounts, org.list_roots, org.list_delegated_administrators):
            code, msg = error_of(call)
            self.assertEqual(code, "AccessDeniedException", call)
            self.assertIn("permissions", msg)

    def test_account_outside_any_organization(self):
        org = client("organizations", OUTSIDER)
        for call in (org.describe_organization, org.list_accounts):
            code, msg = error_of(call)
            self.assertEqual((code, msg), ("AWSOrganizationsNotInUseException",
                                           "Your account is not a member of an organization."))


class AssumeRoleIntoMembers(unittest.TestCase):
    def assume(self, account, external_id=EXTERNAL_ID, role="CloudPeekAudit", key=ORG_ADMIN):
        kw = {"RoleArn": f"arn:aws:iam::{account}:role/{role}", "RoleSessionName": "CloudPeek"}
        if external_id:
            kw["ExternalId"] = external_id
        return client("sts", key).assume_role(**kw)

    def test_member_credentials_act_as_the_member(self):
        c = self.assume("222200000007")["Credentials"]
        token_key = (c["AccessKeyId"], c["SecretAccessKey"])
        who = client("sts", token_key, token=c["SessionToken"]).get_caller_identity()
        self.assertEqual(who["Account"], "222200000007")
        self.assertEqual(who["Arn"], "arn:aws:sts::222200000007:assumed-role/CloudPeekAudit/CloudPeek")
        buckets = client("s3", token_key, token=c["SessionToken"]).list_buckets()["Buckets"]
        self.assertEqual([b["Name"] for b in buckets], ["prod-api-logs-222200000007"])

    def test_delegated_admin_may_assume_too(self):
        c = self.assume("222200000005", key=SEC_ADMIN)["Credentials"]
        self.assertTrue(c["AccessKeyId"].startswith("ASIA"))

    def test_missing_role_wrong_or_absent_external_id_are_access_denied(self):
        for account, ext in (("222200000016", EXTERNAL_ID),   # no role there
                             ("222200000012", EXTERNAL_ID),   # the role wants another ExternalId
                             ("222200000007", None),          # ExternalId required
                             ("222200000007", "wrong")):
            code, msg = error_of(lambda: self.assume(account, ext))
            self.assertEqual(code, "AccessDenied", (account, ext))
            self.assertEqual(msg, "User: arn:aws:iam::111111111111:user/org-admin is not authorized to perform: "
                                  f"sts:AssumeRole on resource: arn:aws:iam::{account}:role/CloudPeekAudit")

    def test_plain_member_not_trusted(self):
        code, _ = error_of(lambda: self.assume("222200000007", key=LOG_READER))
        self.assertEqual(code, "AccessDenied")


if __name__ == "__main__":
    unittest.main()
