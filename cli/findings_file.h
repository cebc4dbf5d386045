// FindingsFile: the scan's findings as JSON lines (one object per finding) in
// <output-dir>/findings.json, written as they stream in. This is the one output
// that does not wait for report/: the report formats are rendered from the
// ScanResult and this file (see report_hook.h).
#pragma once

#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/core/result.h"
#include "scan/sinks.h"

namespace cloudpeek::cli {

nlohmann::ordered_json finding_json(const Finding& f);

class FindingsFile : public scan::FindingSink {
 public:
  // Opens (truncates) the file; the error says why it cannot.
  static Result<std::unique_ptr<FindingsFile>> open(const std::string& path);
  void on_finding(const Finding& f) override;
  Status close();
  const std::string& path() const { return path_; }

 private:
  std::mutex mu_;
  std::ofstream out_;
  std::string path_;
};

// Several sinks as one.
class FindingFanout : public scan::FindingSink {
 public:
  void add(scan::FindingSink* s) { sinks_.push_back(s); }
  void on_finding(const Finding& f) override {
    for (auto* s : sinks_) s->on_finding(f);
  }

 private:
  std::vector<scan::FindingSink*> sinks_;
};

}  // namespace cloudpeek::cli
