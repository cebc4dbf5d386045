#include "model/inventory.h"

#include <algorithm>
#include <atomic>

namespace cloudpeek {

std::uint64_t Inventory::Generation::next() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

void Inventory::add(Resource r) {
  generation_.value = Generation::next();
  auto it = by_type_.find(r.type);
  if (it == by_type_.end()) it = by_type_.emplace(r.type, std::vector<Resource>{}).first;
  it->second.push_back(std::move(r));
}

void Inventory::add_gap(CoverageGap gap) {
  generation_.value = Generation::next();
  gaps_.push_back(std::move(gap));
}

const std::vector<Resource>& Inventory::of_type(std::string_view type) const {
  static const std::vector<Resource> empty;
  auto it = by_type_.find(type);
  return it == by_type_.end() ? empty : it->second;
}

const Resource* Inventory::find(std::string_view type, std::string_view region) const {
  for (const auto& r : of_type(type))
    if (r.region == region) return &r;
  return nullptr;
}

const Resource* Inventory::find_arn(std::string_view arn) const {
  for (const auto& [_, list] : by_type_)
    for (const auto& r : list)
      if (r.arn == arn) return &r;
  return nullptr;
}

std::optional<std::string> Inventory::gap(std::string_view type, std::string_view region) const {
  for (const auto& g : gaps_) {
    if (!g.resource.empty()) continue;
    if (g.region != region && g.region != "global") continue;
    if (std::find(g.resource_types.begin(), g.resource_types.end(), type) != g.resource_types.end())
      return g.reason();
  }
  return std::nullopt;
}

std::optional<std::string> Inventory::gap_any_region(std::string_view type) const {
  for (const auto& g : gaps_) {
    if (!g.resource.empty()) continue;
    if (std::find(g.resource_types.begin(), g.resource_types.end(), type) != g.resource_types.end())
      return g.reason();
  }
  return std::nullopt;
}

std::vector<std::string> Inventory::types() const {
  std::vector<std::string> out;
  for (const auto& [t, list] : by_type_)
    if (!list.empty()) out.push_back(t);
  return out;
}

size_t Inventory::size() const {
  size_t n = 0;
  for (const auto& [_, list] : by_type_) n += list.size();
  return n;
}

}  // namespace cloudpeek
