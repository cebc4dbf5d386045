// API Gateway REST stage checks read the collector's method settings
// (collect/apigateway.cc: props.method_settings, "*/*" the stage default,
// "<path>/<METHOD>" the overrides).
#pragma once

#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::apigateway {

inline const json* method_settings(const Resource& r, std::string* why) {
  const json* s = require_prop(r, "method_settings", why);
  if (s && !s->is_object()) {
    *why = "method settings of stage " + r.name + " were not collected";
    return nullptr;
  }
  return s;
}

// A boolean stage property: PASS when true.
inline CheckResult judge_flag(const Resource& r, const std::string& property, const std::string& when_on,
                              const std::string& when_off) {
  std::string why;
  const json* v = require_prop(r, property, &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed(property + " of stage " + r.name + " was not collected");
  return v->get<bool>() ? pass("stage " + r.name + " " + when_on) : fail("stage " + r.name + " " + when_off);
}

// A stage property that is an id or ARN when set, null when not: PASS when set.
inline CheckResult judge_set(const Resource& r, const std::string& property, const std::string& when_set,
                             const std::string& when_unset) {
  std::string why;
  if (!has_prop(r, property, &why)) return not_assessed(why);
  const json* v = r.prop(property);
  if (v && v->is_string()) return pass("stage " + r.name + " " + when_set + " " + v->get<std::string>());
  return fail("stage " + r.name + " " + when_unset);
}

}  // namespace cloudpeek::checks::apigateway
