"""The json (1.0/1.1, X-Amz-Target) and rest-json protocols."""

import base64
import json

from . import rest
from .values import format_timestamp, scalar_text, timestamp_format


def operation_name(request):
    target = request.headers.get("X-Amz-Target", "")
    return target.rpartition(".")[2] or None


def _content_type(service_model):
    if service_model.metadata["protocol"] == "json":
        return f"application/x-amz-json-{service_model.metadata.get('jsonVersion', '1.0')}"
    return "application/json"


def to_json(shape, value):
    """A scenario value as the JSON the service sends for shape."""
    t = shape.type_name
    if value is None:
        return None
    if t == "structure":
        out = {}
        for mname, mshape in shape.members.items():
            if mname in value and value[mname] is not None and "location" not in mshape.serialization:
                out[mshape.serialization.get("name", mname)] = to_json(mshape, value[mname])
        # Members AWS added after Debian's botocore model (DynamoDB's
        # DeletionProtectionEnabled, 2023): real AWS sends them, so a scenario
        # may declare them; they go out as written (no shape to format them).
        for key, v in value.items():
            if key not in shape.members and key not in out and v is not None:
                out[key] = v
        return out
    if t == "list":
        return [to_json(shape.member, v) for v in value]
    if t == "map":
        return {k: to_json(shape.value, v) for k, v in value.items()}
    if t == "timestamp":
        return format_timestamp(value, timestamp_format(shape, "unixTimestamp"))
    if t == "blob":
        return base64.b64encode(value.encode() if isinstance(value, str) else value).decode()
    return value


def serialize(service_model, op_model, output, request_id):
    output = output or {}
    headers = {"Content-Type": _content_type(service_model), "x-amzn-RequestId": request_id}
    status = 200
    shape = op_model.output_shape
    if shape is None:
        return status, headers, b"{}"
    if service_model.metadata["protocol"] == "json":
        return status, headers, json.dumps(to_json(shape, output)).encode()
    payload = shape.serialization.get("payload")
    for mname, mshape in shape.members.items():
        loc = mshape.serialization.get("location")
        if mname not in output:
            continue
        if loc == "header":
            headers[mshape.serialization.get("name", mname)] = scalar_text(mshape, output[mname], "rfc822")
        elif loc == "headers":
            for k, v in output[mname].items():
                headers[mshape.serialization.get("name", "") + k] = v
        elif loc == "statusCode":
            status = int(output[mname])
    if payload:
        pshape = shape.members[payload]
        value = output.get(payload)
        if pshape.type_name in ("blob", "string"):
            body = (value.encode() if isinstance(value, str) else value) or b""
        else:
            body = json.dumps(to_json(pshape, value or {})).encode()
    else:
        body = json.dumps(to_json(shape, output)).encode()
    return status, headers, body


def serialize_error(service_model, err, request_id, method="GET"):
    headers = {"Content-Type": _content_type(service_model), "x-amzn-RequestId": request_id}
    headers.update(err.headers)
    body = {"__type": err.code, "message": err.message}
    body.update(err.extra)
    if service_model.metadata["protocol"] == "rest-json":
        # botocore and the SDKs read the code from this header first.
        headers["x-amzn-ErrorType"] = err.code
    return err.status, headers, json.dumps(body).encode()


def _from_json(shape, value):
    # Request bodies are used for matching scenario cases only: keep plain JSON.
    return value


def parse_request(service_model, op_model, request, labels=None):
    try:
        body = json.loads(request.body) if request.body else {}
    except ValueError:
        body = {}
    if service_model.metadata["protocol"] == "json":
        return body if isinstance(body, dict) else {}
    params = rest.bind_input(op_model, request, labels)
    shape = op_model.input_shape
    if shape is not None and isinstance(body, dict):
        payload = shape.serialization.get("payload")
        if payload:
            params[payload] = body
        else:
            by_wire = {mshape.serialization.get("name", m): m for m, mshape in shape.members.items()
                       if "location" not in mshape.serialization}
            for k, v in body.items():
                if k in by_wire:
                    params[by_wire[k]] = v
    return params
