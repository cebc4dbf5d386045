// String forms of the store's enums and times.
#include <ctime>

#include "store/store.h"

namespace cloudpeek::store {

Time now_seconds() { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::string format_time(Time t) {
  std::time_t tt = static_cast<std::time_t>(t.time_since_epoch().count());
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string to_string(ScanStatus s) {
  switch (s) {
    case ScanStatus::kQueued: return "queued";
    case ScanStatus::kRunning: return "running";
    case ScanStatus::kSucceeded: return "succeeded";
    case ScanStatus::kFailed: return "failed";
    case ScanStatus::kInterrupted: return "interrupted";
    case ScanStatus::kPartial: return "partial";
  }
  return "failed";
}

std::optional<ScanStatus> parse_scan_status(const std::string& s) {
  for (auto v : {ScanStatus::kQueued, ScanStatus::kRunning, ScanStatus::kSucceeded, ScanStatus::kFailed,
                 ScanStatus::kInterrupted, ScanStatus::kPartial})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::string to_string(FindingStatus s) {
  switch (s) {
    case FindingStatus::kOpen: return "open";
    case FindingStatus::kResolved: return "resolved";
    case FindingStatus::kMuted: return "muted";
    case FindingStatus::kPassed: return "passed";
    case FindingStatus::kNotAssessed: return "not_assessed";
  }
  return "not_assessed";
}

std::optional<FindingStatus> parse_finding_status(const std::string& s) {
  for (auto v : {FindingStatus::kOpen, FindingStatus::kResolved, FindingStatus::kMuted, FindingStatus::kPassed,
                 FindingStatus::kNotAssessed})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::optional<CheckStatus> parse_check_result(const std::string& s) {
  for (auto v : {CheckStatus::kPass, CheckStatus::kFail, CheckStatus::kNotAssessed, CheckStatus::kManual})
    if (cloudpeek::to_string(v) == s) return v;
  return std::nullopt;
}

void Store::for_each_finding(const FindingFilter& filter, const std::function<bool(const FindingRow&)>& f) {
  for (int64_t page = 1;; ++page) {
    auto p = list_findings(filter, PageRequest{page, 500});
    for (const auto& row : p.items)
      if (!f(row)) return;
    if (p.items.size() < static_cast<size_t>(p.page_size) || page * p.page_size >= p.total) return;
  }
}

}  // namespace cloudpeek::store
