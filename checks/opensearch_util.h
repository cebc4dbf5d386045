// Shared by the OpenSearch Service checks: most judge one setting that
// collect/opensearch.cc read from DescribeDomains, the same way.
#pragma once

#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::opensearch {

// PASS when boolean `prop` is true: "domain <name> <on>" / "domain <name> <off>".
inline CheckResult enabled(const Resource& r, const char* prop, const std::string& on, const std::string& off) {
  std::string why;
  const json* v = require_prop(r, prop, &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed(std::string(prop) + " of " + r.id + " was not collected");
  return v->get<bool>() ? pass("domain " + r.name + " " + on) : fail("domain " + r.name + " " + off);
}

inline const char* kReference = "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html";

}  // namespace cloudpeek::checks::opensearch
