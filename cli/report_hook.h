// Where report/ plugs into `cloudpeek scan`: after the scan, the findings file
// (JSON lines, streamed during the scan) and the ScanResult are rendered into
// each format the user asked for ("json" is the findings file itself).
#pragma once

#include <string>
#include <vector>

#include "scan/scan_result.h"

namespace cloudpeek {
struct Framework;  // model/compliance.h
}

namespace cloudpeek::cli {

// The names --output-formats accepts.
const std::vector<std::string>& known_output_formats();  // json-ocsf, csv, sarif, html, text, json

struct ReportOutcome {
  std::vector<std::string> written;      // paths
  std::vector<std::string> unavailable;  // formats not produced, with why
};

// `framework`: the one `--compliance NAME` chose, which the reports' summaries
// roll up; nullptr: CIS v3.0.0.
ReportOutcome write_report_formats(const scan::ScanResult& result, const std::string& findings_jsonl,
                                   const std::vector<std::string>& formats, const std::string& output_dir,
                                   const Framework* framework = nullptr);

}  // namespace cloudpeek::cli
