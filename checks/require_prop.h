// The property a check reads, or why it is not there: the reason recorded in
// Resource::missing, or "<property> not collected". Missing data is never a PASS.
#pragma once

#include <string>

#include "model/resource.h"

namespace cloudpeek::checks {

inline const json* require_prop(const Resource& r, const std::string& property, std::string* why) {
  if (auto reason = r.missing_reason(property)) {
    *why = *reason;
    return nullptr;
  }
  const json* v = r.prop(property);
  if (!v) *why = property + " of " + r.id + " was not collected";
  return v;
}

}  // namespace cloudpeek::checks

namespace cloudpeek::checks {

// Like require_prop, for properties that may legitimately be null (a public
// IP that is not there): true when collected, whatever the value.
inline bool has_prop(const Resource& r, const std::string& property, std::string* why) {
  if (auto reason = r.missing_reason(property)) {
    *why = *reason;
    return false;
  }
  if (!r.props.contains(property)) {
    *why = property + " of " + r.id + " was not collected";
    return false;
  }
  return true;
}

}  // namespace cloudpeek::checks
