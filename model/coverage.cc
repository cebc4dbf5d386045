#include "model/coverage.h"

namespace cloudpeek {

std::string CoverageGap::reason() const {
  std::string where = region.empty() || region == "global" ? "" : " in " + region;
  if (error_kind == "access_denied")
    return action + " denied" + where + (error_code.empty() ? "" : " (" + error_code + ")");
  if (error_kind == "region_not_enabled") return "region " + region + " not enabled";
  // The Support API (Trusted Advisor) answers only accounts with a Business,
  // Enterprise On-Ramp or Enterprise Support plan: the reason names the plan.
  if (error_code == "SubscriptionRequiredException")
    return action + " needs a Business, Enterprise On-Ramp or Enterprise Support plan (SubscriptionRequiredException)";
  // What AWS sent could not be read (a policy nested too deep, not JSON): the
  // message says what was wrong with it, which the code alone does not.
  if (error_kind == "malformed_response" && !message.empty())
    return action + " answered" + where + " with data CloudPeek could not read: " + message;
  return action + " failed" + where + ": " + (error_code.empty() ? error_kind : error_code);
}

}  // namespace cloudpeek
