// Shared by the RDS DB snapshot and DB cluster snapshot share checks: the
// accounts a manual snapshot's restore attribute names (collect/rds.cc's
// shared_accounts, without "all": public sharing is the public-access
// checks'). CloudPeek has no list of trusted accounts (the organization's
// accounts are readable only from its management account and are not
// collected), so every named account is reported, as the EBS snapshot share
// check does; an intended share is muted with its reason.
#pragma once

#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {

inline CheckResult rds_snapshot_shares(const Resource& r, const std::string& what) {
  std::string why;
  const json* shared = require_prop(r, "shared_accounts", &why);
  if (!shared) return not_assessed(why);
  if (!shared->is_array() || shared->empty())
    return pass(what + " " + r.id + " is not shared with another AWS account.");
  std::string list;
  for (const auto& a : *shared) list += (list.empty() ? "" : ", ") + (a.is_string() ? a.get<std::string>() : a.dump());
  return fail(what + " " + r.id + " can be restored by " + std::to_string(shared->size()) + " other AWS account" +
              (shared->size() == 1 ? "" : "s") + ": " + list + ".");
}

}  // namespace cloudpeek::checks
