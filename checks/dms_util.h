// Shared by the DMS replication task logging checks (Security Hub DMS.7 for
// the target components, DMS.8 for the source ones): logging on, and each
// component logged at LOGGER_SEVERITY_DEFAULT or more detail.
#pragma once

#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::dms {

inline bool detailed_enough(const std::string& severity) {
  return severity == "LOGGER_SEVERITY_DEFAULT" || severity == "LOGGER_SEVERITY_DEBUG" ||
         severity == "LOGGER_SEVERITY_DETAILED_DEBUG";
}

inline CheckResult task_logging(const Resource& r, const std::vector<std::string>& components) {
  std::string why;
  const json* on = require_prop(r, "logging_enabled", &why);
  if (!on) return not_assessed(why);
  const json* severity = require_prop(r, "log_severity", &why);
  if (!severity) return not_assessed(why);
  if (!on->is_boolean() || !on->get<bool>()) return fail("replication task " + r.name + " has logging off");
  std::string weak;
  for (const auto& c : components) {
    const std::string s = severity->is_object() ? severity->value(c, "") : "";
    if (!detailed_enough(s)) weak += (weak.empty() ? "" : ", ") + c + " " + (s.empty() ? "not logged" : s);
  }
  if (!weak.empty())
    return fail("replication task " + r.name + " logs below LOGGER_SEVERITY_DEFAULT: " + weak);
  std::string list;
  for (const auto& c : components) list += (list.empty() ? "" : " and ") + c;
  return pass("replication task " + r.name + " logs " + list + " at LOGGER_SEVERITY_DEFAULT or more");
}

}  // namespace cloudpeek::checks::dms
