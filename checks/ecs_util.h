// ECS task definition checks read the collector's per-container summary
// (collect/ecs.cc: props.containers) and judge it container by container.
#pragma once

#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::ecs {

// The task definition's containers, or nullptr with `*why` set.
inline const json* containers(const Resource& r, std::string* why) {
  const json* c = require_prop(r, "containers", why);
  if (c && !c->is_array()) {
    *why = "containers of task definition " + r.id + " were not collected";
    return nullptr;
  }
  return c;
}

inline std::string container_name(const json& c) { return c.value("name", std::string("?")); }

// "a, b, c"
inline void append(std::string& list, const std::string& item) { list += (list.empty() ? "" : ", ") + item; }

}  // namespace cloudpeek::checks::ecs
