// The JSON shapes of docs/api.md, built from store rows (and, for running
// scans, the engine's live progress).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "scan/progress.h"
#include "store/store.h"

namespace cloudpeek::server {

using json = nlohmann::json;

json time_json(const std::optional<store::Time>& t);
// "valid", "expiring", "expired" or "unknown".
std::string credential_state(const store::Provider& p, store::Time now, int window_minutes);
json provider_json(const store::Provider& p, const std::optional<store::Scan>& last_scan, store::Time now,
                   int window_minutes);
json gap_json(const CoverageGap& g);
json scan_json(const store::Scan& s, const std::optional<scan::ProgressSnapshot>& live);
json mute_json(const std::optional<store::Mute>& m);
json finding_json(const store::FindingRow& f);
json resource_row_json(const store::ResourceRow& r);

template <class T, class F>
json paged_json(const store::Paged<T>& p, F&& item) {
  json items = json::array();
  for (const auto& i : p.items) items.push_back(item(i));
  return {{"total", p.total}, {"page", p.page}, {"page_size", p.page_size}, {"items", std::move(items)}};
}

}  // namespace cloudpeek::server
