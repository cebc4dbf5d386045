#include "aws/protocol/json_body.h"

#include "aws/core/encoding.h"
#include "aws/protocol/wire_scalar.h"

namespace cloudpeek {

Params json_body_value(const ShapeRef& ref, const Params& value) {
  if (ref.flag("document")) return value;
  const std::string& type = ref.type();
  if (type == "structure") {
    if (!value.is_object()) throw SerializeError(ref.shape_name() + ": expected an object");
    Params out = Params::object();
    for (const auto& [name, v] : value.items()) {
      if (v.is_null()) continue;  // an unset member is absent, never null
      ShapeRef member = ref.member(name);
      out[wire_name(member, name)] = json_body_value(member, v);
    }
    return out;
  }
  if (type == "list") {
    if (!value.is_array()) throw SerializeError(ref.shape_name() + ": expected a list");
    ShapeRef item = ref.list_member();
    Params out = Params::array();
    for (const auto& v : value) out.push_back(v.is_null() ? v : json_body_value(item, v));
    return out;
  }
  if (type == "map") {
    if (!value.is_object()) throw SerializeError(ref.shape_name() + ": expected a map");
    ShapeRef item = ref.map_value();
    Params out = Params::object();
    for (const auto& [k, v] : value.items()) out[k] = v.is_null() ? v : json_body_value(item, v);
    return out;
  }
  if (type == "timestamp") return timestamp_json(value, time_format_of(ref, TimeFormat::kEpochSeconds));
  if (type == "blob") {
    if (!value.is_string()) throw SerializeError(ref.shape_name() + ": expected blob bytes as a string");
    return base64_encode(value.get<std::string>());
  }
  return value;  // strings, enums, booleans, numbers ("NaN" and the infinities stay strings)
}

}  // namespace cloudpeek
