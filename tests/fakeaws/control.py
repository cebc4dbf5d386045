"""The control API under /__fakeaws/ (a path no AWS service uses).

  GET  /__fakeaws/health     → {"ok": true}
  GET  /__fakeaws/faults     → the current fault document
  POST /__fakeaws/faults     → replace the fault document (see faults.py)
  GET  /__fakeaws/requests   → the request log (no secrets: no bodies, no signatures)
  POST /__fakeaws/reset      → clear faults and the log; {"credentials": true} also
                               forgets credentials issued at run time
  GET  /__fakeaws/clock      → {"now": "...", "offset_seconds": N}
  /__fakeaws/sso/...         → the sso-oidc device flow's controls (sso_oidc.py)
"""

import json

import sso_oidc


def handle(state, request):
    """(status, body dict) for a control request."""
    path = request.path.rstrip("/")
    try:
        body = json.loads(request.body) if request.body else {}
    except ValueError as e:
        return 400, {"error": f"invalid JSON: {e}"}
    if path == "/__fakeaws/health":
        return 200, {"ok": True}
    if path == "/__fakeaws/faults":
        if request.method == "GET":
            return 200, state.faults.doc
        if request.method in ("POST", "PUT"):
            try:
                state.faults.set(body, state.now(), state.scenario.time)
            except (ValueError, KeyError, TypeError) as e:
                return 400, {"error": str(e)}
            return 200, {"ok": True, "faults": state.faults.doc}
    if path == "/__fakeaws/requests":
        if request.method == "GET":
            return 200, {"requests": state.log_snapshot()}
        if request.method == "DELETE":
            state.clear_log()
            return 200, {"ok": True}
    if path == "/__fakeaws/reset" and request.method == "POST":
        state.faults.set({}, state.now())
        state.clear_log()
        if body.get("credentials"):
            state.registry.drop_issued()
            sso_oidc.reset(state)
        return 200, {"ok": True}
    if path.startswith("/__fakeaws/sso/"):
        return sso_oidc.control(state, request, body)
    if path == "/__fakeaws/clock":
        return 200, {"now": state.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
                     "offset_seconds": state.faults.clock_offset.total_seconds()}
    return 404, {"error": f"no control endpoint {request.method} {request.path}"}
