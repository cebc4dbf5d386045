#include "cli/report_hook.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "aws/core/json_text.h"
#include "checks/check.h"
#include "report/report.h"

namespace cloudpeek::cli {

namespace {

std::optional<CheckStatus> parse_status(const std::string& s) {
  for (auto st : {CheckStatus::kPass, CheckStatus::kFail, CheckStatus::kNotAssessed, CheckStatus::kManual})
    if (to_string(st) == s) return st;
  return std::nullopt;
}

// Reads back the findings file the scan streamed; a line that does not parse
// is an error (a report silently missing findings would lie).
bool read_findings(const std::string& path, std::vector<Finding>& out, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read the findings file " + path;
    return false;
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    auto parsed = parse_json_text(line, "the line", JsonLimits{16, line.size()});
    auto j = parsed ? std::move(*parsed) : nlohmann::json();
    auto status = j.is_object() ? parse_status(j.value("status", "")) : std::nullopt;
    auto severity = j.is_object() ? parse_severity(j.value("severity", "")) : std::nullopt;
    if (!status || !severity) {
      error = path + " line " + std::to_string(n) + " is not a finding";
      return false;
    }
    Finding f;
    f.check_id = j.value("check_id", "");
    f.status = *status;
    f.severity = *severity;
    f.service = j.value("service", "");
    f.resource_type = j.value("resource_type", "");
    f.resource_arn = j.value("resource_arn", "");
    f.resource_name = j.value("resource_name", "");
    f.account = j.value("account", "");
    f.region = j.value("region", "");
    f.detail = j.value("detail", "");
    out.push_back(std::move(f));
  }
  return true;
}

}  // namespace

const std::vector<std::string>& known_output_formats() {
  static const std::vector<std::string> f = {"json-ocsf", "csv", "sarif", "html", "text", "json"};
  return f;
}

ReportOutcome write_report_formats(const scan::ScanResult& result, const std::string& findings_jsonl,
                                   const std::vector<std::string>& formats, const std::string& output_dir,
                                   const Framework* framework) {
  ReportOutcome out;
  std::vector<report::Format> wanted;
  for (const auto& f : formats) {
    if (f == "json") {
      out.written.push_back(findings_jsonl);
    } else if (auto format = report::parse_format(f)) {
      wanted.push_back(*format);
    } else {
      out.unavailable.push_back(f + " (unknown format)");
    }
  }
  if (wanted.empty()) return out;

  report::ReportInput in;
  in.account = result.account;
  in.principal_arn = result.principal_arn;
  in.partition = result.partition;
  in.started = result.started;
  in.finished = result.finished;
  for (const auto& r : result.regions_scanned) in.regions.push_back({r, "", true});
  in.gaps = result.gaps;
  in.framework = framework;
  for (const auto& id : result.checks_run)
    if (const checks::Check* c = checks::find_check(id)) in.checks[id] = c->meta;
  std::string error;
  if (!read_findings(findings_jsonl, in.findings, error)) {
    for (auto f : wanted) out.unavailable.push_back(std::string(report::format_name(f)) + " (" + error + ")");
    return out;
  }
  auto written = report::write_reports(in, wanted, output_dir);
  out.written.insert(out.written.end(), written.written.begin(), written.written.end());
  if (!written.error.empty()) out.unavailable.push_back(written.error);
  return out;
}

}  // namespace cloudpeek::cli
