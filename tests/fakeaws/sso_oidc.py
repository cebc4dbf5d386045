"""IAM Identity Center OIDC (botocore service "sso-oidc"): the OAuth 2.0
device authorization grant that `aws sso login` runs, unsigned as AWS serves it.

  RegisterClient            → clientId/clientSecret, clientSecretExpiresAt (+90 days).
                              Refresh tokens are issued later only to a client that
                              registered the `sso:account:access` scope and the
                              `refresh_token` grant type (as the AWS CLI does).
  StartDeviceAuthorization  → deviceCode, userCode, verificationUri(Complete),
                              interval, expiresIn; the startUrl must be the
                              scenario's (identities.sso.start_url).
  CreateToken (device_code) → AuthorizationPendingException until the code is
                              approved with POST /__fakeaws/sso/approve; then the
                              access token (and refresh token). AccessDeniedException
                              once denied, ExpiredTokenException after expiresIn,
                              SlowDownException when polled sooner than the
                              interval (which then grows by 5 s, RFC 8628 §3.5).
  CreateToken (refresh_token) → a new access token and a new refresh token (the
                              old one stops working); InvalidGrantException for an
                              unknown, used or revoked refresh token.

Issued access tokens are portal tokens (sso.py): ListAccounts, ListAccountRoles
and GetRoleCredentials accept them with the roles of the scenario's
`identities.sso.device` (default: the first token's user and roles).

Scenario knobs under identities.sso.device: interval (1), expires_in (600),
access_token_seconds (28800), user, roles.

Control (control.py routes /__fakeaws/sso/*):
  POST /__fakeaws/sso/approve  {"user_code": "ABCD-EFGH"}        approve
  POST /__fakeaws/sso/approve  {"user_code": "...", "deny": true} deny
  POST /__fakeaws/sso/slow_down {"user_code": "...", "times": 1}  the next polls answer slow_down
  GET  /__fakeaws/sso/devices  → [{"user_code", "status", "polls"}] (no device codes)
  POST /__fakeaws/sso/revoke   → every issued access and refresh token stops
                                 working (the SSO session ended)
  POST /__fakeaws/sso/expire_access_tokens → issued access tokens expire now
                                 (refresh tokens still work)
  POST /__fakeaws/sso/role_seconds {"seconds": 20} → GetRoleCredentials gives
                                 keys for that many seconds (0: the role's
                                 max_session_duration, as AWS)
"""

import datetime
import json
import secrets
import string
import threading

from errors import AwsError

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
REFRESH_GRANT = "refresh_token"
ACCOUNT_ACCESS_SCOPE = "sso:account:access"


def _rand(n, alphabet=string.ascii_letters + string.digits):
    return "".join(secrets.choice(alphabet) for _ in range(n))


def _oauth(code, error, description, status=400):
    return AwsError(code, description, status, extra={"error": error, "error_description": description})


class OidcState:
    def __init__(self):
        self.lock = threading.Lock()
        self.clients = {}      # client id → {"secret", "expires", "scopes", "grants"}
        self.devices = {}      # device code → {...}
        self.tokens = {}       # access token → portal token entry (as in the scenario)
        self.refresh = {}      # refresh token → {"client_id", "template"}
        self.role_seconds = 0  # GetRoleCredentials' lifetime when set (else the role's max_session_duration)


def state(st):
    with _STATE_LOCK:
        if not hasattr(st, "sso_oidc"):
            st.sso_oidc = OidcState()
        return st.sso_oidc


_STATE_LOCK = threading.Lock()


def _sso_config(scenario):
    for acct in scenario.accounts:
        sso = scenario.identities(acct).get("sso")
        if sso:
            return sso
    return {}


def _device_template(scenario):
    sso = _sso_config(scenario)
    dev = dict(sso.get("device") or {})
    tokens = sso.get("tokens") or []
    if "roles" not in dev:
        dev["roles"] = tokens[0].get("roles", []) if tokens else []
    dev.setdefault("user", tokens[0].get("user", "user") if tokens else "user")
    return dev


def _raw_body(ctx):
    try:
        body = json.loads(ctx.request.body or b"{}")
    except ValueError:
        raise _oauth("InvalidRequestException", "invalid_request", "The request body is not JSON.")
    if not isinstance(body, dict):
        raise _oauth("InvalidRequestException", "invalid_request", "The request body is not a JSON object.")
    return body


def _client(ctx, st, body):
    cid, secret = body.get("clientId"), body.get("clientSecret")
    c = st.clients.get(cid)
    if c is None or not secrets.compare_digest(c["secret"], secret or ""):
        raise _oauth("InvalidClientException", "invalid_client", "Invalid client provided", 401)
    if ctx.now >= c["expires"]:
        raise _oauth("InvalidClientException", "invalid_client", "Client registration has expired", 401)
    return cid, c


def register_client(ctx):
    body = _raw_body(ctx)
    name, ctype = body.get("clientName"), body.get("clientType")
    if not name or ctype != "public":
        raise _oauth("InvalidRequestException", "invalid_request",
                     "clientName is required and clientType must be public")
    st = state(ctx.state)
    cid, secret = _rand(22), "eyJraWQiOiJrZXktMTU2" + _rand(300)
    issued = ctx.now.replace(microsecond=0)
    expires = issued + datetime.timedelta(days=90)
    with st.lock:
        st.clients[cid] = {"secret": secret, "expires": expires, "scopes": list(body.get("scopes") or []),
                           "grants": list(body.get("grantTypes") or [])}
    return {"clientId": cid, "clientSecret": secret, "clientIdIssuedAt": int(issued.timestamp()),
            "clientSecretExpiresAt": int(expires.timestamp())}


def _sso_region(ctx):
    """The SSO region: from an oidc.<region>.amazonaws.com Host, else the
    scenario's identities.sso.region (requests to fakeaws are unsigned and
    sent to 127.0.0.1, so nothing else names it), else the request's."""
    host = (ctx.request.headers.get("host") or "").split(":")[0]
    parts = host.split(".")
    if len(parts) >= 4 and parts[0] == "oidc" and parts[-2:] == ["amazonaws", "com"]:
        return parts[1]
    return _sso_config(ctx.state.scenario).get("region") or ctx.region


def start_device_authorization(ctx):
    body = _raw_body(ctx)
    st = state(ctx.state)
    cid, _ = _client(ctx, st, body)
    start_url = body.get("startUrl") or ""
    expected = _sso_config(ctx.state.scenario).get("start_url")
    if expected and start_url.rstrip("/") != expected.rstrip("/"):
        raise _oauth("InvalidRequestException", "invalid_request", "Invalid start url")
    dev = _device_template(ctx.state.scenario)
    code = _rand(60, string.ascii_letters + string.digits + "-_")
    user_code = _rand(4, string.ascii_uppercase) + "-" + _rand(4, string.ascii_uppercase)
    interval = int(dev.get("interval", 1))
    expires_in = int(dev.get("expires_in", 600))
    with st.lock:
        st.devices[code] = {"client_id": cid, "user_code": user_code, "status": "pending", "polls": 0,
                            "interval": interval, "last_poll": None,
                            "expires": ctx.now + datetime.timedelta(seconds=expires_in)}
    verify = f"https://device.sso.{_sso_region(ctx)}.amazonaws.com/"
    return {"deviceCode": code, "userCode": user_code, "verificationUri": verify,
            "verificationUriComplete": f"{verify}?user_code={user_code}",
            "expiresIn": expires_in, "interval": interval}


def _issue(ctx, st, cid, client, template):
    """A new access token (a portal token) and, for a client registered for it, a refresh token."""
    seconds = int(template.get("access_token_seconds", 28800))
    access = "aoa" + _rand(200)
    entry = {"access_token": access, "expires": (ctx.now + datetime.timedelta(seconds=seconds)).isoformat(),
             "user": template.get("user", "user"), "roles": template.get("roles", []), "issued": True}
    out = {"accessToken": access, "tokenType": "Bearer", "expiresIn": seconds}
    st.tokens[access] = entry
    if ACCOUNT_ACCESS_SCOPE in client["scopes"] and REFRESH_GRANT in client["grants"]:
        refresh = "aor" + _rand(200)
        st.refresh[refresh] = {"client_id": cid, "template": template}
        out["refreshToken"] = refresh
    return out


def create_token(ctx):
    body = _raw_body(ctx)
    st = state(ctx.state)
    grant = body.get("grantType")
    with st.lock:
        cid, client = _client(ctx, st, body)
        if grant == DEVICE_GRANT:
            if DEVICE_GRANT not in client["grants"] and client["grants"]:
                raise _oauth("UnauthorizedClientException", "unauthorized_client", "Client is not authorized")
            dev = st.devices.get(body.get("deviceCode") or "")
            if dev is None or dev["client_id"] != cid:
                raise _oauth("InvalidGrantException", "invalid_grant", "Invalid device code provided")
            dev["polls"] += 1
            if ctx.now >= dev["expires"]:
                dev["status"] = "expired"
                raise _oauth("ExpiredTokenException", "expired_token", "Device code has expired")
            if dev["status"] == "denied":
                raise _oauth("AccessDeniedException", "access_denied", "Authorization was denied")
            if dev["status"] == "used":
                raise _oauth("InvalidGrantException", "invalid_grant", "Device code has already been used")
            last, dev["last_poll"] = dev["last_poll"], ctx.now
            if dev.get("force_slow_down", 0) > 0:
                dev["force_slow_down"] -= 1
                dev["interval"] += 5
                dev["slow_downs"] = dev.get("slow_downs", 0) + 1
                raise _oauth("SlowDownException", "slow_down", "Client is polling too fast")
            # 0.2 s of slack: a client that sleeps exactly `interval` between polls is on time.
            if last is not None and (ctx.now - last).total_seconds() < dev["interval"] - 0.2:
                dev["interval"] += 5
                dev["slow_downs"] = dev.get("slow_downs", 0) + 1
                raise _oauth("SlowDownException", "slow_down", "Client is polling too fast")
            if dev["status"] != "approved":
                raise _oauth("AuthorizationPendingException", "authorization_pending",
                             "Authorization is still pending")
            dev["status"] = "used"
            return _issue(ctx, st, cid, client, _device_template(ctx.state.scenario))
        if grant == REFRESH_GRANT:
            if REFRESH_GRANT not in client["grants"]:
                raise _oauth("UnauthorizedClientException", "unauthorized_client", "Client is not authorized")
            r = st.refresh.pop(body.get("refreshToken") or "", None)
            if r is None or r["client_id"] != cid:
                raise _oauth("InvalidGrantException", "invalid_grant", "Invalid refresh token provided")
            return _issue(ctx, st, cid, client, r["template"])
        raise _oauth("UnsupportedGrantTypeException", "unsupported_grant_type", f"Unsupported grant type: {grant}")


def portal_token(state_obj, token):
    """The portal entry for an access token this module issued, or None."""
    st = getattr(state_obj, "sso_oidc", None)
    if st is None:
        return None
    with st.lock:
        return st.tokens.get(token)


def control(state_obj, request, body):
    st = state(state_obj)
    path = request.path.rstrip("/")
    if path == "/__fakeaws/sso/approve" and request.method == "POST":
        code = body.get("user_code")
        with st.lock:
            for dev in st.devices.values():
                if dev["user_code"] == code and dev["status"] == "pending":
                    dev["status"] = "denied" if body.get("deny") else "approved"
                    return 200, {"ok": True, "status": dev["status"]}
        return 404, {"error": f"no pending device authorization with user code {code!r}"}
    if path == "/__fakeaws/sso/slow_down" and request.method == "POST":
        code = body.get("user_code")
        with st.lock:
            for dev in st.devices.values():
                if dev["user_code"] == code:
                    dev["force_slow_down"] = int(body.get("times", 1))
                    return 200, {"ok": True}
        return 404, {"error": f"no device authorization with user code {code!r}"}
    if path == "/__fakeaws/sso/devices" and request.method == "GET":
        with st.lock:
            return 200, {"devices": [{"user_code": d["user_code"], "status": d["status"], "polls": d["polls"],
                                      "interval": d["interval"], "slow_downs": d.get("slow_downs", 0)}
                                     for d in st.devices.values()]}
    if path == "/__fakeaws/sso/revoke" and request.method == "POST":
        with st.lock:
            n = len(st.tokens) + len(st.refresh)
            st.tokens.clear()
            st.refresh.clear()
        return 200, {"ok": True, "revoked": n}
    if path == "/__fakeaws/sso/expire_access_tokens" and request.method == "POST":
        past = (state_obj.now() - datetime.timedelta(seconds=1)).isoformat()
        with st.lock:
            for t in st.tokens.values():
                t["expires"] = past
        return 200, {"ok": True}
    if path == "/__fakeaws/sso/role_seconds" and request.method == "POST":
        seconds = body.get("seconds", 0)
        if not isinstance(seconds, int) or seconds < 0:
            return 400, {"error": "seconds must be a whole number of seconds, 0 for the role's own duration"}
        with st.lock:
            st.role_seconds = seconds
        return 200, {"ok": True}
    return 404, {"error": f"no control endpoint {request.method} {request.path}"}


def reset(state_obj):
    st = getattr(state_obj, "sso_oidc", None)
    if st is not None:
        with st.lock:
            st.clients.clear()
            st.devices.clear()
            st.tokens.clear()
            st.refresh.clear()
            st.role_seconds = 0


HANDLERS = {
    "RegisterClient": register_client,
    "StartDeviceAuthorization": start_device_authorization,
    "CreateToken": create_token,
}
