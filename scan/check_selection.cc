#include "scan/check_selection.h"

#include <algorithm>

namespace cloudpeek::scan {

namespace {
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

CheckFilter CheckFilter::from(const ScanOptions& options) {
  return {options.checks, options.services, options.min_severity, options.cis_only};
}

std::vector<const checks::Check*> select_checks(const CheckFilter& filter) {
  std::vector<const checks::Check*> out;
  for (const checks::Check* c : checks::all_checks()) {
    if (!filter.ids.empty() && !has(filter.ids, c->meta.id)) continue;
    if (!filter.services.empty() && !has(filter.services, c->meta.service)) continue;
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
