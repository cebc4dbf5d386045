"""Members AWS added after Debian's botocore 1.29 (aws/services/model_overlay.json):
fakeaws serves them by shape, as AWS does — a query/XML answer (ElastiCache)
carries only what its model lists, so without the overlay ReplicationGroup's
Engine never reached the wire. Read back by botocore with the same overlay (the
newer model), since Debian's botocore drops what its model lacks."""

import copy
import os
import sys
import unittest

import botocore.session

import insecure_scenario
from insecure_scenario import AUDITOR, setUpModule, tearDownModule  # noqa: F401 (module fixtures)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "aws", "services"))
import model_overlay  # noqa: E402

ACCOUNT = "111122223333"


def newer_client(service, region="us-east-1"):
    """A botocore client whose models carry the overlay (what a current botocore knows)."""
    s = botocore.session.Session()
    s.set_config_variable("credentials_file", "/dev/null")
    s.set_config_variable("config_file", "/dev/null")
    # The session's loader caches the model it hands the client creator: overlay that dict.
    model_overlay.apply(service, s.get_component("data_loader").load_service_model(service, "service-2"))
    return s.create_client(service, region_name=region, endpoint_url=insecure_scenario.SERVER.url,
                           aws_access_key_id=AUDITOR[0], aws_secret_access_key=AUDITOR[1])


class OverlayFileTest(unittest.TestCase):
    def test_every_entry_is_new_to_debians_botocore_and_resolves(self):
        session = botocore.session.get_session()
        overlay = model_overlay.load()
        for service, entries in overlay.items():
            data = copy.deepcopy(session.get_service_data(service))
            added = model_overlay.apply(service, data, overlay)
            self.assertEqual(added, [f"{e['shape']}.{e['member']}" for e in entries], service)
            for e in entries:
                self.assertIn(e["ref"]["shape"], data["shapes"])
                self.assertTrue(e["source"].startswith("https://docs.aws.amazon.com/"), e["source"])
            # Applying again changes nothing: a member the model has is kept as it is.
            self.assertEqual(model_overlay.apply(service, data, overlay), [])

    def test_a_shape_the_model_lacks_is_an_error(self):
        data = {"shapes": {"S": {"type": "string"}}}
        with self.assertRaises(ValueError):
            model_overlay.apply("x", data, {"x": [{"shape": "Gone", "member": "m", "ref": {"shape": "S"}}]})
        data = {"shapes": {"T": {"type": "structure", "members": {}}}}
        with self.assertRaises(ValueError):
            model_overlay.apply("x", data, {"x": [{"shape": "T", "member": "m", "ref": {"shape": "Typo"}}]})


class OverlayServedTest(unittest.TestCase):
    def test_inspector2_lambda_code(self):
        by_region = {}
        for region in ("us-east-1", "eu-west-1", "us-west-2"):
            out = newer_client("inspector2", region).batch_get_account_status(accountIds=[ACCOUNT])
            own = next(a for a in out["accounts"] if a["accountId"] == ACCOUNT)
            by_region[region] = own["resourceState"]["lambdaCode"]["status"]
        self.assertEqual(by_region, {"us-east-1": "ENABLED", "eu-west-1": "DISABLED", "us-west-2": "DISABLED"})

    def test_elasticache_replication_group_engine(self):
        groups = newer_client("elasticache").describe_replication_groups()["ReplicationGroups"]
        self.assertEqual({g["ReplicationGroupId"]: g["Engine"] for g in groups}, {"sessions": "redis", "orders": "redis"})

    def test_storage_gateway_encryption_type(self):
        sg = newer_client("storagegateway")
        shares = []
        for p in sg.get_paginator("list_file_shares").paginate():  # the scenario pages listings
            shares += p["FileShareInfoList"]
        of_type = lambda t: [s["FileShareARN"] for s in shares if s["FileShareType"] == t]  # noqa: E731
        nfs = sg.describe_nfs_file_shares(FileShareARNList=of_type("NFS"))
        smb = sg.describe_smb_file_shares(FileShareARNList=of_type("SMB"))
        types = sorted(s.get("EncryptionType", "-") for s in nfs["NFSFileShareInfoList"] + smb["SMBFileShareInfoList"])
        # One SMB share answers as an older gateway does: KMSEncrypted only.
        self.assertEqual(types, ["-", "SseKms", "SseKms", "SseS3"])

    def test_dlm_default_policy(self):
        policies = newer_client("dlm").get_lifecycle_policies()["Policies"]
        self.assertEqual(len(policies), 3)
        self.assertEqual({p["DefaultPolicy"] for p in policies}, {False})


if __name__ == "__main__":
    unittest.main()
