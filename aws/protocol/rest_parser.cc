#include "aws/protocol/rest_parser.h"

#include <cctype>
#include <string>
#include <vector>

#include "aws/core/encoding.h"
#include "aws/protocol/json_shape_parser.h"
#include "aws/protocol/scalar_text.h"
#include "aws/protocol/xml_shape_parser.h"

namespace cloudpeek::parse_detail {

namespace {

bool iequals_prefix(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// A header list: comma-separated items, each optionally a quoted string
// (RFC 7230), in which commas and \" are literal.
std::vector<std::string> split_header_list(std::string_view value) {
  std::vector<std::string> items;
  size_t i = 0;
  while (i <= value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    std::string item;
    if (i < value.size() && value[i] == '"') {
      ++i;
      while (i < value.size() && value[i] != '"') {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        item.push_back(value[i++]);
      }
      ++i;  // closing quote (or past the end)
      while (i < value.size() && value[i] != ',') ++i;
    } else {
      size_t comma = value.find(',', i);
      if (comma == std::string_view::npos) comma = value.size();
      item = trim(value.substr(i, comma - i));
      i = comma;
    }
    items.push_back(std::move(item));
    ++i;  // past the comma
  }
  return items;
}

// HTTP dates contain a comma ("Mon, 16 Dec 2019 23:48:18 GMT"): a list of
// them splits into day-name halves that are joined back.
std::vector<std::string> join_http_dates(const std::vector<std::string>& parts) {
  std::vector<std::string> out;
  for (size_t i = 0; i < parts.size(); ++i) {
    bool day_name = parts[i].size() == 3 && std::isalpha(static_cast<unsigned char>(parts[i][0]));
    if (day_name && i + 1 < parts.size()) {
      out.push_back(parts[i] + ", " + parts[i + 1]);
      ++i;
    } else {
      out.push_back(parts[i]);
    }
  }
  return out;
}

json header_scalar(const ShapeRef& shape, const std::string& value, const std::string& path) {
  if (shape.type() == "string" && shape.flag("jsonvalue")) {
    // A JSON document, base64-encoded to survive as a header value.
    auto decoded = base64_decode(trim(value));
    if (!decoded) fail(path + " (a JSON value header) is not base64");
    auto v = try_load_json(*decoded);
    if (!v) fail(path + " (a JSON value header) does not hold JSON");
    return *v;
  }
  return scalar_from_text(shape, value, path);
}

json header_value(const ShapeRef& shape, const std::string& value, const std::string& path) {
  if (shape.type() != "list") return header_scalar(shape, value, path);
  ShapeRef item = shape.list_member();
  std::vector<std::string> parts = split_header_list(value);
  if (item.type() == "timestamp") parts = join_http_dates(parts);
  json out = json::array();
  for (const auto& p : parts) out.push_back(header_scalar(item, p, path + "[]"));
  return out;
}

bool blank(std::string_view body) {
  return body.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// S3 GetBucketLocation answers <LocationConstraint>eu-west-1</LocationConstraint>:
// the root element is the output's one member, not a wrapper around it.
json root_as_member(const ShapeRef& shape, pugi::xml_node root) {
  const json& members = shape.members();
  for (auto it = members.begin(); it != members.end(); ++it) {
    ShapeRef member(shape.service(), it.value());
    if (!member.str("location").empty() || !is_scalar_type(member.type())) continue;
    if (local_name(root.name()) != local_name(member.str("locationName", it.key()))) continue;
    return json{{it.key(), scalar_from_text(member, element_text(root), it.key())}};
  }
  return json::object();
}

}  // namespace

void parse_http_bound_members(const ShapeRef& shape, const HttpResponse& response, json& out) {
  const json& members = shape.members();
  for (auto it = members.begin(); it != members.end(); ++it) {
    ShapeRef member(shape.service(), it.value());
    std::string loc = member.str("location");
    if (loc == "header") {
      auto v = find_header(response.headers, member.str("locationName", it.key()));
      if (v) out[it.key()] = header_value(member, *v, it.key());
    } else if (loc == "headers") {
      std::string prefix = member.str("locationName");
      json map = json::object();
      for (const auto& [name, value] : response.headers)
        if (iequals_prefix(name, prefix) && !map.contains(name.substr(prefix.size())))
          map[valid_utf8(name.substr(prefix.size()))] = valid_utf8(value);
      out[it.key()] = std::move(map);  // present even when empty, as botocore
    } else if (loc == "statusCode") {
      out[it.key()] = response.status;
    }
  }
}

json parse_rest_response(const ShapeRef& shape, const HttpResponse& response, BodyFormat format,
                         bool keep_unknown) {
  json out = json::object();
  parse_http_bound_members(shape, response, out);
  const std::string& body = response.body;
  std::string payload = shape.str("payload");
  if (!payload.empty() && shape.members().contains(payload)) {
    ShapeRef member(shape.service(), shape.members()[payload]);
    const std::string& t = member.type();
    if (t == "blob") {
      if (!body.empty()) out[payload] = base64_encode(body);  // raw bytes, not base64 on the wire
    } else if (t == "string") {
      if (!body.empty()) out[payload] = valid_utf8(body);
    } else if (blank(body)) {
      // An unset structure or union payload: nothing to add.
    } else if (format == BodyFormat::kXml) {
      pugi::xml_document doc;
      load_xml(doc, body);
      out[payload] = parse_xml_value(member, doc.document_element(), payload);
    } else {
      json v = parse_json_value(member, load_json(body), payload, 0, keep_unknown);
      if (!v.is_null()) out[payload] = std::move(v);
    }
    return out;
  }
  if (blank(body)) return out;
  json members;
  if (format == BodyFormat::kXml) {
    pugi::xml_document doc;
    load_xml(doc, body);
    pugi::xml_node root = doc.document_element();
    members = parse_xml_structure(shape, root, "");
    if (members.empty()) members = root_as_member(shape, root);
  } else {
    members = parse_json_structure(shape, load_json(body), "", 0, keep_unknown);
  }
  for (auto it = members.begin(); it != members.end(); ++it) out[it.key()] = std::move(it.value());
  return out;
}

}  // namespace cloudpeek::parse_detail
