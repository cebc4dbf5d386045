"""Scalar values: scenario JSON → the text each protocol puts on the wire."""

import base64
import datetime
import email.utils


# Output timestamps may be "+N"/"-N" seconds from server start (scenario.py
# sets this when it loads), as the scenario format promises for every time.
RELATIVE_BASE = None


def to_datetime(value):
    """Scenario timestamps are ISO 8601 strings, epoch seconds, or "+N"/"-N"
    seconds from server start."""
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)
    if isinstance(value, (int, float)):
        return datetime.datetime.fromtimestamp(value, datetime.timezone.utc)
    text = str(value).strip()
    if RELATIVE_BASE is not None and text[:1] in "+-" and text[1:].replace(".", "").isdigit():
        return RELATIVE_BASE + datetime.timedelta(seconds=float(text))
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    dt = datetime.datetime.fromisoformat(text)
    return dt if dt.tzinfo else dt.replace(tzinfo=datetime.timezone.utc)


def format_timestamp(value, fmt):
    dt = to_datetime(value).astimezone(datetime.timezone.utc)
    if fmt == "unixTimestamp":
        ts = dt.timestamp()
        return int(ts) if ts == int(ts) else round(ts, 3)
    if fmt == "rfc822":
        return email.utils.format_datetime(dt, usegmt=True)
    # iso8601, with milliseconds only when present (as AWS does).
    if dt.microsecond:
        return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def timestamp_format(shape, default):
    return shape.serialization.get("timestampFormat", default)


def scalar_text(shape, value, ts_default):
    """Text form of a scalar for XML bodies, headers and query strings."""
    t = shape.type_name
    if t == "boolean":
        return "true" if value else "false"
    if t == "timestamp":
        return str(format_timestamp(value, timestamp_format(shape, ts_default)))
    if t == "blob":
        if isinstance(value, str):
            value = value.encode()
        return base64.b64encode(value).decode()
    if t in ("float", "double") and isinstance(value, float):
        return repr(value)
    return str(value)
