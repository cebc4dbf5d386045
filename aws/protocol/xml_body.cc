#include "aws/protocol/xml_body.h"

#include <sstream>

#include <pugixml.hpp>

#include "aws/protocol/wire_scalar.h"

namespace cloudpeek {

namespace {

void add_namespace(pugi::xml_node node, const ShapeRef& ref) {
  // Either {"uri", "prefix"} or, in older models, just the URI.
  const json* ns = ref.trait("xmlNamespace");
  if (!ns) return;
  std::string uri, prefix;
  if (ns->is_string()) {
    uri = ns->get<std::string>();
  } else if (ns->is_object() && ns->contains("uri")) {
    uri = (*ns)["uri"].get<std::string>();
    prefix = ns->value("prefix", "");
  } else {
    return;
  }
  std::string attr = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
  node.append_attribute(attr.c_str()) = uri.c_str();
}

void append(pugi::xml_node parent, const ShapeRef& ref, const Params& value, const std::string& name);

void append_structure(pugi::xml_node parent, const ShapeRef& ref, const Params& value,
                      const std::string& name) {
  if (!value.is_object()) throw SerializeError(name + ": expected an object");
  pugi::xml_node node = parent.append_child(name.c_str());
  add_namespace(node, ref);
  for (const auto& [member_name, v] : value.items()) {
    if (v.is_null()) continue;
    ShapeRef member = ref.member(member_name);
    std::string wire = wire_name(member, member_name);
    if (member.flag("xmlAttribute")) {
      node.append_attribute(wire.c_str()) = scalar_text(member, v, TimeFormat::kIso8601).c_str();
    } else {
      append(node, member, v, wire);
    }
  }
}

void append_list(pugi::xml_node parent, const ShapeRef& ref, const Params& value, const std::string& name) {
  if (!value.is_array()) throw SerializeError(name + ": expected a list");
  ShapeRef item = ref.list_member();
  // A flattened list has no wrapper: each item is an element named like the member.
  pugi::xml_node list_node = parent;
  std::string item_name = name;
  if (!ref.flag("flattened")) {
    list_node = parent.append_child(name.c_str());
    add_namespace(list_node, ref);
    item_name = item.ref().value("locationName", "member");
  }
  for (const auto& v : value) append(list_node, item, v, item_name);
}

void append_map(pugi::xml_node parent, const ShapeRef& ref, const Params& value, const std::string& name) {
  if (!value.is_object()) throw SerializeError(name + ": expected a map");
  ShapeRef key = ref.map_key();
  ShapeRef val = ref.map_value();
  std::string key_name = key.ref().value("locationName", "key");
  std::string val_name = val.ref().value("locationName", "value");
  bool flattened = ref.flag("flattened");
  pugi::xml_node map_node = parent;
  if (!flattened) {
    map_node = parent.append_child(name.c_str());
    add_namespace(map_node, ref);
  }
  for (const auto& [k, v] : value.items()) {
    pugi::xml_node entry = map_node.append_child(flattened ? name.c_str() : "entry");
    if (flattened) add_namespace(entry, ref);
    append(entry, key, k, key_name);
    append(entry, val, v, val_name);
  }
}

void append(pugi::xml_node parent, const ShapeRef& ref, const Params& value, const std::string& name) {
  if (value.is_null()) return;
  const std::string& type = ref.type();
  if (type == "structure") return append_structure(parent, ref, value, name);
  if (type == "list") return append_list(parent, ref, value, name);
  if (type == "map") return append_map(parent, ref, value, name);
  pugi::xml_node node = parent.append_child(name.c_str());
  add_namespace(node, ref);
  std::string text = scalar_text(ref, value, TimeFormat::kIso8601);
  if (!text.empty()) node.append_child(pugi::node_pcdata).set_value(text.c_str());
}

}  // namespace

std::string xml_document(const ShapeRef& root, const Params& value, const std::string& root_name) {
  pugi::xml_document doc;
  append(doc, root, value, root_name);
  std::ostringstream out;
  // Raw: no indentation, since whitespace inside a leaf element would change its value.
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

}  // namespace cloudpeek
