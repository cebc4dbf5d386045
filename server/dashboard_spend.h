// The dashboard's month-to-date spend (GET /dashboard/spend, docs/api.md):
// what Cost Explorer said at the newest scan that asked it (collect/ce.cc),
// per account or summed over all of them. An account whose scan was refused
// ce:GetCostAndUsage (not in SecurityAudit) is NOT_ASSESSED with the missing
// action and a policy that grants it — never a spend of 0.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace cloudpeek::server {

inline constexpr const char* kSpendType = "AWS::CE::MonthToDateSpend";

class Router;  // server/router.h

// provider_id: one account; nullopt: every account.
nlohmann::json spend_json(store::Store& store, const std::optional<std::string>& provider_id);
// The spend over these providers (an OU's accounts).
nlohmann::json spend_json(store::Store& store, const std::vector<store::Provider>& providers);

// GET /dashboard/spend?provider_id=&ou= (the accounts in scope, as every view).
void add_spend_routes(Router& router, store::Store& store);

}  // namespace cloudpeek::server
