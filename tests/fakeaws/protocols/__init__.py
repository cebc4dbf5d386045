"""Wire protocols of AWS services, driven by botocore's service models.

Each module renders a response dict (as a scenario holds it, shaped like the
operation's output shape) and an AwsError into the bytes that service sends,
and parses a request into the operation's input dict. The shape walks are
generic so that any read operation of any service can be served from data.
"""

from . import query, json_protocol, rest_xml


def for_model(service_model):
    proto = service_model.metadata["protocol"]
    if proto in ("query", "ec2"):
        return query
    if proto in ("json", "rest-json"):
        return json_protocol
    if proto == "rest-xml":
        return rest_xml
    raise ValueError(f"unsupported protocol {proto}")
