#include "cli/report_hook.h"

namespace cloudpeek::cli {

const std::vector<std::string>& known_output_formats() {
  static const std::vector<std::string> f = {"json-ocsf", "csv", "sarif", "html", "text", "json"};
  return f;
}

ReportOutcome write_report_formats(const scan::ScanResult& result, const std::string& findings_jsonl,
                                   const std::vector<std::string>& formats, const std::string& output_dir) {
  ReportOutcome out;
  for (const auto& f : formats) {
    if (f == "json") {
      out.written.push_back(findings_jsonl);
      continue;
    }
    // report/ replaces this: render `f` from `result` and the findings in `findings_jsonl`.
    out.unavailable.push_back(f + " (report formats are not built into this version yet)");
  }
  return out;
}

}  // namespace cloudpeek::cli
