"""Applies model_overlay.json (members AWS added after the botocore release
CloudPeek embeds) to a botocore service-2.json model, in place.

Used by gen_service_models.py (the embedded models the C++ parser follows) and
by tests/fakeaws/models.py (the models fakeaws serializes by), so both read the
one data file. Standard library only.
"""
import json
import os

OVERLAY_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "model_overlay.json")


def load(path=OVERLAY_FILE):
    with open(path) as f:
        return json.load(f)["services"]


def apply(service, model, overlay=None):
    """Adds the overlay's members for `service` to `model` (a service-2.json
    dict) and returns the names of the members it added ("Shape.member").
    A member the model already has is left as the model defines it. An entry
    naming a shape the model lacks is an error (a typo, or AWS renamed it)."""
    overlay = load() if overlay is None else overlay
    shapes = model["shapes"]
    added = []
    for entry in overlay.get(service, []):
        target, member = entry["shape"], entry["member"]
        if target not in shapes or "members" not in shapes[target]:
            raise ValueError(f"model overlay: {service} has no structure {target}")
        if member in shapes[target]["members"]:
            continue
        for name, definition in entry.get("new_shapes", {}).items():
            if name in shapes and shapes[name] != definition:
                raise ValueError(f"model overlay: {service} already has a different shape {name}")
            shapes[name] = definition
        ref = entry["ref"]
        if ref["shape"] not in shapes:
            raise ValueError(f"model overlay: {service}.{target}.{member} names no shape {ref['shape']}")
        shapes[target]["members"][member] = dict(ref)
        added.append(f"{target}.{member}")
    return added
