"""botocore's bundled service models: which service and operation a request is.

A SigV4 credential scope names the signing name ("s3", "monitoring",
"elasticloadbalancing"), not the botocore service; several services share one
signing name (elb/elbv2, rds/docdb/neptune, s3/s3control). Candidates come
from an index of every model's signing name; the protocol's own routing key
(Action+Version, X-Amz-Target, method+path) picks among them.
"""

import copy
import os
import sys
import threading

import botocore.loaders
import botocore.model
import botocore.session

from protocols import json_protocol, query, rest

# Members AWS added after Debian's botocore 1.29 (Inspector's lambdaCode,
# ElastiCache's ReplicationGroup Engine, ...): the same overlay file the
# embedded C++ models get, so fakeaws serves them by shape as AWS does.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "aws", "services"))
import model_overlay  # noqa: E402

_session = botocore.session.get_session()
_overlay = model_overlay.load()
_loader = botocore.loaders.Loader()
_models = {}
_lock = threading.Lock()
_index = None
_index_ready = threading.Event()


def service_model(name):
    with _lock:
        if name not in _models:
            data = _session.get_service_data(name)
            if name in _overlay:
                data = copy.deepcopy(data)  # the loader caches its dict
                model_overlay.apply(name, data, _overlay)
            _models[name] = botocore.model.ServiceModel(data, service_name=name)
        return _models[name]


def paginator_config(service_name, op_name):
    try:
        cfg = _session.get_paginator_model(service_name)._paginator_config
    except Exception:
        return None
    return cfg.get(op_name)


_targets = {}


def _build_index():
    global _index
    idx = {}
    for name in _loader.list_available_services("service-2"):
        meta = _loader.load_service_model(name, "service-2")["metadata"]
        idx.setdefault(meta.get("signingName", meta["endpointPrefix"]), []).append(name)
        if meta.get("targetPrefix"):
            _targets.setdefault(meta["targetPrefix"], name)
    _index = idx
    _index_ready.set()


def start_index():
    """Scanning every model takes seconds; do it off the request path."""
    threading.Thread(target=_build_index, daemon=True).start()


def warm(service_names):
    """Builds the index and loads the named services' models now, so the first
    requests (a benchmark's) do not pay for them."""
    _build_index()
    for name in service_names:
        service_model(name)
        for op in service_model(name).operation_names:
            paginator_config(name, op)


def service_for_target(target):
    """The model of the service whose operation an X-Amz-Target names, or
    None. A request for it scoped to another signing name is one AWS rejects
    ("Credential should be scoped to correct service: 'ecr'")."""
    prefix, _, op = (target or "").rpartition(".")
    if not prefix:
        return None
    _index_ready.wait(60)
    name = _targets.get(prefix)
    if name is None:
        return None
    m = service_model(name)
    return m if op in m.operation_names else None


def signing_name(m):
    return m.metadata.get("signingName", m.metadata["endpointPrefix"])


_AVAILABLE = set(_loader.list_available_services("service-2"))
# Signing names that are also a service name but not the only service signing
# with that name: these must wait for the full index.
_SHARED = {"s3", "rds", "elasticloadbalancing", "dynamodb", "ses", "es", "apigateway",
           "sagemaker", "chime", "connect", "appconfig", "cloudhsm", "cloudsearch",
           "forecast", "greengrass", "kinesisvideo", "kinesisanalytics", "mediastore",
           "mgh", "personalize", "qldb", "servicecatalog"}


def _signs_as(name, signing_name):
    m = service_model(name)
    return m.metadata.get("signingName", m.metadata["endpointPrefix"]) == signing_name


def candidates(signing_name):
    if signing_name in _AVAILABLE and signing_name not in _SHARED and _signs_as(signing_name, signing_name):
        return [signing_name]
    if signing_name == "s3":
        # s3control is matched only when the path says so (/v20180820/...).
        return ["s3", "s3control"]
    _index_ready.wait(60)
    names = list((_index or {}).get(signing_name, []))
    # The service named like its signing name is the endpoint's own API and
    # goes first: docdb and neptune are views of the RDS Query API (same
    # endpoint, Action and Version), so an RDS DescribeDBInstances is RDS's
    # whatever client sent it — an alphabetical docdb first served the RDS
    # scenario's DescribeDBInstances/DescribeDBClusters as docdb's, empty.
    # (It is also the one candidate known without the index.)
    if signing_name in names:
        names.remove(signing_name)
        names.insert(0, signing_name)
    elif signing_name in _AVAILABLE and _signs_as(signing_name, signing_name):
        names.insert(0, signing_name)
    return names


def resolve(signing_name, request):
    """(service_model, op_model, labels) for a signed request, or Nones."""
    names = candidates(signing_name)
    if signing_name == "s3" and request.path.startswith("/v20180820/"):
        names = ["s3control"]
    for name in names:
        m = service_model(name)
        proto = m.metadata["protocol"]
        if proto in ("query", "ec2"):
            action = query.operation_name(request)
            version = request.form.get("Version")
            if action in m.operation_names and (version in (None, m.api_version) or len(candidates(signing_name)) == 1):
                return m, m.operation_model(action), None
        elif proto == "json":
            target = request.headers.get("X-Amz-Target", "")
            prefix, _, op = target.rpartition(".")
            if prefix == m.metadata.get("targetPrefix") and op in m.operation_names:
                return m, m.operation_model(op), None
        else:
            op, labels = rest.match_operation(m, request.method, request.path, request.query)
            if op is not None:
                return m, op, labels
    return None, None, None
