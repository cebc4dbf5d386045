#include <algorithm>
#include <memory>
#include <stdexcept>

#include "checks/check.h"
#include "checks/cost_registry.h"

namespace cloudpeek::checks {

namespace {

struct Registry {
  std::vector<std::unique_ptr<Check>> owned;
  std::vector<const Check*> sorted;
  bool dirty = false;
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

std::vector<ReleaseSharedAnalyses>& releasers() {
  static std::vector<ReleaseSharedAnalyses> r;  // filled before main, read after
  return r;
}

RegisterSharedAnalysis::RegisterSharedAnalysis(ReleaseSharedAnalyses release) { releasers().push_back(release); }

void release_shared_analyses(const Inventory& inventory) {
  for (ReleaseSharedAnalyses release : releasers()) release(inventory);
}

RegisterCheck::RegisterCheck(Check check) {
  auto& r = registry();
  if (check.meta.id.empty() || !check.evaluate || check.meta.resource_type.empty())
    throw std::logic_error("check registered without id, type or evaluate: " + check.meta.id);
  for (const auto& c : r.owned)
    if (c->meta.id == check.meta.id) throw std::logic_error("check registered twice: " + check.meta.id);
  r.owned.push_back(std::make_unique<Check>(std::move(check)));
  r.dirty = true;
}

const std::vector<const Check*>& all_checks() {
  // Registration happens during static initialization, before main; after
  // that the list is read-only, so this lazily sorted view is safe.
  auto& r = registry();
  if (r.dirty) {
    r.sorted.clear();
    for (const auto& c : r.owned) r.sorted.push_back(c.get());
    std::sort(r.sorted.begin(), r.sorted.end(),
              [](const Check* a, const Check* b) { return a->meta.id < b->meta.id; });
    r.dirty = false;
  }
  return r.sorted;
}

const Check* find_check(std::string_view id) {
  const auto& all = all_checks();
  auto it = std::lower_bound(all.begin(), all.end(), id,
                             [](const Check* c, std::string_view v) { return c->meta.id < v; });
  return it != all.end() && (*it)->meta.id == id ? *it : nullptr;
}

std::optional<Finding> evaluate_one(const Check& check, const Resource& resource, const Inventory& inventory) {
  CheckResult result = check.evaluate(resource, inventory);
  if (!result.applicable) return std::nullopt;
  // A failing cost hygiene check carries what the resource costs per month.
  std::optional<double> cost;
  if (result.status == CheckStatus::kFail) cost = monthly_cost(check.meta.id, resource, inventory);
  // Built in place (copy-constructed members, the detail moved in): assigning
  // into a default-constructed Finding cost a second pass over every string.
  return Finding{.check_id = check.meta.id,
                 .status = result.status,
                 .severity = check.meta.severity,
                 .service = check.meta.service,
                 .resource_type = resource.type,
                 .resource_arn = resource.arn,
                 .resource_name = resource.name,
                 .account = resource.account,
                 .region = resource.region,
                 .detail = std::move(result.detail),
                 .monthly_cost_usd = cost};
}

std::vector<Finding> run_check(const Check& check, const Inventory& inventory) {
  std::vector<Finding> out;
  for (const auto& r : inventory.of_type(check.meta.resource_type))
    if (auto f = evaluate_one(check, r, inventory)) out.push_back(std::move(*f));
  for (auto& f : gap_findings(check, inventory)) out.push_back(std::move(f));
  return out;
}

std::vector<Finding> gap_findings(const Check& check, const Inventory& inventory) {
  std::vector<Finding> out;
  std::vector<std::string> regions{"global"};
  for (const auto& r : inventory.regions)
    if (r.scanned) regions.push_back(r.name);
  for (const auto& region : regions) {
    auto why = inventory.gap(check.meta.resource_type, region);
    if (!why) continue;
    // A gap on "global" applies to every region; report it once.
    if (region != "global" && inventory.gap(check.meta.resource_type, "global")) continue;
    Finding f;
    f.check_id = check.meta.id;
    f.status = CheckStatus::kNotAssessed;
    f.severity = check.meta.severity;
    f.service = check.meta.service;
    f.resource_type = check.meta.resource_type;
    f.resource_arn = "arn:aws:" + check.meta.service + ":" + (region == "global" ? "" : region) + ":" +
                     inventory.account + ":" + check.meta.resource_type + "/*";
    f.resource_name = "all " + check.meta.resource_type + " in " + region;
    f.account = inventory.account;
    f.region = region;
    f.detail = *why;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace cloudpeek::checks
