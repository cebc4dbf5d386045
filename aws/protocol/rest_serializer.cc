#include "aws/protocol/rest_serializer.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "aws/core/encoding.h"
#include "aws/protocol/json_body.h"
#include "aws/protocol/shape_ref.h"
#include "aws/protocol/wire_scalar.h"
#include "aws/protocol/xml_body.h"

namespace cloudpeek {

namespace {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Members sorted by where they go on the wire.
struct Bindings {
  std::map<std::string, std::string> labels;  // label name → text (not yet encoded)
  QueryParams query;
  Headers headers;
  Params body = Params::object();  // members without a location
};

void bind_query(Bindings& b, const ShapeRef& member, const std::string& name, const Params& v) {
  if (member.type() == "map") {
    // A map bound to the query string contributes its own keys; list values repeat the key.
    ShapeRef val = member.map_value();
    for (const auto& [k, item] : v.items()) {
      if (item.is_array()) {
        for (const auto& x : item) b.query.emplace_back(k, scalar_text(val.list_member(), x, TimeFormat::kIso8601));
      } else if (!item.is_null()) {
        b.query.emplace_back(k, scalar_text(val, item, TimeFormat::kIso8601));
      }
    }
  } else if (member.type() == "list") {
    ShapeRef item = member.list_member();
    for (const auto& x : v) b.query.emplace_back(name, scalar_text(item, x, TimeFormat::kIso8601));
  } else {
    b.query.emplace_back(name, scalar_text(member, v, TimeFormat::kIso8601));
  }
}

std::string header_text(const ShapeRef& member, const Params& v) {
  // A jsonvalue header carries JSON, base64-encoded; a string is taken as JSON text already.
  if (member.flag("jsonvalue")) return base64_encode(v.is_string() ? v.get<std::string>() : v.dump());
  if (member.type() == "list") {
    ShapeRef item = member.list_member();
    std::string out;
    for (const auto& x : v) {
      if (!out.empty()) out += ", ";
      std::string text = scalar_text(item, x, TimeFormat::kHttpDate);
      // A string holding the list separator or a quote is quoted so the list splits back
      // the same; HTTP dates keep their comma bare, as RFC 7231 lists them.
      if (item.type() == "string" && text.find_first_of(",\"") != std::string::npos) {
        std::string quoted = "\"";
        for (char c : text) quoted += c == '"' ? std::string("\\\"") : std::string(1, c);
        text = quoted + "\"";
      }
      out += text;
    }
    return out;
  }
  return scalar_text(member, v, TimeFormat::kHttpDate);
}

Bindings bind_members(const ShapeRef& input, const Params& params) {
  Bindings b;
  std::vector<std::pair<const ShapeRef, const Params*>> query_maps;  // bound after the named parameters
  for (const auto& [name, v] : params.items()) {
    if (v.is_null()) continue;
    ShapeRef member = input.member(name);
    std::string location = member.text_trait("location");
    std::string wire = member.text_trait("locationName", name);
    if (location == "uri") {
      b.labels[wire] = scalar_text(member, v, TimeFormat::kIso8601);
    } else if (location == "querystring" && member.type() == "map") {
      query_maps.emplace_back(member, &v);
    } else if (location == "querystring") {
      bind_query(b, member, wire, v);
    } else if (location == "header") {
      // An empty list has no header form; sending "" would claim one empty element.
      if (!(v.is_array() && v.empty())) b.headers.emplace_back(wire, header_text(member, v));
    } else if (location == "headers") {
      // A map of headers, each name behind the member's prefix.
      for (const auto& [k, x] : v.items()) b.headers.emplace_back(wire + k, scalar_text(member.map_value(), x, TimeFormat::kHttpDate));
    } else if (location == "statusCode") {
      // Only meaningful in responses.
    } else {
      b.body[name] = v;
    }
  }
  // A named query parameter wins over a map entry of the same name.
  std::set<std::string> named;
  for (const auto& [k, v] : b.query) named.insert(k);
  for (const auto& [member, v] : query_maps) {
    Bindings from_map;
    bind_query(from_map, member, "", *v);
    for (auto& kv : from_map.query)
      if (!named.count(kv.first)) b.query.push_back(std::move(kv));
  }
  return b;
}

// "/{Bucket}/{Key+}?tagging" with labels filled in; greedy labels keep their slashes.
std::string expand_uri(const std::string& tmpl, const std::map<std::string, std::string>& labels) {
  std::string out;
  size_t i = 0;
  while (i < tmpl.size()) {
    size_t open = tmpl.find('{', i);
    if (open == std::string::npos) { out += tmpl.substr(i); break; }
    size_t close = tmpl.find('}', open);
    if (close == std::string::npos) throw SerializeError("model: unterminated label in " + tmpl);
    out += tmpl.substr(i, open - i);
    std::string label = tmpl.substr(open + 1, close - open - 1);
    bool greedy = !label.empty() && label.back() == '+';
    if (greedy) label.pop_back();
    auto it = labels.find(label);
    if (it == labels.end() || it->second.empty())
      throw SerializeError("missing required URI parameter " + label);
    out += uri_encode(it->second, greedy);
    i = close + 1;
  }
  return out;
}

bool has_body_members(const ShapeRef& input) {
  for (const auto& [name, m] : input.members().items()) {
    if (!input.member(name).trait("location")) return true;
  }
  return false;
}

std::string structured_body(const ShapeRef& ref, const Params& value, const std::string& root_name, bool xml) {
  return xml ? xml_document(ref, value, root_name) : json_body_value(ref, value).dump();
}

const char* structured_content_type(bool xml) { return xml ? "application/xml" : "application/json"; }

}  // namespace

SerializedRequest serialize_rest(const ServiceModel& service, const OperationModel& op,
                                 const Params& params, bool xml) {
  SerializedRequest req;
  const json& http = op.contains("http") ? op["http"] : json::object();
  req.method = http.value("method", "POST");
  std::string request_uri = http.value("requestUri", "/");

  Bindings b;
  std::string content_type;
  if (op.contains("input")) {
    ShapeRef input(service.shapes, op["input"]);
    b = bind_members(input, params);
    if (const json* payload = input.trait("payload")) {
      std::string name = payload->get<std::string>();
      ShapeRef member = input.member(name);
      const Params& v = b.body.contains(name) ? b.body[name] : Params();
      const std::string& type = member.type();
      if (type == "blob" || type == "string") {
        // Raw bytes; the SDKs label a bare blob octet-stream and a string text/plain.
        if (v.is_string()) req.body = v.get<std::string>();
        if (!member.flag("streaming")) content_type = type == "blob" ? "application/octet-stream" : "text/plain";
      } else if (member.flag("document")) {
        if (!v.is_null()) req.body = v.dump();
        content_type = "application/json";
      } else if (!v.is_null()) {
        // The payload element is named by the member's locationName, else by the
        // target shape's own name (its locationName, else the shape name).
        std::string root = member.ref().value(
            "locationName", member.shape().value("locationName", member.shape_name()));
        req.body = structured_body(member, v, root, xml);
        content_type = structured_content_type(xml);
      } else if (!xml && !member.flag("union")) {
        // JSON services expect an object even for an unset structure payload; an
        // unset union has no value at all to send.
        req.body = "{}";
        content_type = structured_content_type(xml);
      }
    } else if (!b.body.empty()) {
      std::string root = op["input"].value("locationName", input.shape().value("locationName", input.shape_name()));
      // The root carries the namespace declared on the operation's input reference.
      json root_ref = op["input"];
      req.body = structured_body(ShapeRef(service.shapes, root_ref), b.body, root, xml);
      content_type = structured_content_type(xml);
    } else if (!xml && has_body_members(input)) {
      req.body = "{}";
      content_type = structured_content_type(xml);
    }
  }

  std::string path = request_uri, static_query;
  if (auto q = request_uri.find('?'); q != std::string::npos) {
    path = request_uri.substr(0, q);
    static_query = request_uri.substr(q + 1);
  }
  req.path = expand_uri(path, b.labels);
  std::string query = static_query;
  for (const auto& [k, v] : b.query) {
    if (!query.empty()) query += '&';
    query += uri_encode(k) + "=" + uri_encode(v);
  }
  if (!query.empty()) req.path += "?" + query;

  req.headers = std::move(b.headers);
  if (!content_type.empty() && !find_header(req.headers, "Content-Type")) {
    // A bodyless request carries no Content-Type, except a blob payload's default label.
    if (!req.body.empty() || content_type == "application/octet-stream")
      req.headers.emplace_back("Content-Type", content_type);
  }
  return req;
}

}  // namespace cloudpeek
