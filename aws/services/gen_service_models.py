#!/usr/bin/python3
"""Generates service_models_data.cc: the read-only subset of botocore's service
models (Debian's python3-botocore data files) for the services CloudPeek
collects, with documentation stripped, plus their paginators. Each operation
and each shape is its own JSON text, sorted by name, so that a scan parses only
the operations it calls and the shapes they reach (a whole parsed model of EC2
alone costs megabytes).

Usage: gen_service_models.py BOTOCORE_DATA_DIR SERVICES_FILE OUTPUT_CC

Also embedded: the regions where botocore's endpoints.json (aws partition)
lists each service's endpoint, and the regions that file knows at all, so a
scan can tell "this service is not offered in that region" (its endpoint
does not resolve and the data agrees) from a lost call.

Members AWS added after Debian's botocore 1.29 (model_overlay.json, applied
by model_overlay.py) are added to the models before trimming, so the parser
keeps them in real answers.

Only operations that read are kept (Describe*, Get*, List*, plus
GenerateCredentialReport, which only asks IAM to build the report, and the
named BatchGet* reads a collector needs: not BatchGet* as a whole, which
includes secretsmanager:BatchGetSecretValue), so the binary cannot even
express a write call. Standard library only.
"""
import json
import os
import re
import sys

import model_overlay

READ_OPS = re.compile(r"^(Describe|Get|List|Search|Lookup)[A-Z]")
EXTRA_OPS = {"GenerateCredentialReport", "BatchGetProjects", "BatchGetBuilds", "BatchGetAccountStatus"}
DROP_KEYS = {"documentation", "documentationUrl", "examples", "deprecatedMessage"}


def latest_version_dir(data_dir, service):
    base = os.path.join(data_dir, service)
    versions = sorted(d for d in os.listdir(base) if os.path.isfile(os.path.join(base, d, "service-2.json")))
    if not versions:
        sys.exit(f"gen_service_models: no service-2.json for {service} under {base}")
    return os.path.join(base, versions[-1])


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in DROP_KEYS}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def reachable(shapes, roots):
    seen, stack = set(), list(roots)
    while stack:
        name = stack.pop()
        if name in seen or name not in shapes:
            continue
        seen.add(name)
        shape = shapes[name]
        for member in shape.get("members", {}).values():
            stack.append(member["shape"])
        for key in ("member", "key", "value"):
            if key in shape:
                stack.append(shape[key]["shape"])
    return seen


def trimmed(data_dir, service, overlay):
    version_dir = latest_version_dir(data_dir, service)
    with open(os.path.join(version_dir, "service-2.json")) as f:
        model = json.load(f)
    model_overlay.apply(service, model, overlay)
    ops = {n: o for n, o in model["operations"].items() if READ_OPS.match(n) or n in EXTRA_OPS}
    roots = []
    for op in ops.values():
        for key in ("input", "output"):
            if key in op:
                roots.append(op[key]["shape"])
        roots += [e["shape"] for e in op.get("errors", [])]
    keep = reachable(model["shapes"], roots)
    paginators = {}
    pag_file = os.path.join(version_dir, "paginators-1.json")
    if os.path.exists(pag_file):
        with open(pag_file) as f:
            paginators = {n: p for n, p in json.load(f).get("pagination", {}).items() if n in ops}
    return {
        "metadata": strip(model["metadata"]),
        "operations": strip(ops),
        "shapes": strip({n: s for n, s in model["shapes"].items() if n in keep}),
        "paginators": paginators,
    }


def cpp_string(text):
    # Raw string literals are capped by some compilers; emit chunks of 16 KiB.
    chunks = [text[i:i + 16384] for i in range(0, len(text), 16384)]
    return "\n".join(f'R"cpmodel({c})cpmodel"' for c in chunks)


def compact(value):
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def named_array(ident, items):
    # Each text with its length: string_view(const char*) would count the
    # characters in the constant evaluator, and clang 16 (the fuzz build) stops
    # at its step limit on EC2's shapes.
    rows = "\n".join(
        f'  {{"{name}", std::string_view({cpp_string(compact(value))}, {len(compact(value).encode("utf-8"))})}},'
        for name, value in sorted(items.items()))
    return f"constexpr EmbeddedNamedJson {ident}[] = {{\n{rows}\n}};\n"


def endpoint_regions(data_dir):
    """(regions the aws partition knows, {endpointPrefix: [regions]}) from endpoints.json."""
    with open(os.path.join(data_dir, "endpoints.json")) as f:
        partitions = json.load(f)["partitions"]
    aws = next(p for p in partitions if p["partition"] == "aws")
    known = sorted(aws["regions"])
    by_prefix = {}
    for prefix, service in aws["services"].items():
        regions = sorted(r for r, e in service.get("endpoints", {}).items()
                         if r in aws["regions"] and not e.get("deprecated"))
        by_prefix[prefix] = regions
    return known, by_prefix


def main():
    data_dir, services_file, out = sys.argv[1:4]
    known_regions, by_prefix = endpoint_regions(data_dir)
    with open(services_file) as f:
        services = [line.split("#")[0].strip() for line in f]
    services = [s for s in services if s]
    overlay = model_overlay.load()
    if unknown := sorted(set(overlay) - set(services)):
        sys.exit(f"gen_service_models: model_overlay.json names services not collected: {unknown}")
    arrays, entries = [], []
    for i, service in enumerate(services):
        model = trimmed(data_dir, service, overlay)
        errors = sorted(n for n, s in model["shapes"].items() if s.get("exception") or "error" in s)
        arrays.append(named_array(f"ops_{i}", model["operations"]))
        arrays.append(named_array(f"shapes_{i}", model["shapes"]))
        # null: endpoints.json has no regional list for it (a global endpoint, or not listed).
        prefix = model["metadata"].get("endpointPrefix", service)
        regions = by_prefix.get(prefix) or None
        entries.append(f'  {{"{service}", {cpp_string(compact(model["metadata"]))}, '
                       f'{cpp_string(compact(model["paginators"]))}, {cpp_string(compact(errors))}, '
                       f'ops_{i}, shapes_{i}, {cpp_string(compact(regions))}}},')
    body = "\n".join(entries)
    code = f"""// Generated by aws/services/gen_service_models.py from botocore's data; do not edit.
#include "aws/services/service_models_data.h"

namespace cloudpeek {{

namespace {{

{"".join(arrays)}
}}  // namespace

std::string_view endpoint_data_regions() {{
  return {cpp_string(compact(known_regions))};
}}

const std::vector<EmbeddedServiceModel>& embedded_service_models() {{
  static const std::vector<EmbeddedServiceModel> models = {{
{body}
  }};
  return models;
}}

}}  // namespace cloudpeek
"""
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        f.write(code)
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
