#include "scan/check_selection.h"

#include <algorithm>
#include <set>

#include "collect/collector.h"

namespace cloudpeek::scan {

namespace {
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// The resource types of the services named that file no check under their own
// name but have a collector (`sesv2`, whose identities the `ses` checks judge):
// naming such a service selects the checks of the types it collects.
std::set<std::string> types_of_collector_only_services(const std::vector<std::string>& services) {
  std::set<std::string> types;
  for (const auto& s : services) {
    bool files_checks = false;
    for (const checks::Check* c : checks::all_checks()) files_checks = files_checks || c->meta.service == s;
    if (files_checks) continue;
    if (const auto* collector = collect::find_collector(s)) types.insert(collector->produces.begin(), collector->produces.end());
  }
  return types;
}
}  // namespace

CheckFilter CheckFilter::from(const ScanOptions& options) {
  return {options.checks, options.services, options.min_severity, options.cis_only};
}

std::vector<const checks::Check*> select_checks(const CheckFilter& filter) {
  std::vector<const checks::Check*> out;
  const auto collected_types = types_of_collector_only_services(filter.services);
  for (const checks::Check* c : checks::all_checks()) {
    if (!filter.ids.empty() && !has(filter.ids, c->meta.id)) continue;
    if (!filter.services.empty() && !has(filter.services, c->meta.service) &&
        !collected_types.contains(c->meta.resource_type))
      continue;
    if (filter.min_severity && c->meta.severity < *filter.min_severity) continue;
    if (filter.cis_only && c->meta.cis.empty()) continue;
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> unknown_check_ids(const CheckFilter& filter) {
  std::vector<std::string> out;
  for (const auto& id : filter.ids)
    if (!checks::find_check(id)) out.push_back(id);
  return out;
}

}  // namespace cloudpeek::scan
