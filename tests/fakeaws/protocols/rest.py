"""REST routing and input binding shared by rest-json and rest-xml.

An operation is found by matching method and path against each operation's
requestUri template ("/{Bucket}/{Key+}?policy"); the most specific match wins,
which is how GET /b?policy (GetBucketPolicy) beats GET /b (ListObjects).
"""

import re
import urllib.parse

from .values import to_datetime

_compiled = {}


def _compile(op_model):
    key = (op_model.service_model.service_name, op_model.name)
    if key in _compiled:
        return _compiled[key]
    uri = op_model.http.get("requestUri", "/")
    path_t, _, query_t = uri.partition("?")
    pattern, literal = "", 0
    for part in re.split(r"(\{[^}]+\})", path_t):
        if part.startswith("{"):
            name = part[1:-1]
            greedy = name.endswith("+")
            name = name.rstrip("+")
            pattern += f"(?P<{re.sub(r'[^A-Za-z0-9_]', '_', name)}>{'.+' if greedy else '[^/]+'})"
        else:
            pattern += re.escape(part)
            literal += len(part)
    if pattern.endswith("/"):
        pattern = pattern[:-1] + "/?"
    else:
        pattern += "/?"
    required = []
    for item in filter(None, query_t.split("&")):
        k, eq, v = item.partition("=")
        if k != "x-id":  # botocore may or may not send x-id; it never disambiguates
            required.append((k, v if eq else None))
    compiled = (re.compile("^" + pattern + "$"), required, literal)
    _compiled[key] = compiled
    return compiled


def match_operation(service_model, method, path, query):
    """(op_model, labels) of the best match, or (None, None)."""
    best, best_score = None, None
    for name in service_model.operation_names:
        op = service_model.operation_model(name)
        if op.http.get("method", "POST").upper() != method:
            continue
        regex, required, literal = _compile(op)
        m = regex.match(path)
        if not m:
            continue
        ok = all(k in query and (v is None or v in query[k]) for k, v in required)
        if not ok:
            continue
        score = (len(required), literal, -len(m.groupdict()))
        if best_score is None or score > best_score:
            best, best_score = (op, m.groupdict()), score
    return best if best else (None, None)


def _coerce(shape, raw):
    t = shape.type_name
    if t == "boolean":
        return raw.lower() == "true"
    if t in ("integer", "long"):
        return int(raw)
    if t in ("float", "double"):
        return float(raw)
    if t == "timestamp":
        try:
            return to_datetime(raw)
        except ValueError:
            return raw
    return raw


def bind_input(op_model, request, labels):
    """Input members carried in the URI, query string and headers."""
    out = {}
    shape = op_model.input_shape
    if shape is None:
        return out
    for mname, mshape in shape.members.items():
        loc = mshape.serialization.get("location")
        lname = mshape.serialization.get("name", mname)
        if loc == "uri":
            key = re.sub(r"[^A-Za-z0-9_]", "_", lname)
            if labels and labels.get(key) is not None:
                out[mname] = urllib.parse.unquote(labels[key])
        elif loc == "querystring":
            if mshape.type_name == "list" and lname in request.query:
                out[mname] = [_coerce(mshape.member, v) for v in request.query[lname]]
            elif mshape.type_name == "map":
                out[mname] = {k: v[0] for k, v in request.query.items()}
            elif lname in request.query:
                out[mname] = _coerce(mshape, request.query[lname][0])
        elif loc == "header":
            v = request.headers.get(lname)
            if v is not None:
                out[mname] = _coerce(mshape, v) if mshape.type_name != "list" else [s.strip() for s in v.split(",")]
        elif loc == "headers":
            prefix = lname.lower()
            out[mname] = {k[len(prefix):]: v for k, v in request.headers.items() if k.lower().startswith(prefix)}
            if not out[mname]:
                del out[mname]
    return out
