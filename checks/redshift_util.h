// Shared by the Redshift and Redshift Serverless checks: most judge one
// setting that collect/redshift.cc or collect/redshift_serverless.cc read from
// the bulk listing.
#pragma once

#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::redshift {

// PASS when boolean `prop` of `r` equals `want`; `what` names the resource
// ("cluster analytics"), the texts say what the setting means either way.
inline CheckResult bool_setting(const Resource& r, const char* prop, bool want, const std::string& what,
                                const std::string& when_wanted, const std::string& otherwise) {
  std::string why;
  const json* v = require_prop(r, prop, &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed(std::string(prop) + " of " + r.id + " was not collected");
  return v->get<bool>() == want ? pass(what + " " + when_wanted) : fail(what + " " + otherwise);
}

}  // namespace cloudpeek::checks::redshift
