#!/usr/bin/python3
"""fakeaws: a local AWS endpoint for CloudPeek's tests.

  /usr/bin/python3 server.py --scenario scenarios/basic.json --port 0 --port-file /tmp/port

Serves the scenario over the real wire protocols on 127.0.0.1, checks every
SigV4 signature, and injects the faults a test posts to /__fakeaws/faults.
"""

import argparse
import datetime
import email.utils
import json
import os
import socket
import sys
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import auth  # noqa: E402
import control  # noqa: E402
import models  # noqa: E402
import protocols  # noqa: E402
import services  # noqa: E402
import sso_oidc  # noqa: E402
from errors import AwsError, access_denied, auth_error, family, server_error, throttling_error  # noqa: E402
from faults import Faults  # noqa: E402
from protocols import query as query_protocol  # noqa: E402
from protocols import rest, rest_xml  # noqa: E402
from scenario import Scenario  # noqa: E402

_REDACT_QUERY = {"X-Amz-Signature", "X-Amz-Security-Token", "X-Amz-Credential", "Signature"}


class Request:
    def __init__(self, method, raw_path, headers, body):
        self.method = method
        path, _, self.raw_query = raw_path.partition("?")
        self.path = path
        self.headers = headers
        self.body = body
        self.query = urllib.parse.parse_qs(self.raw_query, keep_blank_values=True)
        self._form = None

    @property
    def form(self):
        # Query-protocol parameters: the URL's, plus a form-encoded body's.
        if self._form is None:
            ctype = (self.headers.get("Content-Type") or "").lower()
            body = self.body if ctype.startswith("application/x-www-form-urlencoded") else b""
            self._form = query_protocol.parse_form(body, self.raw_query)
        return self._form

    def safe_path(self):
        """Path and query for logs, with signature and token values removed."""
        if not self.raw_query:
            return self.path
        parts = []
        for k, vs in self.query.items():
            for v in vs:
                parts.append(f"{k}=<redacted>" if k in _REDACT_QUERY else f"{k}={v}" if v else k)
        return self.path + "?" + "&".join(parts)


class Context:
    def __init__(self, state, request, service_model, op_model, params, cred, account, region, now):
        self.state, self.request = state, request
        self.service_model, self.op_model, self.params = service_model, op_model, params
        self.cred, self.account, self.region, self.now = cred, account, region, now


class State:
    def __init__(self, scenario_path, log_limit=10000):
        self.faults = Faults()
        self.log_limit = log_limit  # newest requests kept in the log
        self.scenario = Scenario.load(scenario_path, self.now())
        self.registry = auth.Registry()
        for cred in self.scenario.credentials():
            self.registry.add(cred)
        self._log = []
        self._log_lock = threading.Lock()

    def now(self):
        offset = getattr(self.faults, "clock_offset", datetime.timedelta(0))
        return datetime.datetime.now(datetime.timezone.utc) + offset

    def record(self, entry):
        with self._log_lock:
            self._log.append(entry)
            if len(self._log) > self.log_limit:
                del self._log[:max(1, self.log_limit // 10)]

    def log_snapshot(self):
        with self._log_lock:
            return list(self._log)

    def clear_log(self):
        with self._log_lock:
            self._log.clear()


def _anonymous_model(request):
    """A model to format errors for requests that name no service."""
    if "Action" in request.form:
        return models.service_model("ec2" if request.form.get("Version") == "2016-11-15" else "sts")
    if request.headers.get("X-Amz-Target"):
        return models.service_model("kms")
    return models.service_model("s3")


def _is_sso_oidc(request):
    return request.method == "POST" and request.path in ("/client/register", "/device_authorization", "/token") \
        and "Authorization" not in request.headers


def _is_sso_portal(request):
    return request.path.startswith(("/federation/credentials", "/assignment/", "/logout")) \
        and "Authorization" not in request.headers


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive, so clients can reuse connections
    # The headers and the body go out in two writes: with Nagle's algorithm the
    # body waited for the client's delayed ACK of the headers, ~40 ms on every
    # answer of a reused connection beyond the latency a test asked for.
    disable_nagle_algorithm = True
    server_version = "fakeaws"
    sys_version = ""
    state = None

    def date_time_string(self, timestamp=None):
        # The Date header is the server's clock, offset included: clients
        # measure their skew from it.
        return email.utils.format_datetime(self.state.now(), usegmt=True)

    def log_message(self, fmt, *args):
        pass  # one line per request is written by _log_line, without secrets

    def _read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self):
        self._dispatch()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_GET

    def _send(self, status, headers, body, malformed=False):
        self._record()
        if malformed and body:
            body = body[: max(1, len(body) // 2)]
        headers = dict(headers)
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _drop(self):
        # Close without a byte of response: the client sees a reset/EOF.
        self._record()
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _dispatch(self):
        self._started = time.monotonic()
        state = self.state
        request = Request(self.command, self.path, self.headers, self._read_body())
        entry = {"time": state.now().strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "method": request.method,
                 "path": request.safe_path(), "service": None, "region": None, "action": None,
                 "access_key_id": None, "status": None, "error": None, "fault": None}
        # Control calls are not part of the request log.
        self._entry = None if request.path.startswith("/__fakeaws/") else entry
        try:
            if self._entry is None:
                status, body = control.handle(state, request)
                self._send(status, {"Content-Type": "application/json"}, json.dumps(body, default=str).encode())
                return
            self._serve(request, entry)
        except Exception as e:  # a bug here must not hang the client
            entry["status"], entry["error"] = 500, f"fakeaws internal error: {e!r}"
            import traceback
            traceback.print_exc(file=sys.stderr)
            try:
                self._send(500, {"Content-Type": "text/plain"}, b"fakeaws internal error")
            except OSError:
                pass
        finally:
            self._record()

    def _record(self):
        """Logs the request once, before its answer leaves: a client that has
        its answer finds the request in GET /__fakeaws/requests."""
        entry, self._entry = getattr(self, "_entry", None), None
        if entry is None:
            return
        entry["duration_ms"] = round((time.monotonic() - self._started) * 1000, 1)
        self.state.record(entry)
        sys.stderr.write(f"fakeaws: {entry['method']} {entry['path']} {entry['service']}:{entry['action']} "
                         f"{entry['region']} key={entry['access_key_id']} -> {entry['status']} "
                         f"{entry['error'] or ''} {entry['fault'] or ''}\n")

    def _serve(self, request, entry):
        state = self.state
        now = state.now()
        signed = None
        if _is_sso_portal(request) or _is_sso_oidc(request):
            model = models.service_model("sso" if _is_sso_portal(request) else "sso-oidc")
            op, labels = rest.match_operation(model, request.method, request.path, request.query)
            region = "us-east-1"
        else:
            try:
                signed = auth.parse_signature(request)
            except AwsError as err:
                self._error(_anonymous_model(request), err, request, entry)
                return
            if signed is None:
                self._error(_anonymous_model(request), auth_error("missing_auth", family(_anonymous_model(request))),
                            request, entry)
                return
            model, op, labels = models.resolve(signed.service, request)
            if model is None and request.headers.get("X-Amz-Target"):
                target_model = models.service_for_target(request.headers.get("X-Amz-Target"))
                if target_model is not None and models.signing_name(target_model) != signed.service:
                    # A known operation, signed for the wrong service (ECR's
                    # endpoint prefix "api.ecr" instead of its signing name "ecr").
                    err = AwsError("InvalidSignatureException", "Credential should be scoped to correct service: "
                                   f"'{models.signing_name(target_model)}'. ", 400)
                    self._error(target_model, err, request, entry)
                    return
            region = signed.region
            entry["access_key_id"] = signed.access_key_id
        entry["region"] = region
        if model is None or op is None:
            fallback = model or _anonymous_model(request)
            fam = family(fallback)
            name = query_protocol.operation_name(request) or request.headers.get("X-Amz-Target") or request.path
            if fam == "query" or fam == "ec2":
                err = AwsError("InvalidAction", f"The action {name} is not valid for this web service.", 400)
            elif fam == "s3":
                err = AwsError("NotImplemented", "A header you provided implies functionality that is not implemented", 501)
            else:
                err = AwsError("UnknownOperationException", f"fakeaws does not know the operation {name}", 400 if fam == "json" else 404)
            self._error(fallback, err, request, entry)
            return
        entry["service"], entry["action"] = model.service_name, op.name
        fam = family(model)
        # AWS meters each account apart: so do the rate-limit rules (the key's account, when known).
        metered = state.registry.get(signed.access_key_id) if signed is not None else None
        entry["account"] = metered.principal.account if metered is not None else None
        decision = state.faults.decide(model.service_name, op.name, region,
                                       metered.principal.account if metered is not None else None)
        entry["fault"] = decision.describe()
        if decision.latency_ms:
            time.sleep(decision.latency_ms / 1000.0)
        if decision.drop:
            entry["status"] = "dropped"
            self._drop()
            return
        try:
            cred, account = None, None
            if signed is not None:
                known = state.registry.get(signed.access_key_id)
                if known is not None and not state.scenario.region_enabled(known.principal.account, region):
                    raise auth_error("region_disabled", fam)
                cred = auth.authenticate(request, signed, state.registry, fam, now,
                                         state.faults.expiry_for(signed.access_key_id))
                account = cred.principal.account
            if decision.throttle:
                raise throttling_error(fam)
            if decision.error_status:
                raise server_error(fam, decision.error_status)
            params = protocols.for_model(model).parse_request(model, op, request, labels) \
                if model.metadata["protocol"] not in ("query", "ec2") else query_protocol.parse_request(model, op, request)
            ctx = Context(state, request, model, op, params, cred, account, region, now)
            if cred is not None:
                actions = services.iam_actions(model, op.name)
                deny = state.faults.denied(actions, cred.principal.arn)
                if deny is None and actions & cred.principal.denied_actions:
                    deny = {"action": sorted(actions & cred.principal.denied_actions)[0]}
                if deny is not None:
                    raise access_denied(fam, cred.principal.arn, deny["action"], deny.get("resource") or services.resource_for(ctx))
            output = sso_oidc.HANDLERS[op.name](ctx) if model.service_name == "sso-oidc" else services.handle(ctx)
        except AwsError as err:
            self._error(model, err, request, entry)
            return
        rid = self._request_id(model)
        status, headers, body = protocols.for_model(model).serialize(model, op, output, rid)
        entry["status"] = status
        if decision.malformed:
            entry["status"] = f"{status} (malformed)"
        self._send(status, headers, body, decision.malformed)

    @staticmethod
    def _request_id(model):
        return rest_xml.new_request_id(model) if model.metadata["protocol"] == "rest-xml" and rest_xml.new_request_id(model) else str(uuid.uuid4())

    def _error(self, model, err, request, entry, malformed=False):
        rid = self._request_id(model)
        proto = protocols.for_model(model)
        status, headers, body = proto.serialize_error(model, err, rid, method=request.method)
        entry["status"], entry["error"] = status, err.code
        self._send(status, headers, body, malformed)


class Server(ThreadingHTTPServer):
    # socketserver's default listen backlog is 5: a client opening dozens of
    # connections at once (as SDKs and CloudPeek do) would see SYNs dropped
    # and connects stall for seconds, which no AWS endpoint does.
    request_queue_size = 256


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--scenario", required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--warm", metavar="SERVICES",
                    help="comma-separated botocore service names whose models are loaded before the port is announced")
    ap.add_argument("--log-limit", type=int, default=10000, help="requests kept in GET /__fakeaws/requests")
    args = ap.parse_args(argv)
    if args.warm:
        models.warm([n for n in args.warm.split(",") if n])
    else:
        models.start_index()
    state = State(args.scenario, args.log_limit)
    handler = type("BoundHandler", (Handler,), {"state": state})
    httpd = Server((args.host, args.port), handler)
    httpd.daemon_threads = True
    port = httpd.server_address[1]
    if args.port_file:
        # Write then rename: a reader never sees a half-written port.
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{port}\n")
        os.replace(tmp, args.port_file)
    sys.stderr.write(f"fakeaws: serving {args.scenario} on http://{args.host}:{port}\n")
    sys.stderr.flush()
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
