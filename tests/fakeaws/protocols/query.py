"""The awsQuery (IAM, STS, ELB, RDS, ...) and ec2 protocols.

Both take form-encoded requests with Action/Version; they differ in how list
parameters are named and in the response and error envelopes.
"""

import urllib.parse
from xml.sax.saxutils import escape

from .xmlshape import structure_parts

CONTENT_TYPE = "text/xml"


def operation_name(request):
    return request.form.get("Action")


def _namespace(service_model):
    meta = service_model.metadata
    if meta["protocol"] == "ec2":
        return f"http://ec2.amazonaws.com/doc/{meta['apiVersion']}/"
    return meta.get("xmlNamespace", f"https://{meta['endpointPrefix']}.amazonaws.com/doc/{meta['apiVersion']}/")


def serialize(service_model, op_model, output, request_id):
    flavor = service_model.metadata["protocol"]
    ns = _namespace(service_model)
    shape = op_model.output_shape
    body = ""
    if shape is not None:
        _, body = structure_parts(shape, output or {}, flavor, "iso8601")
    root = f"{op_model.name}Response"
    if flavor == "ec2":
        xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{ns}"><requestId>{request_id}</requestId>{body}</{root}>'
    else:
        wrapper = (shape.serialization.get("resultWrapper") if shape is not None else None) or f"{op_model.name}Result"
        result = f"<{wrapper}>{body}</{wrapper}>" if shape is not None else ""
        xml = (f'<{root} xmlns="{ns}">{result}'
               f"<ResponseMetadata><RequestId>{request_id}</RequestId></ResponseMetadata></{root}>")
    return 200, {"Content-Type": CONTENT_TYPE}, xml.encode()


def serialize_error(service_model, err, request_id, method="GET"):
    code, msg = escape(err.code), escape(err.message)
    if service_model.metadata["protocol"] == "ec2":
        xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>{code}</Code>'
               f"<Message>{msg}</Message></Error></Errors><RequestID>{request_id}</RequestID></Response>")
    else:
        ns = _namespace(service_model)
        kind = "Sender" if err.sender else "Receiver"
        xml = (f'<ErrorResponse xmlns="{ns}"><Error><Type>{kind}</Type><Code>{code}</Code>'
               f"<Message>{msg}</Message></Error><RequestId>{request_id}</RequestId></ErrorResponse>")
    return err.status, {"Content-Type": CONTENT_TYPE}, xml.encode()


def parse_request(service_model, op_model, request):
    if op_model.input_shape is None:
        return {}
    ec2 = service_model.metadata["protocol"] == "ec2"
    return _decode_struct(op_model.input_shape, request.form, "", ec2)


def _key(mshape, mname, ec2):
    ser = mshape.serialization
    if ec2:
        if "queryName" in ser:
            return ser["queryName"]
        if "name" in ser:
            return ser["name"][0].upper() + ser["name"][1:]
        return mname
    if mshape.type_name == "list" and ser.get("flattened") and mshape.member.serialization.get("name"):
        return mshape.member.serialization["name"]
    return ser.get("name", mname)


def _decode(shape, form, key, ec2):
    t = shape.type_name
    if t == "structure":
        value = _decode_struct(shape, form, key + ".", ec2)
        return value if value else None
    if t == "list":
        if ec2 or shape.serialization.get("flattened"):
            base = key
        else:
            base = key + "." + shape.member.serialization.get("name", "member")
        items, i = [], 1
        while True:
            item = _decode(shape.member, form, f"{base}.{i}", ec2)
            if item is None:
                break
            items.append(item)
            i += 1
        if not items and form.get(key) == "":
            return []
        return items or None
    if t == "map":
        base = key if shape.serialization.get("flattened") else key + ".entry"
        kname = shape.key.serialization.get("name", "key")
        vname = shape.value.serialization.get("name", "value")
        out, i = {}, 1
        while f"{base}.{i}.{kname}" in form:
            out[form[f"{base}.{i}.{kname}"]] = _decode(shape.value, form, f"{base}.{i}.{vname}", ec2)
            i += 1
        return out or None
    if key not in form:
        return None
    raw = form[key]
    if t == "boolean":
        return raw.lower() == "true"
    if t in ("integer", "long"):
        return int(raw)
    if t in ("float", "double"):
        return float(raw)
    return raw


def _decode_struct(shape, form, prefix, ec2):
    out = {}
    for mname, mshape in shape.members.items():
        v = _decode(mshape, form, prefix + _key(mshape, mname, ec2), ec2)
        if v is not None:
            out[mname] = v
    return out


def parse_form(body, query_string):
    """Query-protocol parameters come in the body (POST) or the URL (GET)."""
    pairs = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
    if body:
        pairs += urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
    return dict(pairs)
