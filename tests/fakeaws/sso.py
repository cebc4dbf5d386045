"""The IAM Identity Center access portal (botocore service "sso").

The portal is not SigV4-signed: the bearer token from `aws sso login`
(x-amz-sso_bearer_token) authenticates. GetRoleCredentials returns keys for
the role IAM Identity Center made for the permission set in that account,
AWSReservedSSO_<set>_<hash>, so GetCallerIdentity with them shows that role.
Tokens are the scenario's (identities.sso.tokens) or those the device flow
issued (sso_oidc.py).
"""

import datetime

from auth import Credential, new_key_id, new_secret, new_session_token
from errors import AwsError
from scenario import role_principal
import sso_oidc


def _token(ctx):
    token = ctx.request.headers.get("x-amz-sso_bearer_token")
    entry = (ctx.state.scenario.sso_token(token) or sso_oidc.portal_token(ctx.state, token)) if token else None
    if entry is None:
        raise AwsError("UnauthorizedException", "Session token not found or invalid", 401)
    expires = ctx.state.scenario.time(entry.get("expires"))
    if expires is not None and ctx.now >= expires:
        raise AwsError("UnauthorizedException", "Session token not found or invalid", 401)
    return entry


def get_role_credentials(ctx):
    entry = _token(ctx)
    account, name = ctx.params.get("accountId"), ctx.params.get("roleName")
    if not account or not name:
        raise AwsError("InvalidRequestException", "role_name and account_id are required", 400)
    if not any(r["account_id"] == account and r["role_name"] == name for r in entry.get("roles", [])):
        raise AwsError("ForbiddenException", "No access", 403)
    role = ctx.state.scenario.role_for_permission_set(account, name)
    if role is None:
        raise AwsError("ForbiddenException", "No access", 403)
    principal = role_principal(ctx.state.scenario.partition, account, role, entry.get("user", "user"))
    seconds = sso_oidc.state(ctx.state).role_seconds or int(role.get("max_session_duration", 3600))
    expires = (ctx.now + datetime.timedelta(seconds=seconds)).replace(microsecond=0)
    cred = Credential(new_key_id("ASIA"), new_secret(), principal, session_token=new_session_token(),
                      expires=expires, issued=True)
    ctx.state.registry.add(cred)
    return {"roleCredentials": {"accessKeyId": cred.access_key_id, "secretAccessKey": cred.secret,
                                "sessionToken": cred.session_token,
                                "expiration": int(expires.timestamp() * 1000)}}


def list_accounts(ctx):
    entry = _token(ctx)
    seen = []
    for r in entry.get("roles", []):
        if r["account_id"] not in [a["accountId"] for a in seen]:
            seen.append({"accountId": r["account_id"], "accountName": r.get("account_name", r["account_id"]),
                         "emailAddress": r.get("email", "aws@example.com")})
    return {"accountList": seen}


def list_account_roles(ctx):
    entry = _token(ctx)
    account = ctx.params.get("accountId")
    return {"roleList": [{"roleName": r["role_name"], "accountId": r["account_id"]}
                         for r in entry.get("roles", []) if r["account_id"] == account]}


def logout(ctx):
    _token(ctx)
    return {}


HANDLERS = {
    "GetRoleCredentials": get_role_credentials,
    "ListAccounts": list_accounts,
    "ListAccountRoles": list_account_roles,
    "Logout": logout,
}
