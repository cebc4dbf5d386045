// What the organization-level checks share: the AWS::Organizations::Administration
// resource (collect/organizations_admin.cc), emitted once per scan of the
// management account or a delegated administrator, and the delegated
// administrator test the GuardDuty, Security Hub and Config checks make.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"

namespace cloudpeek::checks::organizations {

inline constexpr const char* kAdministration = "AWS::Organizations::Administration";

// The checks' service: the collector's ("organizations" is collect/organizations.cc's,
// which reads the SCPs applying to the scanned account, not the organization's administration).
inline constexpr const char* kService = "organizations-admin";

// FAIL for an account in no organization (nothing of the organization can apply to it);
// NOT_ASSESSED when whether it is in one is unknown (DescribeOrganization failed:
// an interrupted scan must not judge "the organization" from nothing).
inline std::optional<CheckResult> not_in_organization(const Resource& r, const std::string& what) {
  if (auto why = r.missing_reason("in_organization")) return not_assessed(*why);
  const json* in = r.prop("in_organization");
  if (!in || !in->is_boolean())
    return not_assessed("organizations:DescribeOrganization: whether account " + r.account +
                        " is in an organization was not collected");
  if (in->get<bool>()) return std::nullopt;
  return fail("Account " + r.account + " is not in an AWS organization, so " + what + ".");
}

inline std::string join_ids(const json& list) {
  std::string out;
  for (const auto& v : list)
    if (v.is_string()) out += (out.empty() ? "" : ", ") + v.get<std::string>();
  return out;
}

// PASS when an account is registered as delegated administrator for one of
// `principals` (the service's principals, e.g. guardduty.amazonaws.com);
// NOT_ASSESSED when the delegated administrators could not be read.
inline CheckResult delegated_admin(const Resource& r, const std::vector<std::string>& principals,
                                   const std::string& service) {
  if (auto no = not_in_organization(r, "no account administers " + service + " for an organization")) return *no;
  if (auto why = r.missing_reason("delegated_administrators")) return not_assessed(*why);
  const json* by_service = r.prop("delegated_administrators");
  if (!by_service || !by_service->is_object())
    return not_assessed("organizations:ListDelegatedAdministrators: delegated administrators not collected");
  const std::string org = r.props.value("organization_id", std::string());
  for (const auto& p : principals) {
    auto it = by_service->find(p);
    if (it != by_service->end() && it->is_array() && !it->empty())
      return pass(service + " in organization " + org + " is administered by delegated administrator account " +
                  join_ids(*it) + " (" + p + ").");
  }
  return fail("Organization " + org + " has no delegated administrator for " + service +
              ": it is run from the management account " + r.props.value("management_account_id", std::string()) +
              " or not centrally at all.");
}

}  // namespace cloudpeek::checks::organizations
