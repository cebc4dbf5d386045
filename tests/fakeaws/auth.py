"""Credentials fakeaws knows, and SigV4 verification with botocore's signer.

Verification re-signs the request with the secret we hold for the access key,
using botocore's SigV4Auth/S3SigV4Auth for the canonical request, string to
sign and key derivation, and compares signatures. Only the header list is
taken from the request's SignedHeaders (botocore's own blacklist would drop
e.g. user-agent, which other clients are free to sign).
"""

import datetime
import email.utils
import hmac
import secrets
import string
import threading
import urllib.parse
from dataclasses import dataclass, field

from botocore.auth import S3SigV4Auth, SigV4Auth, UNSIGNED_PAYLOAD
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from errors import AwsError, auth_error

SIGV4_FORMAT = "%Y%m%dT%H%M%SZ"


@dataclass
class Principal:
    type: str            # "user", "root", "assumed-role", "federated"
    account: str
    arn: str
    user_id: str
    name: str = ""       # user name, role name or federated user name
    session_name: str = ""
    role_arn: str = ""   # for assumed roles: arn:aws:iam::acct:role/path/name
    denied_actions: set = field(default_factory=set)


@dataclass
class Credential:
    access_key_id: str
    secret: str
    principal: Principal
    session_token: str = None
    expires: datetime.datetime = None
    chained: bool = False     # obtained by assuming a role with role credentials
    issued: bool = False      # created at run time (AssumeRole, ...), dropped by reset


def _random(alphabet, n):
    return "".join(secrets.choice(alphabet) for _ in range(n))


def new_key_id(prefix="ASIA"):
    # Temporary keys start with ASIA, long-term with AKIA, as AWS's do.
    return prefix + _random(string.ascii_uppercase + string.digits, 16)


def new_secret():
    return _random(string.ascii_letters + string.digits + "/+", 40)


def new_session_token():
    return "FQoGZXIvYXdzE" + _random(string.ascii_letters + string.digits + "/+", 300)


class Registry:
    """access key id → Credential; scenario keys plus those issued at run time."""

    def __init__(self):
        self._lock = threading.Lock()
        self._creds = {}

    def add(self, cred):
        with self._lock:
            self._creds[cred.access_key_id] = cred

    def get(self, key_id):
        with self._lock:
            return self._creds.get(key_id)

    def drop_issued(self):
        with self._lock:
            self._creds = {k: v for k, v in self._creds.items() if not v.issued}

    def all(self):
        with self._lock:
            return list(self._creds.values())


@dataclass
class SignedRequest:
    access_key_id: str
    date: str            # YYYYMMDD from the scope
    region: str
    service: str
    signed_headers: list
    signature: str
    timestamp: str       # X-Amz-Date (or Date converted)
    token: str = None
    presigned: bool = False
    expires_in: int = None


class _Verifier:
    """Mixin over botocore's signers that signs exactly the claimed headers."""

    def __init__(self, credentials, service, region, signed_headers, presigned):
        super().__init__(credentials, service, region)
        self._signed = signed_headers
        self._presigned = presigned

    def headers_to_sign(self, request):
        from botocore.awsrequest import HTTPHeaders
        out = HTTPHeaders()
        for name in self._signed:
            for value in request.headers.get_all(name) or []:
                out[name] = value
        return out

    def canonical_query_string(self, request):
        # AWS canonicalizes what it decoded; re-encode so clients that encode
        # differently on the wire (but sign canonically) still verify.
        pairs = []
        raw = urllib.parse.urlsplit(request.url).query
        for part in filter(None, raw.split("&")):
            k, _, v = part.partition("=")
            k, v = urllib.parse.unquote(k), urllib.parse.unquote(v)
            if self._presigned and k == "X-Amz-Signature":
                continue
            pairs.append((urllib.parse.quote(k, safe="-_.~"), urllib.parse.quote(v, safe="-_.~")))
        return "&".join(f"{k}={v}" for k, v in sorted(pairs))

    def payload(self, request):
        if self._presigned and self._service_name == "s3":
            return UNSIGNED_PAYLOAD
        return super().payload(request)


class _V4(_Verifier, SigV4Auth):
    pass


class _S3V4(_Verifier, S3SigV4Auth):
    pass


def parse_signature(request):
    """SignedRequest from the Authorization header or presigned query; None if unsigned."""
    authz = request.headers.get("Authorization")
    if authz:
        if not authz.startswith("AWS4-HMAC-SHA256 "):
            raise AwsError("IncompleteSignature", "Unsupported authorization scheme; only AWS4-HMAC-SHA256 is accepted.", 400)
        fields = {}
        for part in authz[len("AWS4-HMAC-SHA256 "):].split(","):
            k, _, v = part.strip().partition("=")
            fields[k] = v
        cred, signed, sig = fields.get("Credential"), fields.get("SignedHeaders"), fields.get("Signature")
        ts = request.headers.get("X-Amz-Date")
        if ts is None and request.headers.get("Date"):
            try:
                ts = email.utils.parsedate_to_datetime(request.headers["Date"]).strftime(SIGV4_FORMAT)
            except (TypeError, ValueError):
                ts = None
        token = request.headers.get("X-Amz-Security-Token")
        presigned, expires_in = False, None
    elif "X-Amz-Credential" in request.query:
        q = {k: v[0] for k, v in request.query.items()}
        cred, signed, sig = q.get("X-Amz-Credential"), q.get("X-Amz-SignedHeaders"), q.get("X-Amz-Signature")
        ts, token, presigned = q.get("X-Amz-Date"), q.get("X-Amz-Security-Token"), True
        expires_in = int(q["X-Amz-Expires"]) if q.get("X-Amz-Expires", "").isdigit() else None
    else:
        return None
    if not (cred and signed and sig and ts):
        missing = [n for n, v in (("Credential", cred), ("SignedHeaders", signed), ("Signature", sig), ("X-Amz-Date", ts)) if not v]
        raise AwsError("IncompleteSignature", f"Authorization header requires {', '.join(missing)}.", 400)
    scope = cred.split("/")
    if len(scope) != 5 or scope[4] != "aws4_request":
        raise AwsError("IncompleteSignature", f"Credential should be scoped to a valid region. ", 400)
    return SignedRequest(scope[0], scope[1], scope[2], scope[3], signed.split(";"), sig, ts, token,
                         presigned, expires_in)


def compute_signature(request, signed, secret, token):
    creds = Credentials(signed.access_key_id, secret, token)
    cls = _S3V4 if signed.service == "s3" else _V4
    signer = cls(creds, signed.service, signed.region, signed.signed_headers, signed.presigned)
    query = request.raw_query
    url = f"http://{request.headers.get('Host', 'localhost')}{request.path}" + (f"?{query}" if query else "")
    aws_req = AWSRequest(method=request.method, url=url, data=request.body or b"")
    for k, v in request.headers.items():
        aws_req.headers[k] = v
    aws_req.context["timestamp"] = signed.timestamp
    canonical = signer.canonical_request(aws_req)
    to_sign = signer.string_to_sign(aws_req, canonical)
    return signer.signature(to_sign, aws_req)


def skew_error(fam, signed, now, max_skew):
    """AWS's own answer for a request time outside the allowed window."""
    req_time = datetime.datetime.strptime(signed.timestamp, SIGV4_FORMAT).replace(tzinfo=datetime.timezone.utc)
    fmt = lambda d: d.strftime(SIGV4_FORMAT)
    minutes = int(max_skew.total_seconds() // 60)
    if fam == "s3":
        return AwsError("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.",
                        403, extra={"RequestTime": signed.timestamp, "ServerTime": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                    "MaxAllowedSkewMilliseconds": int(max_skew.total_seconds() * 1000)})
    if fam == "ec2":
        return AwsError("RequestExpired", "Request has expired.", 400)
    if req_time < now:
        msg = f"Signature expired: {fmt(req_time)} is now earlier than {fmt(now - max_skew)} ({fmt(now)} - {minutes} min.)"
    else:
        msg = f"Signature not yet current: {fmt(req_time)} is still later than {fmt(now + max_skew)} ({fmt(now)} + {minutes} min.)"
    if fam == "query":
        return AwsError("SignatureDoesNotMatch", msg, 403)
    return AwsError("InvalidSignatureException", msg, 400 if fam == "json" else 403)


def authenticate(request, signed, registry, fam, now, token_expiry_override=None):
    """The Credential behind a signed request, or the AwsError AWS would give."""
    cred = registry.get(signed.access_key_id)
    extra = {"AWSAccessKeyId": signed.access_key_id} if fam == "s3" else None
    if cred is None:
        raise auth_error("unknown_key", fam, extra)
    if cred.session_token is not None and signed.token != cred.session_token:
        raise auth_error("bad_token", fam)
    if cred.session_token is None and signed.token:
        raise auth_error("bad_token", fam)
    expires = cred.expires
    if token_expiry_override is not None and (expires is None or token_expiry_override < expires):
        expires = token_expiry_override
    if expires is not None and now >= expires:
        err = auth_error("expired_token", fam)
        if fam == "s3":
            err.extra = {"Token-0": "<redacted>"}
        raise err
    try:
        req_time = datetime.datetime.strptime(signed.timestamp, SIGV4_FORMAT).replace(tzinfo=datetime.timezone.utc)
    except ValueError:
        raise AwsError("IncompleteSignature", "Date must be in ISO-8601 'basic format'.", 400)
    if signed.presigned:
        if signed.expires_in is not None and now > req_time + datetime.timedelta(seconds=signed.expires_in):
            raise AwsError("AccessDenied", "Request has expired", 403,
                           extra={"X-Amz-Expires": signed.expires_in,
                                  "Expires": (req_time + datetime.timedelta(seconds=signed.expires_in)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                  "ServerTime": now.strftime("%Y-%m-%dT%H:%M:%SZ")})
    else:
        max_skew = datetime.timedelta(minutes=15 if fam == "s3" else 5)
        if abs(now - req_time) > max_skew:
            raise skew_error(fam, signed, now, max_skew)
    expected = compute_signature(request, signed, cred.secret, signed.token)
    if not hmac.compare_digest(expected, signed.signature):
        raise auth_error("bad_signature", fam, extra)
    return cred
