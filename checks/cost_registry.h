// Cost hygiene checks (issue 12 §3): beside its evaluate function, such a
// check registers how much a resource it fails costs per month in USD while
// the finding stands (what fixing it saves). evaluate_one puts it on the
// finding (Finding::monthly_cost_usd); a check that registers none, a PASS and
// a resource without a price for its region get no estimate.
#pragma once

#include <optional>
#include <string_view>

#include "model/inventory.h"
#include "model/resource.h"

namespace cloudpeek::checks {

using MonthlyCostFn = std::optional<double> (*)(const Resource&, const Inventory&);

struct RegisterMonthlyCost {
  RegisterMonthlyCost(std::string_view check_id, MonthlyCostFn fn);
};

// The estimate of check `check_id` for a resource it fails; nothing when the
// check registers none or the price data has no price for what it needs.
std::optional<double> monthly_cost(std::string_view check_id, const Resource& resource, const Inventory& inventory);

// Whether `check_id` is a cost hygiene check (it registered an estimate).
bool has_monthly_cost(std::string_view check_id);

}  // namespace cloudpeek::checks
