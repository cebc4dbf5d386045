// ElastiCache checks on replication groups (Redis OSS / Valkey): a boolean
// property judged the same way, with a PASS and a FAIL sentence each.
#pragma once

#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::elasticache {

inline CheckResult judge_flag(const Resource& r, const std::string& property, const std::string& when_on,
                              const std::string& when_off) {
  std::string why;
  const json* v = require_prop(r, property, &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed(property + " of replication group " + r.id + " was not collected");
  return v->get<bool>() ? pass("replication group " + r.id + " " + when_on)
                        : fail("replication group " + r.id + " " + when_off);
}

}  // namespace cloudpeek::checks::elasticache
