#include "aws/protocol/response_shape.h"

#include <map>
#include <mutex>

namespace cloudpeek::parse_detail {

void fail(std::string what) {
  // Deep member paths ("Next.Next.Next...") can grow long; keep both ends.
  constexpr size_t kMax = 200;
  if (what.size() > kMax) what = what.substr(0, 60) + "..." + what.substr(what.size() - (kMax - 63));
  throw ParseFailure{std::move(what)};
}

namespace {

const json& empty_object() {
  static const json kEmpty = json::object();
  return kEmpty;
}

const json& shape_ref_json(const std::string& name) {
  // named_shape needs a stable reference object; one per name, kept for the
  // process (services have a bounded number of shape names).
  static std::mutex mu;
  static std::map<std::string, json> refs;
  std::lock_guard<std::mutex> lock(mu);
  auto [it, inserted] = refs.try_emplace(name);
  if (inserted) it->second = json{{"shape", name}};
  return it->second;
}

}  // namespace

ShapeRef::ShapeRef(const ServiceModel& service, const json& ref)
    : service_(&service), ref_(&ref), shape_(nullptr) {
  if (!ref.is_object() || !ref.contains("shape") || !ref["shape"].is_string())
    fail("the service model has a member without a shape");
  name_ = ref["shape"].get<std::string>();
  auto it = service.shapes.is_object() ? service.shapes.find(name_) : service.shapes.end();
  if (it == service.shapes.end() || !it->is_object()) fail("the service model has no shape named " + name_);
  shape_ = &*it;
  if (auto t = shape_->find("type"); t != shape_->end() && t->is_string()) type_ = t->get<std::string>();
}

const json* ShapeRef::get(std::string_view key) const {
  std::string k(key);
  if (auto it = ref_->find(k); it != ref_->end()) return &*it;
  if (auto it = shape_->find(k); it != shape_->end()) return &*it;
  return nullptr;
}

std::string ShapeRef::str(std::string_view key, std::string fallback) const {
  const json* v = get(key);
  return v && v->is_string() ? v->get<std::string>() : fallback;
}

bool ShapeRef::flag(std::string_view key) const {
  const json* v = get(key);
  return v && v->is_boolean() && v->get<bool>();
}

const json& ShapeRef::members() const {
  auto it = shape_->find("members");
  return it != shape_->end() && it->is_object() ? *it : empty_object();
}

ShapeRef ShapeRef::list_member() const {
  auto it = shape_->find("member");
  if (it == shape_->end()) fail("list shape " + name_ + " has no member");
  return ShapeRef(*service_, *it);
}

ShapeRef ShapeRef::map_key() const {
  auto it = shape_->find("key");
  if (it == shape_->end()) fail("map shape " + name_ + " has no key");
  return ShapeRef(*service_, *it);
}

ShapeRef ShapeRef::map_value() const {
  auto it = shape_->find("value");
  if (it == shape_->end()) fail("map shape " + name_ + " has no value");
  return ShapeRef(*service_, *it);
}

ShapeRef named_shape(const ServiceModel& service, const std::string& name) {
  return ShapeRef(service, shape_ref_json(name));
}

}  // namespace cloudpeek::parse_detail
