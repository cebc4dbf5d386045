"""AwsError: one exception type for every answer that is not a success.

Handlers raise it; the protocol layer renders it in the wire format of the
service being called, so the code and message are written once, here or at the
raise site, and each protocol only decides the envelope.
"""


class AwsError(Exception):
    def __init__(self, code, message, status=400, sender=True, extra=None, headers=None):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status
        # <Type>Sender</Type> vs Receiver in query errors: clients use it to
        # decide whether a retry can help.
        self.sender = sender
        # Extra elements some services add beside Code/Message (S3's
        # RequestTime/ServerTime, AWSAccessKeyId, BucketName, ...).
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})


# Auth failures differ per protocol family (observed from AWS, see the search
# notes in README.md). Keys: "query" (IAM, STS, and other awsQuery services),
# "ec2", "json" (json 1.0/1.1), "rest-json", "s3" (rest-xml).
_GENERIC_BAD_TOKEN = "The security token included in the request is invalid."
_EC2_AUTH = "AWS was not able to validate the provided access credentials"
_SIG_MISMATCH = ("The request signature we calculated does not match the signature you "
                 "provided. Check your AWS Secret Access Key and signing method. Consult "
                 "the service documentation for details.")
_S3_SIG_MISMATCH = ("The request signature we calculated does not match the signature you "
                    "provided. Check your key and signing method.")
_EXPIRED = "The security token included in the request is expired"

AUTH_ERRORS = {
    "unknown_key": {
        "query": ("InvalidClientTokenId", _GENERIC_BAD_TOKEN, 403),
        "ec2": ("AuthFailure", _EC2_AUTH, 401),
        "json": ("UnrecognizedClientException", _GENERIC_BAD_TOKEN, 400),
        "rest-json": ("UnrecognizedClientException", _GENERIC_BAD_TOKEN, 403),
        "s3": ("InvalidAccessKeyId",
               "The AWS Access Key Id you provided does not exist in our records.", 403),
    },
    "bad_token": {
        "query": ("InvalidClientTokenId", _GENERIC_BAD_TOKEN, 403),
        "ec2": ("AuthFailure", _EC2_AUTH, 401),
        "json": ("UnrecognizedClientException", _GENERIC_BAD_TOKEN, 400),
        "rest-json": ("UnrecognizedClientException", _GENERIC_BAD_TOKEN, 403),
        "s3": ("InvalidToken", "The provided token is malformed or otherwise invalid.", 400),
    },
    "bad_signature": {
        "query": ("SignatureDoesNotMatch", _SIG_MISMATCH, 403),
        "ec2": ("AuthFailure", _EC2_AUTH, 401),
        "json": ("InvalidSignatureException", _SIG_MISMATCH, 400),
        "rest-json": ("InvalidSignatureException", _SIG_MISMATCH, 403),
        "s3": ("SignatureDoesNotMatch", _S3_SIG_MISMATCH, 403),
    },
    "expired_token": {
        "query": ("ExpiredToken", _EXPIRED, 403),
        # EC2 answers expired session credentials with RequestExpired.
        "ec2": ("RequestExpired", "Request has expired.", 400),
        "json": ("ExpiredTokenException", _EXPIRED, 400),
        "rest-json": ("ExpiredTokenException", _EXPIRED, 403),
        "s3": ("ExpiredToken", "The provided token has expired.", 400),
    },
    "missing_auth": {
        "query": ("MissingAuthenticationToken", "Request is missing Authentication Token", 403),
        "ec2": ("AuthFailure", _EC2_AUTH, 401),
        "json": ("MissingAuthenticationTokenException", "Missing Authentication Token", 400),
        "rest-json": ("MissingAuthenticationTokenException", "Missing Authentication Token", 403),
        "s3": ("AccessDenied", "Access Denied", 403),
    },
    "region_disabled": {
        # A region the account has not opted into does not know the
        # account's credentials at all.
        "query": ("InvalidClientTokenId", _GENERIC_BAD_TOKEN, 403),
        "ec2": ("AuthFailure", _EC2_AUTH, 401),
        "json": ("UnrecognizedClientException", _GENERIC_BAD_TOKEN, 400),
        "rest-json": ("UnrecognizedClientException", _GENERIC_BAD_TOKEN, 403),
        "s3": ("InvalidAccessKeyId",
               "The AWS Access Key Id you provided does not exist in our records.", 403),
    },
}


def family(service_model):
    """The error family of a botocore service model."""
    proto = service_model.metadata["protocol"]
    if proto == "rest-xml":
        return "s3"
    if proto in ("query", "ec2", "json", "rest-json"):
        return proto
    return "json"


def auth_error(kind, fam, extra=None):
    code, message, status = AUTH_ERRORS[kind][fam]
    return AwsError(code, message, status, extra=extra)


def throttling_error(fam):
    return {
        "query": AwsError("Throttling", "Rate exceeded", 400),
        "ec2": AwsError("RequestLimitExceeded", "Request limit exceeded.", 503),
        "json": AwsError("ThrottlingException", "Rate exceeded", 400),
        "rest-json": AwsError("ThrottlingException", "Rate exceeded", 429),
        "s3": AwsError("SlowDown", "Please reduce your request rate.", 503),
    }[fam]


def server_error(fam, status=500):
    if status == 503:
        if fam == "s3":
            return AwsError("ServiceUnavailable", "Please reduce your request rate.", 503, sender=False)
        if fam == "ec2":
            return AwsError("Unavailable", "The service is unavailable. Please try again shortly.", 503, sender=False)
        return AwsError("ServiceUnavailable", "Service is unavailable.", 503, sender=False)
    if fam == "s3":
        return AwsError("InternalError", "We encountered an internal error. Please try again.", 500, sender=False)
    if fam == "ec2":
        return AwsError("InternalError", "An internal error has occurred", 500, sender=False)
    return AwsError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500, sender=False)


def access_denied(fam, principal_arn, action, resource):
    """AWS's current wording for an implicit deny by identity policy."""
    msg = (f"User: {principal_arn} is not authorized to perform: {action} on resource: "
           f"{resource} because no identity-based policy allows the {action} action")
    if fam == "ec2":
        return AwsError("UnauthorizedOperation", f"You are not authorized to perform this operation. {msg}", 403)
    if fam == "query":
        return AwsError("AccessDenied", msg, 403)
    if fam == "s3":
        return AwsError("AccessDenied", msg, 403)
    return AwsError("AccessDeniedException", msg, 400 if fam == "json" else 403)
