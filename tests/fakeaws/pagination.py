"""Paging a full scenario answer the way the real service pages it.

The scenario holds the complete result; botocore's paginators-1.json says
which lists are paged (result_key), which request member carries the token
(input_token), where the next token goes (output_token) and whether a flag
says there is more (more_results, e.g. IsTruncated). Tokens are opaque to
clients, so ours just encode the offset.
"""

import base64

import models
from errors import AwsError

_PREFIX = "fakeaws-page:"


def _as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def encode_token(offset):
    return base64.b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_token(token):
    try:
        text = base64.b64decode(token, validate=True).decode()
    except Exception:
        return None
    if text.startswith(_PREFIX) and text[len(_PREFIX):].isdigit():
        return int(text[len(_PREFIX):])
    return None


def _get_path(obj, path):
    for part in path.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def _set_path(obj, path, value):
    parts = path.split(".")
    for part in parts[:-1]:
        obj = obj.setdefault(part, {})
    obj[parts[-1]] = value


def _del_path(obj, path):
    parts = path.split(".")
    for part in parts[:-1]:
        obj = obj.get(part, {})
    obj.pop(parts[-1], None)


def _simple(expr):
    # "NextMarker || Contents[-1].Key" → "NextMarker": the member the
    # service fills; botocore falls back to the expression's other side.
    head = expr.split("||")[0].strip()
    return head if "[" not in head else None


def _offset_after(items, token):
    """A token that is not ours is a marker naming the last item seen (S3 Marker)."""
    for i, item in enumerate(items):
        values = item.values() if isinstance(item, dict) else [item]
        if token in [str(v) for v in values]:
            return i + 1
    return None


def paginate(service_name, op_model, output, params, page_size):
    cfg = models.paginator_config(service_name, op_model.name)
    if not cfg:
        return output
    result_keys = [k for k in _as_list(cfg.get("result_key")) if "[" not in k and "||" not in k]
    for key in result_keys:
        if _get_path(output, key) is None and _members_have(op_model, key):
            _set_path(output, key, [])
    lists = [_get_path(output, k) for k in result_keys]
    lists = [(k, l) for k, l in zip(result_keys, lists) if isinstance(l, list)]
    if not lists:
        return output
    in_tokens = _as_list(cfg.get("input_token"))
    out_tokens = [t for t in (_simple(e) for e in _as_list(cfg.get("output_token"))) if t]
    token = next((params.get(t) for t in in_tokens if params.get(t)), None)
    offset = 0
    if token:
        offset = decode_token(str(token))
        if offset is None:
            offset = _offset_after(lists[0][1], str(token))
        if offset is None:
            raise AwsError("InvalidNextTokenException" if service_name not in ("iam", "s3", "ec2") else
                           ("InvalidParameterValue" if service_name == "ec2" else "InvalidToken"),
                           "The specified pagination token is not valid.", 400)
    limit = page_size
    limit_key = cfg.get("limit_key")
    if limit_key and params.get(limit_key):
        try:
            limit = max(1, min(limit, int(params[limit_key])))
        except ValueError:
            pass
    more = False
    for key, items in lists:
        _set_path(output, key, items[offset:offset + limit])
        more = more or len(items) > offset + limit
    for t in out_tokens:
        if more:
            _set_path(output, t, encode_token(offset + limit))
        else:
            _del_path(output, t)
    if cfg.get("more_results") and "[" not in cfg["more_results"]:
        _set_path(output, cfg["more_results"], more)
    shape = op_model.output_shape
    # Echo the request's token and limit where the service does (S3 V1/V2).
    for t in in_tokens:
        if t not in out_tokens and token and t in shape.members and t not in output:
            output[t] = token
    if limit_key and limit_key in shape.members and limit_key not in output:
        output[limit_key] = int(params.get(limit_key) or 1000) if service_name == "s3" else limit
    if "KeyCount" in shape.members and "Contents" in shape.members:
        output["KeyCount"] = len(output.get("Contents", [])) + len(output.get("CommonPrefixes", []))
    return output


def _members_have(op_model, key):
    shape = op_model.output_shape
    for part in key.split("."):
        if shape is None or shape.type_name != "structure" or part not in shape.members:
            return False
        shape = shape.members[part]
    return True
