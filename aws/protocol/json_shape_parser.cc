#include "aws/protocol/json_shape_parser.h"

#include <cmath>
#include <optional>
#include <set>

#include "aws/core/json_text.h"
#include "aws/protocol/scalar_text.h"

namespace cloudpeek::parse_detail {

namespace {

const char* kind_of(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "null";
  }
}

[[noreturn]] void wrong_type(const std::string& path, const char* expected, const json& v) {
  fail((path.empty() ? std::string("the body") : path) + " is " + kind_of(v) + " where " + expected +
       " is expected");
}

bool blank(std::string_view body) {
  return body.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

json parse_integer(const json& v, const std::string& path) {
  if (v.is_number_integer() || v.is_number_unsigned()) {
    if (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX))
      fail(path + " is out of range for an integer");
    return v.get<int64_t>();
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::floor(d) == d && std::fabs(d) < 9.2e18) return static_cast<int64_t>(d);
    fail(path + " is not an integer");
  }
  wrong_type(path, "an integer", v);
}

json parse_float(const json& v, const std::string& path) {
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) return float_from_text(v.get_ref<const std::string&>(), path);  // "NaN", "Infinity"
  wrong_type(path, "a number", v);
}

json parse_timestamp(const json& v, const std::string& path) {
  if (v.is_number()) {
    double d = v.get<double>();
    if (!std::isfinite(d) || std::fabs(d) > 1e11) fail(path + " is not a plausible epoch timestamp");
    return epoch_seconds(d);
  }
  if (v.is_string()) return timestamp_from_text(v.get_ref<const std::string&>(), path);
  wrong_type(path, "a timestamp", v);
}

json parse_list(const ShapeRef& shape, const json& v, const std::string& path, int depth, bool keep_unknown) {
  if (!v.is_array()) wrong_type(path, "a list", v);
  ShapeRef item = shape.list_member();
  json out = json::array();
  for (const json& e : v) {
    // A null item in a list is kept as null: positions can matter (sparse lists).
    out.push_back(e.is_null() ? json() : parse_json_value(item, e, path + "[]", depth + 1, keep_unknown));
  }
  return out;
}

json parse_map(const ShapeRef& shape, const json& v, const std::string& path, int depth, bool keep_unknown) {
  if (!v.is_object()) wrong_type(path, "a map", v);
  ShapeRef value = shape.map_value();
  json out = json::object();
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (it.value().is_null()) continue;  // dense maps drop null values
    out[it.key()] = parse_json_value(value, it.value(), path + "." + it.key(), depth + 1, keep_unknown);
  }
  return out;
}

}  // namespace

json load_json(std::string_view body) {
  if (blank(body)) return json::object();
  if (!json_nesting_within(body, kMaxDepth)) fail("the JSON body is nested deeper than " +
                                             std::to_string(kMaxDepth) + " levels");
  json v = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (v.is_discarded()) fail("the body is not valid JSON");
  return v;
}

std::optional<json> try_load_json(std::string_view body) {
  try {
    return load_json(body);
  } catch (const ParseFailure&) {
    return std::nullopt;
  }
}

json parse_json_structure(const ShapeRef& shape, const json& v, const std::string& path, int depth,
                          bool keep_unknown) {
  if (depth > kMaxDepth) fail(path + " is nested deeper than " + std::to_string(kMaxDepth) + " levels");
  if (!v.is_object()) wrong_type(path, "an object", v);
  json out = json::object();
  const json& members = shape.members();
  std::set<std::string> wire_names;
  for (auto it = members.begin(); it != members.end(); ++it) {
    ShapeRef member(shape.service(), it.value());
    std::string wire = member.str("locationName", it.key());
    wire_names.insert(wire);
    std::string loc = member.str("location");
    if (loc == "header" || loc == "headers" || loc == "statusCode") continue;  // not in the body
    auto found = v.find(wire);
    if (found == v.end() || found->is_null()) continue;
    std::string mpath = path.empty() ? it.key() : path + "." + it.key();
    json parsed = parse_json_value(member, *found, mpath, depth + 1, keep_unknown);
    if (!parsed.is_null()) out[it.key()] = std::move(parsed);
  }
  if (keep_unknown && !shape.flag("union")) {
    // Members a newer API version added after this model (DynamoDB's
    // DeletionProtectionEnabled in the 2023 models, not in botocore 1.29):
    // AWS sends them, so they are kept under their wire name, as sent. No
    // shape says what they are: a timestamp stays epoch seconds (the form
    // the parser gives anyway), a blob stays base64 text.
    for (auto it = v.begin(); it != v.end(); ++it)
      if (it.key() != "__type" && !it.value().is_null() && !wire_names.count(it.key()) && !out.contains(it.key()))
        out[it.key()] = it.value();
  }
  if (shape.flag("union") && out.empty()) {
    // A member this model does not know ("__type" is a type tag, not a member).
    for (auto it = v.begin(); it != v.end(); ++it)
      if (it.key() != "__type" && !it.value().is_null())
        return json{{"SDK_UNKNOWN_MEMBER", {{"name", it.key()}}}};
  }
  return out;
}

json parse_json_value(const ShapeRef& shape, const json& v, const std::string& path, int depth, bool keep_unknown) {
  if (depth > kMaxDepth) fail(path + " is nested deeper than " + std::to_string(kMaxDepth) + " levels");
  if (v.is_null()) return json();
  if (shape.flag("document")) return v;  // free-form JSON, kept as sent
  const std::string& t = shape.type();
  if (t == "structure") return parse_json_structure(shape, v, path, depth, keep_unknown);
  if (t == "list") return parse_list(shape, v, path, depth, keep_unknown);
  if (t == "map") return parse_map(shape, v, path, depth, keep_unknown);
  if (t == "string" || t == "character") {
    if (!v.is_string()) wrong_type(path, "a string", v);
    return v;
  }
  if (t == "boolean") {
    if (!v.is_boolean()) wrong_type(path, "a boolean", v);
    return v;
  }
  if (t == "integer" || t == "long" || t == "short" || t == "byte" || t == "bigInteger")
    return parse_integer(v, path);
  if (t == "float" || t == "double" || t == "bigDecimal") return parse_float(v, path);
  if (t == "timestamp") return parse_timestamp(v, path);
  if (t == "blob") {
    if (!v.is_string()) wrong_type(path, "a base64 string", v);
    return blob_from_base64(v.get_ref<const std::string&>(), path);
  }
  fail(path + " has shape " + shape.name() + " of unknown type " + (t.empty() ? "?" : t));
}

}  // namespace cloudpeek::parse_detail
