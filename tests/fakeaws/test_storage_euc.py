"""The insecure scenario's storage, backup and end-user computing data as the
official AWS CLI and botocore read it: Amazon FSx (json protocol, NextToken
paginator), S3 Glacier (rest-json with the accountId "-" URI label, marker
paging, the access policy as a JSON text payload, ResourceNotFoundException
when a vault has no policy or lock), Data Lifecycle Manager (rest-json, no
paginator), Elastic Disaster Recovery (rest-json POST with nextToken paging;
UninitializedAccountException in a region never initialized), Storage
Gateway (json protocol, Marker paging, file shares described ten at a time),
WorkSpaces and AppStream 2.0 (json protocol, signing name "appstream" on the
appstream2 endpoint). A denied call answers as AWS does."""

import json
import unittest

from botocore.exceptions import ClientError

import insecure_scenario
from insecure_scenario import aws_cli, client, setUpModule, tearDownModule  # noqa: F401 (module fixtures)

OTHER = "999988887777"


def paged(c, op, key, **kw):
    out = []
    for page in c.get_paginator(op).paginate(**kw):
        out += page.get(key, [])
    return out


class StorageEucScenarioTest(unittest.TestCase):
    def tearDown(self):
        insecure_scenario.SERVER.faults({})

    def test_fsx(self):
        fss = paged(client("fsx"), "describe_file_systems", "FileSystems")
        self.assertEqual(len(fss), 9)
        by_type = {}
        for f in fss:
            by_type.setdefault(f["FileSystemType"], []).append(f)
        self.assertEqual(sorted(by_type), ["LUSTRE", "ONTAP", "OPENZFS", "WINDOWS"])
        self.assertEqual([f["OwnerId"] for f in fss].count(OTHER), 1)
        win = next(f for f in by_type["WINDOWS"] if f["FileSystemId"] == "fs-0f5e00000000a0001")
        self.assertEqual(win["WindowsConfiguration"]["AuditLogConfiguration"]["FileShareAccessAuditLogLevel"], "FAILURE_ONLY")
        scratch = next(f for f in by_type["LUSTRE"] if f["LustreConfiguration"]["DeploymentType"] == "SCRATCH_2")
        self.assertNotIn("KmsKeyId", scratch)
        self.assertNotIn("AutomaticBackupRetentionDays", scratch["LustreConfiguration"])
        zfs = {f["FileSystemId"]: f["OpenZFSConfiguration"] for f in by_type["OPENZFS"]}
        self.assertFalse(zfs["fs-0f5e00000000a0006"]["CopyTagsToVolumes"])
        self.assertEqual(sorted(f["OntapConfiguration"]["DeploymentType"] for f in by_type["ONTAP"]), ["MULTI_AZ_1", "SINGLE_AZ_1"])
        cli = aws_cli(self, "fsx", "describe-file-systems")["FileSystems"]
        self.assertEqual(len(cli), 9)

    def test_glacier(self):
        g = client("glacier")
        vaults = paged(g, "list_vaults", "VaultList", accountId="-")
        self.assertEqual([v["VaultName"] for v in vaults], ["records-public", "records-locked", "media-archive"])
        self.assertIsNotNone(g.list_vaults(accountId="-").get("Marker"))  # page size 2: a second page
        policy = json.loads(g.get_vault_access_policy(accountId="-", vaultName="records-public")["policy"]["Policy"])
        self.assertEqual(policy["Statement"][0]["Principal"], "*")
        with self.assertRaises(ClientError) as e:
            g.get_vault_access_policy(accountId="-", vaultName="media-archive")
        self.assertEqual(e.exception.response["Error"]["Code"], "ResourceNotFoundException")
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 404)
        self.assertEqual(g.get_vault_lock(accountId="-", vaultName="records-locked")["State"], "Locked")
        self.assertEqual(g.get_vault_lock(accountId="-", vaultName="media-archive")["State"], "InProgress")
        with self.assertRaises(ClientError) as e:
            g.get_vault_lock(accountId="-", vaultName="records-public")
        self.assertEqual(e.exception.response["Error"]["Code"], "ResourceNotFoundException")
        # A region the scenario says nothing about lists no vault.
        self.assertEqual(client("glacier", "us-west-2").list_vaults(accountId="-")["VaultList"], [])
        self.assertEqual(len(aws_cli(self, "glacier", "list-vaults", "--account-id", "-")["VaultList"]), 3)

    def test_dlm(self):
        d = client("dlm")
        pols = {p["PolicyId"]: p for p in d.get_lifecycle_policies()["Policies"]}
        self.assertEqual(len(pols), 3)
        self.assertEqual(pols["policy-0d1e00000000a0003"]["PolicyType"], "IMAGE_MANAGEMENT")
        details = d.get_lifecycle_policy(PolicyId="policy-0d1e00000000a0002")["Policy"]["PolicyDetails"]
        self.assertFalse(details["Schedules"][0]["CrossRegionCopyRules"][0]["Encrypted"])
        with self.assertRaises(ClientError) as e:
            d.get_lifecycle_policy(PolicyId="policy-nope")
        self.assertEqual(e.exception.response["Error"]["Code"], "ResourceNotFoundException")
        self.assertEqual([p["State"] for p in client("dlm", "eu-west-1").get_lifecycle_policies()["Policies"]], ["DISABLED"])
        self.assertEqual(client("dlm", "us-west-2").get_lifecycle_policies().get("Policies", []), [])

    def test_drs(self):
        servers = paged(client("drs"), "describe_source_servers", "items")
        self.assertEqual(len(servers), 4)
        states = {s["sourceServerID"]: s["dataReplicationInfo"]["dataReplicationState"] for s in servers}
        self.assertEqual(states["s-0d55000000000a002"], "STALLED")
        self.assertEqual(sum(OTHER in s["arn"] for s in servers), 1)
        with self.assertRaises(ClientError) as e:
            client("drs", "eu-west-1").describe_source_servers()
        self.assertEqual(e.exception.response["Error"]["Code"], "UninitializedAccountException")
        self.assertEqual(client("drs", "us-west-2").describe_source_servers()["items"], [])

    def test_storage_gateway(self):
        sg = client("storagegateway")
        gws = paged(sg, "list_gateways", "Gateways")
        self.assertEqual([g["GatewayName"] for g in gws], ["office-files", "lab-files"])
        info = {g["GatewayName"]: sg.describe_gateway_information(GatewayARN=g["GatewayARN"]) for g in gws}
        self.assertIn("CloudWatchLogGroupARN", info["office-files"])
        self.assertNotIn("CloudWatchLogGroupARN", info["lab-files"])
        shares = paged(sg, "list_file_shares", "FileShareInfoList")
        self.assertEqual(sorted(s["FileShareType"] for s in shares), ["NFS", "NFS", "SMB", "SMB"])
        nfs = sg.describe_nfs_file_shares(FileShareARNList=[s["FileShareARN"] for s in shares if s["FileShareType"] == "NFS"])
        self.assertEqual(sorted(s["Squash"] for s in nfs["NFSFileShareInfoList"]), ["NoSquash", "RootSquash"])
        smb = sg.describe_smb_file_shares(FileShareARNList=[s["FileShareARN"] for s in shares if s["FileShareType"] == "SMB"])
        guest = next(s for s in smb["SMBFileShareInfoList"] if s["Authentication"] == "GuestAccess")
        self.assertNotIn("EncryptionType", guest)  # an older gateway's answer: KMSEncrypted only
        self.assertFalse(guest["KMSEncrypted"])
        strategies = {g["GatewayName"]: sg.describe_smb_settings(GatewayARN=g["GatewayARN"])["SMBSecurityStrategy"] for g in gws}
        self.assertEqual(strategies, {"office-files": "MandatoryEncryption", "lab-files": "ClientSpecified"})

    def test_workspaces_and_appstream(self):
        wss = paged(client("workspaces"), "describe_workspaces", "Workspaces")
        self.assertEqual([w["WorkspaceId"] for w in wss], ["ws-0a1b2c3d4", "ws-1b2c3d4e5", "ws-2c3d4e5f6"])
        self.assertNotIn("UserVolumeEncryptionEnabled", wss[1])
        fleets = {f["Name"]: f for f in paged(client("appstream"), "describe_fleets", "Fleets")}
        self.assertEqual(sorted(fleets), ["open-fleet", "secure-fleet"])
        self.assertTrue(fleets["open-fleet"]["EnableDefaultInternetAccess"])
        self.assertEqual(fleets["open-fleet"]["IdleDisconnectTimeoutInSeconds"], 0)
        elastic = client("appstream", "eu-west-1").describe_fleets()["Fleets"][0]
        self.assertNotIn("IdleDisconnectTimeoutInSeconds", elastic)
        self.assertEqual(len(aws_cli(self, "appstream", "describe-fleets")["Fleets"]), 2)

    def test_denied_calls_answer_as_aws(self):
        insecure_scenario.SERVER.faults({"deny": ["glacier:GetVaultAccessPolicy", "storagegateway:DescribeSMBSettings",
                                                  "drs:DescribeSourceServers"]})
        with self.assertRaises(ClientError) as e:
            client("glacier").get_vault_access_policy(accountId="-", vaultName="records-public")
        self.assertEqual(e.exception.response["Error"]["Code"], "AccessDeniedException")
        self.assertIn("glacier:GetVaultAccessPolicy", e.exception.response["Error"]["Message"])
        with self.assertRaises(ClientError) as e:
            client("storagegateway").describe_smb_settings(GatewayARN="arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-1A2B3C4D")
        self.assertEqual(e.exception.response["Error"]["Code"], "AccessDeniedException")
        with self.assertRaises(ClientError) as e:
            client("drs").describe_source_servers()
        self.assertEqual(e.exception.response["Error"]["Code"], "AccessDeniedException")
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 403)


if __name__ == "__main__":
    unittest.main()
