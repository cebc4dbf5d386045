// A member reference resolved against the service's shapes. Botocore lets a
// trait sit on the member reference (locationName, flattened, xmlNamespace,
// timestampFormat, ...) or on the target shape, and the reference wins; every
// serializer asks through here so that rule lives in one place.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "aws/protocol/model.h"

namespace cloudpeek {

// Parameter values keep the caller's order (maps and structure members go on
// the wire in that order, as the SDKs send them); the model itself is plain json.
using Params = nlohmann::ordered_json;

// Thrown inside the serializers and turned into an ErrorKind::kInvalidInput
// Error at serialize_request(), the only way out of this module.
struct SerializeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class ShapeRef {
 public:
  // ref: a member reference ({"shape": "Name", traits...}); shapes: the model's shape table.
  ShapeRef(const json& shapes, const json& ref);

  const std::string& shape_name() const { return shape_name_; }
  const std::string& type() const { return type_; }
  const json& shape() const { return *shape_; }
  const json& ref() const { return *ref_; }

  // The trait from the reference, else from the shape; nullptr if neither has it.
  const json* trait(std::string_view key) const;
  std::string text_trait(std::string_view key, std::string fallback = {}) const;
  bool flag(std::string_view key) const;

  const json& members() const;                // structure members (an empty object if none)
  ShapeRef member(const std::string& name) const;  // throws for an unknown member
  ShapeRef list_member() const;
  ShapeRef map_key() const;
  ShapeRef map_value() const;

 private:
  ShapeRef child(const char* key) const;

  const json* shapes_;
  const json* ref_;
  const json* shape_;
  std::string shape_name_;
  std::string type_;
};

// The member's wire name: its locationName if set, else the member name.
std::string wire_name(const ShapeRef& member, const std::string& member_name);

}  // namespace cloudpeek
