#include "aws/protocol/xml_shape_parser.h"

#include <vector>

#include "aws/protocol/scalar_text.h"

namespace cloudpeek::parse_detail {

namespace {

// Members carried outside the body (rest protocols), skipped here. A "uri"
// or "querystring" member has no place in a response, so it is read from
// the body like any other.
bool http_bound(const ShapeRef& member) {
  std::string loc = member.str("location");
  return loc == "header" || loc == "headers" || loc == "statusCode";
}

std::vector<pugi::xml_node> children_named(pugi::xml_node node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) out.push_back(c);
  return out;
}

// The element names a member may appear under, in order of preference:
// the reference's locationName (Smithy's xmlName on the member) or the
// member's own name; then, for older botocore models, a locationName set on
// the target shape, and for a flattened list its items' locationName
// (botocore's convention, e.g. <NamedList> items).
std::vector<std::string> member_element_names(const ShapeRef& member, const json& ref,
                                              const std::string& member_name) {
  std::vector<std::string> names;
  auto on_ref = ref.find("locationName");
  names.push_back(on_ref != ref.end() && on_ref->is_string() ? on_ref->get<std::string>() : member_name);
  std::string on_shape = member.str("locationName");
  if (!on_shape.empty()) names.push_back(on_shape);
  if (member.type() == "list" && member.flag("flattened")) {
    std::string item = member.list_member().str("locationName");
    if (!item.empty()) names.push_back(item);
  }
  return names;
}

json parse_list(const ShapeRef& shape, const std::vector<pugi::xml_node>& nodes, const std::string& path,
                int depth) {
  ShapeRef item = shape.list_member();
  json out = json::array();
  if (shape.flag("flattened")) {
    for (auto n : nodes) out.push_back(parse_xml_value(item, n, path + "[]", depth + 1));
    return out;
  }
  // A wrapped list: every child element is an item, whatever its tag (as botocore).
  for (pugi::xml_node c = nodes.front().first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element) out.push_back(parse_xml_value(item, c, path + "[]", depth + 1));
  return out;
}

json parse_map(const ShapeRef& shape, const std::vector<pugi::xml_node>& nodes, const std::string& path,
               int depth) {
  ShapeRef key = shape.map_key();
  ShapeRef value = shape.map_value();
  std::string key_tag = key.str("locationName", "key");
  std::string value_tag = value.str("locationName", "value");
  std::vector<pugi::xml_node> entries;
  if (shape.flag("flattened")) {
    entries = nodes;
  } else {
    for (pugi::xml_node c = nodes.front().first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element) entries.push_back(c);
  }
  json out = json::object();
  for (auto entry : entries) {
    pugi::xml_node k = child_element(entry, key_tag);
    if (!k) fail(path + " has a map entry without <" + key_tag + ">");
    json kv = parse_xml_value(key, k, path + "{}", depth + 1);
    if (!kv.is_string()) fail(path + " has a map key that is not a string");
    pugi::xml_node v = child_element(entry, value_tag);
    if (!v) continue;  // a key without a value carries nothing
    out[kv.get<std::string>()] = parse_xml_value(value, v, path + "{}", depth + 1);
  }
  return out;
}

json parse_member(const ShapeRef& member, const std::vector<pugi::xml_node>& nodes, const std::string& path,
                  int depth) {
  if (member.type() == "list") return parse_list(member, nodes, path, depth);
  if (member.type() == "map") return parse_map(member, nodes, path, depth);
  return parse_xml_value(member, nodes.front(), path, depth);
}

}  // namespace

void load_xml(pugi::xml_document& doc, std::string_view body) {
  // parse_ws_pcdata keeps whitespace-only text: "  " is a valid string value.
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
  pugi::xml_parse_result r = doc.load_buffer(body.data(), body.size(), options, pugi::encoding_utf8);
  if (!r) fail(std::string("the XML body is malformed (") + r.description() + " at byte " +
               std::to_string(r.offset) + ")");
  if (!doc.document_element()) fail("the XML body has no root element");
}

std::string_view local_name(std::string_view tag) {
  size_t colon = tag.find(':');
  return colon == std::string_view::npos ? tag : tag.substr(colon + 1);
}

pugi::xml_node child_element(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  return {};
}

std::string element_text(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  return out;
}

json parse_xml_structure(const ShapeRef& shape, pugi::xml_node node, const std::string& path, int depth) {
  if (depth > kMaxDepth) fail(path + " is nested deeper than " + std::to_string(kMaxDepth) + " levels");
  json out = json::object();
  const json& members = shape.members();
  for (auto it = members.begin(); it != members.end(); ++it) {
    ShapeRef member(shape.service(), it.value());
    if (http_bound(member)) continue;
    std::string mpath = path.empty() ? it.key() : path + "." + it.key();
    if (member.flag("xmlAttribute")) {
      std::string attr = member.str("locationName", it.key());  // e.g. "xsi:type"
      for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
        if (a.name() == attr || local_name(a.name()) == local_name(attr)) {
          out[it.key()] = scalar_from_text(member, a.value(), mpath);
          break;
        }
      continue;
    }
    std::vector<pugi::xml_node> nodes;
    for (const auto& name : member_element_names(member, it.value(), it.key())) {
      nodes = children_named(node, local_name(name));
      if (!nodes.empty()) break;
    }
    if (nodes.empty()) continue;
    out[it.key()] = parse_member(member, nodes, mpath, depth + 1);
  }
  if (shape.flag("union") && out.empty()) {
    // A member this model does not know: say which, as botocore does.
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element)
        return json{{"SDK_UNKNOWN_MEMBER", {{"name", valid_utf8(local_name(c.name()))}}}};
  }
  return out;
}

json parse_xml_value(const ShapeRef& shape, pugi::xml_node node, const std::string& path, int depth) {
  if (depth > kMaxDepth) fail(path + " is nested deeper than " + std::to_string(kMaxDepth) + " levels");
  const std::string& t = shape.type();
  if (t == "structure") return parse_xml_structure(shape, node, path, depth);
  if (t == "list" || t == "map") return parse_member(shape, {node}, path, depth);
  return scalar_from_text(shape, element_text(node), path);
}

}  // namespace cloudpeek::parse_detail
