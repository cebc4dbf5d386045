#include "checks/cost_registry.h"

#include <map>
#include <stdexcept>
#include <string>

namespace cloudpeek::checks {
namespace {

std::map<std::string, MonthlyCostFn, std::less<>>& costs() {
  static std::map<std::string, MonthlyCostFn, std::less<>> m;
  return m;
}

}  // namespace

RegisterMonthlyCost::RegisterMonthlyCost(std::string_view check_id, MonthlyCostFn fn) {
  if (!fn || !costs().emplace(std::string(check_id), fn).second)
    throw std::logic_error("monthly cost registered twice or without a function: " + std::string(check_id));
}

std::optional<double> monthly_cost(std::string_view check_id, const Resource& resource, const Inventory& inventory) {
  auto it = costs().find(check_id);
  if (it == costs().end()) return std::nullopt;
  return it->second(resource, inventory);
}

bool has_monthly_cost(std::string_view check_id) { return costs().count(check_id) > 0; }

}  // namespace cloudpeek::checks
