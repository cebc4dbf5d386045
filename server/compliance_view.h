// CIS v3.0.0 per control and per section from the store's current results
// (check_summaries) and the check catalog. A control is pass only when its
// checks have findings and none failed or was not assessed; with no findings at
// all it is not_assessed ("no results yet"): nothing unassessed counts as a pass.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "store/store.h"

namespace cloudpeek::server {

struct ControlView {
  std::string id, title, section;
  std::string status;  // "pass", "fail", "manual", "not_assessed"
  std::vector<std::string> checks;
  std::vector<std::string> reasons;
};

std::vector<ControlView> cis_controls(const std::vector<store::CheckSummary>& summaries);
// [{"section","title","pass","fail","manual","not_assessed"}]
nlohmann::json cis_sections_json(const std::vector<ControlView>& controls);

}  // namespace cloudpeek::server
