"""The rest-xml protocol (S3, and Route 53 / CloudFront style services)."""

import secrets
import base64
from xml.sax.saxutils import escape

from . import rest
from .values import scalar_text
from .xmlshape import element, structure_parts

# S3 names the root element of non-payload outputs; the model does not say.
# botocore ignores it, other parsers (and people reading logs) do not.
_S3_ROOTS = {
    "ListBuckets": "ListAllMyBucketsResult",
    "ListObjects": "ListBucketResult",
    "ListObjectsV2": "ListBucketResult",
    "ListObjectVersions": "ListVersionsResult",
    "GetBucketAcl": "AccessControlPolicy",
    "GetObjectAcl": "AccessControlPolicy",
    "GetBucketVersioning": "VersioningConfiguration",
    "GetBucketLogging": "BucketLoggingStatus",
    "GetBucketTagging": "Tagging",
    "GetBucketLifecycleConfiguration": "LifecycleConfiguration",
    "GetBucketCors": "CORSConfiguration",
    "GetBucketWebsite": "WebsiteConfiguration",
    "GetBucketNotificationConfiguration": "NotificationConfiguration",
    "GetBucketRequestPayment": "RequestPaymentConfiguration",
    "GetBucketAccelerateConfiguration": "AccelerateConfiguration",
}


def _namespace(service_model):
    if service_model.service_name == "s3":
        return "http://s3.amazonaws.com/doc/2006-03-01/"
    meta = service_model.metadata
    return f"https://{meta['endpointPrefix']}.amazonaws.com/doc/{meta['apiVersion']}/"


def _is_s3(service_model):
    return service_model.metadata.get("signingName", service_model.metadata["endpointPrefix"]) == "s3"


def request_id_headers(service_model, request_id):
    if _is_s3(service_model):
        host_id = base64.b64encode(secrets.token_bytes(48)).decode()
        return {"x-amz-request-id": request_id, "x-amz-id-2": host_id}
    return {"x-amzn-RequestId": request_id}


def serialize(service_model, op_model, output, request_id):
    output = output or {}
    headers = {"Content-Type": "application/xml"}
    headers.update(request_id_headers(service_model, request_id))
    status = 200
    shape = op_model.output_shape
    if shape is None:
        return status, headers, b""
    ns = _namespace(service_model)
    skip = set()
    for mname, mshape in shape.members.items():
        loc = mshape.serialization.get("location")
        if loc:
            skip.add(mname)
        if mname not in output or output[mname] is None:
            continue
        if loc == "header":
            headers[mshape.serialization.get("name", mname)] = scalar_text(mshape, output[mname], "rfc822")
        elif loc == "headers":
            for k, v in output[mname].items():
                headers[mshape.serialization.get("name", "") + k] = str(v)
        elif loc == "statusCode":
            status = int(output[mname])
    payload = shape.serialization.get("payload")
    if op_model.name == "GetBucketLocation" and _is_s3(service_model):
        # A bare root element whose text is the region ("" for us-east-1).
        value = output.get("LocationConstraint") or ""
        body = f'<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="{ns}">{escape(value)}</LocationConstraint>'
        return status, headers, body.encode()
    if payload:
        pshape = shape.members[payload]
        value = output.get(payload)
        if pshape.type_name in ("blob", "string"):
            if pshape.type_name == "string":
                headers["Content-Type"] = "application/json" if op_model.name == "GetBucketPolicy" else "text/plain"
            return status, headers, (value.encode() if isinstance(value, str) else (value or b""))
        if value is None:
            return status, headers, b""
        root = pshape.serialization.get("name", pshape.name)
        attrs, inner = structure_parts(pshape, value, "rest-xml", "iso8601")
        body = f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{ns}"{attrs}>{inner}</{root}>'
        return status, headers, body.encode()
    root = _S3_ROOTS.get(op_model.name) if _is_s3(service_model) else None
    root = root or shape.serialization.get("name") or f"{op_model.name}Result"
    attrs, inner = structure_parts(shape, output, "rest-xml", "iso8601", skip=skip)
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{ns}"{attrs}>{inner}</{root}>'
    return status, headers, body.encode()


def serialize_error(service_model, err, request_id, method="GET"):
    headers = {"Content-Type": "application/xml"}
    headers.update(request_id_headers(service_model, request_id))
    headers.update(err.headers)
    extra = "".join(f"<{k}>{escape(str(v))}</{k}>" for k, v in err.extra.items())
    if _is_s3(service_model):
        host_id = headers.get("x-amz-id-2", "")
        body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{escape(err.code)}</Code>'
                f"<Message>{escape(err.message)}</Message>{extra}<RequestId>{request_id}</RequestId>"
                f"<HostId>{host_id}</HostId></Error>")
    else:
        kind = "Sender" if err.sender else "Receiver"
        body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="{_namespace(service_model)}">'
                f"<Error><Type>{kind}</Type><Code>{escape(err.code)}</Code><Message>{escape(err.message)}</Message>"
                f"{extra}</Error><RequestId>{request_id}</RequestId></ErrorResponse>")
    if method == "HEAD":
        # HEAD answers carry no body; clients classify by status alone.
        return err.status, headers, b""
    return err.status, headers, body.encode()


def parse_request(service_model, op_model, request, labels=None):
    # Read operations carry everything in the URI, query string and headers.
    return rest.bind_input(op_model, request, labels)


def new_request_id(service_model):
    if _is_s3(service_model):
        return secrets.token_hex(8).upper()
    return None
