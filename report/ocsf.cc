// OCSF 1.1.0 Detection Finding (class_uid 2004), one record per finding, as a
// JSON array (the shape Prowler and Security Hub's OCSF exports use).
#include <nlohmann/json.hpp>

#include "report/common.h"
#include "report/summary.h"

namespace cloudpeek::report {

namespace {

using json = nlohmann::ordered_json;

int severity_id(Severity s) {
  switch (s) {
    case Severity::kInformational: return 1;
    case Severity::kLow: return 2;
    case Severity::kMedium: return 3;
    case Severity::kHigh: return 4;
    case Severity::kCritical: return 5;
  }
  return 0;
}

std::string severity_caption(Severity s) {
  std::string name(to_string(s));
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

}  // namespace

void write_ocsf(const ReportInput& in, std::ostream& out) {
  json records = json::array();
  long long time = epoch_ms(in.finished);
  for (const auto& f : in.findings) {
    const CheckMetadata& m = metadata_of(in, f.check_id);
    json compliance = json::object();
    if (!m.cis.empty()) compliance["CIS-3.0"] = m.cis;
    if (!m.fsbp.empty()) compliance["AWS-Foundational-Security-Best-Practices"] = m.fsbp;
    // The framework the scan was run for (`--compliance NAME`), by its id.
    if (in.framework && in.framework->id != "cis-3.0")
      if (auto ids = control_ids(*in.framework, m); !ids.empty()) compliance[in.framework->id] = ids;
    json r;
    r["metadata"] = {{"version", "1.1.0"},
                     {"product", {{"name", "CloudPeek"}, {"vendor_name", "CloudPeek"}, {"version", in.tool_version}}},
                     {"event_code", f.check_id},
                     {"profiles", {"cloud"}}};
    r["class_uid"] = 2004;
    r["class_name"] = "Detection Finding";
    r["category_uid"] = 2;
    r["category_name"] = "Findings";
    r["activity_id"] = 1;
    r["activity_name"] = "Create";
    r["type_uid"] = 200401;
    r["type_name"] = "Detection Finding: Create";
    r["time"] = time;
    r["time_dt"] = iso8601(in.finished);
    r["severity_id"] = severity_id(f.severity);
    r["severity"] = severity_caption(f.severity);
    r["status_id"] = 1;
    r["status"] = "New";
    r["status_code"] = std::string(to_string(f.status));
    r["status_detail"] = f.detail;
    r["message"] = m.title;
    r["finding_info"] = {{"uid", finding_uid(f)},
                         {"title", m.title},
                         {"desc", m.description},
                         {"types", {f.service}},
                         {"created_time", time}};
    json tags = json::array();
    r["resources"] = json::array({json{{"uid", f.resource_arn},
                                       {"name", f.resource_name},
                                       {"type", f.resource_type},
                                       {"region", f.region},
                                       {"cloud_partition", in.partition},
                                       {"group", {{"name", f.service}}}}});
    r["cloud"] = {{"provider", "AWS"},
                  {"account", {{"uid", f.account}, {"type", "AWS Account"}, {"type_id", 10}}},
                  {"region", f.region}};
    r["remediation"] = {{"desc", m.remediation.text}, {"references", m.references}};
    r["risk_details"] = m.risk;
    r["unmapped"] = {{"compliance", compliance},
                     {"remediation_cli", m.remediation.cli},
                     {"remediation_terraform", m.remediation.terraform}};
    records.push_back(std::move(r));
  }
  out << records.dump(2) << "\n";
}

}  // namespace cloudpeek::report
