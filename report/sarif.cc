// SARIF 2.1.0: one rule per check that ran, one result per FAIL (kind "fail")
// and per NOT_ASSESSED (kind "review": a human must look, nothing was proven).
#include <nlohmann/json.hpp>

#include "report/common.h"
#include "report/summary.h"

namespace cloudpeek::report {

namespace {

using json = nlohmann::ordered_json;

std::string level(Severity s) {
  if (s >= Severity::kHigh) return "error";
  if (s == Severity::kMedium) return "warning";
  return "note";
}

std::string security_severity(Severity s) {
  switch (s) {
    case Severity::kCritical: return "9.5";
    case Severity::kHigh: return "8.0";
    case Severity::kMedium: return "5.5";
    case Severity::kLow: return "3.0";
    case Severity::kInformational: return "0.0";
  }
  return "0.0";
}

}  // namespace

void write_sarif(const ReportInput& in, std::ostream& out) {
  json rules = json::array();
  std::map<std::string, int> rule_index;
  for (const auto& [id, m] : in.checks) {
    rule_index[id] = static_cast<int>(rules.size());
    json tags = json::array({"security", m.service});
    for (const auto& c : m.cis) tags.push_back("CIS-3.0/" + c);
    for (const auto& c : m.fsbp) tags.push_back("FSBP/" + c);
    if (in.framework && in.framework->id != "cis-3.0")
      for (const auto& c : control_ids(*in.framework, m)) tags.push_back(in.framework->id + "/" + c);
    std::string help = m.remediation.text;
    if (!m.remediation.cli.empty()) help += "\n\nAWS CLI:\n" + m.remediation.cli;
    rules.push_back({{"id", id},
                     {"name", id},
                     {"shortDescription", {{"text", m.title}}},
                     {"fullDescription", {{"text", m.description.empty() ? m.title : m.description}}},
                     {"help", {{"text", help}}},
                     {"helpUri", m.references.empty() ? "" : m.references.front()},
                     {"defaultConfiguration", {{"level", level(m.severity)}}},
                     {"properties", {{"security-severity", security_severity(m.severity)}, {"tags", tags}}}});
    if (rules.back()["helpUri"] == "") rules.back().erase("helpUri");
  }
  json results = json::array();
  for (const auto& f : in.findings) {
    if (f.status != CheckStatus::kFail && f.status != CheckStatus::kNotAssessed) continue;
    bool failed = f.status == CheckStatus::kFail;
    json r = {{"ruleId", f.check_id},
              {"kind", failed ? "fail" : "review"},
              {"level", failed ? level(f.severity) : "none"},
              {"message", {{"text", (failed ? "" : "Not assessed: ") + f.detail}}},
              {"locations",
               json::array({{{"logicalLocations",
                              json::array({{{"name", f.resource_name},
                                            {"fullyQualifiedName", f.resource_arn},
                                            {"kind", "resource"}}})}}})},
              {"partialFingerprints", {{"cloudpeekFindingId/v1", finding_uid(f)}}},
              {"properties", {{"account", f.account}, {"region", f.region}, {"resourceType", f.resource_type}}}};
    if (auto it = rule_index.find(f.check_id); it != rule_index.end()) r["ruleIndex"] = it->second;
    results.push_back(std::move(r));
  }
  json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({{{"tool",
                                      {{"driver",
                                        {{"name", "CloudPeek"},
                                         {"version", in.tool_version},
                                         {"rules", rules}}}}},
                                     {"results", results},
                                     {"properties", {{"account", in.account}}}}})}};
  out << doc.dump(2) << "\n";
}

}  // namespace cloudpeek::report
