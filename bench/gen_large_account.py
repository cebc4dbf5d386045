#!/usr/bin/python3
"""Generates a large fakeaws account for the scan benchmark (bench/run-scan-bench).

  /usr/bin/python3 bench/gen_large_account.py OUT_DIR [--scale 1.0] [--seed 1] [--foreign N]

Writes a scenario directory (00-account.json, one file per service) for
account 111122223333 with the 17 commercial regions that need no opt-in
(plus a few not-opted-in ones the scan must skip) and about 25,000 resources
at --scale 1 spread like a real account: most in us-east-1, then us-west-2
and eu-west-1, a thin layer everywhere else (default VPC, EBS default
encryption, GuardDuty, Config ...). It answers the calls the registered
collectors make (collect/*.cc); per-resource calls (S3 bucket settings,
snapshot attributes, KMS key details, Lambda policies, ...) answer per
resource through `cases`. A few listings have no resources and answer empty,
as fakeaws does for what a scenario leaves out: EC2 subnets, launch templates,
NAT/transit gateways and VPN, Aurora clusters, DMS tasks, WAF Regional, WAFv2
rule groups, Network Firewall rule groups, Transfer connectors, Shield. Page sizes are AWS's (DescribeInstances 1000,
IAM 100, Lambda 50, ...), so listings page as they do against AWS.

Also writes OUT_DIR/bench-meta.json: the resource counts and the longest
chain of dependent calls (pages of a listing, then its per-resource calls),
which bench/run-scan-bench uses for the lower bound.
Standard library only.
"""

import argparse
import json
import os
import random

ACCOUNT = "111122223333"
FOREIGN_ACCOUNT = "999988887777"  # owns the snapshots of --foreign
P = "aws"

# The commercial regions that need no opt-in (17), and a few that do.
REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2",
           "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2",
           "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "sa-east-1"]
NOT_OPTED_IN = ["af-south-1", "ap-east-1", "me-south-1", "eu-south-1", "ap-south-2", "ap-southeast-3",
                "eu-central-2", "me-central-1"]
# Share of the regional resources per region: a busy home region, two
# secondary ones, the rest thin.
WEIGHT = {}
OPTED_IN = []  # enabled by the account (set_regions)


def set_regions(n):
    """The first n regions enabled (17 need no opt-in; up to 25 with opted-in ones, as in
    an account that enabled them), the rest of NOT_OPTED_IN not enabled."""
    extra = max(0, min(n, len(REGIONS) + len(NOT_OPTED_IN)) - len(REGIONS))
    OPTED_IN.extend(NOT_OPTED_IN[:extra])
    REGIONS.extend(NOT_OPTED_IN[:extra])
    del NOT_OPTED_IN[:extra]
    WEIGHT.clear()
    WEIGHT.update({"us-east-1": 0.30, "us-west-2": 0.15, "eu-west-1": 0.15})
    for r in REGIONS:
        WEIGHT.setdefault(r, (1.0 - 0.60) / (len(REGIONS) - 3))


set_regions(len(REGIONS))

# Totals at scale 1.
TOTALS = {
    "instances": 2500, "security_groups": 1800, "volumes": 3000, "snapshots": 2000, "enis_extra": 100,
    "eips": 200, "images": 300, "buckets": 500, "users": 300, "roles": 800, "groups": 40, "policies": 400,
    "functions": 1200, "kms_keys": 400, "alarms": 1000, "log_groups": 1500, "metric_filters": 60,
    "topics": 300, "queues": 300, "db_instances": 150, "db_snapshots": 300, "tables": 200, "secrets": 300,
    "certificates": 60, "file_systems": 60, "repositories": 120, "clusters": 20, "elbs": 40, "albs": 120,
    "distributions": 30,
    "asg_groups": 200, "launch_configs": 100, "stacks": 300, "build_projects": 80, "streams": 60,
    "delivery_streams": 40, "state_machines": 100,
    "managed_nodes": 600, "ssm_documents": 40, "ssm_parameters": 800, "backup_vaults": 40, "glue_jobs": 100,
    "hosted_zones": 50, "domains": 10,
    # Services of issue 12 §1 (a few per region, most in the busy ones; none where AWS does not offer one).
    "job_definitions": 60, "beanstalk_envs": 40, "emr_clusters": 40, "emr_security_configs": 20,
    "apprunner_services": 30, "lightsail_instances": 60, "lightsail_databases": 15, "pipelines": 60,
    "codeartifact_repos": 40, "fsx_file_systems": 40, "glacier_vaults": 50, "dlm_policies": 40, "drs_servers": 30,
    "gateways": 20, "file_shares": 70, "workspaces": 120, "appstream_fleets": 20, "ses_identities": 40,
    "ses_config_sets": 20, "notebooks": 30, "endpoint_configs": 40, "models": 60, "training_jobs": 100,
    "workloads": 20, "layers": 80, "access_points": 50,
    "rest_apis": 60, "http_apis": 40, "ecs_clusters": 40, "ecs_services": 160, "task_families": 120,
    "replication_groups": 40, "cache_clusters": 30, "identity_pools": 30, "directories": 15,
}

# AWS's page sizes (the most a page holds without MaxResults / MaxItems).
PAGE = {"DescribeInstances": 1000, "DescribeSecurityGroups": 1000, "DescribeVolumes": 500,
        "DescribeSnapshots": 1000, "DescribeNetworkInterfaces": 1000, "DescribeImages": 1000,
        "GetAccountAuthorizationDetails": 100, "ListFunctions": 50, "ListKeys": 100, "ListAliases": 50,
        "DescribeAlarms": 100, "DescribeLogGroups": 50, "DescribeMetricFilters": 50, "ListTopics": 100,
        "ListQueues": 1000, "DescribeDBInstances": 100, "DescribeDBSnapshots": 100, "ListTables": 100,
        "ListSecrets": 100, "ListCertificates": 1000, "DescribeFileSystems": 100, "DescribeRepositories": 100,
        "ListClusters": 100, "DescribeLoadBalancers": 400, "ListDistributions": 100, "ListVirtualMFADevices": 100,
        "ListSubscriptionsByTopic": 100, "DescribeFlowLogs": 1000, "DescribeAutoScalingGroups": 50,
        "DescribeLaunchConfigurations": 50, "DescribeInstanceInformation": 50, "ListResourceComplianceSummaries": 50,
        "ListDocuments": 50, "DescribeParameters": 50, "ListBackupVaults": 1000, "GetJobs": 1000,
        "ListHostedZones": 100,
        "DescribeJobDefinitions": 100, "emr:ListClusters": 50, "ListVaults": 10, "DescribeWorkspaces": 25,
        "sagemaker:list": 10, "ListLayers": 50, "DescribeEventSubscriptions": 100,
        # DescribeEnvironments without MaxRecords returns every environment at once.
        "DescribeEnvironments": 1000,
        "GetRestApis": 500, "ecs:ListClusters": 100, "ecs:ListTaskDefinitionFamilies": 100, "elasticache:list": 100}

rng = random.Random(1)


def split(total, scale):
    """Per-region counts of a regional total."""
    n = max(1, int(round(total * scale)))
    out = {r: int(n * WEIGHT[r]) for r in REGIONS}
    out["us-east-1"] += n - sum(out.values())
    return out


def hexid(n=17):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def tags(name):
    return [{"Key": "Name", "Value": name}, {"Key": "team", "Value": rng.choice(["web", "data", "ml", "ops"])}]


def pages(n, size):
    """Pages a listing of n items takes (one when empty)."""
    return -(-max(1, n) // size)


def _endpoint_regions():
    """The regions botocore's endpoint data (Debian's python3-botocore) lists each endpoint prefix in."""
    try:
        with open("/usr/lib/python3/dist-packages/botocore/data/endpoints.json") as f:
            data = json.load(f)
    except OSError:
        return None
    aws = next(p for p in data["partitions"] if p["partition"] == "aws")
    return {prefix: set(s.get("endpoints", {})) for prefix, s in aws["services"].items()}


ENDPOINT_REGIONS = _endpoint_regions()


def offered(prefix, region):
    """Whether AWS offers the service (its endpoint prefix) in the region: a service in a dozen regions has
    its resources there only. Without the endpoint data, everywhere."""
    return ENDPOINT_REGIONS is None or prefix not in ENDPOINT_REGIONS or region in ENDPOINT_REGIONS[prefix]


def out(value, op=None):
    e = {"output": value}
    if op in PAGE:
        e["page_size"] = PAGE[op]
    return e


def cases(key, items, default=None):
    """Per-resource answers: [(id, output)] → a cases entry keyed by the request member `key`."""
    e = {"cases": [{"input": {key: k}, "output": v} for k, v in items]}
    if default is not None:
        e["default"] = default
    return e


class Gen:
    def __init__(self, scale, foreign=0):
        self.scale = scale
        self.foreign = foreign  # other accounts' snapshots per region, served whatever OwnerIds says
        self.foreign_ids = []
        self.services = {}
        self.counts = {}
        self.chains = {}  # what → dependent calls in sequence
        self.vpcs = {}  # region → the generated VPC ids (Route 53 Resolver associates with them)
        self.kms_keys = {}  # region → ARNs of the generated customer managed KMS keys

    def put(self, service, region, op, entry):
        self.services.setdefault(service, {}).setdefault(region, {})[op] = entry

    def key(self, region):
        """One of the region's customer managed KMS keys (ARN), as the account's resources name them."""
        keys = self.kms_keys.get(region)
        return rng.choice(keys) if keys else f"arn:{P}:kms:{region}:{ACCOUNT}:key/{hexid(8)}-{hexid(4)}-{hexid(4)}-{hexid(4)}-{hexid(12)}"

    def count(self, what, n):
        self.counts[what] = self.counts.get(what, 0) + n

    def chain(self, what, pages, then=0):
        self.chains[what] = max(self.chains.get(what, 0), pages + then)

    # ------------------------------------------------------------------ EC2
    def ec2(self):
        inst_n, sg_n = split(TOTALS["instances"], self.scale), split(TOTALS["security_groups"], self.scale)
        vol_n, snap_n = split(TOTALS["volumes"], self.scale), split(TOTALS["snapshots"], self.scale)
        eip_n, img_n = split(TOTALS["eips"], self.scale), split(TOTALS["images"], self.scale)
        for region in REGIONS:
            vpcs = [f"vpc-{hexid()}" for _ in range(3 if WEIGHT[region] > 0.1 else 1)]
            self.vpcs[region] = vpcs
            sgs = []
            for i in range(max(len(vpcs), sg_n[region])):
                vpc = vpcs[i % len(vpcs)]
                default = i < len(vpcs)
                open_admin = rng.random() < 0.08
                perms = [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                          "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [], "UserIdGroupPairs": [],
                          "PrefixListIds": []}]
                if open_admin:
                    perms.append({"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
                                  "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
                                  "UserIdGroupPairs": [], "PrefixListIds": []})
                gid = f"sg-{hexid()}"
                sgs.append({"GroupId": gid, "GroupName": "default" if default else f"app-{i}",
                            "Description": "default VPC security group" if default else "app", "VpcId": vpc,
                            "OwnerId": ACCOUNT, "IpPermissions": [] if default else perms,
                            "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                                                     "Ipv6Ranges": [], "UserIdGroupPairs": [], "PrefixListIds": []}],
                            "Tags": [] if default else tags(f"app-{i}")})
            instances, enis, volumes = [], [], []
            for i in range(inst_n[region]):
                iid, sg = f"i-{hexid()}", rng.choice(sgs)
                public = rng.random() < 0.2
                eni = f"eni-{hexid()}"
                instances.append({
                    "InstanceId": iid, "ImageId": f"ami-{hexid()}", "InstanceType": rng.choice(["t3.micro", "m5.large", "c6i.xlarge"]),
                    "State": {"Code": 16, "Name": "running"}, "LaunchTime": "2026-03-01T10:00:00Z",
                    "VpcId": sg["VpcId"], "SubnetId": f"subnet-{hexid()}", "PrivateIpAddress": f"10.0.{i // 250}.{i % 250 + 1}",
                    **({"PublicIpAddress": f"203.0.{i // 250 % 250}.{i % 250 + 1}"} if public else {}),
                    "SecurityGroups": [{"GroupId": sg["GroupId"], "GroupName": sg["GroupName"]}],
                    "MetadataOptions": {"State": "applied", "HttpTokens": "required" if rng.random() < 0.6 else "optional",
                                        "HttpPutResponseHopLimit": 2, "HttpEndpoint": "enabled"},
                    **({"IamInstanceProfile": {"Arn": f"arn:{P}:iam::{ACCOUNT}:instance-profile/app", "Id": "AIPA" + hexid(16).upper()}}
                       if rng.random() < 0.7 else {}),
                    "NetworkInterfaces": [{"NetworkInterfaceId": eni}], "Tags": tags(f"web-{i}")})
                enis.append({"NetworkInterfaceId": eni, "InterfaceType": "interface", "Status": "in-use",
                             "VpcId": sg["VpcId"], "SubnetId": f"subnet-{hexid()}",
                             "Groups": [{"GroupId": sg["GroupId"], "GroupName": sg["GroupName"]}],
                             "Attachment": {"InstanceId": iid, "Status": "attached"},
                             **({"Association": {"PublicIp": instances[-1]["PublicIpAddress"]}} if public else {})})
                for k in range(1 if rng.random() < 0.8 else 2):
                    volumes.append({"VolumeId": f"vol-{hexid()}", "Size": 50, "VolumeType": "gp3", "State": "in-use",
                                    "Encrypted": rng.random() < 0.7, "AvailabilityZone": region + "a",
                                    "CreateTime": "2026-03-01T10:00:00Z",
                                    "Attachments": [{"InstanceId": iid, "VolumeId": "", "State": "attached", "Device": f"/dev/xvd{'ab'[k]}"}]})
            while len(volumes) < vol_n[region]:
                volumes.append({"VolumeId": f"vol-{hexid()}", "Size": 20, "VolumeType": "gp2", "State": "available",
                                "Encrypted": rng.random() < 0.5, "AvailabilityZone": region + "b",
                                "CreateTime": "2025-06-01T10:00:00Z", "Attachments": []})
            for v in volumes:
                for a in v["Attachments"]:
                    a["VolumeId"] = v["VolumeId"]
            for i in range(int(TOTALS["enis_extra"] * self.scale * WEIGHT[region])):
                sg = rng.choice(sgs)
                enis.append({"NetworkInterfaceId": f"eni-{hexid()}", "InterfaceType": "lambda", "Status": "in-use",
                             "VpcId": sg["VpcId"], "Groups": [{"GroupId": sg["GroupId"], "GroupName": sg["GroupName"]}]})
            snaps, public_snaps = [], []
            for i in range(snap_n[region]):
                sid = f"snap-{hexid()}"
                snaps.append({"SnapshotId": sid, "VolumeId": rng.choice(volumes)["VolumeId"], "State": "completed",
                              "StartTime": "2026-10-01T00:00:00Z", "Progress": "100%", "OwnerId": ACCOUNT,
                              "VolumeSize": 50, "Encrypted": rng.random() < 0.7, "Description": "daily backup",
                              "Tags": tags(f"backup-{i}")})
                if rng.random() < 0.02:  # restorable by "all": public
                    public_snaps.append(snaps[-1])
            # Like an emulator that ignores OwnerIds=self (issue 13): other accounts' public snapshots
            # and images come back in every listing; CloudPeek must neither report nor call on them.
            foreign = [{"SnapshotId": f"snap-{hexid()}", "VolumeId": f"vol-{hexid()}", "State": "completed",
                        "StartTime": "2026-10-01T00:00:00Z", "Progress": "100%", "OwnerId": FOREIGN_ACCOUNT,
                        "VolumeSize": 8, "Encrypted": False, "Description": "public dataset"}
                       for _ in range(self.foreign)]
            snaps += foreign
            public_snaps += foreign
            self.count("foreign", len(foreign))
            self.foreign_ids += [s["SnapshotId"] for s in foreign]
            images = [{"ImageId": f"ami-{hexid()}", "Name": f"golden-{i}", "State": "available", "OwnerId": ACCOUNT,
                       "Public": rng.random() < 0.03, "CreationDate": rng.choice(["2026-01-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z"]),
                       "ImageType": "machine", "Architecture": "x86_64", "RootDeviceType": "ebs",
                       "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {
                           "SnapshotId": rng.choice(snaps[:snap_n[region]] or [{"SnapshotId": f"snap-{hexid()}"}])["SnapshotId"],
                           "VolumeSize": 50, "VolumeType": "gp3", "DeleteOnTermination": True}}],
                       **({"DeprecationTime": "2025-06-01T00:00:00.000Z"} if rng.random() < 0.15 else {})}
                      for i in range(img_n[region])]
            # Most instances run one of the account's own images (the AMI age and deprecation checks judge those in use).
            for inst in instances:
                if images and rng.random() < 0.6:
                    inst["ImageId"] = rng.choice(images)["ImageId"]
            eips = []
            for i in range(eip_n[region]):
                assoc = rng.random() < 0.85 and instances
                inst = rng.choice(instances) if assoc else None
                eips.append({"AllocationId": f"eipalloc-{hexid()}", "PublicIp": f"198.51.{i // 250}.{i % 250 + 1}",
                             "Domain": "vpc", **({"AssociationId": f"eipassoc-{hexid()}", "InstanceId": inst["InstanceId"],
                                                  "NetworkInterfaceId": inst["NetworkInterfaces"][0]["NetworkInterfaceId"]}
                                                 if inst else {})})
            vpc_list, nacls, rtbs, igws, flow = [], [], [], [], []
            for k, vpc in enumerate(vpcs):
                vpc_list.append({"VpcId": vpc, "CidrBlock": f"10.{k}.0.0/16", "IsDefault": k == 0, "State": "available",
                                 "OwnerId": ACCOUNT, "Tags": [] if k == 0 else tags(f"vpc-{k}")})
                entries = [{"RuleNumber": 100, "Protocol": "-1", "RuleAction": "allow", "Egress": eg,
                            "CidrBlock": "0.0.0.0/0"} for eg in (False, True)] + \
                          [{"RuleNumber": 32767, "Protocol": "-1", "RuleAction": "deny", "Egress": eg,
                            "CidrBlock": "0.0.0.0/0"} for eg in (False, True)]
                nacls.append({"NetworkAclId": f"acl-{hexid()}", "VpcId": vpc, "IsDefault": True, "Entries": entries,
                              "Associations": [{"SubnetId": f"subnet-{hexid()}"}], "OwnerId": ACCOUNT})
                igw = f"igw-{hexid()}"
                igws.append({"InternetGatewayId": igw, "Attachments": [{"VpcId": vpc, "State": "available"}], "OwnerId": ACCOUNT})
                for main in (True, False):
                    rtbs.append({"RouteTableId": f"rtb-{hexid()}", "VpcId": vpc, "OwnerId": ACCOUNT,
                                 "Routes": [{"DestinationCidrBlock": f"10.{k}.0.0/16", "GatewayId": "local", "State": "active"}]
                                 + ([] if main else [{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": igw, "State": "active"}]),
                                 "Associations": [{"Main": main, "RouteTableId": "", **({} if main else {"SubnetId": f"subnet-{hexid()}"})}]})
                if k > 0 or region == "us-east-1":
                    flow.append({"FlowLogId": f"fl-{hexid()}", "ResourceId": vpc, "FlowLogStatus": "ACTIVE",
                                 "TrafficType": "ALL", "LogDestinationType": "cloud-watch-logs"})
            r = region
            self.put("ec2", r, "DescribeInstances", out({"Reservations": [{"ReservationId": f"r-{hexid()}", "OwnerId": ACCOUNT,
                                                                          "Instances": [i]} for i in instances]}, "DescribeInstances"))
            self.put("ec2", r, "DescribeSecurityGroups", out({"SecurityGroups": sgs}, "DescribeSecurityGroups"))
            self.put("ec2", r, "DescribeNetworkInterfaces", out({"NetworkInterfaces": enis}, "DescribeNetworkInterfaces"))
            self.put("ec2", r, "DescribeNetworkAcls", out({"NetworkAcls": nacls}))
            self.put("ec2", r, "DescribeVpcs", out({"Vpcs": vpc_list}))
            self.put("ec2", r, "DescribeFlowLogs", out({"FlowLogs": flow}, "DescribeFlowLogs"))
            self.put("ec2", r, "DescribeRouteTables", out({"RouteTables": rtbs}))
            self.put("ec2", r, "DescribeVpcPeeringConnections", out({"VpcPeeringConnections": []}))
            self.put("ec2", r, "DescribeVolumes", out({"Volumes": volumes}, "DescribeVolumes"))
            # The public ones answer DescribeSnapshots with RestorableByUserIds=all (one listing, no call per snapshot).
            public_listing = dict(out({"Snapshots": public_snaps}, "DescribeSnapshots"), input={"RestorableByUserIds": ["all"]})
            self.put("ec2", r, "DescribeSnapshots", {"cases": [public_listing],
                                                     "default": out({"Snapshots": snaps}, "DescribeSnapshots")})
            # Per own snapshot, whom it is shared with (no bulk form: one call each, as the snapshot-share check needs);
            # the public ones with "all", a few with another account.
            public_set = {s["SnapshotId"] for s in public_snaps}
            shares = [(s["SnapshotId"], {"SnapshotId": s["SnapshotId"], "CreateVolumePermissions": [{"Group": "all"}]})
                      for s in snaps if s["SnapshotId"] in public_set]
            shares += [(s["SnapshotId"], {"SnapshotId": s["SnapshotId"], "CreateVolumePermissions": [{"UserId": "444455556666"}]})
                       for s in snaps if s["SnapshotId"] not in public_set and rng.random() < 0.03]
            self.put("ec2", r, "DescribeSnapshotAttribute", cases("SnapshotId", shares,
                                                                  default={"output": {"CreateVolumePermissions": []}}))
            self.put("ec2", r, "GetEbsEncryptionByDefault", out({"EbsEncryptionByDefault": region == "us-east-1"}))
            self.put("ec2", r, "DescribeImages", out({"Images": images}, "DescribeImages"))
            self.put("ec2", r, "DescribeAddresses", out({"Addresses": eips}))
            self.put("ec2", r, "DescribeInternetGateways", out({"InternetGateways": igws}))
            n = len(instances) + len(sgs) + len(enis) + len(volumes) + len(snaps) - len(foreign) + len(images) + len(eips) \
                + len(vpc_list) + len(nacls) + len(rtbs) + len(igws) + 1
            self.count("ec2", n)
            # The public listing, then the own one (200 a page: the collector's MaxResults), then the share of each.
            self.chain(f"ec2 {r} snapshots", pages(len(public_snaps), 200) + pages(len(snaps), 200), then=1)

    # ------------------------------------------------------------------ S3
    def s3(self):
        n = max(1, int(TOTALS["buckets"] * self.scale))
        buckets, per = [], {op: [] for op in ("GetBucketLocation", "GetBucketAcl", "GetBucketVersioning", "GetBucketLogging",
                                               "GetBucketPolicy", "GetBucketPolicyStatus", "GetPublicAccessBlock",
                                               "GetBucketEncryption", "GetBucketOwnershipControls", "GetBucketTagging",
                                               "GetObjectLockConfiguration", "GetBucketReplication")}
        weights = [WEIGHT[r] for r in REGIONS]
        for i in range(n):
            name = f"acme-{rng.choice(['logs', 'data', 'assets', 'backup', 'web'])}-{i:04d}-{hexid(6)}"
            region = rng.choices(REGIONS, weights)[0]
            buckets.append({"Name": name, "CreationDate": "2024-02-01T00:00:00Z"})
            per["GetBucketLocation"].append((name, {"LocationConstraint": None if region == "us-east-1" else region}))
            public_read = rng.random() < 0.03
            per["GetBucketAcl"].append((name, {"Owner": {"ID": "c0ffee" * 10 + "abcd", "DisplayName": "acme"},
                                               "Grants": [{"Grantee": {"Type": "CanonicalUser", "ID": "c0ffee" * 10 + "abcd"},
                                                           "Permission": "FULL_CONTROL"}]
                                               + ([{"Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"},
                                                    "Permission": "READ"}] if public_read else [])}))
            per["GetBucketVersioning"].append((name, {"Status": "Enabled", "MFADelete": "Disabled"} if rng.random() < 0.6 else {}))
            per["GetBucketLogging"].append((name, {"LoggingEnabled": {"TargetBucket": buckets[0]["Name"], "TargetPrefix": name + "/"}}
                                            if rng.random() < 0.4 else {}))
            if rng.random() < 0.4:
                stmt = [{"Sid": "DenyHttp", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                         "Resource": [f"arn:{P}:s3:::{name}", f"arn:{P}:s3:::{name}/*"],
                         "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]
                if rng.random() < 0.1:
                    stmt.append({"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                                 "Resource": f"arn:{P}:s3:::{name}/*"})
                per["GetBucketPolicy"].append((name, {"Policy": json.dumps({"Version": "2012-10-17", "Statement": stmt})}))
                per["GetBucketPolicyStatus"].append((name, {"PolicyStatus": {"IsPublic": len(stmt) > 1}}))
            if rng.random() < 0.8:
                per["GetPublicAccessBlock"].append((name, {"PublicAccessBlockConfiguration": {
                    "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True}}))
            if rng.random() < 0.9:
                kms = rng.random() < 0.3
                per["GetBucketEncryption"].append((name, {"ServerSideEncryptionConfiguration": {"Rules": [{
                    "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms" if kms else "AES256",
                                                           **({"KMSMasterKeyID": f"arn:{P}:kms:{region}:{ACCOUNT}:key/{hexid(8)}"} if kms else {})},
                    "BucketKeyEnabled": kms}]}}))
            if rng.random() < 0.7:
                per["GetBucketOwnershipControls"].append((name, {"OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}}))
            if rng.random() < 0.5:
                per["GetBucketTagging"].append((name, {"TagSet": tags(name)}))
            if rng.random() < 0.1 and i > 0:
                # Replicates to another of the account's buckets (the check reads the destination's Region).
                dest = rng.choice(buckets[:-1])["Name"]
                per["GetBucketReplication"].append((name, {"ReplicationConfiguration": {
                    "Role": f"arn:{P}:iam::{ACCOUNT}:role/s3-replication", "Rules": [{
                        "ID": "to-dr", "Priority": 1, "Filter": {}, "Status": "Enabled",
                        "DeleteMarkerReplication": {"Status": "Disabled"},
                        "Destination": {"Bucket": f"arn:{P}:s3:::{dest}", "StorageClass": "STANDARD"}}]}}))
            if rng.random() < 0.05:
                per["GetObjectLockConfiguration"].append((name, {"ObjectLockConfiguration": {"ObjectLockEnabled": "Enabled"}}))
        self.put("s3", "*", "ListBuckets", out({"Buckets": buckets, "Owner": {"ID": "c0ffee" * 10 + "abcd", "DisplayName": "acme"}}))
        for op, items in per.items():
            # Buckets without an entry answer as AWS does when the setting is absent.
            self.put("s3", "*", op, cases("Bucket", items))
        self.put("s3control", "*", "GetPublicAccessBlock", out({"PublicAccessBlockConfiguration": {
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": False}}))
        self.count("s3", n + 1)
        self.chain("s3 buckets", 1, 2)  # ListBuckets → GetBucketLocation → the bucket's settings

    # ------------------------------------------------------------------ IAM
    def iam(self):
        s = self.scale
        now_policy = lambda doc: [{"Document": json.dumps(doc), "VersionId": "v1", "IsDefaultVersion": True,
                                   "CreateDate": "2025-01-01T00:00:00Z"}]
        groups = [{"Path": "/", "GroupName": f"group-{i}", "GroupId": "AGPA" + hexid(16).upper(),
                   "Arn": f"arn:{P}:iam::{ACCOUNT}:group/group-{i}", "CreateDate": "2023-01-01T00:00:00Z",
                   "GroupPolicyList": [], "AttachedManagedPolicies": [{"PolicyName": "ReadOnlyAccess",
                                                                       "PolicyArn": f"arn:{P}:iam::aws:policy/ReadOnlyAccess"}]}
                  for i in range(max(1, int(TOTALS["groups"] * s)))]
        policies = []
        for i in range(max(1, int(TOTALS["policies"] * s))):
            admin = rng.random() < 0.03
            doc = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*" if admin else
                                                           ["s3:GetObject", "s3:PutObject", "dynamodb:Query"],
                                                           "Resource": "*"}]}
            policies.append({"PolicyName": f"policy-{i}", "PolicyId": "ANPA" + hexid(16).upper(),
                             "Arn": f"arn:{P}:iam::{ACCOUNT}:policy/policy-{i}", "Path": "/", "DefaultVersionId": "v1",
                             "AttachmentCount": rng.randint(0, 3), "PermissionsBoundaryUsageCount": 0, "IsAttachable": True,
                             "CreateDate": "2024-01-01T00:00:00Z", "UpdateDate": "2024-01-01T00:00:00Z",
                             "PolicyVersionList": now_policy(doc)})
        users, report = [], ["user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
                             "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
                             "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
                             "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
                             "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
                             "cert_1_last_rotated,cert_2_active,cert_2_last_rotated",
                             f"<root_account>,arn:{P}:iam::{ACCOUNT}:root,2019-04-01T08:30:00+00:00,not_supported,"
                             "2026-11-01T09:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,"
                             "N/A,N/A,N/A,false,N/A,false,N/A"]
        for i in range(max(1, int(TOTALS["users"] * s))):
            name = f"user-{i:04d}"
            users.append({"Path": "/", "UserName": name, "UserId": "AIDA" + hexid(16).upper(),
                          "Arn": f"arn:{P}:iam::{ACCOUNT}:user/{name}", "CreateDate": "2024-03-01T00:00:00Z",
                          "UserPolicyList": [], "GroupList": [rng.choice(groups)["GroupName"]],
                          "AttachedManagedPolicies": [] if rng.random() < 0.9 else
                          [{"PolicyName": "AdministratorAccess", "PolicyArn": f"arn:{P}:iam::aws:policy/AdministratorAccess"}],
                          "Tags": []})
            console, mfa, key = rng.random() < 0.5, rng.random() < 0.7, rng.random() < 0.6
            report.append(f"{name},arn:{P}:iam::{ACCOUNT}:user/{name},2024-03-01T00:00:00+00:00,"
                          f"{str(console).lower()},{'2026-11-20T10:00:00+00:00' if console else 'N/A'},"
                          f"{'2026-01-01T00:00:00+00:00' if console else 'N/A'},N/A,{str(mfa).lower()},"
                          f"{str(key).lower()},{'2025-06-01T00:00:00+00:00' if key else 'N/A'},"
                          f"{'2026-11-24T10:00:00+00:00' if key else 'N/A'},{'us-east-1' if key else 'N/A'},"
                          f"{'s3' if key else 'N/A'},false,N/A,N/A,N/A,N/A,false,N/A,false,N/A")
        roles = []
        for i in range(max(1, int(TOTALS["roles"] * s))):
            svc = rng.choice(["lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com"])
            roles.append({"Path": "/", "RoleName": f"role-{i:04d}", "RoleId": "AROA" + hexid(16).upper(),
                          "Arn": f"arn:{P}:iam::{ACCOUNT}:role/role-{i:04d}", "CreateDate": "2024-01-01T00:00:00Z",
                          "AssumeRolePolicyDocument": json.dumps({"Version": "2012-10-17", "Statement": [
                              {"Effect": "Allow", "Principal": {"Service": svc}, "Action": "sts:AssumeRole"}]}),
                          "InstanceProfileList": [], "RolePolicyList": [],
                          "AttachedManagedPolicies": [{"PolicyName": p["PolicyName"], "PolicyArn": p["Arn"]}
                                                      for p in rng.sample(policies, 1)], "Tags": []})
        roles.append({"Path": "/", "RoleName": "support", "RoleId": "AROA" + hexid(16).upper(),
                      "Arn": f"arn:{P}:iam::{ACCOUNT}:role/support", "CreateDate": "2024-01-01T00:00:00Z",
                      "AssumeRolePolicyDocument": json.dumps({"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Principal": {"AWS": f"arn:{P}:iam::{ACCOUNT}:root"}, "Action": "sts:AssumeRole"}]}),
                      "InstanceProfileList": [], "RolePolicyList": [], "Tags": [],
                      "AttachedManagedPolicies": [{"PolicyName": "AWSSupportAccess",
                                                   "PolicyArn": f"arn:{P}:iam::aws:policy/AWSSupportAccess"}]})
        # The AWS managed policies attached in the account come in the same answer (no Filter: every kind).
        aws_managed = [{"PolicyName": n, "PolicyId": "ANPA" + hexid(16).upper(), "Arn": f"arn:{P}:iam::aws:policy/{n}", "Path": "/",
                        "DefaultVersionId": "v1", "AttachmentCount": 1, "PermissionsBoundaryUsageCount": 0, "IsAttachable": True,
                        "CreateDate": "2015-02-06T18:39:46Z", "UpdateDate": "2015-02-06T18:39:46Z",
                        "PolicyVersionList": now_policy({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": act,
                                                                                               "Resource": "*"}]})}
                       for n, act in (("AdministratorAccess", "*"), ("ReadOnlyAccess", ["s3:Get*", "ec2:Describe*", "iam:Get*"]),
                                      ("AWSSupportAccess", ["support:*"]))]
        detail = {"UserDetailList": users, "GroupDetailList": groups, "RoleDetailList": roles, "Policies": policies + aws_managed}
        self.put("iam", "*", "GetAccountAuthorizationDetails", out(detail, "GetAccountAuthorizationDetails"))
        self.put("iam", "*", "ListUsers", out({"Users": [{k: u[k] for k in ("Path", "UserName", "UserId", "Arn", "CreateDate")}
                                                        for u in users]}, "GetAccountAuthorizationDetails"))
        self.put("iam", "*", "GenerateCredentialReport", out({"State": "COMPLETE"}))
        self.put("iam", "*", "GetCredentialReport", out({"Content": "\n".join(report), "ReportFormat": "text/csv",
                                                         "GeneratedTime": "-60"}))
        self.put("iam", "*", "GetAccountPasswordPolicy", out({"PasswordPolicy": {
            "MinimumPasswordLength": 14, "RequireSymbols": True, "RequireNumbers": True, "RequireUppercaseCharacters": True,
            "RequireLowercaseCharacters": True, "AllowUsersToChangePassword": True, "ExpirePasswords": True,
            "MaxPasswordAge": 90, "PasswordReusePrevention": 24, "HardExpiry": False}}))
        self.put("iam", "*", "GetAccountSummary", out({"SummaryMap": {"Users": len(users), "Groups": len(groups),
                                                                      "Roles": len(roles), "Policies": len(policies),
                                                                      "AccountMFAEnabled": 1, "AccountAccessKeysPresent": 0,
                                                                      "MFADevices": 100, "MFADevicesInUse": 100}}))
        self.put("iam", "*", "ListVirtualMFADevices", out({"VirtualMFADevices": [
            {"SerialNumber": f"arn:{P}:iam::{ACCOUNT}:mfa/{u['UserName']}", "EnableDate": "2024-04-01T00:00:00Z",
             "User": {k: u[k] for k in ("Path", "UserName", "UserId", "Arn", "CreateDate")}} for u in users[:100]]},
            "ListVirtualMFADevices"))
        self.put("iam", "*", "ListServerCertificates", out({"ServerCertificateMetadataList": []}))
        self.put("iam", "*", "ListSAMLProviders", out({"SAMLProviderList": []}))
        self.put("iam", "*", "ListOpenIDConnectProviders", out({"OpenIDConnectProviderList": []}))
        self.put("iam", "*", "ListEntitiesForPolicy", out({"PolicyGroups": [], "PolicyUsers": [],
                                                           "PolicyRoles": [{"RoleName": "support", "RoleId": roles[-1]["RoleId"]}]}))
        self.count("iam", len(users) + len(roles) + len(groups) + len(policies) + 3)
        biggest = max(len(users), len(roles), len(groups), len(policies))
        self.chain("iam authorization details", -(-biggest // PAGE["GetAccountAuthorizationDetails"]))
        self.chain("iam credential report", 2)

    # -------------------------------------------------- smaller regional services
    def regional(self):
        s = self.scale
        fn_n, key_n, alarm_n = split(TOTALS["functions"], s), split(TOTALS["kms_keys"], s), split(TOTALS["alarms"], s)
        lg_n, topic_n, q_n = split(TOTALS["log_groups"], s), split(TOTALS["topics"], s), split(TOTALS["queues"], s)
        db_n, dbs_n, t_n = split(TOTALS["db_instances"], s), split(TOTALS["db_snapshots"], s), split(TOTALS["tables"], s)
        sec_n, cert_n, fs_n = split(TOTALS["secrets"], s), split(TOTALS["certificates"], s), split(TOTALS["file_systems"], s)
        repo_n, cl_n = split(TOTALS["repositories"], s), split(TOTALS["clusters"], s)
        elb_n, alb_n = split(TOTALS["elbs"], s), split(TOTALS["albs"], s)
        for r in REGIONS:
            a = f"{r}:{ACCOUNT}"
            # Lambda
            fns, pol, urls = [], [], []
            for i in range(fn_n[r]):
                name = f"fn-{i:04d}"
                fns.append({"FunctionName": name, "FunctionArn": f"arn:{P}:lambda:{a}:function:{name}",
                            "Runtime": rng.choice(["python3.12", "nodejs20.x", "python3.8", "java21"]),
                            "Role": f"arn:{P}:iam::{ACCOUNT}:role/role-0001", "Handler": "app.handler",
                            "CodeSize": 1024, "Timeout": 30, "MemorySize": 256, "LastModified": "2026-05-01T00:00:00.000+0000",
                            "PackageType": "Zip", "Environment": {"Variables": {"STAGE": "prod", "TABLE": "t"}}})
                if rng.random() < 0.3:
                    pol.append((name, {"Policy": json.dumps({"Version": "2012-10-17", "Statement": [{
                        "Sid": "apigw", "Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"},
                        "Action": "lambda:InvokeFunction", "Resource": fns[-1]["FunctionArn"]}]}), "RevisionId": hexid(8)}))
                if rng.random() < 0.05:
                    urls.append((name, {"FunctionUrlConfigs": [{"FunctionUrl": f"https://{hexid(20)}.lambda-url.{r}.on.aws/",
                                                                "FunctionArn": fns[-1]["FunctionArn"], "AuthType": "NONE",
                                                                "CreationTime": "2026-01-01T00:00:00Z",
                                                                "LastModifiedTime": "2026-01-01T00:00:00Z"}]}))
            self.put("lambda", r, "ListFunctions", out({"Functions": fns}, "ListFunctions"))
            self.put("lambda", r, "GetPolicy", cases("FunctionName", pol, default={"error": {
                "code": "ResourceNotFoundException", "message": "The resource you requested does not exist.", "status": 404}}))
            self.put("lambda", r, "ListFunctionUrlConfigs", cases("FunctionName", urls, default={"output": {"FunctionUrlConfigs": []}}))
            self.chain(f"lambda {r}", -(-max(1, fn_n[r]) // PAGE["ListFunctions"]), 1)
            # KMS
            keys, desc, rot, kpol, aliases = [], [], [], [], []
            for i in range(key_n[r]):
                kid = f"{hexid(8)}-{hexid(4)}-{hexid(4)}-{hexid(4)}-{hexid(12)}"
                arn = f"arn:{P}:kms:{a}:key/{kid}"
                managed = i % 5 == 4
                state = "PendingDeletion" if rng.random() < 0.02 else "Enabled"
                keys.append({"KeyId": kid, "KeyArn": arn})
                if not managed and state == "Enabled":
                    self.kms_keys.setdefault(r, []).append(arn)
                desc.append((arn, {"KeyMetadata": {"AWSAccountId": ACCOUNT, "KeyId": kid, "Arn": arn, "CreationDate": "2024-01-01T00:00:00Z",
                                                   "Enabled": state == "Enabled", "KeyUsage": "ENCRYPT_DECRYPT", "KeyState": state,
                                                   "Origin": "AWS_KMS", "KeyManager": "AWS" if managed else "CUSTOMER",
                                                   "KeySpec": "SYMMETRIC_DEFAULT", "CustomerMasterKeySpec": "SYMMETRIC_DEFAULT",
                                                   "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "MultiRegion": False,
                                                   **({"DeletionDate": "+604800"} if state == "PendingDeletion" else {})}}))
                rot.append((arn, {"KeyRotationEnabled": managed or rng.random() < 0.6}))
                kpol.append((arn, {"Policy": json.dumps({"Version": "2012-10-17", "Id": "key-default-1", "Statement": [{
                    "Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": f"arn:{P}:iam::{ACCOUNT}:root"},
                    "Action": "kms:*", "Resource": "*"}]}), "PolicyName": "default"}))
                aliases.append({"AliasName": f"alias/{'aws/ebs' if managed else 'app-' + str(i)}",
                                "AliasArn": f"arn:{P}:kms:{a}:alias/app-{i}", "TargetKeyId": kid})
            self.put("kms", r, "ListKeys", out({"Keys": keys}, "ListKeys"))
            self.put("kms", r, "ListAliases", out({"Aliases": aliases}, "ListAliases"))
            self.put("kms", r, "DescribeKey", cases("KeyId", desc))
            self.put("kms", r, "GetKeyRotationStatus", cases("KeyId", rot))
            self.put("kms", r, "GetKeyPolicy", cases("KeyId", kpol))
            self.chain(f"kms {r}", -(-max(1, key_n[r]) // PAGE["ListKeys"]), 2)
            # SNS topics (the alarm actions) and subscriptions
            topics, tattr, subs = [], [], []
            for i in range(topic_n[r]):
                arn = f"arn:{P}:sns:{a}:topic-{i}"
                topics.append({"TopicArn": arn})
                tattr.append((arn, {"Attributes": {"TopicArn": arn, "Owner": ACCOUNT, "DisplayName": "",
                                                   "Policy": json.dumps({"Version": "2008-10-17", "Statement": [{
                                                       "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "SNS:Publish",
                                                       "Resource": arn, "Condition": {"StringEquals": {"AWS:SourceOwner": ACCOUNT}}}]}),
                                                   "SubscriptionsConfirmed": "1", "SubscriptionsPending": "0",
                                                   **({"KmsMasterKeyId": "alias/aws/sns"} if rng.random() < 0.5 else {})}}))
                subs.append((arn, {"Subscriptions": [{"SubscriptionArn": f"{arn}:{hexid(8)}", "Owner": ACCOUNT,
                                                      "Protocol": "email", "Endpoint": "ops@example.com", "TopicArn": arn}]}))
            self.put("sns", r, "ListTopics", out({"Topics": topics}, "ListTopics"))
            self.put("sns", r, "GetTopicAttributes", cases("TopicArn", tattr))
            self.put("sns", r, "ListSubscriptionsByTopic", cases("TopicArn", subs))
            # CloudWatch alarms
            alarms = [{"AlarmName": f"alarm-{i}", "AlarmArn": f"arn:{P}:cloudwatch:{a}:alarm:alarm-{i}",
                       "ActionsEnabled": True, "AlarmActions": [topics[i % len(topics)]["TopicArn"]] if topics else [],
                       "MetricName": "CPUUtilization", "Namespace": "AWS/EC2", "Statistic": "Average", "Period": 300,
                       "EvaluationPeriods": 1, "Threshold": 80.0, "ComparisonOperator": "GreaterThanThreshold",
                       "StateValue": "OK"} for i in range(alarm_n[r])]
            self.put("cloudwatch", r, "DescribeAlarms", out({"MetricAlarms": alarms, "CompositeAlarms": []}, "DescribeAlarms"))
            # Logs
            groups = [{"logGroupName": f"/aws/lambda/fn-{i:04d}", "creationTime": 1700000000000,
                       "arn": f"arn:{P}:logs:{a}:log-group:/aws/lambda/fn-{i:04d}:*", "storedBytes": 1048576,
                       **({"retentionInDays": 365} if rng.random() < 0.5 else {})} for i in range(lg_n[r])]
            self.put("logs", r, "DescribeLogGroups", out({"logGroups": groups}, "DescribeLogGroups"))
            filters = [{"filterName": f"filter-{i}", "logGroupName": groups[0]["logGroupName"] if groups else "x",
                        "filterPattern": "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }",
                        "metricTransformations": [{"metricName": f"m{i}", "metricNamespace": "CISBenchmark", "metricValue": "1"}],
                        "creationTime": 1700000000000}
                       for i in range(int(TOTALS["metric_filters"] * s * WEIGHT[r]))]
            self.put("logs", r, "DescribeMetricFilters", out({"metricFilters": filters}, "DescribeMetricFilters"))
            # SQS
            qurls = [f"https://sqs.{r}.amazonaws.com/{ACCOUNT}/queue-{i}" for i in range(q_n[r])]
            self.put("sqs", r, "ListQueues", out({"QueueUrls": qurls} if qurls else {}, "ListQueues"))
            self.put("sqs", r, "GetQueueAttributes", cases("QueueUrl", [
                (u, {"Attributes": {"QueueArn": f"arn:{P}:sqs:{a}:queue-{i}", "SqsManagedSseEnabled": "true"}})
                for i, u in enumerate(qurls)]))
            # RDS
            dbs = [{"DBInstanceIdentifier": f"db-{i}", "DBInstanceArn": f"arn:{P}:rds:{a}:db:db-{i}",
                    "Engine": "postgres", "DBInstanceStatus": "available", "StorageEncrypted": rng.random() < 0.8,
                    "AutoMinorVersionUpgrade": True, "PubliclyAccessible": rng.random() < 0.05,
                    "BackupRetentionPeriod": 7, "MultiAZ": rng.random() < 0.5, "DeletionProtection": rng.random() < 0.5,
                    "IAMDatabaseAuthenticationEnabled": False, "TagList": [],
                    "MasterUsername": rng.choice(["postgres", "app_admin"]),
                    "Endpoint": {"Address": f"db-{i}.{hexid(12)}.{r}.rds.amazonaws.com", "Port": rng.choice([5432, 6432]),
                                 "HostedZoneId": "Z2R2ITUGPM61AM"}} for i in range(db_n[r])]
            snaps, sattr = [], []
            for i in range(dbs_n[r]):
                manual = i % 3 == 0
                sid = f"{'manual' if manual else 'rds:auto'}-snap-{i}"
                snaps.append({"DBSnapshotIdentifier": sid, "DBSnapshotArn": f"arn:{P}:rds:{a}:snapshot:{sid}",
                              "DBInstanceIdentifier": "db-0", "Engine": "postgres", "Status": "available",
                              "Encrypted": rng.random() < 0.8, "SnapshotType": "manual" if manual else "automated",
                              "SnapshotCreateTime": "2026-11-01T00:00:00Z"})
                if manual:
                    sattr.append((sid, {"DBSnapshotAttributesResult": {"DBSnapshotIdentifier": sid, "DBSnapshotAttributes": [
                        {"AttributeName": "restore", "AttributeValues": rng.choice([["all"]] + [["444455556666"]] * 2 + [[]] * 37)}]}}))
            self.put("rds", r, "DescribeDBInstances", out({"DBInstances": dbs}, "DescribeDBInstances"))
            self.put("rds", r, "DescribeDBClusters", out({"DBClusters": []}))
            self.put("rds", r, "DescribeDBSnapshots", out({"DBSnapshots": snaps}, "DescribeDBSnapshots"))
            self.put("rds", r, "DescribeDBClusterSnapshots", out({"DBClusterSnapshots": []}))
            self.put("rds", r, "DescribeDBSnapshotAttributes", cases("DBSnapshotIdentifier", sattr))
            # DynamoDB
            tables = [f"table-{i}" for i in range(t_n[r])]
            self.put("dynamodb", r, "ListTables", out({"TableNames": tables}, "ListTables"))
            self.put("dynamodb", r, "DescribeTable", cases("TableName", [(t, {"Table": {
                "TableName": t, "TableArn": f"arn:{P}:dynamodb:{a}:table/{t}", "TableStatus": "ACTIVE",
                "DeletionProtectionEnabled": rng.random() < 0.3,
                **({"SSEDescription": {"Status": "ENABLED", "SSEType": "KMS",
                                       "KMSMasterKeyArn": f"arn:{P}:kms:{a}:key/{hexid(8)}"}} if rng.random() < 0.3 else {})}})
                for t in tables]))
            self.put("dynamodb", r, "DescribeContinuousBackups", cases("TableName", [(t, {"ContinuousBackupsDescription": {
                "ContinuousBackupsStatus": "ENABLED", "PointInTimeRecoveryDescription": {
                    "PointInTimeRecoveryStatus": "ENABLED" if rng.random() < 0.5 else "DISABLED"}}}) for t in tables]))
            # Secrets Manager
            self.put("secretsmanager", r, "ListSecrets", out({"SecretList": [
                {"ARN": f"arn:{P}:secretsmanager:{a}:secret:app/{i}-{hexid(6)}", "Name": f"app/{i}",
                 "RotationEnabled": rng.random() < 0.5, "CreatedDate": "2025-01-01T00:00:00Z",
                 "LastAccessedDate": "2026-11-20T00:00:00Z"} for i in range(sec_n[r])]}, "ListSecrets"))
            # ACM
            certs = [f"arn:{P}:acm:{a}:certificate/{hexid(8)}-{hexid(4)}" for _ in range(cert_n[r])]
            self.put("acm", r, "ListCertificates", out({"CertificateSummaryList": [
                {"CertificateArn": c, "DomainName": f"site{i}.example.com"} for i, c in enumerate(certs)]}, "ListCertificates"))
            self.put("acm", r, "DescribeCertificate", cases("CertificateArn", [(c, {"Certificate": {
                "CertificateArn": c, "DomainName": "example.com", "Status": "ISSUED", "Type": "AMAZON_ISSUED",
                "KeyAlgorithm": "RSA-2048", "NotAfter": "+7776000", "InUseBy": [], "RenewalEligibility": "ELIGIBLE"}})
                for c in certs]))
            # EFS
            fss = [{"FileSystemId": f"fs-{hexid(8)}", "OwnerId": ACCOUNT, "CreationToken": f"fs{i}",
                    "CreationTime": "2025-01-01T00:00:00Z", "LifeCycleState": "available", "NumberOfMountTargets": 1,
                    "SizeInBytes": {"Value": 6144}, "PerformanceMode": "generalPurpose", "Encrypted": rng.random() < 0.8,
                    "Tags": []} for i in range(fs_n[r])]
            for f in fss:
                f["FileSystemArn"] = f"arn:{P}:elasticfilesystem:{a}:file-system/{f['FileSystemId']}"
            self.put("efs", r, "DescribeFileSystems", out({"FileSystems": fss}, "DescribeFileSystems"))
            self.put("efs", r, "DescribeFileSystemPolicy", {"error": {"code": "PolicyNotFound", "message": "No policy", "status": 404}})
            self.put("efs", r, "DescribeBackupPolicy", cases("FileSystemId", [(f["FileSystemId"], {"BackupPolicy": {"Status": "ENABLED"}})
                                                                             for f in fss if rng.random() < 0.5],
                                                             default={"error": {"code": "PolicyNotFound", "message": "No backup policy", "status": 404}}))
            # ECR
            repos = [{"repositoryArn": f"arn:{P}:ecr:{a}:repository/repo-{i}", "registryId": ACCOUNT, "repositoryName": f"repo-{i}",
                      "repositoryUri": f"{ACCOUNT}.dkr.ecr.{r}.amazonaws.com/repo-{i}", "createdAt": "2025-01-01T00:00:00Z",
                      "imageTagMutability": "MUTABLE", "imageScanningConfiguration": {"scanOnPush": rng.random() < 0.5},
                      "encryptionConfiguration": {"encryptionType": "AES256"}} for i in range(repo_n[r])]
            self.put("ecr", r, "DescribeRepositories", out({"repositories": repos}, "DescribeRepositories"))
            self.put("ecr", r, "GetRepositoryPolicy", {"error": {"code": "RepositoryPolicyNotFoundException",
                                                                 "message": "Repository policy does not exist", "status": 400}})
            self.put("ecr", r, "GetLifecyclePolicy", {"error": {"code": "LifecyclePolicyNotFoundException",
                                                                "message": "Lifecycle policy does not exist", "status": 400}})
            self.put("ecr", r, "GetRegistryScanningConfiguration", out({"registryId": ACCOUNT, "scanningConfiguration": {
                "scanType": "BASIC", "rules": []}}))
            # EKS
            cls = [f"cluster-{i}" for i in range(cl_n[r])]
            self.put("eks", r, "ListClusters", out({"clusters": cls}, "ListClusters"))
            self.put("eks", r, "DescribeCluster", cases("name", [(c, {"cluster": {
                "name": c, "arn": f"arn:{P}:eks:{a}:cluster/{c}", "version": "1.31", "status": "ACTIVE",
                "resourcesVpcConfig": {"endpointPublicAccess": True, "endpointPrivateAccess": True, "publicAccessCidrs": ["0.0.0.0/0"]},
                "logging": {"clusterLogging": [{"types": ["api", "audit"], "enabled": True}]}}}) for c in cls]))
            # ELB (classic) and ELBv2
            elbs = [{"LoadBalancerName": f"classic-{i}", "DNSName": f"classic-{i}.{r}.elb.amazonaws.com", "Scheme": "internet-facing",
                     "ListenerDescriptions": [{"Listener": {"Protocol": "HTTPS", "LoadBalancerPort": 443, "InstanceProtocol": "HTTP",
                                                            "InstancePort": 80, "SSLCertificateId": certs[0] if certs else "x"},
                                               "PolicyNames": ["ELBSecurityPolicy-2016-08"]}],
                     "Policies": {"OtherPolicies": []}, "CreatedTime": "2024-01-01T00:00:00Z"} for i in range(elb_n[r])]
            self.put("elb", r, "DescribeLoadBalancers", out({"LoadBalancerDescriptions": elbs}, "DescribeLoadBalancers"))
            self.put("elb", r, "DescribeLoadBalancerAttributes", out({"LoadBalancerAttributes": {"AccessLog": {"Enabled": False}}}))
            self.put("elb", r, "DescribeLoadBalancerPolicies", out({"PolicyDescriptions": [{
                "PolicyName": "ELBSecurityPolicy-2016-08", "PolicyTypeName": "SSLNegotiationPolicyType",
                "PolicyAttributeDescriptions": [{"AttributeName": "Reference-Security-Policy",
                                                 "AttributeValue": "ELBSecurityPolicy-2016-08"}]}]}))
            albs = [{"LoadBalancerArn": f"arn:{P}:elasticloadbalancing:{a}:loadbalancer/app/alb-{i}/{hexid(16)}",
                     "LoadBalancerName": f"alb-{i}", "Scheme": "internet-facing", "Type": "application",
                     "State": {"Code": "active"}, "CreatedTime": "2024-01-01T00:00:00Z"} for i in range(alb_n[r])]
            self.put("elbv2", r, "DescribeLoadBalancers", out({"LoadBalancers": albs}, "DescribeLoadBalancers"))
            self.put("elbv2", r, "DescribeListeners", out({"Listeners": [{"Port": 443, "Protocol": "HTTPS",
                                                                          "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
                                                                          "DefaultActions": [{"Type": "forward"}]}]}))
            self.put("elbv2", r, "DescribeLoadBalancerAttributes", out({"Attributes": [
                {"Key": "access_logs.s3.enabled", "Value": "false"}, {"Key": "deletion_protection.enabled", "Value": "true"},
                {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"},
                {"Key": "routing.http.desync_mitigation_mode", "Value": "defensive"}]}))
            # Per-region singletons
            self.put("guardduty", r, "ListDetectors", out({"DetectorIds": [hexid(32)]}))
            self.put("guardduty", r, "GetDetector", out({"Status": "ENABLED", "ServiceRole": "x", "CreatedAt": "2024-01-01T00:00:00Z"}))
            self.put("securityhub", r, "DescribeHub", out({"HubArn": f"arn:{P}:securityhub:{a}:hub/default",
                                                          "SubscribedAt": "2024-01-01T00:00:00Z", "AutoEnableControls": True}))
            self.put("securityhub", r, "GetEnabledStandards", out({"StandardsSubscriptions": [{
                "StandardsSubscriptionArn": f"arn:{P}:securityhub:{a}:subscription/cis-aws-foundations-benchmark/v/3.0.0",
                "StandardsArn": f"arn:{P}:securityhub:{r}::standards/cis-aws-foundations-benchmark/v/3.0.0",
                "StandardsInput": {}, "StandardsStatus": "READY"}]}))
            self.put("config", r, "DescribeConfigurationRecorders", out({"ConfigurationRecorders": [{
                "name": "default", "roleARN": f"arn:{P}:iam::{ACCOUNT}:role/config",
                "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": r == "us-east-1"}}]}))
            self.put("config", r, "DescribeConfigurationRecorderStatus", out({"ConfigurationRecordersStatus": [{
                "name": "default", "recording": True, "lastStatus": "SUCCESS"}]}))
            self.put("config", r, "DescribeDeliveryChannels", out({"DeliveryChannels": [{"name": "default", "s3BucketName": "acme-config"}]}))
            self.put("accessanalyzer", r, "ListAnalyzers", out({"analyzers": [{
                "arn": f"arn:{P}:access-analyzer:{a}:analyzer/account", "name": "account", "type": "ACCOUNT",
                "createdAt": "2024-01-01T00:00:00Z", "status": "ACTIVE"}]}))
            trail_arn = f"arn:{P}:cloudtrail:us-east-1:{ACCOUNT}:trail/org-trail"
            self.put("cloudtrail", r, "DescribeTrails", out({"trailList": [{
                "Name": "org-trail", "S3BucketName": "acme-trail", "IncludeGlobalServiceEvents": True, "IsMultiRegionTrail": True,
                "HomeRegion": "us-east-1", "TrailARN": trail_arn, "LogFileValidationEnabled": True,
                "CloudWatchLogsLogGroupArn": f"arn:{P}:logs:us-east-1:{ACCOUNT}:log-group:/aws/lambda/fn-0000:*",
                "CloudWatchLogsRoleArn": f"arn:{P}:iam::{ACCOUNT}:role/trail", "KmsKeyId": f"arn:{P}:kms:us-east-1:{ACCOUNT}:key/k",
                "HasCustomEventSelectors": True, "HasInsightSelectors": False, "IsOrganizationTrail": False}]}))
            self.put("cloudtrail", r, "GetTrailStatus", out({"IsLogging": True, "LatestDeliveryTime": "-300"}))
            self.put("cloudtrail", r, "GetEventSelectors", out({"TrailARN": trail_arn, "EventSelectors": [{
                "ReadWriteType": "All", "IncludeManagementEvents": True, "DataResources": [
                    {"Type": "AWS::S3::Object", "Values": [f"arn:{P}:s3"]}], "ExcludeManagementEventSources": []}]}))
            self.count("regional", fn_n[r] + key_n[r] + len(topics) + len(alarms) + len(groups) + len(filters) + len(qurls)
                       + len(dbs) + len(snaps) + len(tables) + sec_n[r] + len(certs) + len(fss) + len(repos) + len(cls)
                       + len(elbs) + len(albs) + 6)
            self.chain(f"logs {r}", -(-max(1, lg_n[r]) // PAGE["DescribeLogGroups"]))

    # ------------------------------------------------- Auto Scaling .. Step Functions
    def devops(self):
        s = self.scale
        asg_n, lc_n, st_n = split(TOTALS["asg_groups"], s), split(TOTALS["launch_configs"], s), split(TOTALS["stacks"], s)
        pr_n, ks_n = split(TOTALS["build_projects"], s), split(TOTALS["streams"], s)
        fh_n, sm_n = split(TOTALS["delivery_streams"], s), split(TOTALS["state_machines"], s)
        for r in REGIONS:
            a = f"{r}:{ACCOUNT}"
            lcs = [{"LaunchConfigurationName": f"lc-{i}", "LaunchConfigurationARN":
                    f"arn:{P}:autoscaling:{a}:launchConfiguration:{hexid(8)}:launchConfigurationName/lc-{i}",
                    "ImageId": "ami-0abcdef1234567890", "InstanceType": "t3.small", "CreatedTime": "2024-06-01T00:00:00Z",
                    "MetadataOptions": {"HttpTokens": rng.choice(["required", "optional"]), "HttpEndpoint": "enabled"}}
                   for i in range(lc_n[r])]
            groups = []
            for i in range(asg_n[r]):
                g = {"AutoScalingGroupName": f"asg-{i}", "MinSize": 1, "MaxSize": 4, "DesiredCapacity": 2,
                     "AutoScalingGroupARN": f"arn:{P}:autoscaling:{a}:autoScalingGroup:{hexid(8)}:autoScalingGroupName/asg-{i}",
                     "DefaultCooldown": 300, "AvailabilityZones": [f"{r}a", f"{r}b"][:rng.choice([1, 2])],
                     "HealthCheckType": rng.choice(["EC2", "ELB"]), "CreatedTime": "2025-01-01T00:00:00Z",
                     "TargetGroupARNs": [], "LoadBalancerNames": []}
                if lcs and rng.random() < 0.3:
                    g["LaunchConfigurationName"] = rng.choice(lcs)["LaunchConfigurationName"]
                else:
                    g["LaunchTemplate"] = {"LaunchTemplateId": f"lt-{hexid()}", "LaunchTemplateName": f"lt-{i}", "Version": "$Latest"}
                groups.append(g)
            self.put("autoscaling", r, "DescribeAutoScalingGroups", out({"AutoScalingGroups": groups}, "DescribeAutoScalingGroups"))
            self.put("autoscaling", r, "DescribeLaunchConfigurations", out({"LaunchConfigurations": lcs}, "DescribeLaunchConfigurations"))
            stacks = [{"StackId": f"arn:{P}:cloudformation:{a}:stack/stack-{i}/{hexid(8)}", "StackName": f"stack-{i}",
                       "CreationTime": "2025-01-01T00:00:00Z", "StackStatus": "UPDATE_COMPLETE",
                       "EnableTerminationProtection": rng.random() < 0.5, "NotificationARNs": [],
                       "DriftInformation": {"StackDriftStatus": "NOT_CHECKED"},
                       "Parameters": [{"ParameterKey": "Environment", "ParameterValue": "prod"}],
                       "Outputs": [{"OutputKey": "VpcId", "OutputValue": f"vpc-{hexid()}"}]} for i in range(st_n[r])]
            self.put("cloudformation", r, "DescribeStacks", out({"Stacks": stacks}))
            projects = [f"build-{i}" for i in range(pr_n[r])]
            self.put("codebuild", r, "ListProjects", out({"projects": projects}))
            # One BatchGetProjects per 100 names: the whole region's projects answer it (bench scale).
            self.put("codebuild", r, "BatchGetProjects", out({"projectsNotFound": [], "projects": [{
                "name": n, "arn": f"arn:{P}:codebuild:{a}:project/{n}",
                "source": {"type": "GITHUB", "location": f"https://github.com/acme/{n}.git"}, "artifacts": {"type": "NO_ARTIFACTS"},
                "environment": {"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0", "computeType": "BUILD_GENERAL1_SMALL",
                                "privilegedMode": rng.random() < 0.2, "environmentVariables": [{"name": "STAGE", "value": "prod", "type": "PLAINTEXT"}]},
                "logsConfig": {"cloudWatchLogs": {"status": "ENABLED"}, "s3Logs": {"status": "DISABLED"}}} for n in projects]}))
            # The newest build of each project (codebuild_project_older_90_days), then one BatchGetBuilds per 100.
            build_ids = {n: f"{n}:{hexid(8)}" for n in projects}
            self.put("codebuild", r, "ListBuildsForProject", cases("projectName", [(n, {"ids": [build_ids[n]]})
                                                                                     for n in projects]))
            self.put("codebuild", r, "BatchGetBuilds", out({"buildsNotFound": [], "builds": [{
                "id": build_ids[n], "projectName": n, "buildStatus": "SUCCEEDED",
                "startTime": rng.choice(["2025-01-01T00:00:00Z", "2026-11-30T00:00:00Z"])} for n in projects]}))
            streams = [f"stream-{i}" for i in range(ks_n[r])]
            self.put("kinesis", r, "ListStreams", out({"StreamNames": streams, "HasMoreStreams": False}))
            self.put("kinesis", r, "DescribeStreamSummary", cases("StreamName", [(n, {"StreamDescriptionSummary": {
                "StreamName": n, "StreamARN": f"arn:{P}:kinesis:{a}:stream/{n}", "StreamStatus": "ACTIVE",
                "RetentionPeriodHours": rng.choice([24, 168]), "StreamCreationTimestamp": "2025-01-01T00:00:00Z",
                "EnhancedMonitoring": [], "EncryptionType": rng.choice(["KMS", "NONE"]), "OpenShardCount": 2}}) for n in streams]))
            fhs = [f"delivery-{i}" for i in range(fh_n[r])]
            self.put("firehose", r, "ListDeliveryStreams", out({"DeliveryStreamNames": fhs, "HasMoreDeliveryStreams": False}))
            self.put("firehose", r, "DescribeDeliveryStream", cases("DeliveryStreamName", [(n, {"DeliveryStreamDescription": {
                "DeliveryStreamName": n, "DeliveryStreamARN": f"arn:{P}:firehose:{a}:deliverystream/{n}",
                "DeliveryStreamStatus": "ACTIVE", "DeliveryStreamType": "DirectPut", "VersionId": "1",
                "DeliveryStreamEncryptionConfiguration": {"Status": rng.choice(["ENABLED", "DISABLED"])},
                "Destinations": [{"DestinationId": "destinationId-000000000001"}], "HasMoreDestinations": False}}) for n in fhs]))
            sms = [f"arn:{P}:states:{a}:stateMachine:sm-{i}" for i in range(sm_n[r])]
            self.put("stepfunctions", r, "ListStateMachines", out({"stateMachines": [
                {"stateMachineArn": m, "name": m.rsplit(":", 1)[1], "type": "STANDARD", "creationDate": "2025-01-01T00:00:00Z"}
                for m in sms]}))
            self.put("stepfunctions", r, "DescribeStateMachine", cases("stateMachineArn", [(m, {
                "stateMachineArn": m, "name": m.rsplit(":", 1)[1], "definition": "{}", "type": "STANDARD",
                "roleArn": f"arn:{P}:iam::{ACCOUNT}:role/sfn", "creationDate": "2025-01-01T00:00:00Z",
                "loggingConfiguration": {"level": rng.choice(["OFF", "ERROR"])},
                "tracingConfiguration": {"enabled": rng.random() < 0.5}}) for m in sms]))
            self.count("devops", len(groups) + len(lcs) + len(stacks) + len(projects) + len(streams) + len(fhs) + len(sms))
            # Listing pages, then the per-resource description each listing leads to.
            self.chain(f"kinesis {r}", -(-max(1, len(streams)) // 100), then=1)
            self.chain(f"stepfunctions {r}", -(-max(1, len(sms)) // 100), then=1)
            self.chain(f"firehose {r}", 1, then=1)
            self.chain(f"codebuild {r}", -(-max(1, len(projects)) // 100), then=3)

    # ------------------------------------------ Systems Manager .. Glue, Route 53
    def management(self):
        s = self.scale
        node_n, doc_n, par_n = split(TOTALS["managed_nodes"], s), split(TOTALS["ssm_documents"], s), split(TOTALS["ssm_parameters"], s)
        vault_n, job_n = split(TOTALS["backup_vaults"], s), split(TOTALS["glue_jobs"], s)
        for r in REGIONS:
            a = f"{r}:{ACCOUNT}"
            nodes = [{"InstanceId": f"mi-{hexid()}", "PingStatus": rng.choice(["Online", "Online", "ConnectionLost"]),
                      "ResourceType": "ManagedInstance", "PlatformType": "Linux", "AgentVersion": "3.3.987.0"}
                     for _ in range(node_n[r])]
            self.put("ssm", r, "DescribeInstanceInformation", out({"InstanceInformationList": nodes}, "DescribeInstanceInformation"))
            self.put("ssm", r, "ListResourceComplianceSummaries", out({"ResourceComplianceSummaryItems": [
                {"ComplianceType": t, "ResourceType": "ManagedInstance", "ResourceId": n["InstanceId"],
                 "Status": rng.choice(["COMPLIANT", "NON_COMPLIANT"]),
                 "NonCompliantSummary": {"NonCompliantCount": 1, "SeveritySummary": {"CriticalCount": 0, "HighCount": 1}}}
                for n in nodes for t in ("Patch", "Association")]}, "ListResourceComplianceSummaries"))
            docs = [f"runbook-{i}" for i in range(doc_n[r])]
            self.put("ssm", r, "ListDocuments", out({"DocumentIdentifiers": [
                {"Name": d, "Owner": ACCOUNT, "DocumentType": "Command", "DocumentVersion": "1"} for d in docs]}, "ListDocuments"))
            self.put("ssm", r, "DescribeDocumentPermission", cases("Name", [(d, {"AccountIds": []}) for d in docs]))
            params = [{"Name": f"/app/{i}/{rng.choice(['host', 'port', 'password', 'token'])}",
                       "Type": rng.choice(["String", "SecureString"]), "Version": 1} for i in range(par_n[r])]
            self.put("ssm", r, "DescribeParameters", out({"Parameters": params}, "DescribeParameters"))
            vaults = [{"BackupVaultName": f"vault-{i}", "BackupVaultArn": f"arn:{P}:backup:{a}:backup-vault:vault-{i}",
                       "EncryptionKeyArn": self.key(r), "NumberOfRecoveryPoints": i % 2}
                      for i in range(vault_n[r])]
            self.put("backup", r, "ListBackupVaults", out({"BackupVaultList": vaults}, "ListBackupVaults"))
            self.put("backup", r, "GetBackupVaultAccessPolicy", {"error": {
                "code": "ResourceNotFoundException", "message": "no access policy", "status": 404}})
            self.put("backup", r, "ListRecoveryPointsByBackupVault", cases("BackupVaultName", [(v["BackupVaultName"], {"RecoveryPoints": [{
                "RecoveryPointArn": f"arn:{P}:ec2:{r}::snapshot/snap-{hexid()}", "BackupVaultName": v["BackupVaultName"],
                "IsEncrypted": True, "Status": "COMPLETED"}]}) for v in vaults if v["NumberOfRecoveryPoints"]],
                default={"output": {"RecoveryPoints": []}}))
            if vaults:
                self.put("backup", r, "ListBackupPlans", out({"BackupPlansList": [{"BackupPlanName": "daily", "BackupPlanId": hexid(),
                                                                                  "BackupPlanArn": f"arn:{P}:backup:{a}:backup-plan:{hexid()}"}]}))
            self.put("events", r, "ListEventBuses", out({"EventBuses": [{"Name": "default", "Arn": f"arn:{P}:events:{a}:event-bus/default"}]}))
            self.put("athena", r, "ListWorkGroups", out({"WorkGroups": [{"Name": "primary", "State": "ENABLED"}]}))
            self.put("athena", r, "GetWorkGroup", out({"WorkGroup": {"Name": "primary", "State": "ENABLED", "Configuration": {
                "ResultConfiguration": {}, "EnforceWorkGroupConfiguration": False, "PublishCloudWatchMetricsEnabled": False}}}))
            self.put("glue", r, "GetDataCatalogEncryptionSettings", out({"DataCatalogEncryptionSettings": {
                "EncryptionAtRest": {"CatalogEncryptionMode": "DISABLED"},
                "ConnectionPasswordEncryption": {"ReturnConnectionPasswordEncrypted": False}}}))
            jobs = [{"Name": f"etl-{i}", "Role": f"arn:{P}:iam::{ACCOUNT}:role/glue", "Command": {"Name": "glueetl"},
                     **({"SecurityConfiguration": "encrypted"} if i % 2 else {})} for i in range(job_n[r])]
            self.put("glue", r, "GetJobs", out({"Jobs": jobs}, "GetJobs"))
            self.put("glue", r, "GetSecurityConfigurations", out({"SecurityConfigurations": [{"Name": "encrypted", "EncryptionConfiguration": {
                "S3Encryption": [{"S3EncryptionMode": "SSE-KMS"}], "CloudWatchEncryption": {"CloudWatchEncryptionMode": "SSE-KMS"},
                "JobBookmarksEncryption": {"JobBookmarksEncryptionMode": "CSE-KMS"}}}]}))
            self.count("management", len(nodes) + len(docs) + len(params) + len(vaults) + len(jobs) + 3 + (1 if vaults else 0))
            # Listing pages, then the per-resource calls each listing leads to.
            self.chain(f"ssm {r}", -(-max(1, len(docs)) // PAGE["ListDocuments"]), then=1)
            self.chain(f"backup {r}", 1, then=2)
            self.chain(f"athena {r}", 1, then=1)
        zones = [{"Id": f"/hostedzone/Z{hexid(12).upper()}", "Name": f"zone-{i}.example.com.", "CallerReference": hexid(8),
                  "Config": {"PrivateZone": i % 3 == 0}, "ResourceRecordSetCount": 10}
                 for i in range(max(1, int(TOTALS["hosted_zones"] * s)))]
        self.put("route53", "*", "ListHostedZones", out({"HostedZones": zones, "IsTruncated": False, "MaxItems": "100"}, "ListHostedZones"))
        self.put("route53", "*", "ListQueryLoggingConfigs", out({"QueryLoggingConfigs": []}))
        self.put("route53", "*", "GetDNSSEC", out({"Status": {"ServeSignature": "NOT_SIGNING"}, "KeySigningKeys": []}))
        domains = [{"DomainName": f"acme-{i}.com", "AutoRenew": True, "TransferLock": i % 4 != 0}
                   for i in range(max(1, int(TOTALS["domains"] * s)))]
        self.put("route53domains", "us-east-1", "ListDomains", out({"Domains": domains}))
        self.count("management", len(zones) + len(domains))
        self.chain("route53", -(-len(zones) // PAGE["ListHostedZones"]), then=1)

    # ------------------------------------------------------------------ network and edge services (issue 12)
    def network_services(self):
        """WAFv2 web ACLs, Network Firewall firewalls and policies, VPC endpoints, Transfer Family servers and
        Cognito user pools per region; Global Accelerator accelerators once (us-west-2). Shield Advanced stays
        unsubscribed (fakeaws answers INACTIVE). About 30 resources per region at scale 1."""
        s = self.scale
        n = lambda per_region: max(1, round(per_region * s))
        for r in REGIONS:
            a = f"{r}:{ACCOUNT}"
            acls = [{"Name": f"acl-{i}", "Id": hexid(8), "LockToken": hexid(8),
                     "ARN": f"arn:{P}:wafv2:{a}:regional/webacl/acl-{i}/{hexid(8)}"} for i in range(n(4))]
            self.put("wafv2", r, "ListWebACLs", cases("Scope", [("REGIONAL", {"WebACLs": acls})], default={"output": {"WebACLs": []}}))
            self.put("wafv2", r, "ListLoggingConfigurations", cases("Scope", [("REGIONAL", {"LoggingConfigurations": [
                {"ResourceArn": x["ARN"], "LogDestinationConfigs": [f"arn:{P}:logs:{a}:log-group:aws-waf-logs-{x['Name']}"]}
                for x in acls[::2]]})], default={"output": {"LoggingConfigurations": []}}))
            vis = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "m"}
            self.put("wafv2", r, "GetWebACL", cases("Id", [(x["Id"], {"WebACL": {"Name": x["Name"], "Id": x["Id"], "ARN": x["ARN"],
                "DefaultAction": {"Allow": {}}, "VisibilityConfig": vis, "Rules": [{"Name": "common", "Priority": 0,
                "Statement": {"ManagedRuleGroupStatement": {"VendorName": "AWS", "Name": "AWSManagedRulesCommonRuleSet"}},
                "OverrideAction": {"None": {}}, "VisibilityConfig": vis}]}, "LockToken": x["LockToken"]}) for x in acls]))
            fws = [{"FirewallName": f"fw-{i}", "FirewallArn": f"arn:{P}:network-firewall:{a}:firewall/fw-{i}"} for i in range(n(2))]
            self.put("network-firewall", r, "ListFirewalls", out({"Firewalls": fws}))
            self.put("network-firewall", r, "DescribeFirewall", cases("FirewallArn", [(f["FirewallArn"], {"UpdateToken": "t", "Firewall": {
                "FirewallName": f["FirewallName"], "FirewallArn": f["FirewallArn"], "FirewallId": hexid(8), "VpcId": f"vpc-{hexid()}",
                "FirewallPolicyArn": f"arn:{P}:network-firewall:{a}:firewall-policy/policy-0",
                "SubnetMappings": [{"SubnetId": f"subnet-{hexid()}"}, {"SubnetId": f"subnet-{hexid()}"}], "DeleteProtection": True},
                "FirewallStatus": {"Status": "READY", "ConfigurationSyncStateSummary": "IN_SYNC"}}) for f in fws]))
            self.put("network-firewall", r, "DescribeLoggingConfiguration", out({"LoggingConfiguration": {"LogDestinationConfigs": []}}))
            pols = [{"Name": f"policy-{i}", "Arn": f"arn:{P}:network-firewall:{a}:firewall-policy/policy-{i}"} for i in range(n(2))]
            self.put("network-firewall", r, "ListFirewallPolicies", out({"FirewallPolicies": pols}))
            self.put("network-firewall", r, "DescribeFirewallPolicy", out({"UpdateToken": "t", "FirewallPolicy": {
                "StatelessDefaultActions": ["aws:forward_to_sfe"], "StatelessFragmentDefaultActions": ["aws:forward_to_sfe"]},
                "FirewallPolicyResponse": {"FirewallPolicyName": "p", "FirewallPolicyArn": pols[0]["Arn"], "FirewallPolicyId": hexid(8)}}))
            endpoints = [{"VpcEndpointId": f"vpce-{hexid()}", "VpcEndpointType": "Interface", "VpcId": f"vpc-{hexid()}",
                          "ServiceName": f"com.amazonaws.{r}.{svc}", "State": "available", "OwnerId": ACCOUNT,
                          "SubnetIds": [f"subnet-{hexid()}"], "PolicyDocument": json.dumps({"Statement": [
                              {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]})}
                         for svc in ("ec2", "ssm", "sts", "logs", "kms", "ecr.api")[:n(6)]]
            self.put("ec2", r, "DescribeVpcEndpoints", out({"VpcEndpoints": endpoints}))
            servers = [{"Arn": f"arn:{P}:transfer:{a}:server/s-{hexid()}", "ServerId": f"s-{hexid()}", "State": "ONLINE",
                        "EndpointType": "PUBLIC", "IdentityProviderType": "SERVICE_MANAGED", "Domain": "S3"} for _ in range(n(2))]
            self.put("transfer", r, "ListServers", out({"Servers": servers}))
            self.put("transfer", r, "DescribeServer", cases("ServerId", [(x["ServerId"], {"Server": {**x, "Protocols": ["SFTP"]}})
                                                                            for x in servers]))
            pools = [{"Id": f"{r}_{hexid(9)}", "Name": f"pool-{i}"} for i in range(n(3))]
            self.put("cognito-idp", r, "ListUserPools", out({"UserPools": pools}))
            self.put("cognito-idp", r, "DescribeUserPool", cases("UserPoolId", [(p["Id"], {"UserPool": {
                "Id": p["Id"], "Name": p["Name"], "MfaConfiguration": "OPTIONAL", "DeletionProtection": "ACTIVE",
                "Policies": {"PasswordPolicy": {"MinimumLength": 12}}}}) for p in pools]))
            self.count("network", len(acls) + len(fws) + len(pols) + len(endpoints) + len(servers) + len(pools))
            self.chain(f"wafv2 {r}", 2, then=1)
        accs = [{"AcceleratorArn": f"arn:{P}:globalaccelerator::{ACCOUNT}:accelerator/{hexid(8)}", "Name": f"accel-{i}",
                 "Enabled": True, "Status": "DEPLOYED"} for i in range(max(1, int(5 * s)))]
        self.put("globalaccelerator", "us-west-2", "ListAccelerators", out({"Accelerators": accs}))
        self.put("globalaccelerator", "us-west-2", "DescribeAcceleratorAttributes", out({"AcceleratorAttributes": {"FlowLogsEnabled": False}}))
        self.put("globalaccelerator", "us-west-2", "ListTagsForResource", out({"Tags": [{"Key": "team", "Value": "edge"}]}))
        self.count("network", len(accs))

    # ------------------------------------------------------------------ data services (issue 12)
    def data_services(self):
        """Redshift clusters and Serverless workgroups/namespaces, OpenSearch domains, DocumentDB and Neptune
        clusters (through RDS's DescribeDBClusters), DMS replication instances and endpoints, MSK clusters,
        Amazon MQ brokers: about 500 resources at scale 1."""
        s = self.scale
        per = {k: split(n, s) for k, n in {"redshift": 60, "workgroups": 30, "domains": 80, "docdb": 40,
                                           "neptune": 20, "dms": 40, "endpoints": 120, "msk": 40, "mq": 40}.items()}
        for r in REGIONS:
            a = f"{r}:{ACCOUNT}"
            clusters = [{"ClusterIdentifier": f"dw-{i}", "MasterUsername": rng.choice(["awsuser", "dw_admin"]),
                         "DBName": rng.choice(["dev", "analytics"]), "AutomatedSnapshotRetentionPeriod": rng.choice([0, 1, 7]),
                         "AllowVersionUpgrade": True, "PubliclyAccessible": i % 5 == 0, "Encrypted": i % 3 != 0,
                         "EnhancedVpcRouting": i % 2 == 0, "ClusterStatus": "available",
                         "ClusterParameterGroups": [{"ParameterGroupName": "default.redshift-1.0", "ParameterApplyStatus": "in-sync"}]}
                        for i in range(per["redshift"][r])]
            self.put("redshift", r, "DescribeClusters", out({"Clusters": clusters}))
            self.put("redshift", r, "DescribeClusterParameters", out({"Parameters": [
                {"ParameterName": "require_ssl", "ParameterValue": "false", "Source": "engine-default"}]}))
            self.put("redshift", r, "DescribeLoggingStatus", out({"LoggingEnabled": False}))
            wgs = [{"workgroupName": f"wg-{i}", "workgroupId": hexid(), "workgroupArn": f"arn:{P}:redshift-serverless:{a}:workgroup/{hexid()}",
                    "namespaceName": f"ns-{i}", "publiclyAccessible": i % 4 == 0, "enhancedVpcRouting": True,
                    "configParameters": [{"parameterKey": "require_ssl", "parameterValue": "true"}], "status": "AVAILABLE"}
                   for i in range(per["workgroups"][r])]
            self.put("redshift-serverless", r, "ListWorkgroups", out({"workgroups": wgs}))
            self.put("redshift-serverless", r, "ListNamespaces", out({"namespaces": [
                {"namespaceName": w["namespaceName"], "namespaceId": hexid(), "namespaceArn": f"arn:{P}:redshift-serverless:{a}:namespace/{hexid()}",
                 "adminUsername": "admin", "logExports": ["userlog", "connectionlog"], "status": "AVAILABLE"} for w in wgs]}))
            domains = [{"DomainName": f"search-{i}", "DomainId": f"{ACCOUNT}/search-{i}", "ARN": f"arn:{P}:es:{a}:domain/search-{i}",
                        "EngineVersion": "OpenSearch_2.11", "EncryptionAtRestOptions": {"Enabled": i % 3 != 0},
                        "NodeToNodeEncryptionOptions": {"Enabled": True},
                        "ClusterConfig": {"InstanceCount": rng.choice([1, 3]), "ZoneAwarenessEnabled": i % 2 == 0},
                        "DomainEndpointOptions": {"EnforceHTTPS": True, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"},
                        **({"VPCOptions": {"VPCId": "vpc-0bench", "SubnetIds": ["subnet-0bench"]}} if i % 4 else {}),
                        "AccessPolicies": ""} for i in range(per["domains"][r])]
            self.put("opensearch", r, "ListDomainNames", out({"DomainNames": [{"DomainName": d["DomainName"]} for d in domains]}))
            self.put("opensearch", r, "DescribeDomains", cases("DomainNames", [
                ([d["DomainName"] for d in domains[i:i + 5]], {"DomainStatusList": domains[i:i + 5]}) for i in range(0, len(domains), 5)]))
            dbc = [{"DBClusterIdentifier": f"{e}-{i}", "DBClusterArn": f"arn:{P}:rds:{a}:cluster:{e}-{i}", "Engine": e,
                    "StorageEncrypted": i % 2 == 0, "BackupRetentionPeriod": rng.choice([1, 7]), "DeletionProtection": False,
                    "EnabledCloudwatchLogsExports": ["audit"] if i % 3 else [], "MultiAZ": i % 2 == 0, "Status": "available"}
                   for e in ("docdb", "neptune") for i in range(per[e][r])]
            self.put("rds", r, "DescribeDBClusters", out({"DBClusters": dbc}))
            self.put("dms", r, "DescribeReplicationInstances", out({"ReplicationInstances": [
                {"ReplicationInstanceIdentifier": f"rep-{i}", "ReplicationInstanceArn": f"arn:{P}:dms:{a}:rep:REP{i}",
                 "PubliclyAccessible": i % 4 == 0, "AutoMinorVersionUpgrade": True, "MultiAZ": i % 2 == 0}
                for i in range(per["dms"][r])]}))
            self.put("dms", r, "DescribeEndpoints", out({"Endpoints": [
                {"EndpointIdentifier": f"ep-{i}", "EndpointArn": f"arn:{P}:dms:{a}:endpoint:EP{i}", "EndpointType": "SOURCE",
                 "EngineName": rng.choice(["mysql", "postgres", "s3"]), "SslMode": rng.choice(["none", "require"])}
                for i in range(per["endpoints"][r])]}))
            self.put("kafka", r, "ListClustersV2", out({"ClusterInfoList": [
                {"ClusterType": "PROVISIONED", "ClusterName": f"events-{i}", "ClusterArn": f"arn:{P}:kafka:{a}:cluster/events-{i}/{hexid()}",
                 "State": "ACTIVE", "Provisioned": {"EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": "TLS", "InCluster": True}},
                                                    "ClientAuthentication": {"Sasl": {"Iam": {"Enabled": True}}},
                                                    "EnhancedMonitoring": "DEFAULT"}}
                for i in range(per["msk"][r])]}))
            brokers = [{"BrokerId": f"b-{hexid(8)}-{i}", "BrokerName": f"mq-{i}", "BrokerState": "RUNNING",
                        "EngineType": rng.choice(["ACTIVEMQ", "RABBITMQ"]),
                        "DeploymentMode": rng.choice(["SINGLE_INSTANCE", "ACTIVE_STANDBY_MULTI_AZ", "CLUSTER_MULTI_AZ"])}
                       for i in range(per["mq"][r])]
            for b in brokers:
                b["BrokerArn"] = f"arn:{P}:mq:{a}:broker:{b['BrokerName']}:{b['BrokerId']}"
            self.put("mq", r, "ListBrokers", out({"BrokerSummaries": brokers}))
            self.put("mq", r, "DescribeBroker", cases("BrokerId", [(b["BrokerId"], dict(
                b, PubliclyAccessible=False, AutoMinorVersionUpgrade=True, Logs={"General": True, "Audit": False})) for b in brokers]))
            self.chain(f"mq {r}", 1, then=1 if brokers else 0)
            n = len(clusters) + 2 * len(wgs) + len(domains) + len(dbc) + per["dms"][r] + per["endpoints"][r] + per["msk"][r]
            n += len(brokers)
            self.count("data", n)
            # Per cluster: its parameter group's parameters (once), then its logging status.
            self.chain(f"redshift {r}", 1, then=2 if clusters else 0)
            self.chain(f"opensearch {r}", 1, then=1 if domains else 0)

    # ------------------------------------------ compute platforms and developer tools (issue 12 §1)
    def compute_platforms(self):
        """Batch job definitions, Elastic Beanstalk environments, EMR clusters and security configurations,
        App Runner services, Lightsail instances and databases, CodePipeline pipelines, CodeArtifact domains
        and repositories: about 500 resources at scale 1, only in the regions AWS offers each service in."""
        s = self.scale
        jd_n, env_n, emr_n = split(TOTALS["job_definitions"], s), split(TOTALS["beanstalk_envs"], s), split(TOTALS["emr_clusters"], s)
        esc_n, ar_n = split(TOTALS["emr_security_configs"], s), split(TOTALS["apprunner_services"], s)
        ls_n, lsdb_n = split(TOTALS["lightsail_instances"], s), split(TOTALS["lightsail_databases"], s)
        pl_n, car_n = split(TOTALS["pipelines"], s), split(TOTALS["codeartifact_repos"], s)
        for r in REGIONS:
            a = f"{r}:{ACCOUNT}"
            kms = lambda: self.key(r)
            # Batch: every ACTIVE revision in one paged listing, container properties included.
            jds = [{"jobDefinitionName": f"job-{i}", "revision": rev, "status": "ACTIVE", "type": "container",
                    "jobDefinitionArn": f"arn:{P}:batch:{a}:job-definition/job-{i}:{rev}",
                    "platformCapabilities": [rng.choice(["EC2", "FARGATE"])],
                    "containerProperties": {"image": f"{ACCOUNT}.dkr.ecr.{r}.amazonaws.com/job-{i}:latest",
                                            "command": ["run.sh"], "privileged": rng.random() < 0.1,
                                            "readonlyRootFilesystem": rng.random() < 0.4,
                                            **({"user": "1000"} if rng.random() < 0.5 else {}),
                                            "resourceRequirements": [{"type": "VCPU", "value": "1"}],
                                            "environment": [{"name": "STAGE", "value": "prod"}]},
                    "tags": {"team": rng.choice(["data", "ml"])}}
                   for i in range(jd_n[r]) for rev in (1, 2)[:rng.choice([1, 2])]]
            self.put("batch", r, "DescribeJobDefinitions", out({"jobDefinitions": jds}, "DescribeJobDefinitions"))
            # Elastic Beanstalk: environments, then their configuration settings one by one.
            envs = [{"EnvironmentName": f"env-{i}", "EnvironmentId": f"e-{hexid(10)}", "ApplicationName": f"app-{i // 2}",
                     "EnvironmentArn": f"arn:{P}:elasticbeanstalk:{a}:environment/app-{i // 2}/env-{i}",
                     "SolutionStackName": "64bit Amazon Linux 2023 v4.3.0 running Python 3.11", "Status": "Ready",
                     "Health": "Green", "DateCreated": "2025-03-01T00:00:00Z", "DateUpdated": "2025-09-01T00:00:00Z",
                     "Tier": {"Name": "WebServer", "Type": "Standard", "Version": "1.0"}} for i in range(env_n[r])]
            self.put("elasticbeanstalk", r, "DescribeEnvironments", out({"Environments": envs}, "DescribeEnvironments"))
            self.put("elasticbeanstalk", r, "DescribeConfigurationSettings", {"cases": [
                {"input": {"ApplicationName": e["ApplicationName"], "EnvironmentName": e["EnvironmentName"]},
                 "output": {"ConfigurationSettings": [{"ApplicationName": e["ApplicationName"],
                                                       "EnvironmentName": e["EnvironmentName"], "DeploymentStatus": "deployed",
                                                       "OptionSettings": [
                     {"Namespace": "aws:elasticbeanstalk:healthreporting:system", "OptionName": "SystemType",
                      "Value": rng.choice(["enhanced", "basic"])},
                     {"Namespace": "aws:elasticbeanstalk:managedactions", "OptionName": "ManagedActionsEnabled",
                      "Value": rng.choice(["true", "false"])},
                     {"Namespace": "aws:elasticbeanstalk:cloudwatch:logs", "OptionName": "StreamLogs",
                      "Value": rng.choice(["true", "false"])},
                     {"Namespace": "aws:elasticbeanstalk:application:environment", "OptionName": "STAGE", "Value": "prod"}]}]}}
                for e in envs]})
            # EMR: active clusters, then DescribeCluster each; security configurations, then each document.
            clusters = [{"Id": f"j-{hexid(13).upper()}", "Name": f"emr-{i}", "NormalizedInstanceHours": 96,
                         "Status": {"State": rng.choice(["RUNNING", "WAITING"]), "StateChangeReason": {},
                                    "Timeline": {"CreationDateTime": "2026-10-01T00:00:00Z"}}} for i in range(emr_n[r])]
            for c in clusters:
                c["ClusterArn"] = f"arn:{P}:elasticmapreduce:{a}:cluster/{c['Id']}"
            confs = [f"emr-sec-{i}" for i in range(esc_n[r])]
            self.put("emr", r, "ListClusters", out({"Clusters": clusters}, "emr:ListClusters"))
            self.put("emr", r, "DescribeCluster", cases("ClusterId", [(c["Id"], {"Cluster": {
                "Id": c["Id"], "Name": c["Name"], "Status": {"State": c["Status"]["State"]}, "ClusterArn": c["ClusterArn"],
                "ReleaseLabel": "emr-7.5.0", "ServiceRole": "EMR_DefaultRole", "VisibleToAllUsers": True,
                "Ec2InstanceAttributes": {"Ec2SubnetId": f"subnet-{hexid()}", "IamInstanceProfile": "EMR_EC2_DefaultRole"},
                "MasterPublicDnsName": f"ec2-54-1-{i % 250}-1.compute-1.amazonaws.com" if rng.random() < 0.2
                else f"ip-10-0-{i % 250}-1.ec2.internal",
                **({"SecurityConfiguration": rng.choice(confs)} if confs and rng.random() < 0.6 else {})}})
                for i, c in enumerate(clusters)]))
            self.put("emr", r, "ListSecurityConfigurations", out({"SecurityConfigurations": [
                {"Name": n, "CreationDateTime": "2025-02-01T00:00:00Z"} for n in confs]}, "emr:ListSecurityConfigurations"))
            self.put("emr", r, "DescribeSecurityConfiguration", cases("Name", [(n, {
                "Name": n, "CreationDateTime": "2025-02-01T00:00:00Z", "SecurityConfiguration": json.dumps({"EncryptionConfiguration": {
                    "EnableAtRestEncryption": rng.random() < 0.7, "EnableInTransitEncryption": rng.random() < 0.5,
                    "AtRestEncryptionConfiguration": {"S3EncryptionConfiguration": {"EncryptionMode": "SSE-KMS", "AwsKmsKey": kms()}}}})})
                for n in confs]))
            # App Runner: services, then DescribeService each (source configuration with a plaintext variable).
            services = []
            if offered("apprunner", r):
                services = [{"ServiceName": f"svc-{i}", "ServiceId": hexid(32), "Status": "RUNNING",
                             "CreatedAt": "2025-05-01T00:00:00Z", "UpdatedAt": "2025-09-01T00:00:00Z"} for i in range(ar_n[r])]
                for x in services:
                    x["ServiceArn"] = f"arn:{P}:apprunner:{a}:service/{x['ServiceName']}/{x['ServiceId']}"
                    x["ServiceUrl"] = f"{x['ServiceId'][:10]}.{r}.awsapprunner.com"
            self.put("apprunner", r, "ListServices", out({"ServiceSummaryList": services}))
            self.put("apprunner", r, "DescribeService", cases("ServiceArn", [(x["ServiceArn"], {"Service": {
                **x, "SourceConfiguration": {"ImageRepository": {
                    "ImageIdentifier": f"{ACCOUNT}.dkr.ecr.{r}.amazonaws.com/{x['ServiceName']}:latest", "ImageRepositoryType": "ECR",
                    "ImageConfiguration": {"Port": "8080", "RuntimeEnvironmentVariables": {"STAGE": "prod"}}}},
                "InstanceConfiguration": {"Cpu": "1024", "Memory": "2048"},
                "NetworkConfiguration": {"EgressConfiguration": {"EgressType": "DEFAULT"},
                                         "IngressConfiguration": {"IsPubliclyAccessible": rng.random() < 0.5}},
                **({"EncryptionConfiguration": {"KmsKey": kms()}} if rng.random() < 0.3 else {}),
                "ObservabilityConfiguration": {"ObservabilityEnabled": rng.random() < 0.5}}}) for x in services]))
            # Lightsail: instances and databases, everything in the listings.
            instances, dbs = [], []
            if offered("lightsail", r):
                for i in range(ls_n[r]):
                    ports = [{"fromPort": 443, "toPort": 443, "protocol": "tcp", "accessFrom": "Anywhere (0.0.0.0/0)",
                              "accessType": "public", "accessDirection": "inbound", "cidrs": ["0.0.0.0/0"], "ipv6Cidrs": ["::/0"]},
                             {"fromPort": 22, "toPort": 22, "protocol": "tcp", "accessDirection": "inbound", "accessType": "public",
                              "cidrs": ["0.0.0.0/0"] if rng.random() < 0.4 else ["203.0.113.0/24"], "ipv6Cidrs": []}]
                    instances.append({"name": f"lightsail-{i}", "arn": f"arn:{P}:lightsail:{a}:Instance/{hexid(8)}-{hexid(4)}-{hexid(12)}",
                                      "createdAt": "2025-04-01T00:00:00Z", "resourceType": "Instance", "blueprintId": "wordpress",
                                      "bundleId": "small_3_0", "location": {"availabilityZone": f"{r}a", "regionName": r},
                                      "state": {"code": 16, "name": "running"}, "publicIpAddress": f"3.90.{i // 250}.{i % 250 + 1}",
                                      "privateIpAddress": f"172.26.{i // 250}.{i % 250 + 1}", "isStaticIp": False,
                                      "addOns": [{"name": "AutoSnapshot", "status": "Enabled", "snapshotTimeOfDay": "06:00"}]
                                      if rng.random() < 0.5 else [],
                                      "metadataOptions": {"state": "applied", "httpTokens": rng.choice(["required", "optional"]),
                                                          "httpEndpoint": "enabled", "httpPutResponseHopLimit": 1},
                                      "networking": {"ports": ports}, "tags": [{"key": "site", "value": f"lightsail-{i}"}]})
                dbs = [{"name": f"lightsail-db-{i}", "arn": f"arn:{P}:lightsail:{a}:RelationalDatabase/{hexid(8)}-{hexid(4)}-{hexid(12)}",
                        "createdAt": "2025-04-01T00:00:00Z", "resourceType": "RelationalDatabase", "engine": "mysql",
                        "engineVersion": "8.0.35", "relationalDatabaseBlueprintId": "mysql_8_0", "state": "available",
                        "location": {"availabilityZone": f"{r}a", "regionName": r}, "masterUsername": "dbmasteruser",
                        "publiclyAccessible": rng.random() < 0.2, "backupRetentionEnabled": rng.random() < 0.6, "tags": []}
                       for i in range(lsdb_n[r])]
            self.put("lightsail", r, "GetInstances", out({"instances": instances}))
            self.put("lightsail", r, "GetRelationalDatabases", out({"relationalDatabases": dbs}))
            # CodePipeline: pipelines, then GetPipeline each (its artifact stores).
            pipes = [f"pipeline-{i}" for i in range(pl_n[r])] if offered("codepipeline", r) else []
            self.put("codepipeline", r, "ListPipelines", out({"pipelines": [
                {"name": n, "version": 1, "created": "2025-01-01T00:00:00Z", "updated": "2025-08-01T00:00:00Z"} for n in pipes]}))
            self.put("codepipeline", r, "GetPipeline", cases("name", [(n, {"pipeline": {
                "name": n, "roleArn": f"arn:{P}:iam::{ACCOUNT}:role/service-role/codepipeline-{n}", "version": 1,
                "stages": [{"name": "Source", "actions": [{"name": "Source", "runOrder": 1,
                            "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
                            "configuration": {"S3Bucket": "acme-src", "S3ObjectKey": f"{n}.zip"}, "outputArtifacts": [{"name": "src"}]}]}],
                "artifactStore": {"type": "S3", "location": f"acme-pipeline-artifacts-{r}",
                                  **({"encryptionKey": {"id": kms(), "type": "KMS"}} if rng.random() < 0.5 else {})}},
                "metadata": {"pipelineArn": f"arn:{P}:codepipeline:{a}:{n}"}}) for n in pipes]))
            # CodeArtifact: one domain per region where used, its repositories, then each one's policy.
            repos = []
            if offered("codeartifact", r) and car_n[r]:
                domain = {"name": "packages", "owner": ACCOUNT, "arn": f"arn:{P}:codeartifact:{a}:domain/packages",
                          "status": "Active", "createdTime": "2025-02-01T00:00:00Z", "encryptionKey": kms()}
                repos = [{"name": f"repo-{i}", "administratorAccount": ACCOUNT, "domainName": "packages", "domainOwner": ACCOUNT,
                          "arn": f"arn:{P}:codeartifact:{a}:repository/packages/repo-{i}"} for i in range(car_n[r])]
                self.put("codeartifact", r, "ListDomains", out({"domains": [domain]}))
                self.count("compute", 1)
            self.put("codeartifact", r, "ListRepositories", out({"repositories": repos}))
            self.put("codeartifact", r, "GetRepositoryPermissionsPolicy", {"cases": [
                {"input": {"domain": "packages", "repository": x["name"]}, "output": {"policy": {
                    "resourceArn": x["arn"], "revision": "rev-1", "document": json.dumps({"Version": "2012-10-17", "Statement": [{
                        "Effect": "Allow", "Principal": {"AWS": f"arn:{P}:iam::{ACCOUNT}:root"},
                        "Action": ["codeartifact:ReadFromRepository"], "Resource": "*"}]})}}}
                for x in repos if rng.random() < 0.4],
                "default": {"error": {"code": "ResourceNotFoundException", "status": 404,
                                      "message": "No resource policy is set for repository '{repository}'"}}})
            self.count("compute", len(jds) + len(envs) + len(clusters) + len(confs) + len(services) + len(instances)
                       + len(dbs) + len(pipes) + len(repos))
            # Listing pages, then the per-resource call each listing leads to.
            self.chain(f"emr {r}", pages(len(clusters), PAGE["emr:ListClusters"]), then=1)
            self.chain(f"elasticbeanstalk {r}", 1, then=1)
            self.chain(f"apprunner {r}", 1, then=1)
            self.chain(f"codepipeline {r}", pages(len(pipes), 100), then=1)
            self.chain(f"codeartifact {r}", pages(len(repos), 100), then=1)

    # ------------------------------------------ storage and end-user computing (issue 12 §1)
    def storage_euc(self):
        """FSx file systems, Glacier vaults, DLM policies, DRS source servers, Storage Gateway gateways and file
        shares, WorkSpaces and AppStream fleets: about 500 resources at scale 1. DRS is initialized only
        where it replicates servers; elsewhere it answers UninitializedAccountException, as AWS does."""
        s = self.scale
        fsx_n, vault_n, dlm_n = split(TOTALS["fsx_file_systems"], s), split(TOTALS["glacier_vaults"], s), split(TOTALS["dlm_policies"], s)
        drs_n, gw_n, share_n = split(TOTALS["drs_servers"], s), split(TOTALS["gateways"], s), split(TOTALS["file_shares"], s)
        ws_n, fleet_n = split(TOTALS["workspaces"], s), split(TOTALS["appstream_fleets"], s)
        for r in REGIONS:
            a = f"{r}:{ACCOUNT}"
            kms = lambda: self.key(r)
            logs = f"arn:{P}:logs:{a}:log-group:/aws/fsx/windows"
            # FSx: every type, all settings in the listing.
            fss = []
            for i in range(fsx_n[r]):
                fid, kind = f"fs-{hexid()}", ["WINDOWS", "LUSTRE", "ONTAP", "OPENZFS"][i % 4]
                fs = {"OwnerId": ACCOUNT, "FileSystemId": fid, "FileSystemType": kind, "Lifecycle": "AVAILABLE",
                      "CreationTime": "2025-03-01T00:00:00Z", "StorageCapacity": 1200, "StorageType": "SSD",
                      "VpcId": f"vpc-{hexid()}", "SubnetIds": [f"subnet-{hexid()}"], "DNSName": f"{fid}.fsx.{r}.amazonaws.com",
                      "ResourceARN": f"arn:{P}:fsx:{a}:file-system/{fid}", "Tags": [{"Key": "Name", "Value": f"fsx-{i}"}]}
                scratch = kind == "LUSTRE" and rng.random() < 0.3
                if not scratch:
                    fs["KmsKeyId"] = kms()
                conf = {"DeploymentType": {"WINDOWS": "MULTI_AZ_1", "LUSTRE": "SCRATCH_2" if scratch else "PERSISTENT_2",
                                           "ONTAP": "MULTI_AZ_1", "OPENZFS": "SINGLE_AZ_1"}[kind]}
                if not scratch:
                    conf["AutomaticBackupRetentionDays"] = rng.choice([0, 7, 30])
                if kind != "ONTAP":
                    conf["CopyTagsToBackups"] = rng.random() < 0.5
                if kind == "OPENZFS":
                    conf["CopyTagsToVolumes"] = rng.random() < 0.5
                if kind == "WINDOWS":
                    conf["ThroughputCapacity"] = 32
                    conf["AuditLogConfiguration"] = ({"FileAccessAuditLogLevel": "SUCCESS_AND_FAILURE",
                                                      "FileShareAccessAuditLogLevel": "FAILURE_ONLY", "AuditLogDestination": logs}
                                                     if rng.random() < 0.5 else {"FileAccessAuditLogLevel": "DISABLED",
                                                                                 "FileShareAccessAuditLogLevel": "DISABLED"})
                if kind == "LUSTRE":
                    conf["LogConfiguration"] = {"Level": rng.choice(["DISABLED", "WARN_ERROR"])}
                fs[{"WINDOWS": "WindowsConfiguration", "LUSTRE": "LustreConfiguration", "ONTAP": "OntapConfiguration",
                    "OPENZFS": "OpenZFSConfiguration"}[kind]] = conf
                fss.append(fs)
            self.put("fsx", r, "DescribeFileSystems", out({"FileSystems": fss}, "DescribeFileSystems"))
            # Glacier: vaults (10 a page), then each one's access policy and Vault Lock.
            vaults = [{"VaultName": f"vault-{i}", "VaultARN": f"arn:{P}:glacier:{a}:vaults/vault-{i}",
                       "CreationDate": "2024-05-01T00:00:00.000Z", "NumberOfArchives": rng.randint(0, 500),
                       "SizeInBytes": 125829120} for i in range(vault_n[r])]
            self.put("glacier", r, "ListVaults", out({"VaultList": vaults}, "ListVaults"))
            self.put("glacier", r, "GetVaultAccessPolicy", {"cases": [
                {"input": {"vaultName": v["VaultName"]}, "output": {"policy": {"Policy": json.dumps({"Version": "2012-10-17", "Statement": [{
                    "Effect": "Allow", "Principal": {"AWS": f"arn:{P}:iam::{ACCOUNT}:root"} if rng.random() < 0.9 else "*",
                    "Action": ["glacier:InitiateJob", "glacier:GetJobOutput"], "Resource": v["VaultARN"]}]})}}}
                for v in vaults if rng.random() < 0.4],
                "default": {"error": {"code": "ResourceNotFoundException", "status": 404,
                                      "message": "No vault access policy is set for: {vaultName}"}}})
            self.put("glacier", r, "GetVaultLock", {"cases": [
                {"input": {"vaultName": v["VaultName"]}, "output": {"State": "Locked", "CreationDate": "2024-05-02T00:00:00.000Z",
                                                                    "Policy": json.dumps({"Version": "2012-10-17", "Statement": []})}}
                for v in vaults if rng.random() < 0.2],
                "default": {"error": {"code": "ResourceNotFoundException", "status": 404,
                                      "message": "No vault lock policy is set for: {vaultName}"}}})
            # DLM: every policy's summary in one call, then each policy's details.
            policies = [{"PolicyId": f"policy-{hexid()}", "Description": f"daily {i}", "State": rng.choice(["ENABLED", "ENABLED", "DISABLED"]),
                         "Tags": {"team": "platform"}, "DefaultPolicy": False,
                         "PolicyType": rng.choice(["EBS_SNAPSHOT_MANAGEMENT", "EBS_SNAPSHOT_MANAGEMENT", "IMAGE_MANAGEMENT"])}
                        for i in range(dlm_n[r])]
            self.put("dlm", r, "GetLifecyclePolicies", out({"Policies": policies}))
            self.put("dlm", r, "GetLifecyclePolicy", cases("PolicyId", [(p["PolicyId"], {"Policy": {
                **{k: p[k] for k in ("PolicyId", "Description", "State", "Tags")},
                "ExecutionRoleArn": f"arn:{P}:iam::{ACCOUNT}:role/AWSDataLifecycleManagerDefaultRole",
                "DateCreated": "2025-01-10T00:00:00Z", "DateModified": "2025-02-10T00:00:00Z",
                "PolicyDetails": {"PolicyType": p["PolicyType"], "ResourceTypes": ["VOLUME" if p["PolicyType"].startswith("EBS") else "INSTANCE"],
                                  "TargetTags": [{"Key": "Backup", "Value": "daily"}],
                                  "Schedules": [{"Name": "daily", "CreateRule": {"Interval": 24, "IntervalUnit": "HOURS", "Times": ["03:00"]},
                                                 "RetainRule": {"Count": 7},
                                                 "CrossRegionCopyRules": [{"Target": "us-west-2", "Encrypted": rng.random() < 0.6,
                                                                           "RetainRule": {"Interval": 7, "IntervalUnit": "DAYS"}}]
                                                 if rng.random() < 0.4 else []}]}}}) for p in policies]))
            # DRS: source servers where initialized.
            servers = [{"sourceServerID": f"s-{hexid()}", "arn": "", "tags": {"app": "erp"}, "lastLaunchResult": "NOT_STARTED",
                        "dataReplicationInfo": {"dataReplicationState": rng.choice(["CONTINUOUS", "CONTINUOUS", "STALLED"]),
                                                "lagDuration": "PT5S", "replicatedDisks": []},
                        "sourceProperties": {"identificationHints": {"hostname": f"server-{i}"}, "os": {"fullString": "Ubuntu 22.04"}}}
                       for i in range(drs_n[r])]
            for x in servers:
                x["arn"] = f"arn:{P}:drs:{a}:source-server/{x['sourceServerID']}"
            self.put("drs", r, "DescribeSourceServers", out({"items": servers}) if servers else {"error": {
                "code": "UninitializedAccountException", "message": "Account not initialized", "status": 400}})
            # Storage Gateway: gateways (then each one's information), file shares (then their descriptions, 10 a call,
            # and each SMB gateway's settings).
            gws = [{"GatewayId": f"sgw-{hexid(8).upper()}", "GatewayType": "FILE_S3", "GatewayOperationalState": "ACTIVE",
                    "GatewayName": f"gateway-{i}", "HostEnvironment": "VMWARE"} for i in range(gw_n[r])]
            for g in gws:
                g["GatewayARN"] = f"arn:{P}:storagegateway:{a}:gateway/{g['GatewayId']}"
            self.put("storagegateway", r, "ListGateways", out({"Gateways": gws}))
            self.put("storagegateway", r, "DescribeGatewayInformation", cases("GatewayARN", [(g["GatewayARN"], {
                **{k: g[k] for k in ("GatewayARN", "GatewayId", "GatewayName", "GatewayType", "HostEnvironment")},
                "GatewayState": "RUNNING", "GatewayTimezone": "GMT", "Tags": [{"Key": "Name", "Value": g["GatewayName"]}],
                **({"CloudWatchLogGroupARN": f"arn:{P}:logs:{a}:log-group:/aws/storagegateway/{g['GatewayName']}"}
                   if rng.random() < 0.6 else {})}) for g in gws]))
            shares = []
            for i in range(share_n[r] if gws else 0):
                g, sid = rng.choice(gws), f"share-{hexid(8).upper()}"
                shares.append({"FileShareType": rng.choice(["NFS", "SMB"]), "FileShareId": sid, "FileShareStatus": "AVAILABLE",
                               "FileShareARN": f"arn:{P}:storagegateway:{a}:share/{sid}", "GatewayARN": g["GatewayARN"]})
            self.put("storagegateway", r, "ListFileShares", out({"FileShareInfoList": shares}))
            chain = pages(len(gws), 100) + pages(len(shares), 100)
            for kind in ("NFS", "SMB"):
                group = [x for x in shares if x["FileShareType"] == kind]
                details = []
                for i, x in enumerate(group):
                    enc = rng.choice(["SseS3", "SseKms", "SseKms"])
                    d = {**x, "Path": f"/share-{i}", "Role": f"arn:{P}:iam::{ACCOUNT}:role/StorageGatewayBucketAccess",
                         "LocationARN": f"arn:{P}:s3:::acme-share-{i}", "DefaultStorageClass": "S3_STANDARD",
                         "ObjectACL": "bucket-owner-full-control", "ReadOnly": False, "FileShareName": f"{kind.lower()}-share-{i}",
                         "EncryptionType": enc, "KMSEncrypted": enc != "SseS3", "Tags": [],
                         **({"KMSKey": kms()} if enc != "SseS3" else {}),
                         **({"AuditDestinationARN": f"arn:{P}:logs:{a}:log-group:/aws/storagegateway/audit"} if rng.random() < 0.5 else {})}
                    d.pop("FileShareType")
                    if kind == "NFS":
                        d["Squash"] = rng.choice(["RootSquash", "NoSquash", "AllSquash"])
                        d["ClientList"] = ["10.0.0.0/16"]
                    else:
                        d["Authentication"] = rng.choice(["ActiveDirectory", "ActiveDirectory", "GuestAccess"])
                    details.append(d)
                # The collector asks for up to 10 ARNs a call, in the listing's order.
                self.put("storagegateway", r, f"Describe{kind}FileShares", {"cases": [
                    {"input": {"FileShareARNList": [d["FileShareARN"] for d in details[i:i + 10]]},
                     "output": {f"{kind}FileShareInfoList": details[i:i + 10]}} for i in range(0, len(details), 10)]})
                chain += -(-len(details) // 10)
            smb_gateways = sorted({x["GatewayARN"] for x in shares if x["FileShareType"] == "SMB"})
            self.put("storagegateway", r, "DescribeSMBSettings", cases("GatewayARN", [(g, {
                "GatewayARN": g, "DomainName": "corp.example.com", "ActiveDirectoryStatus": "JOINED", "SMBGuestPasswordSet": False,
                "SMBSecurityStrategy": rng.choice(["ClientSpecified", "MandatorySigning", "MandatoryEncryption"]),
                "FileSharesVisible": False}) for g in smb_gateways]))
            # Describe{NFS,SMB}FileShares batches, then one DescribeSMBSettings per SMB gateway, one after another.
            self.chain(f"storagegateway {r}", chain + len(smb_gateways))
            # WorkSpaces (25 a page) and AppStream fleets: everything in the listings.
            wss = []
            if offered("workspaces", r):
                wss = [{"WorkspaceId": f"ws-{hexid(9)}", "DirectoryId": f"d-{hexid(10)}", "UserName": f"user-{i:04d}",
                        "IpAddress": f"10.0.{i // 250}.{i % 250 + 1}", "State": "AVAILABLE", "BundleId": "wsb-bh8rsxt14",
                        "SubnetId": f"subnet-{hexid()}", "ComputerName": f"WSAMZN-{hexid(6).upper()}",
                        "WorkspaceProperties": {"RunningMode": "AUTO_STOP", "RootVolumeSizeGib": 80, "UserVolumeSizeGib": 50,
                                                "ComputeTypeName": "STANDARD"}}
                       for i in range(ws_n[r])]
                for w in wss:
                    if rng.random() < 0.6:
                        w.update({"VolumeEncryptionKey": kms(), "UserVolumeEncryptionEnabled": True,
                                  "RootVolumeEncryptionEnabled": rng.random() < 0.8})
            self.put("workspaces", r, "DescribeWorkspaces", out({"Workspaces": wss}, "DescribeWorkspaces"))
            fleets = []
            if offered("appstream2", r):
                fleets = [{"Arn": f"arn:{P}:appstream:{a}:fleet/fleet-{i}", "Name": f"fleet-{i}", "DisplayName": f"fleet-{i}",
                           "ImageName": "AppStream-WinServer2019-06-12-2024", "InstanceType": "stream.standard.medium",
                           "FleetType": rng.choice(["ON_DEMAND", "ALWAYS_ON"]), "State": "RUNNING",
                           "ComputeCapacityStatus": {"Desired": 2, "Running": 2, "InUse": 0, "Available": 2},
                           "MaxUserDurationInSeconds": rng.choice([36000, 57600]), "DisconnectTimeoutInSeconds": rng.choice([300, 900]),
                           "EnableDefaultInternetAccess": rng.random() < 0.3, "CreatedTime": "2025-01-15T00:00:00Z",
                           **({"IdleDisconnectTimeoutInSeconds": 600} if rng.random() < 0.6 else {}),
                           "Platform": "WINDOWS_SERVER_2019", "StreamView": "APP"} for i in range(fleet_n[r])]
            self.put("appstream", r, "DescribeFleets", out({"Fleets": fleets}))
            self.count("storage_euc", len(fss) + len(vaults) + len(policies) + len(servers) + len(gws) + len(shares)
                       + len(wss) + len(fleets))
            self.chain(f"glacier {r}", pages(len(vaults), PAGE["ListVaults"]), then=2)
            self.chain(f"dlm {r}", 1, then=1)

    # ------------------------------------------ security services, ML, mail, DNS (issue 12 §1)
    def security_ml(self):
        """Inspector and Macie status per region, SES identities and configuration sets, SageMaker notebook
        instances, endpoint configurations, models and training jobs, Route 53 Resolver query logging and
        DNS Firewall associations of the generated VPCs, and AWS WAF Classic (global) web ACLs, rules and
        rule groups: about 600 resources at scale 1."""
        s = self.scale
        id_n, cs_n = split(TOTALS["ses_identities"], s), split(TOTALS["ses_config_sets"], s)
        nb_n, ec_n = split(TOTALS["notebooks"], s), split(TOTALS["endpoint_configs"], s)
        md_n, tj_n = split(TOTALS["models"], s), split(TOTALS["training_jobs"], s)
        for r in REGIONS:
            a = f"{r}:{ACCOUNT}"
            kms = lambda: self.key(r)
            busy = WEIGHT[r] > 0.1
            # Inspector: activated in most regions (Lambda scanning in the busy ones only, Lambda code scanning nowhere).
            if offered("inspector2", r) and (busy or rng.random() < 0.7):
                state = lambda on: {"status": "ENABLED" if on else "DISABLED", "errorCode": "ALREADY_ENABLED" if on else
                                    "RESOURCE_NOT_FOUND", "errorMessage": ""}
                self.put("inspector2", r, "BatchGetAccountStatus", out({"accounts": [{
                    "accountId": ACCOUNT, "state": state(True),
                    "resourceState": {"ec2": state(True), "ecr": state(True), "lambda": state(busy),
                                      "lambdaCode": state(False)}}], "failedAccounts": []}))
            # Macie: enabled in the busy regions; elsewhere fakeaws answers as AWS does where it never was.
            if busy:
                self.put("macie2", r, "GetMacieSession", out({
                    "status": "ENABLED", "findingPublishingFrequency": "FIFTEEN_MINUTES", "createdAt": "2025-02-01T00:00:00Z",
                    "serviceRole": f"arn:{P}:iam::{ACCOUNT}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie",
                    "updatedAt": "2025-02-01T00:00:00Z"}))
                self.put("macie2", r, "GetAutomatedDiscoveryConfiguration", out({
                    "status": rng.choice(["ENABLED", "DISABLED"]), "classificationScopeId": hexid(32),
                    "sensitivityInspectionTemplateId": hexid(32), "firstEnabledAt": "2025-02-01T00:00:00Z",
                    "lastUpdatedAt": "2025-02-01T00:00:00Z"}))
            # SES v2: identities and configuration sets, then each one's details.
            idents = [{"IdentityType": "DOMAIN" if i % 3 else "EMAIL_ADDRESS", "SendingEnabled": True, "VerificationStatus": "SUCCESS",
                       "IdentityName": f"mail{i}.example.com" if i % 3 else f"noreply{i}@example.com"} for i in range(id_n[r])]
            # SES v1's ListIdentities lists them (SecurityAudit grants it, not the v2 listing, which versions before
            # cfc346b called: answered too, for comparing with them).
            self.put("ses", r, "ListIdentities", out({"Identities": [x["IdentityName"] for x in idents]}))
            self.put("sesv2", r, "ListEmailIdentities", out({"EmailIdentities": idents}))
            self.put("sesv2", r, "GetEmailIdentity", cases("EmailIdentity", [(x["IdentityName"], {
                "IdentityType": x["IdentityType"], "FeedbackForwardingStatus": True, "VerifiedForSendingStatus": True,
                "VerificationStatus": "SUCCESS",
                "DkimAttributes": {"SigningEnabled": rng.random() < 0.7, "Status": rng.choice(["SUCCESS", "SUCCESS", "PENDING"]),
                                   "SigningAttributesOrigin": "AWS_SES", "Tokens": [hexid(32)]},
                "Policies": {"app-sender": json.dumps({"Version": "2012-10-17", "Statement": [{
                    "Effect": "Allow", "Principal": {"AWS": f"arn:{P}:iam::{ACCOUNT}:role/app"},
                    "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": f"arn:{P}:ses:{a}:identity/{x['IdentityName']}"}]})}
                if rng.random() < 0.3 else {}}) for x in idents]))
            sets = [f"config-set-{i}" for i in range(cs_n[r])]
            self.put("sesv2", r, "ListConfigurationSets", out({"ConfigurationSets": sets}))
            self.put("sesv2", r, "GetConfigurationSet", cases("ConfigurationSetName", [(n, {
                "ConfigurationSetName": n, "DeliveryOptions": {"TlsPolicy": rng.choice(["REQUIRE", "OPTIONAL"])},
                "ReputationOptions": {"ReputationMetricsEnabled": True}, "SendingOptions": {"SendingEnabled": True}})
                for n in sets]))
            # SageMaker: four listings (10 a page), then one describe per resource.
            sm = lambda kind, name: f"arn:{P}:sagemaker:{a}:{kind}/{name}"
            nbs = [f"notebook-{i}" for i in range(nb_n[r])]
            self.put("sagemaker", r, "ListNotebookInstances", out({"NotebookInstances": [
                {"NotebookInstanceName": n, "NotebookInstanceArn": sm("notebook-instance", n), "NotebookInstanceStatus": "InService",
                 "InstanceType": "ml.t3.medium", "CreationTime": "2025-05-01T00:00:00Z"} for n in nbs]}, "sagemaker:list"))
            self.put("sagemaker", r, "DescribeNotebookInstance", cases("NotebookInstanceName", [(n, {
                "NotebookInstanceName": n, "NotebookInstanceArn": sm("notebook-instance", n), "NotebookInstanceStatus": "InService",
                "InstanceType": "ml.t3.medium", "RoleArn": f"arn:{P}:iam::{ACCOUNT}:role/sagemaker-notebook", "VolumeSizeInGB": 5,
                "DirectInternetAccess": rng.choice(["Enabled", "Disabled"]), "RootAccess": rng.choice(["Enabled", "Disabled"]),
                **({"SubnetId": f"subnet-{hexid()}", "SecurityGroups": [f"sg-{hexid()}"]} if rng.random() < 0.5 else {}),
                **({"KmsKeyId": kms()} if rng.random() < 0.5 else {}), "CreationTime": "2025-05-01T00:00:00Z"}) for n in nbs]))
            ecs = [f"endpoint-config-{i}" for i in range(ec_n[r])]
            self.put("sagemaker", r, "ListEndpointConfigs", out({"EndpointConfigs": [
                {"EndpointConfigName": n, "EndpointConfigArn": sm("endpoint-config", n), "CreationTime": "2025-05-02T00:00:00Z"}
                for n in ecs]}, "sagemaker:list"))
            self.put("sagemaker", r, "DescribeEndpointConfig", cases("EndpointConfigName", [(n, {
                "EndpointConfigName": n, "EndpointConfigArn": sm("endpoint-config", n), "CreationTime": "2025-05-02T00:00:00Z",
                "ProductionVariants": [{"VariantName": "primary", "ModelName": f"model-{i}", "InitialVariantWeight": 1.0,
                                        "InitialInstanceCount": rng.choice([1, 2]), "InstanceType": "ml.m5.large"}],
                **({"KmsKeyId": kms()} if rng.random() < 0.5 else {})}) for i, n in enumerate(ecs)]))
            mds = [f"model-{i}" for i in range(md_n[r])]
            self.put("sagemaker", r, "ListModels", out({"Models": [
                {"ModelName": n, "ModelArn": sm("model", n), "CreationTime": "2025-05-02T00:00:00Z"} for n in mds]}, "sagemaker:list"))
            self.put("sagemaker", r, "DescribeModel", cases("ModelName", [(n, {
                "ModelName": n, "ModelArn": sm("model", n), "CreationTime": "2025-05-02T00:00:00Z",
                "ExecutionRoleArn": f"arn:{P}:iam::{ACCOUNT}:role/sagemaker-model",
                "PrimaryContainer": {"Image": f"{ACCOUNT}.dkr.ecr.{r}.amazonaws.com/{n}:1", "Mode": "SingleModel",
                                     "ModelDataUrl": f"s3://acme-models/{n}/model.tar.gz", "Environment": {"LOG_LEVEL": "info"}},
                "EnableNetworkIsolation": rng.random() < 0.4,
                **({"VpcConfig": {"SecurityGroupIds": [f"sg-{hexid()}"], "Subnets": [f"subnet-{hexid()}", f"subnet-{hexid()}"]}}
                   if rng.random() < 0.5 else {})}) for n in mds]))
            tjs = [f"training-job-{i}" for i in range(tj_n[r])]
            self.put("sagemaker", r, "ListTrainingJobs", out({"TrainingJobSummaries": [
                {"TrainingJobName": n, "TrainingJobArn": sm("training-job", n), "CreationTime": "2025-05-03T00:00:00Z",
                 "TrainingEndTime": "2025-05-03T02:00:00Z", "LastModifiedTime": "2025-05-03T02:00:00Z", "TrainingJobStatus": "Completed"}
                for n in tjs]}, "sagemaker:list"))
            self.put("sagemaker", r, "DescribeTrainingJob", cases("TrainingJobName", [(n, {
                "TrainingJobName": n, "TrainingJobArn": sm("training-job", n), "TrainingJobStatus": "Completed",
                "SecondaryStatus": "Completed", "RoleArn": f"arn:{P}:iam::{ACCOUNT}:role/sagemaker-training",
                "AlgorithmSpecification": {"TrainingImage": f"{ACCOUNT}.dkr.ecr.{r}.amazonaws.com/train:1", "TrainingInputMode": "File"},
                "OutputDataConfig": {"S3OutputPath": f"s3://acme-models/{n}/", **({"KmsKeyId": kms()} if rng.random() < 0.5 else {})},
                "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50,
                                   **({"VolumeKmsKeyId": kms()} if rng.random() < 0.5 else {})},
                "StoppingCondition": {"MaxRuntimeInSeconds": 86400}, "CreationTime": "2025-05-03T00:00:00Z",
                "EnableNetworkIsolation": rng.random() < 0.3, "EnableInterContainerTrafficEncryption": rng.random() < 0.3,
                "HyperParameters": {"epochs": "10"}}) for n in tjs]))
            # Route 53 Resolver: query logging for some of the region's VPCs, DNS Firewall for fewer.
            vpcs = self.vpcs.get(r, [])
            logged = [v for v in vpcs if rng.random() < 0.5]
            self.put("route53resolver", r, "ListResolverQueryLogConfigAssociations", out({"ResolverQueryLogConfigAssociations": [
                {"Id": f"rqlca-{hexid()}", "ResolverQueryLogConfigId": f"rqlc-{hexid()}", "ResourceId": v, "Status": "ACTIVE",
                 "Error": "NONE", "ErrorMessage": "", "CreationTime": "2025-06-01T00:00:00.000Z"} for v in logged]}))
            guarded = [v for v in vpcs if rng.random() < 0.3]
            self.put("route53resolver", r, "ListFirewallRuleGroupAssociations", out({"FirewallRuleGroupAssociations": [
                {"Id": f"rslvr-frgassoc-{hexid()}", "Arn": f"arn:{P}:route53resolver:{a}:firewall-rule-group-association/rslvr-frgassoc-{i}",
                 "FirewallRuleGroupId": f"rslvr-frg-{hexid()}", "VpcId": v, "Name": f"dns-firewall-{i}", "Priority": 101,
                 "MutationProtection": "DISABLED", "Status": "COMPLETE", "StatusMessage": "", "CreatorRequestId": f"req-{i}",
                 "CreationTime": "2025-06-01T00:00:00.000Z", "ModificationTime": "2025-06-01T00:00:00.000Z"}
                for i, v in enumerate(guarded)]}))
            self.count("security_ml", len(idents) + len(sets) + len(nbs) + len(ecs) + len(mds) + len(tjs) + len(logged)
                       + len(guarded) + 2)
            sm_pages = max(pages(n, PAGE["sagemaker:list"]) for n in (len(nbs), len(ecs), len(mds), len(tjs)))
            self.chain(f"sagemaker {r}", sm_pages, then=1)
            self.chain(f"sesv2 {r}", 1, then=1)
            self.chain(f"macie2 {r}", 1, then=1 if busy else 0)
        # AWS WAF Classic (global, for CloudFront; its endpoint is us-east-1's): web ACLs, rules, rule groups.
        n = max(1, round(3 * s))
        uid = lambda: f"{hexid(8)}-{hexid(4)}-4{hexid(3)}-8{hexid(3)}-{hexid(12)}"
        rules = [{"RuleId": uid(), "Name": f"rule-{i}"} for i in range(2 * n)]
        groups = [{"RuleGroupId": uid(), "Name": f"rule-group-{i}"} for i in range(n)]
        acls = [{"WebACLId": uid(), "Name": f"cdn-acl-{i}"} for i in range(n)]
        arn = lambda kind, i: f"arn:{P}:waf::{ACCOUNT}:{kind}/{i}"
        self.put("waf", "us-east-1", "ListWebACLs", out({"WebACLs": acls}))
        self.put("waf", "us-east-1", "ListRules", out({"Rules": rules}))
        self.put("waf", "us-east-1", "ListRuleGroups", out({"RuleGroups": groups}))
        self.put("waf", "us-east-1", "ListLoggingConfigurations", out({"LoggingConfigurations": [
            {"ResourceArn": arn("webacl", x["WebACLId"]), "LogDestinationConfigs": [
                f"arn:{P}:firehose:us-east-1:{ACCOUNT}:deliverystream/aws-waf-logs-{x['Name']}"]} for x in acls[::2]]}))
        self.put("waf", "us-east-1", "GetWebACL", cases("WebACLId", [(x["WebACLId"], {"WebACL": {
            **x, "MetricName": x["Name"].replace("-", ""), "DefaultAction": {"Type": "ALLOW"}, "WebACLArn": arn("webacl", x["WebACLId"]),
            "Rules": [{"Priority": 1, "RuleId": rules[0]["RuleId"], "Action": {"Type": "BLOCK"}, "Type": "REGULAR"}] if i % 3 else []}})
            for i, x in enumerate(acls)]))
        self.put("waf", "us-east-1", "GetRule", cases("RuleId", [(x["RuleId"], {"Rule": {
            **x, "MetricName": x["Name"].replace("-", ""),
            "Predicates": [{"Negated": False, "Type": "GeoMatch", "DataId": uid()}] if i % 4 else []}}) for i, x in enumerate(rules)]))
        self.put("waf", "us-east-1", "ListActivatedRulesInRuleGroup", cases("RuleGroupId", [(x["RuleGroupId"], {"ActivatedRules": [
            {"Priority": 1, "RuleId": rules[0]["RuleId"], "Action": {"Type": "BLOCK"}, "Type": "REGULAR"}] if i % 2 == 0 else []})
            for i, x in enumerate(groups)]))
        self.count("security_ml", len(acls) + len(rules) + len(groups))
        self.chain("waf", 1, then=1)

    # ------------------------------------------ advisors and deeper coverage (issue 12 §1)
    def advisors(self):
        """Trusted Advisor's security checks (a Business support plan), Well-Architected workloads, RDS event
        subscriptions, Lambda layers, S3 access points and Multi-Region Access Points, Directory Service
        directories: about 250 resources at scale 1. (AMI and snapshot-share data is in ec2().)"""
        s = self.scale
        wl_n, layer_n, ap_n = split(TOTALS["workloads"], s), split(TOTALS["layers"], s), split(TOTALS["access_points"], s)
        dir_n = split(TOTALS["directories"], s)
        checks = [("HCP4007jGY", "Security Groups - Specific Ports Unrestricted"), ("1iG5NDGVre", "Security Groups - Unrestricted Access"),
                  ("zXCkfM1nI3", "IAM Use"), ("Pfx0RwqBli", "Amazon S3 Bucket Permissions"), ("7DAFEmoDos", "MFA on Root Account"),
                  ("Yw2K9puPzl", "IAM Password Policy"), ("nNauJisYIT", "Amazon RDS Security Group Access Risk"),
                  ("vjafUGJ9H0", "AWS CloudTrail Logging"), ("a2sEc6ILx", "ELB Listener Security"),
                  ("12Fnkpl8Y5", "Exposed Access Keys")]
        other = [("Qch7DwouX1", "Low Utilization Amazon EC2 Instances", "cost_optimizing"),
                 ("Ti39halfu8", "Amazon RDS Idle DB Instances", "cost_optimizing"),
                 ("H7IgTzjTYb", "Amazon EBS Snapshots", "fault_tolerance"), ("eW7HH0l7J9", "Service Limits", "service_limits")]
        self.put("support", "us-east-1", "DescribeTrustedAdvisorChecks", out({"checks": [
            {"id": i, "name": n, "description": f"Trusted Advisor check {n}.", "category": c, "metadata": ["Region"]}
            for i, n, c in [(i, n, "security") for i, n in checks] + other]}))
        self.put("support", "us-east-1", "DescribeTrustedAdvisorCheckSummaries", out({"summaries": [
            {"checkId": i, "timestamp": "2026-12-01T06:00:00Z", "status": st, "hasFlaggedResources": st != "ok",
             "resourcesSummary": {"resourcesProcessed": 40, "resourcesFlagged": 0 if st == "ok" else rng.randint(1, 9),
                                  "resourcesIgnored": 0, "resourcesSuppressed": 0}, "categorySpecificSummary": {}}
            for i, _ in checks for st in [rng.choice(["ok", "ok", "warning", "error"])]]}))
        self.count("advisors", 1 + len(checks))
        self.chain("support", 2)
        for r in REGIONS:
            a = f"{r}:{ACCOUNT}"
            # Well-Architected: workloads, then the lens review of those with high or medium risks.
            wls = []
            if offered("wellarchitected", r):
                for i in range(wl_n[r]):
                    high, medium = rng.choice([0, 0, 2, 5]), rng.choice([0, 3])
                    wid = hexid(32)
                    wls.append({"WorkloadId": wid, "WorkloadArn": f"arn:{P}:wellarchitected:{a}:workload/{wid}",
                                "WorkloadName": f"workload-{i}", "Owner": ACCOUNT, "UpdatedAt": "2026-11-01T00:00:00Z",
                                "Lenses": ["wellarchitected"] if rng.random() < 0.9 else ["serverless"],
                                "RiskCounts": {"HIGH": high, "MEDIUM": medium, "NONE": 30, "UNANSWERED": 10},
                                "ImprovementStatus": "IN_PROGRESS" if high + medium else "NOT_APPLICABLE"})
            self.put("wellarchitected", r, "ListWorkloads", out({"WorkloadSummaries": wls}))
            self.put("wellarchitected", r, "GetLensReview", cases("WorkloadId", [(w["WorkloadId"], {
                "WorkloadId": w["WorkloadId"], "LensReview": {
                    "LensAlias": "wellarchitected", "LensArn": f"arn:{P}:wellarchitected::aws:lens/wellarchitected",
                    "LensName": "AWS Well-Architected Framework", "LensStatus": "CURRENT", "UpdatedAt": "2026-11-01T00:00:00Z",
                    "PillarReviewSummaries": [
                        {"PillarId": "security", "PillarName": "Security",
                         "RiskCounts": {"HIGH": w["RiskCounts"]["HIGH"] // 2, "MEDIUM": w["RiskCounts"]["MEDIUM"]}},
                        {"PillarId": "reliability", "PillarName": "Reliability",
                         "RiskCounts": {"HIGH": w["RiskCounts"]["HIGH"] - w["RiskCounts"]["HIGH"] // 2, "MEDIUM": 0}}],
                    "RiskCounts": w["RiskCounts"]}}) for w in wls]))
            # RDS event subscriptions: where the account has databases worth alerting on.
            subs = [{"CustomerAwsId": ACCOUNT, "CustSubscriptionId": f"rds-{t}", "SnsTopicArn": f"arn:{P}:sns:{a}:topic-0",
                     "Status": "active", "SubscriptionCreationTime": "2025-03-01 10:00:00.000", "SourceIdsList": [],
                     "EventCategoriesList": c, "Enabled": True, "EventSubscriptionArn": f"arn:{P}:rds:{a}:es:rds-{t}",
                     **({"SourceType": t} if t != "all" else {})}
                    for t, c in (("db-instance", ["failure", "maintenance"]), ("db-cluster", ["failure"]),
                                 ("db-parameter-group", []), ("db-security-group", []), ("all", []))
                    if WEIGHT[r] > 0.1 or rng.random() < 0.15]
            self.put("rds", r, "DescribeEventSubscriptions", out({"EventSubscriptionsList": subs}, "DescribeEventSubscriptions"))
            # Lambda layers (50 a page): the latest version of each, then its policy.
            layers = []
            for i in range(layer_n[r]):
                version = rng.randint(1, 12)
                layers.append({"LayerName": f"layer-{i}", "LayerArn": f"arn:{P}:lambda:{a}:layer:layer-{i}",
                               "LatestMatchingVersion": {"LayerVersionArn": f"arn:{P}:lambda:{a}:layer:layer-{i}:{version}",
                                                         "Version": version, "Description": f"layer-{i} libraries",
                                                         "CreatedDate": "2026-06-01T00:00:00.000+0000",
                                                         "CompatibleRuntimes": ["python3.12"]}})
            self.put("lambda", r, "ListLayers", out({"Layers": layers}, "ListLayers"))
            self.put("lambda", r, "GetLayerVersionPolicy", {"cases": [
                {"input": {"LayerName": x["LayerName"], "VersionNumber": x["LatestMatchingVersion"]["Version"]},
                 "output": {"RevisionId": hexid(8), "Policy": json.dumps({"Version": "2012-10-17", "Id": "default", "Statement": [{
                     "Sid": "share", "Effect": "Allow", "Principal": "*" if rng.random() < 0.2 else {"AWS": "444455556666"},
                     "Action": "lambda:GetLayerVersion", "Resource": x["LatestMatchingVersion"]["LayerVersionArn"]}]})}}
                for x in layers if rng.random() < 0.3],
                "default": {"error": {"code": "ResourceNotFoundException", "status": 404,
                                      "message": "No policy is associated with the given resource."}}})
            # S3 access points: the listing, then GetAccessPoint each (its block public access settings).
            aps = [{"Name": f"ap-{i}", "NetworkOrigin": rng.choice(["Internet", "VPC"]), "Bucket": f"acme-data-{i % 7}",
                    "AccessPointArn": f"arn:{P}:s3:{a}:accesspoint/ap-{i}", "Alias": f"ap-{i}-{hexid(20)}-s3alias",
                    "BucketAccountId": ACCOUNT} for i in range(ap_n[r])]
            self.put("s3control", r, "ListAccessPoints", out({"AccessPointList": aps}))
            self.put("s3control", r, "GetAccessPoint", cases("Name", [(x["Name"], {
                **{k: x[k] for k in ("Name", "Bucket", "NetworkOrigin", "Alias", "AccessPointArn", "BucketAccountId")},
                "CreationDate": "2026-02-01T00:00:00Z", "PublicAccessBlockConfiguration": {
                    "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": rng.random() < 0.8,
                    "RestrictPublicBuckets": rng.random() < 0.8}}) for x in aps]))
            # Directory Service: directories (RADIUS settings in the listing), the region's log subscriptions and
            # event topics, then per directory its snapshot limits and certificates.
            dirs = []
            for i in range(dir_n[r]):
                kind, did = ["MicrosoftAD", "SimpleAD", "ADConnector"][i % 3], f"d-{hexid(10)}"
                d = {"DirectoryId": did, "Name": f"corp{i}.example.com", "ShortName": f"CORP{i}", "Type": kind, "Stage": "Active",
                     "LaunchTime": "2025-03-01T10:00:00Z", "DnsIpAddrs": ["10.0.1.10"], "SsoEnabled": False,
                     **({"Edition": "Enterprise"} if kind == "MicrosoftAD" else {"Size": "Small"})}
                settings = {"VpcId": rng.choice(self.vpcs.get(r) or ["vpc-0"]), "SubnetIds": [f"subnet-{hexid()}"],
                            "SecurityGroupId": f"sg-{hexid()}", "AvailabilityZones": [f"{r}a"]}
                d["ConnectSettings" if kind == "ADConnector" else "VpcSettings"] = settings
                if kind != "SimpleAD" and rng.random() < 0.6:
                    d["RadiusSettings"] = {"RadiusServers": ["10.0.5.20"], "RadiusPort": 1812, "RadiusTimeout": 5, "RadiusRetries": 3,
                                           "AuthenticationProtocol": rng.choice(["PAP", "MS-CHAPv2"]), "UseSameUsername": True}
                    d["RadiusStatus"] = "Completed"
                dirs.append(d)
            self.put("ds", r, "DescribeDirectories", out({"DirectoryDescriptions": dirs}))
            self.put("ds", r, "ListLogSubscriptions", out({"LogSubscriptions": [
                {"DirectoryId": d["DirectoryId"], "LogGroupName": f"/aws/directoryservice/{d['DirectoryId']}",
                 "SubscriptionCreatedDateTime": "2025-03-02T09:00:00Z"} for d in dirs if rng.random() < 0.5]}))
            self.put("ds", r, "DescribeEventTopics", out({"EventTopics": [
                {"DirectoryId": d["DirectoryId"], "TopicName": "ds-status", "TopicArn": f"arn:{P}:sns:{a}:ds-status",
                 "CreatedDateTime": "2025-03-02T09:05:00Z", "Status": "Registered"} for d in dirs if rng.random() < 0.5]}))
            self.put("ds", r, "GetSnapshotLimits", cases("DirectoryId", [(d["DirectoryId"], {"SnapshotLimits": {
                "ManualSnapshotsLimit": 5, "ManualSnapshotsCurrentCount": n, "ManualSnapshotsLimitReached": n >= 5}})
                for d in dirs if d["Type"] != "ADConnector" for n in [rng.randint(0, 5)]]))
            self.put("ds", r, "ListCertificates", cases("DirectoryId", [(d["DirectoryId"], {"CertificatesInfo": [
                {"CertificateId": f"c-{hexid(10)}", "CommonName": f"ldaps-ca.{d['Name']}", "State": "Registered",
                 "ExpiryDateTime": rng.choice(["+1728000", "+34560000"]), "Type": "ClientLDAPS"}] if rng.random() < 0.6 else []})
                for d in dirs if d["Type"] != "SimpleAD"]))
            self.count("advisors", len(wls) + len(layers) + len(aps) + len(dirs) + 1)
            self.chain(f"ds {r}", 1, then=2 if dirs else 0)
            self.chain(f"wellarchitected {r}", 1, then=1)
            self.chain(f"lambda layers {r}", pages(len(layers), PAGE["ListLayers"]), then=1)
            self.chain(f"s3 access points {r}", 1, then=1)
        mraps = [{"Name": f"global-{i}", "Alias": f"{hexid(13)}.mrap", "CreatedAt": "2026-01-01T00:00:00Z", "Status": "READY",
                  "PublicAccessBlock": {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": i % 2 == 0,
                                        "RestrictPublicBuckets": True},
                  "Regions": [{"Bucket": f"acme-global-{i}-us", "Region": "us-east-1"}, {"Bucket": f"acme-global-{i}-eu", "Region": "eu-west-1"}]}
                 for i in range(max(1, round(2 * s)))]
        self.put("s3control", "us-west-2", "ListMultiRegionAccessPoints", out({"AccessPoints": mraps}))
        self.count("advisors", len(mraps))

    # ------------------------------------------ API Gateway, ECS, ElastiCache, Cognito identity pools
    def platform_extras(self):
        """API Gateway REST and HTTP APIs with their stages and methods/routes, ECS clusters, services and task
        definition families, ElastiCache replication groups and cache clusters, Cognito identity pools: about
        700 resources at scale 1."""
        s = self.scale
        rest_n, http_n, ecs_n = split(TOTALS["rest_apis"], s), split(TOTALS["http_apis"], s), split(TOTALS["ecs_clusters"], s)
        svc_n, fam_n = split(TOTALS["ecs_services"], s), split(TOTALS["task_families"], s)
        rg_n, cc_n, ip_n = split(TOTALS["replication_groups"], s), split(TOTALS["cache_clusters"], s), split(TOTALS["identity_pools"], s)
        for r in REGIONS:
            a = f"{r}:{ACCOUNT}"
            # REST APIs: the listing (500 a page), then per API its stages and its resources with methods embedded.
            apis = [{"id": hexid(10), "name": f"rest-api-{i}", "createdDate": "2025-05-01T00:00:00Z", "apiKeySource": "HEADER",
                     "endpointConfiguration": {"types": [rng.choice(["REGIONAL", "EDGE", "PRIVATE"])]},
                     "disableExecuteApiEndpoint": False, "tags": {"team": rng.choice(["shop", "data"])}} for i in range(rest_n[r])]
            self.put("apigateway", r, "GetRestApis", out({"items": apis}, "GetRestApis"))
            setting = lambda: {"metricsEnabled": True, "loggingLevel": rng.choice(["OFF", "ERROR", "INFO"]), "dataTraceEnabled": False,
                               "cachingEnabled": rng.random() < 0.2, "cacheDataEncrypted": rng.random() < 0.5,
                               "throttlingBurstLimit": 5000, "throttlingRateLimit": 10000.0}
            self.put("apigateway", r, "GetStages", cases("restApiId", [(x["id"], {"item": [
                {"deploymentId": hexid(6), "stageName": st, "cacheClusterEnabled": rng.random() < 0.2,
                 "methodSettings": {"*/*": setting()}, "tracingEnabled": rng.random() < 0.5,
                 "createdDate": "2025-05-01T00:00:00Z", "lastUpdatedDate": "2025-05-02T00:00:00Z",
                 **({"webAclArn": f"arn:{P}:wafv2:{a}:regional/webacl/acl-0/{hexid(8)}"} if rng.random() < 0.4 else {}),
                 **({"clientCertificateId": hexid(6)} if rng.random() < 0.3 else {})} for st in ("prod", "staging")[:rng.choice([1, 2])]]})
                for x in apis]))
            self.put("apigateway", r, "GetResources", cases("restApiId", [(x["id"], {"items": [
                {"id": hexid(10), "path": "/"},
                {"id": hexid(10), "path": "/items", "resourceMethods": {verb: {
                    "httpMethod": verb, "authorizationType": rng.choice(["NONE", "AWS_IAM", "COGNITO_USER_POOLS"]),
                    "apiKeyRequired": rng.random() < 0.3} for verb in ("GET", "POST")}}]}) for x in apis]))
            # HTTP APIs: the listing, then per API its routes and stages.
            hapis = [{"ApiId": hexid(10), "Name": f"http-api-{i}", "ProtocolType": rng.choice(["HTTP", "HTTP", "WEBSOCKET"]),
                      "CreatedDate": "2025-05-01T00:00:00Z", "DisableExecuteApiEndpoint": False, "Tags": {"team": "shop"},
                      "RouteSelectionExpression": "$request.method $request.path"} for i in range(http_n[r])]
            for x in hapis:
                x["ApiEndpoint"] = f"https://{x['ApiId']}.execute-api.{r}.amazonaws.com"
            self.put("apigatewayv2", r, "GetApis", out({"Items": hapis}))
            self.put("apigatewayv2", r, "GetRoutes", cases("ApiId", [(x["ApiId"], {"Items": [
                {"RouteId": hexid(7), "RouteKey": k, "AuthorizationType": rng.choice(["NONE", "JWT", "AWS_IAM"]),
                 "ApiKeyRequired": False, "Target": "integrations/int0001"} for k in ("GET /items", "POST /items")]}) for x in hapis]))
            self.put("apigatewayv2", r, "GetStages", cases("ApiId", [(x["ApiId"], {"Items": [
                {"StageName": "$default", "AutoDeploy": True, "CreatedDate": "2025-05-01T00:00:00Z",
                 "DefaultRouteSettings": {"DetailedMetricsEnabled": False}, "RouteSettings": {}, "StageVariables": {}, "Tags": {},
                 **({"AccessLogSettings": {"DestinationArn": f"arn:{P}:logs:{a}:log-group:/apigw/{x['Name']}",
                                           "Format": "$context.requestId"}} if rng.random() < 0.5 else {})}]}) for x in hapis]))
            # ECS: clusters (described 100 a call), per cluster its services (10 a call), task definition families
            # (the latest revision of each).
            clusters = [f"arn:{P}:ecs:{a}:cluster/cluster-{i}" for i in range(ecs_n[r])]
            self.put("ecs", r, "ListClusters", out({"clusterArns": clusters}, "ecs:ListClusters"))
            self.put("ecs", r, "DescribeClusters", out({"failures": [], "clusters": [
                {"clusterArn": c, "clusterName": c.rsplit("/", 1)[1], "status": "ACTIVE", "registeredContainerInstancesCount": 0,
                 "runningTasksCount": 4, "pendingTasksCount": 0, "activeServicesCount": 2, "tags": [{"key": "team", "value": "platform"}],
                 **({"settings": [{"name": "containerInsights", "value": rng.choice(["enabled", "enhanced"])}]} if rng.random() < 0.5 else {})}
                for c in clusters]}))
            services = {c: [f"arn:{P}:ecs:{a}:service/{c.rsplit('/', 1)[1]}/svc-{k}" for k in range(len(clusters) and
                                                                                              svc_n[r] // len(clusters) + (j < svc_n[r] % len(clusters)))]
                        for j, c in enumerate(clusters)}
            self.put("ecs", r, "ListServices", cases("cluster", [(c, {"serviceArns": arns}) for c, arns in services.items()]))
            self.put("ecs", r, "DescribeServices", {"cases": [
                {"input": {"cluster": c, "services": arns[i:i + 10]}, "output": {"failures": [], "services": [
                    {"serviceArn": x, "serviceName": x.rsplit("/", 1)[1], "clusterArn": c, "status": "ACTIVE", "desiredCount": 2,
                     "runningCount": 2, "pendingCount": 0, "launchType": rng.choice(["FARGATE", "EC2"]), "schedulingStrategy": "REPLICA",
                     "taskDefinition": f"arn:{P}:ecs:{a}:task-definition/family-0:1", "createdAt": "2025-06-01T00:00:00Z",
                     "networkConfiguration": {"awsvpcConfiguration": {"subnets": [f"subnet-{hexid()}"], "securityGroups": [f"sg-{hexid()}"],
                                                                      "assignPublicIp": rng.choice(["ENABLED", "DISABLED", "DISABLED"])}}}
                    for x in arns[i:i + 10]]}}
                for c, arns in services.items() for i in range(0, len(arns), 10)]})
            families = [f"family-{i}" for i in range(fam_n[r])]
            self.put("ecs", r, "ListTaskDefinitionFamilies", out({"families": families}, "ecs:ListTaskDefinitionFamilies"))
            self.put("ecs", r, "DescribeTaskDefinition", cases("taskDefinition", [(f, {"tags": [], "taskDefinition": {
                "taskDefinitionArn": f"arn:{P}:ecs:{a}:task-definition/{f}:{rev}", "family": f, "revision": rev, "status": "ACTIVE",
                "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "registeredAt": "2025-06-01T00:00:00Z",
                "networkMode": rng.choice(["awsvpc", "awsvpc", "bridge", "host"]),
                "containerDefinitions": [{"name": "app", "image": f"{ACCOUNT}.dkr.ecr.{r}.amazonaws.com/{f}:1", "essential": True,
                                          "privileged": rng.random() < 0.1, "readonlyRootFilesystem": rng.random() < 0.4,
                                          **({"user": "1000"} if rng.random() < 0.5 else {}),
                                          "environment": [{"name": "STAGE", "value": "prod"}],
                                          **({"logConfiguration": {"logDriver": "awslogs"}} if rng.random() < 0.7 else {})}]}})
                for f in families for rev in [rng.randint(1, 30)]]))
            # ElastiCache: two bulk listings.
            groups, ccs = [], []
            for i in range(rg_n[r]):
                gid, members = f"redis-{i}", [f"redis-{i}-00{k}" for k in (1, 2)]
                groups.append({"ReplicationGroupId": gid, "Description": gid, "Status": "available", "MemberClusters": members,
                               "AutomaticFailover": rng.choice(["enabled", "disabled"]), "MultiAZ": rng.choice(["enabled", "disabled"]),
                               "SnapshotRetentionLimit": rng.choice([0, 1, 7]), "ClusterEnabled": False, "Engine": "redis",
                               "CacheNodeType": "cache.t4g.small", "AuthTokenEnabled": rng.random() < 0.5,
                               "TransitEncryptionEnabled": rng.random() < 0.6, "AtRestEncryptionEnabled": rng.random() < 0.7,
                               "ARN": f"arn:{P}:elasticache:{a}:replicationgroup:{gid}"})
                ccs += [{"CacheClusterId": m, "ReplicationGroupId": gid, "Engine": "redis", "EngineVersion": "7.1"} for m in members]
            ccs += [{"CacheClusterId": f"memcached-{i}", "Engine": "memcached", "EngineVersion": "1.6.22"} for i in range(cc_n[r])]
            for c in ccs:
                c.update({"CacheNodeType": "cache.t4g.small", "CacheClusterStatus": "available", "NumCacheNodes": 1,
                          "CacheClusterCreateTime": "2025-03-01T00:00:00Z", "AutoMinorVersionUpgrade": rng.random() < 0.7,
                          "CacheSubnetGroupName": rng.choice(["default", "private-cache"]),
                          "ARN": f"arn:{P}:elasticache:{a}:cluster:{c['CacheClusterId']}"})
            self.put("elasticache", r, "DescribeCacheClusters", out({"CacheClusters": ccs}, "elasticache:list"))
            self.put("elasticache", r, "DescribeReplicationGroups", out({"ReplicationGroups": groups}, "elasticache:list"))
            # Cognito identity pools (60 a page, the collector's MaxResults), then DescribeIdentityPool each.
            pools = [{"IdentityPoolId": f"{r}:{hexid(8)}-{hexid(4)}-4{hexid(3)}-8{hexid(3)}-{hexid(12)}", "IdentityPoolName": f"pool_{i}"}
                     for i in range(ip_n[r])]
            self.put("cognito-identity", r, "ListIdentityPools", out({"IdentityPools": pools}))
            self.put("cognito-identity", r, "DescribeIdentityPool", cases("IdentityPoolId", [(p["IdentityPoolId"], {
                **p, "AllowUnauthenticatedIdentities": rng.random() < 0.3, "AllowClassicFlow": rng.random() < 0.2,
                "IdentityPoolTags": {"app": p["IdentityPoolName"]}}) for p in pools]))
            self.count("platform", len(apis) + len(hapis) + len(clusters) + sum(map(len, services.values())) + len(families)
                       + len(groups) + len(ccs) + len(pools))
            self.chain(f"apigateway {r}", pages(len(apis), PAGE["GetRestApis"]), then=1)
            self.chain(f"apigatewayv2 {r}", 1, then=1)
            # ListClusters, then per cluster ListServices and its DescribeServices batches one after another.
            self.chain(f"ecs {r}", 1, then=1 + max([pages(len(v), 10) for v in services.values()] or [0]))
            self.chain(f"ecs families {r}", pages(len(families), PAGE["ecs:ListTaskDefinitionFamilies"]), then=1)
            self.chain(f"cognito-identity {r}", pages(len(pools), 60), then=1)

    def global_services(self):
        dists = []
        for i in range(max(1, int(TOTALS["distributions"] * self.scale))):
            did = "E" + hexid(13).upper()
            dists.append({"Id": did, "ARN": f"arn:{P}:cloudfront::{ACCOUNT}:distribution/{did}", "Status": "Deployed",
                          "DomainName": f"d{hexid(13)}.cloudfront.net", "Enabled": True, "Aliases": {"Quantity": 0},
                          "Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "acme-web.s3.amazonaws.com",
                                                                "S3OriginConfig": {"OriginAccessIdentity": ""},
                                                                "OriginAccessControlId": "E2OAC"}]},
                          "DefaultCacheBehavior": {"TargetOriginId": "s3", "ViewerProtocolPolicy": "redirect-to-https"},
                          "CacheBehaviors": {"Quantity": 0}, "WebACLId": "",
                          "ViewerCertificate": {"CloudFrontDefaultCertificate": True, "MinimumProtocolVersion": "TLSv1"},
                          "LastModifiedTime": "2025-01-01T00:00:00Z", "PriceClass": "PriceClass_All", "HttpVersion": "http2",
                          "IsIPV6Enabled": True, "Staging": False, "Comment": "", "CustomErrorResponses": {"Quantity": 0},
                          "Restrictions": {"GeoRestriction": {"RestrictionType": "none", "Quantity": 0}}})
        self.put("cloudfront", "*", "ListDistributions", out({"DistributionList": {"Items": dists, "Quantity": len(dists),
                                                                                   "IsTruncated": False, "Marker": "",
                                                                                   "MaxItems": 100}}))
        self.put("cloudfront", "*", "GetDistributionConfig", out({"DistributionConfig": {
            "CallerReference": "x", "Comment": "", "Enabled": True, "DefaultRootObject": "index.html",
            "Logging": {"Enabled": False, "IncludeCookies": False, "Bucket": "", "Prefix": ""},
            "Origins": {"Quantity": 0}, "DefaultCacheBehavior": {"TargetOriginId": "s3", "ViewerProtocolPolicy": "redirect-to-https"}},
            "ETag": "E1"}))
        self.put("organizations", "*", "DescribeOrganization", out({"Organization": {
            "Id": "o-abcdef1234", "Arn": f"arn:{P}:organizations::999988887777:organization/o-abcdef1234",
            "FeatureSet": "ALL", "MasterAccountArn": f"arn:{P}:organizations::999988887777:account/o-abcdef1234/999988887777",
            "MasterAccountId": "999988887777", "MasterAccountEmail": "root@example.com"}}))
        # The account is a member (not the management account, nor a delegated administrator): AWS denies it the
        # organization's structure and policies; CloudPeek says the SCPs could not be read, and why.
        for op in ("ListRoots", "ListParents", "ListPoliciesForTarget", "DescribePolicy", "ListPolicies",
                   "ListTargetsForPolicy", "ListDelegatedAdministrators", "ListDelegatedServicesForAccount"):
            self.put("organizations", "*", op, {"error": {"code": "AccessDeniedException",
                                                          "message": "You don't have permissions to access this resource."}})
        self.put("account", "*", "GetAlternateContact", out({"AlternateContact": {
            "AlternateContactType": "SECURITY", "EmailAddress": "security@example.com", "Name": "Security",
            "PhoneNumber": "+15555550100", "Title": "CISO"}}))
        self.count("global", len(dists) + 2)


def account_doc():
    regions = {r: "opt-in-not-required" for r in REGIONS}
    regions.update({r: "opted-in" for r in OPTED_IN})
    regions.update({r: "not-opted-in" for r in NOT_OPTED_IN})
    # The identities of the ground-truth scenario (tests/fakeaws/scenarios/insecure/00-account.json).
    return {"description": "A large generated account for bench/run-scan-bench (bench/gen_large_account.py).",
            "page_size": 100,
            "accounts": {ACCOUNT: {"regions": regions, "identities": {"users": [
                {"name": "auditor", "user_id": "AIDAFAKEAUDITOR00001",
                 "access_keys": [{"id": "AKIAFAKEAUDITOR00001", "secret": "fakeSecretAuditor/000000000000000000000001"}]}]},
                "services": {}}}}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--scale", type=float, default=1.0, help="resource count factor (1.0: about 25,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--foreign", type=int, default=0,
                    help="other accounts' snapshots per region in every DescribeSnapshots answer (an endpoint "
                         "that ignores OwnerIds=self)")
    ap.add_argument("--regions", type=int, default=17,
                    help="enabled regions: 17 (those that need no opt-in) up to 25 (with opted-in ones)")
    args = ap.parse_args(argv)
    set_regions(args.regions)
    rng.seed(args.seed)
    g = Gen(args.scale, args.foreign)
    g.ec2()
    g.s3()
    g.iam()
    g.regional()
    g.devops()
    g.management()
    g.network_services()
    g.data_services()
    g.compute_platforms()
    g.storage_euc()
    g.security_ml()
    g.advisors()
    g.platform_extras()
    g.global_services()
    os.makedirs(args.out_dir, exist_ok=True)
    for name in os.listdir(args.out_dir):
        if name.endswith(".json"):
            os.remove(os.path.join(args.out_dir, name))
    with open(os.path.join(args.out_dir, "00-account.json"), "w") as f:
        json.dump(account_doc(), f)
    for i, (svc, regions) in enumerate(sorted(g.services.items())):
        with open(os.path.join(args.out_dir, f"{10 + i:02d}-{svc}.json"), "w") as f:
            json.dump({"accounts": {ACCOUNT: {"services": {svc: regions}}}}, f, separators=(",", ":"))
    # Longest chain of dependent calls: GetCallerIdentity, DescribeRegions,
    # then the longest listing-pages-plus-details chain.
    depth = 2 + max(g.chains.values())
    foreign = g.counts.pop("foreign", 0)
    meta = {"account": ACCOUNT, "regions": REGIONS, "resources": sum(g.counts.values()), "by_group": g.counts,
            "foreign_resources": foreign, "foreign_account": FOREIGN_ACCOUNT, "foreign_ids": g.foreign_ids,
            "dependency_depth": depth, "deepest_chain": max(g.chains, key=g.chains.get)}
    with open(os.path.join(args.out_dir, "bench-meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    print(f"{args.out_dir}: {meta['resources']} resources in {len(REGIONS)} regions, "
          f"dependency depth {depth} ({meta['deepest_chain']})")


if __name__ == "__main__":
    main()
