// Shared by the Amazon Inspector scan-type checks (FSBP Inspector.1-4): the
// region's status of one scan type (props.ec2, .ecr, .lambda, .lambda_code of
// AWS::Inspector2::AccountStatus) is ENABLED. Not collected or not reported is
// NOT_ASSESSED, never PASS.
#pragma once

#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::inspector2 {

// `scanning` names the scan type in the detail: "EC2 scanning".
inline CheckResult scan_type_enabled(const Resource& r, const char* prop, const std::string& scanning) {
  std::string why;
  if (!has_prop(r, prop, &why)) return not_assessed(why);
  const json* status = r.prop(prop);
  if (!status || !status->is_string())
    return not_assessed("Amazon Inspector did not report the " + scanning + " status in " + r.region);
  const std::string s = status->get<std::string>();
  if (s == "ENABLED") return pass("Amazon Inspector " + scanning + " is enabled in " + r.region);
  return fail("Amazon Inspector " + scanning + " is " + s + " in " + r.region);
}

}  // namespace cloudpeek::checks::inspector2
