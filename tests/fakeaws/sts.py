"""STS: who am I, and the credentials STS hands out.

Issued credentials go into the registry with their expiry, so later requests
signed with them authenticate (and expire) like real ones.
"""

import datetime

from auth import Credential, new_key_id, new_secret, new_session_token
from errors import AwsError
from scenario import role_principal


def get_caller_identity(ctx):
    p = ctx.cred.principal
    return {"UserId": p.user_id, "Account": p.account, "Arn": p.arn}


def _validation(field, value, constraint):
    return AwsError("ValidationError",
                    f"1 validation error detected: Value '{value}' at '{field}' failed to satisfy constraint: {constraint}", 400)


def _issue(ctx, principal, duration, chained=False):
    expires = (ctx.now + datetime.timedelta(seconds=duration)).replace(microsecond=0)
    cred = Credential(new_key_id("ASIA"), new_secret(), principal, session_token=new_session_token(),
                      expires=expires, chained=chained, issued=True)
    ctx.state.registry.add(cred)
    return {"AccessKeyId": cred.access_key_id, "SecretAccessKey": cred.secret,
            "SessionToken": cred.session_token, "Expiration": expires}


def assume_role(ctx):
    params, caller = ctx.params, ctx.cred.principal
    role_arn = params.get("RoleArn", "")
    session = params.get("RoleSessionName", "")
    not_authorized = AwsError(
        "AccessDenied",
        f"User: {caller.arn} is not authorized to perform: sts:AssumeRole on resource: {role_arn}", 403)
    account, role = ctx.state.scenario.role_by_arn(role_arn)
    if role is None:
        raise not_authorized
    if not (2 <= len(session) <= 64):
        raise _validation("roleSessionName", session, "Member must have length greater than or equal to 2")
    trusted = role.get("trusted")
    if trusted is not None:
        who = {caller.arn, caller.role_arn, f"arn:{ctx.state.scenario.partition}:iam::{caller.account}:root"}
        if not who & set(trusted):
            raise not_authorized
    if role.get("external_id") is not None and params.get("ExternalId") != role["external_id"]:
        raise not_authorized
    duration = int(params.get("DurationSeconds", 3600))
    chained = caller.type == "assumed-role"
    if duration < 900:
        raise _validation("durationSeconds", duration, "Member must have value greater than or equal to 900")
    if chained and duration > 3600:
        raise AwsError("ValidationError",
                       "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", 400)
    if duration > int(role.get("max_session_duration", 3600)):
        raise AwsError("ValidationError",
                       "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", 400)
    principal = role_principal(ctx.state.scenario.partition, account, role, session)
    creds = _issue(ctx, principal, duration, chained)
    return {"Credentials": creds,
            "AssumedRoleUser": {"AssumedRoleId": principal.user_id, "Arn": principal.arn}}


def get_session_token(ctx):
    caller = ctx.cred
    if caller.session_token is not None:
        raise AwsError("AccessDenied", "Cannot call GetSessionToken with session credentials", 403)
    root = caller.principal.type == "root"
    duration = int(ctx.params.get("DurationSeconds", 3600 if root else 43200))
    if duration < 900:
        raise _validation("durationSeconds", duration, "Member must have value greater than or equal to 900")
    if duration > 129600:
        raise _validation("durationSeconds", duration, "Member must have value less than or equal to 129600")
    if root:
        duration = min(duration, 3600)   # AWS caps root sessions at one hour
    return {"Credentials": _issue(ctx, caller.principal, duration)}


def get_federation_token(ctx):
    from auth import Principal
    caller = ctx.cred.principal
    name = ctx.params.get("Name", "")
    if ctx.cred.session_token is not None:
        raise AwsError("AccessDenied", "Cannot call GetFederationToken with session credentials", 403)
    duration = int(ctx.params.get("DurationSeconds", 43200))
    p = Principal("federated", caller.account,
                  f"arn:{ctx.state.scenario.partition}:sts::{caller.account}:federated-user/{name}",
                  f"{caller.account}:{name}", name)
    return {"Credentials": _issue(ctx, p, duration),
            "FederatedUser": {"FederatedUserId": p.user_id, "Arn": p.arn}}


HANDLERS = {
    "GetCallerIdentity": get_caller_identity,
    "AssumeRole": assume_role,
    "GetSessionToken": get_session_token,
    "GetFederationToken": get_federation_token,
}
