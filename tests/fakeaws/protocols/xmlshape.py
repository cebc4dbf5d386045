"""Shape-driven XML writing shared by the query, ec2 and rest-xml protocols.

Element names follow the same rules botocore's parsers read them by
(locationName, flattened lists and maps, list member names), so whatever a
scenario holds comes back out of botocore as the same dict.
"""

from xml.sax.saxutils import escape, quoteattr

from .values import scalar_text


def member_element_name(member_shape, member_name, flavor):
    if member_shape.type_name == "list" and member_shape.serialization.get("flattened"):
        inner = member_shape.member.serialization.get("name")
        if inner:
            return inner
    return member_shape.serialization.get("name", member_name)


def element(name, shape, value, flavor, ts_default="iso8601"):
    """One element <name>…</name> for value of shape."""
    t = shape.type_name
    if t == "structure":
        attrs, body = structure_parts(shape, value, flavor, ts_default)
        return f"<{name}{attrs}>{body}</{name}>"
    if t == "list":
        return list_elements(name, shape, value, flavor, ts_default)
    if t == "map":
        return map_elements(name, shape, value, flavor, ts_default)
    return f"<{name}>{escape(scalar_text(shape, value, ts_default))}</{name}>"


def structure_parts(shape, value, flavor, ts_default, skip=None):
    attrs, children = [], []
    namespaces = set()
    for mname, mshape in shape.members.items():
        if mname not in value or value[mname] is None:
            continue
        if skip and mname in skip:
            continue
        ser = mshape.serialization
        if ser.get("xmlAttribute"):
            aname = ser.get("name", mname)
            if aname.startswith("xsi:"):
                namespaces.add('xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')
            attrs.append(f"{aname}={quoteattr(scalar_text(mshape, value[mname], ts_default))}")
            continue
        ename = member_element_name(mshape, mname, flavor)
        if mshape.type_name == "list" and mshape.serialization.get("flattened"):
            children.append("".join(element(ename, mshape.member, v, flavor, ts_default) for v in value[mname]))
        elif mshape.type_name == "map" and mshape.serialization.get("flattened"):
            children.append(map_elements(ename, mshape, value[mname], flavor, ts_default))
        else:
            children.append(element(ename, mshape, value[mname], flavor, ts_default))
    attr_text = "".join(" " + a for a in sorted(namespaces) + attrs)
    return attr_text, "".join(children)


def list_elements(name, shape, items, flavor, ts_default):
    if shape.serialization.get("flattened"):
        return "".join(element(name, shape.member, v, flavor, ts_default) for v in items)
    default_member = "item" if flavor == "ec2" else "member"
    mname = shape.member.serialization.get("name", default_member)
    inner = "".join(element(mname, shape.member, v, flavor, ts_default) for v in items)
    return f"<{name}>{inner}</{name}>"


def map_elements(name, shape, mapping, flavor, ts_default):
    kname = shape.key.serialization.get("name", "key")
    vname = shape.value.serialization.get("name", "value")
    entries = [element(kname, shape.key, k, flavor, ts_default) + element(vname, shape.value, v, flavor, ts_default)
               for k, v in mapping.items()]
    if shape.serialization.get("flattened"):
        return "".join(f"<{name}>{e}</{name}>" for e in entries)
    return f"<{name}>" + "".join(f"<entry>{e}</entry>" for e in entries) + f"</{name}>"
