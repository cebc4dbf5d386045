#include "aws/protocol/shape_ref.h"

namespace cloudpeek {

namespace {
const json& empty_object() {
  static const json kEmpty = json::object();
  return kEmpty;
}
}  // namespace

ShapeRef::ShapeRef(const json& shapes, const json& ref) : shapes_(&shapes), ref_(&ref) {
  if (!ref.is_object() || !ref.contains("shape") || !ref["shape"].is_string())
    throw SerializeError("model: member reference without a shape");
  shape_name_ = ref["shape"].get<std::string>();
  auto it = shapes.find(shape_name_);
  if (it == shapes.end()) throw SerializeError("model: unknown shape " + shape_name_);
  shape_ = &*it;
  type_ = shape_->value("type", "");
}

const json* ShapeRef::trait(std::string_view key) const {
  std::string k(key);
  if (auto it = ref_->find(k); it != ref_->end()) return &*it;
  if (auto it = shape_->find(k); it != shape_->end()) return &*it;
  return nullptr;
}

std::string ShapeRef::text_trait(std::string_view key, std::string fallback) const {
  const json* t = trait(key);
  return t && t->is_string() ? t->get<std::string>() : fallback;
}

bool ShapeRef::flag(std::string_view key) const {
  const json* t = trait(key);
  return t && t->is_boolean() && t->get<bool>();
}

const json& ShapeRef::members() const {
  auto it = shape_->find("members");
  return it != shape_->end() && it->is_object() ? *it : empty_object();
}

ShapeRef ShapeRef::member(const std::string& name) const {
  const json& m = members();
  auto it = m.find(name);
  if (it == m.end()) throw SerializeError("unknown parameter " + name + " for " + shape_name_);
  return ShapeRef(*shapes_, *it);
}

ShapeRef ShapeRef::child(const char* key) const {
  auto it = shape_->find(key);
  if (it == shape_->end()) throw SerializeError("model: shape " + shape_name_ + " has no " + key);
  return ShapeRef(*shapes_, *it);
}

ShapeRef ShapeRef::list_member() const { return child("member"); }
ShapeRef ShapeRef::map_key() const { return child("key"); }
ShapeRef ShapeRef::map_value() const { return child("value"); }

std::string wire_name(const ShapeRef& member, const std::string& member_name) {
  // Only the reference renames a member. A locationName on the target shape
  // names that shape where it stands alone (an XML root or payload), as in
  // Smithy's xmlName on a structure; a member keeps its own name.
  auto it = member.ref().find("locationName");
  return it != member.ref().end() && it->is_string() ? it->get<std::string>() : member_name;
}

}  // namespace cloudpeek
