#include "model/resource.h"

namespace cloudpeek {

std::optional<std::string> Resource::missing_reason(const std::string& property) const {
  auto it = missing.find(property);
  if (it == missing.end()) return std::nullopt;
  return it->second;
}

const json* Resource::prop(const std::string& property) const {
  auto it = props.find(property);
  if (it == props.end() || it->is_null()) return nullptr;
  return &*it;
}

}  // namespace cloudpeek
