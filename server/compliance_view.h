// A compliance framework (model/frameworks) per control and per section from
// the store's current results (check_summaries) and the check catalog. A
// control is pass only when its checks have findings and none failed or was
// not assessed; with no findings at all it is not_assessed ("no results yet"):
// nothing unassessed counts as a pass.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "model/compliance.h"
#include "server/http_types.h"
#include "store/store.h"

namespace cloudpeek::server {

struct CheckResultView {
  std::string check_id;
  int64_t pass = 0, fail = 0, not_assessed = 0;
};

struct ControlView {
  std::string id, title, section;
  std::string status;  // "pass", "fail", "manual", "not_assessed"
  std::vector<std::string> checks;
  std::vector<std::string> reasons;
  std::vector<CheckResultView> results;  // the checks that have results, with their counts
};

std::vector<ControlView> framework_controls(const Framework& f, const std::vector<store::CheckSummary>& summaries);
// [{"section","title","pass","fail","manual","not_assessed","percent"}]: percent is
// pass / (pass + fail + not_assessed), rounded down; manual controls are left
// out of it (no tool decides them); null when nothing is assessable.
nlohmann::json sections_json(const Framework& f, const std::vector<ControlView>& controls);

std::vector<ControlView> cis_controls(const std::vector<store::CheckSummary>& summaries);
nlohmann::json cis_sections_json(const std::vector<ControlView>& controls);

// GET /compliance: framework= (an id or alias; default CIS v3.0.0) and
// format= json (default), csv or html (a printable report), as docs/api.md
// says. `scope` names the accounts the summaries cover, for the report.
Response compliance_answer(const Request& req, const std::vector<store::CheckSummary>& summaries,
                           const std::string& scope);

// The export bodies, for tests and the answer above.
std::string compliance_csv(const Framework& f, const std::vector<ControlView>& controls);
std::string compliance_html(const Framework& f, const std::vector<ControlView>& controls, const std::string& scope,
                            const std::string& generated_at);

}  // namespace cloudpeek::server
