"""Serving an operation: special handlers, else the scenario's data, paged.

Anything the scenario does not hold answers either as the real service does
when the thing is absent (no password policy → NoSuchEntity) or, for lists,
with an empty result; other gaps fail loudly (501 FakeAwsNoScenarioData) so
a scenario author sees at once what is missing.
"""

import ce
import models
import organizations
import pagination
import sso
import sts
from errors import AwsError

# IAM action prefixes that differ from the SigV4 signing name.
_ACTION_PREFIX = {"monitoring": "cloudwatch", "email": "ses", "awsssoportal": "sso"}

# S3 operations whose IAM action is named differently.
_S3_ACTIONS = {
    "ListBuckets": "s3:ListAllMyBuckets",
    "ListObjects": "s3:ListBucket",
    "ListObjectsV2": "s3:ListBucket",
    "ListObjectVersions": "s3:ListBucketVersions",
    "HeadBucket": "s3:ListBucket",
    "GetBucketEncryption": "s3:GetEncryptionConfiguration",
    "GetPublicAccessBlock": "s3:GetBucketPublicAccessBlock",
    "GetBucketLifecycleConfiguration": "s3:GetLifecycleConfiguration",
    "GetObjectLockConfiguration": "s3:GetBucketObjectLockConfiguration",
    "GetBucketReplication": "s3:GetReplicationConfiguration",
    "GetBucketCors": "s3:GetBucketCORS",
    "GetBucketNotificationConfiguration": "s3:GetBucketNotification",
    "HeadObject": "s3:GetObject",
}

# What a service says when a singleton configuration does not exist.
_ABSENT = {
    ("iam", "GetAccountPasswordPolicy"): ("NoSuchEntity", "The Password Policy with domain name {account} cannot be found.", 404),
    ("s3", "GetBucketPolicy"): ("NoSuchBucketPolicy", "The bucket policy does not exist", 404),
    ("s3", "GetBucketPolicyStatus"): ("NoSuchBucketPolicy", "The bucket policy does not exist", 404),
    ("s3", "GetBucketEncryption"): ("ServerSideEncryptionConfigurationNotFoundError",
                                    "The server side encryption configuration was not found", 404),
    ("s3", "GetPublicAccessBlock"): ("NoSuchPublicAccessBlockConfiguration",
                                     "The public access block configuration was not found", 404),
    ("s3", "GetBucketTagging"): ("NoSuchTagSet", "The TagSet does not exist", 404),
    ("s3", "GetBucketLifecycleConfiguration"): ("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist", 404),
    ("s3", "GetBucketCors"): ("NoSuchCORSConfiguration", "The CORS configuration does not exist", 404),
    ("s3", "GetBucketWebsite"): ("NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration", 404),
    ("s3", "GetObjectLockConfiguration"): ("ObjectLockConfigurationNotFoundError",
                                           "Object Lock configuration does not exist for this bucket", 404),
    ("s3", "GetBucketOwnershipControls"): ("OwnershipControlsNotFoundError",
                                           "The bucket ownership controls were not found", 404),
    ("s3", "GetBucketReplication"): ("ReplicationConfigurationNotFoundError",
                                     "The replication configuration was not found", 404),
    ("s3control", "GetPublicAccessBlock"): ("NoSuchPublicAccessBlockConfiguration",
                                            "The public access block configuration was not found", 404),
    # Macie never enabled in the region: AWS answers GetMacieSession with this, not an empty session.
    ("macie2", "GetMacieSession"): ("AccessDeniedException", "Macie is not enabled.", 403),
}


# What a service answers an account that never used it, when the scenario says
# nothing: not subscribed to Shield Advanced.
_DEFAULT_ANSWERS = {
    ("shield", "GetSubscriptionState"): {"SubscriptionState": "INACTIVE"},
}

# Listings with a required member (WAFv2's Scope, Cognito's MaxResults): empty
# when the scenario says nothing, as for the other listings.
_LISTS_WITH_REQUIRED = {
    ("wafv2", "ListWebACLs"), ("wafv2", "ListRuleGroups"), ("wafv2", "ListLoggingConfigurations"),
    ("wafv2", "ListResourcesForWebACL"),
    ("cognito-idp", "ListUserPools"), ("cognito-identity", "ListIdentityPools"),
    ("s3control", "ListAccessPoints"), ("s3control", "ListMultiRegionAccessPoints"),
    ("support", "DescribeTrustedAdvisorChecks"),
    # Glacier's ListVaults requires accountId; DLM's GetLifecyclePolicies lists without a paginator.
    ("glacier", "ListVaults"), ("dlm", "GetLifecyclePolicies"),
}


def iam_actions(service_model, op_name):
    """IAM action names a deny may use for this operation."""
    signing = service_model.metadata.get("signingName", service_model.metadata["endpointPrefix"])
    prefix = _ACTION_PREFIX.get(signing, signing)
    names = {f"{prefix}:{op_name}", f"{service_model.service_name}:{op_name}"}
    if service_model.service_name == "s3" and op_name in _S3_ACTIONS:
        names.add(_S3_ACTIONS[op_name])
    return names


def resource_for(ctx):
    svc = ctx.service_model.service_name
    if svc == "s3" and ctx.params.get("Bucket"):
        return f"arn:{ctx.state.scenario.partition}:s3:::{ctx.params['Bucket']}"
    if svc == "iam":
        return f"arn:{ctx.state.scenario.partition}:iam::{ctx.account}:*"
    for v in ctx.params.values():
        if isinstance(v, str) and v.startswith("arn:"):
            return v
    return "*"


def _error_from_spec(ctx, spec):
    code = spec.get("code") or spec.get("Code")
    message = spec.get("message") or spec.get("Message") or ""
    status = spec.get("status")
    if status is None:
        status = 400
        for shape in ctx.op_model.error_shapes:
            err = shape.metadata.get("error", {})
            if shape.name == code or err.get("code") == code:
                status = err.get("httpStatusCode", 400)
    extra = {k: v for k, v in spec.items() if k not in ("code", "Code", "message", "Message", "status")}
    return AwsError(code, message.format(account=ctx.account, **ctx.params), int(status), extra=extra)


def describe_regions(ctx):
    regions = ctx.state.scenario.regions(ctx.account)
    all_regions = bool(ctx.params.get("AllRegions"))
    names = set(ctx.params.get("RegionNames") or [])
    out = []
    for name, status in sorted(regions.items()):
        if not all_regions and status == "not-opted-in":
            continue
        if names and name not in names:
            continue
        out.append({"RegionName": name, "Endpoint": f"ec2.{name}.amazonaws.com", "OptInStatus": status})
    return {"Regions": out}


def get_role(ctx):
    """iam:GetRole for the roles the scenario's identities can assume (with
    their MaxSessionDuration, which CloudPeek reads to estimate when pasted
    role keys expire); other names are NoSuchEntity, as AWS answers."""
    name = ctx.params.get("RoleName", "")
    role = ctx.state.scenario.role(ctx.account, name)
    if role is None:
        raise AwsError("NoSuchEntity", f"The role with name {name} cannot be found.", 404)
    from scenario import role_arn
    return {"Role": {"Path": role.get("path", "/"), "RoleName": role["name"],
                     "RoleId": role.get("role_id", "AROA" + ctx.account + role["name"].upper()[:5]),
                     "Arn": role_arn(ctx.state.scenario.partition, ctx.account, role),
                     "CreateDate": "2024-01-01T00:00:00Z",
                     "MaxSessionDuration": int(role.get("max_session_duration", 3600))}}


def emr_block_public_access(ctx):
    """EMR block public access as AWS has it on for every account that never
    changed it: public security group rules blocked, SSH (22) excepted."""
    return {"BlockPublicAccessConfiguration": {"BlockPublicSecurityGroupRules": True,
                                               "PermittedPublicSecurityGroupRuleRanges": [{"MinRange": 22, "MaxRange": 22}]},
            "BlockPublicAccessConfigurationMetadata": {"CreationDateTime": "2020-01-01T00:00:00Z",
                                                       "CreatedByArn": f"arn:{ctx.state.scenario.partition}:iam::{ctx.account}:root"}}


_SPECIAL = {("ec2", "DescribeRegions"): describe_regions, ("iam", "GetRole"): get_role,
            ("emr", "GetBlockPublicAccessConfiguration"): emr_block_public_access}


def inspector_account_status(ctx):
    """An account that never activated Amazon Inspector: every scan type DISABLED."""
    def state():
        return {"status": "DISABLED", "errorCode": "RESOURCE_NOT_FOUND", "errorMessage": ""}
    ids = ctx.params.get("accountIds") or [ctx.account]
    return {"accounts": [{"accountId": a, "state": state(),
                          "resourceState": {"ec2": state(), "ecr": state(), "lambda": state()}} for a in ids],
            "failedAccounts": []}


_SPECIAL[("inspector2", "BatchGetAccountStatus")] = inspector_account_status


def ses_list_identities(ctx):
    """SES v1's ListIdentities over the identities the scenario gives SES v2's
    ListEmailIdentities: one set of identities behind both APIs (v1 names
    only; IdentityType "EmailAddress" or "Domain" filters)."""
    entry = ctx.state.scenario.entry(ctx.account, "sesv2", ctx.region, "ListEmailIdentities")
    listed = []
    if entry is not None:
        from scenario import select
        kind, value, _ = select(entry, {})
        if kind == "error":
            raise _error_from_spec(ctx, value)
        listed = (value or {}).get("EmailIdentities", [])
    want = {"EmailAddress": {"EMAIL_ADDRESS"}, "Domain": {"DOMAIN", "MANAGED_DOMAIN"}}.get(ctx.params.get("IdentityType"))
    return {"Identities": [i["IdentityName"] for i in listed if want is None or i.get("IdentityType") in want]}


# Answers derived from another operation's scenario data, paged like the rest.
_DERIVED = {("ses", "ListIdentities"): ses_list_identities}


def handle(ctx):
    svc, op = ctx.service_model.service_name, ctx.op_model.name
    if svc == "sts" and op in sts.HANDLERS:
        return sts.HANDLERS[op](ctx)
    if svc == "sso" and op in sso.HANDLERS:
        return sso.HANDLERS[op](ctx)
    if svc == "ce" and (spend := ce.handle(ctx)) is not None:
        return spend
    if organizations.active(ctx):
        return organizations.handle(ctx)
    scenario = ctx.state.scenario
    if svc == "s3" and ctx.params.get("Bucket") and op != "CreateBucket":
        buckets = scenario.buckets(ctx.account)
        if buckets is not None and ctx.params["Bucket"] not in buckets:
            raise AwsError("NoSuchBucket", "The specified bucket does not exist", 404,
                           extra={"BucketName": ctx.params["Bucket"]})
    entry = scenario.entry(ctx.account, svc, ctx.region, op)
    kind = value = page_size = None
    if entry is not None:
        from scenario import select
        kind, value, page_size = select(entry, ctx.params)
    if kind == "error":
        raise _error_from_spec(ctx, value)
    if kind is None and (svc, op) in _DERIVED:
        kind, value = "output", _DERIVED[(svc, op)](ctx)
    if kind is None:
        if (svc, op) in _SPECIAL:
            return _SPECIAL[(svc, op)](ctx)
        if (svc, op) in _ABSENT:
            code, msg, status = _ABSENT[(svc, op)]
            extra = {"BucketName": ctx.params["Bucket"]} if svc == "s3" and "Bucket" in ctx.params else None
            raise AwsError(code, msg.format(account=ctx.account), status, extra=extra)
        if (svc, op) in _DEFAULT_ANSWERS:
            return dict(_DEFAULT_ANSWERS[(svc, op)])
        if _is_list_op(ctx.op_model) or (svc, op) in _LISTS_WITH_REQUIRED:
            kind, value = "output", {}
        else:
            raise AwsError("FakeAwsNoScenarioData",
                           f"fakeaws: the scenario has no answer for {svc}:{op} in {ctx.region} "
                           f"(account {ctx.account}) for input {sorted(ctx.params)}", 501, sender=False)
    output = pagination.paginate(svc, ctx.op_model, value or {}, ctx.params, page_size or scenario.page_size)
    if svc == "s3" and ctx.params.get("EncodingType") == "url":
        _s3_url_encode(output)
    return output


def _s3_url_encode(output):
    """S3 URL-encodes keys when asked (encoding-type=url), and says so."""
    from urllib.parse import quote
    output["EncodingType"] = "url"
    for name in ("Prefix", "Delimiter", "StartAfter", "Marker", "NextMarker", "KeyMarker", "NextKeyMarker"):
        if isinstance(output.get(name), str):
            output[name] = quote(output[name], safe="/")
    for listname in ("Contents", "Versions", "DeleteMarkers"):
        for item in output.get(listname, []) or []:
            if "Key" in item:
                item["Key"] = quote(item["Key"], safe="/")
    for cp in output.get("CommonPrefixes", []) or []:
        if "Prefix" in cp:
            cp["Prefix"] = quote(cp["Prefix"], safe="/")


def _is_list_op(op_model):
    name = op_model.name
    if not name.startswith(("List", "Describe", "Get")):
        return False
    shape = op_model.input_shape
    required = shape.required_members if shape is not None else []
    if required:
        return False
    if name.startswith(("List", "Describe")):
        return True
    # Get* operations that list (API Gateway's GetRestApis, GetApis) are the
    # ones botocore pages; a singleton Get* without data stays a loud gap.
    return models.paginator_config(op_model.service_model.service_name, name) is not None
