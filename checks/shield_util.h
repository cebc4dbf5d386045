// Shield Advanced protection checks (Prowler's shield_advanced_protection_in_*):
// judged on the account's subscription, which exists only while Shield
// Advanced is ACTIVE. Every resource of a type that should be protected is
// looked up among the subscription's protections; the detail names the
// unprotected ones. A type whose listing has a gap in any region is
// NOT_ASSESSED, never a PASS.
#pragma once

#include <functional>
#include <set>
#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::shield {

// `applies` picks the resources that should be protected (internet-facing
// load balancers, associated Elastic IPs, public zones); `protected_by`
// whether one of the protected ARNs covers a resource (by default, its ARN).
inline CheckResult judge(const Resource& subscription, const Inventory& inv, const std::string& type,
                         const std::string& noun, const std::function<bool(const Resource&)>& applies,
                         const std::function<bool(const Resource&, const std::set<std::string>&)>& protected_by = {}) {
  std::string why;
  const json* list = require_prop(subscription, "protected", &why);
  if (!list) return not_assessed(why);
  if (auto gap = inv.gap_any_region(type)) return not_assessed(*gap);
  std::set<std::string> arns;
  if (list->is_array())
    for (const auto& a : *list)
      if (a.is_string()) arns.insert(a.get<std::string>());
  size_t total = 0;
  std::string unprotected;
  size_t missing = 0;
  for (const auto& r : inv.of_type(type)) {
    if (r.account != subscription.account || !applies(r)) continue;
    ++total;
    const bool covered = protected_by ? protected_by(r, arns) : arns.count(r.arn) > 0;
    if (covered) continue;
    if (missing++ < 5) unprotected += (unprotected.empty() ? "" : ", ") + r.arn;
  }
  if (missing > 0)
    return fail(std::to_string(missing) + " of " + std::to_string(total) + " " + noun +
                " not protected by Shield Advanced: " + unprotected + (missing > 5 ? ", …" : ""));
  return pass("all " + std::to_string(total) + " " + noun + " are protected by Shield Advanced");
}

}  // namespace cloudpeek::checks::shield
