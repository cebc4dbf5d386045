// Private to the response parsers: a view of a botocore member reference
// merged with the shape it names, and the failure the parsers throw inside
// themselves (parse.cc turns it into an Error; it never crosses the layer).
#pragma once

#include <string>
#include <string_view>

#include "aws/protocol/model.h"

namespace cloudpeek::parse_detail {

// Thrown by the parsers, caught by parse_response / parse_error.
struct ParseFailure {
  std::string what;  // short, names what was wrong; never the whole body
};
[[noreturn]] void fail(std::string what);

// Deepest shape nesting a parser follows: recursive shapes and hostile bodies
// must not exhaust the stack.
inline constexpr int kMaxDepth = 64;

// A member reference ({"shape": "X", "locationName": ...}) over its shape.
// As in botocore, keys on the reference (locationName, location, flattened,
// timestampFormat, jsonvalue, ...) override the same keys on the shape, so
// a lookup asks the reference first.
class ShapeRef {
 public:
  // ref must outlive the ShapeRef; an unknown shape name is a ParseFailure.
  ShapeRef(const ServiceModel& service, const json& ref);

  const ServiceModel& service() const { return *service_; }
  const std::string& name() const { return name_; }
  const json& shape() const { return *shape_; }
  const std::string& type() const { return type_; }

  const json* get(std::string_view key) const;
  std::string str(std::string_view key, std::string fallback = {}) const;
  bool flag(std::string_view key) const;

  // Structure members (name → reference), empty object when none.
  const json& members() const;
  ShapeRef list_member() const;
  ShapeRef map_key() const;
  ShapeRef map_value() const;

 private:
  const ServiceModel* service_;
  const json* ref_;
  const json* shape_;
  std::string name_;
  std::string type_;
};

// ShapeRef for a named shape (no reference overrides).
ShapeRef named_shape(const ServiceModel& service, const std::string& name);

}  // namespace cloudpeek::parse_detail
