#include "scan/compliance.h"

#include <algorithm>
#include <sstream>

namespace cloudpeek::scan {

namespace {

std::vector<int> numeric(const std::string& id) {
  std::vector<int> out;
  std::stringstream ss(id);
  std::string part;
  while (std::getline(ss, part, '.')) out.push_back(std::atoi(part.c_str()));
  return out;
}

const char* section_name(const std::string& id) {
  if (id == "1") return "Identity and Access Management";
  if (id == "2") return "Storage";
  if (id == "3") return "Logging";
  if (id == "4") return "Monitoring";
  if (id == "5") return "Networking";
  return "Other";
}

}  // namespace

const std::vector<std::string>& cis_manual_controls() {
  static const std::vector<std::string> ids = {"1.1", "1.2", "1.3", "1.18", "1.21", "1.22", "2.1.3", "5.5"};
  return ids;
}

CisRollup cis_rollup(const std::vector<CheckOutcome>& outcomes) {
  std::map<std::string, CisControl> controls;
  for (const auto& o : outcomes) {
    for (const auto& id : o.cis) {
      auto [it, fresh] = controls.try_emplace(id);
      CisControl& c = it->second;
      c.id = id;
      CheckStatus s = o.fail ? CheckStatus::kFail : o.not_assessed ? CheckStatus::kNotAssessed : CheckStatus::kPass;
      auto rank = [](CheckStatus x) { return x == CheckStatus::kFail ? 2 : x == CheckStatus::kNotAssessed ? 1 : 0; };
      if (fresh || rank(s) > rank(c.status)) c.status = s;
      c.checks.push_back(o.check_id);
    }
  }
  CisRollup out;
  if (controls.empty()) return out;
  for (const auto& id : cis_manual_controls())
    if (!controls.count(id)) controls[id] = {id, CheckStatus::kManual, {}};
  for (auto& [_, c] : controls) out.controls.push_back(std::move(c));
  std::sort(out.controls.begin(), out.controls.end(),
            [](const CisControl& a, const CisControl& b) { return numeric(a.id) < numeric(b.id); });
  std::map<int, CisSection> sections;
  for (const auto& c : out.controls) {
    std::string sid = c.id.substr(0, c.id.find('.'));
    CisSection& s = sections[std::atoi(sid.c_str())];
    s.id = sid;
    s.name = section_name(sid);
    switch (c.status) {
      case CheckStatus::kPass: ++s.pass; break;
      case CheckStatus::kFail: ++s.fail; break;
      case CheckStatus::kNotAssessed: ++s.not_assessed; break;
      case CheckStatus::kManual: ++s.manual; break;
    }
  }
  for (auto& [_, s] : sections) out.sections.push_back(std::move(s));
  return out;
}

}  // namespace cloudpeek::scan
