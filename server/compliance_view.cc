#include "server/compliance_view.h"

#include <map>

#include "checks/check.h"
#include "model/compliance.h"

namespace cloudpeek::server {

std::vector<ControlView> cis_controls(const std::vector<store::CheckSummary>& summaries) {
  std::map<std::string, const store::CheckSummary*> by_check;
  for (const auto& s : summaries) by_check[s.check_id] = &s;
  std::map<std::string, std::vector<std::string>> checks_of;  // control → check ids
  for (const auto* c : checks::all_checks())
    for (const auto& id : c->meta.cis) checks_of[id].push_back(c->meta.id);
  std::vector<ControlView> out;
  for (const auto& control : cis_v3_controls()) {
    ControlView v{control.id, control.title, control.section, "not_assessed", checks_of[control.id], {}};
    if (control.manual) {
      v.status = "manual";
      v.reasons.push_back("No tool can decide this control: review it by hand.");
      out.push_back(std::move(v));
      continue;
    }
    int64_t pass = 0, fail = 0, na = 0;
    for (const auto& id : v.checks) {
      auto it = by_check.find(id);
      if (it == by_check.end()) continue;
      pass += it->second->counts.pass;
      fail += it->second->counts.fail;
      na += it->second->counts.not_assessed;
      if (it->second->counts.not_assessed && !it->second->first_not_assessed_detail.empty())
        v.reasons.push_back(id + ": " + it->second->first_not_assessed_detail);
    }
    if (fail > 0)
      v.status = "fail";
    else if (na > 0)
      v.status = "not_assessed";
    else if (pass > 0)
      v.status = "pass";
    else {
      v.status = "not_assessed";
      v.reasons.push_back(v.checks.empty() ? "No CloudPeek check covers this control yet."
                                           : "No results yet: scan the account (or it has no resources of this kind).");
    }
    out.push_back(std::move(v));
  }
  return out;
}

nlohmann::json cis_sections_json(const std::vector<ControlView>& controls) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : cis_v3_sections()) {
    int pass = 0, fail = 0, manual = 0, na = 0;
    for (const auto& c : controls) {
      if (c.section != s.id) continue;
      if (c.status == "pass") ++pass;
      else if (c.status == "fail") ++fail;
      else if (c.status == "manual") ++manual;
      else ++na;
    }
    out.push_back({{"section", s.id}, {"title", s.title}, {"pass", pass}, {"fail", fail}, {"manual", manual},
                   {"not_assessed", na}});
  }
  return out;
}

}  // namespace cloudpeek::server
