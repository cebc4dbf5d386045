#include "scan/progress.h"

namespace cloudpeek::scan {

namespace {
void raise_to(std::atomic<uint64_t>& peak, uint64_t v) {
  uint64_t cur = peak.load();
  while (v > cur && !peak.compare_exchange_weak(cur, v)) {
  }
}
}  // namespace

std::string_view to_string(ScanPhase phase) {
  switch (phase) {
    case ScanPhase::kStarting: return "starting";
    case ScanPhase::kRegions: return "regions";
    case ScanPhase::kCollecting: return "collecting";
    case ScanPhase::kFinishing: return "finishing";
    case ScanPhase::kDone: return "done";
    case ScanPhase::kCancelled: return "cancelled";
  }
  return "unknown";
}

void ScanProgress::call_started() { raise_to(peak_in_flight_, ++in_flight_); }

void ScanProgress::call_finished(bool failed) {
  // Done before in-flight drops, so done + in_flight never undercounts.
  ++calls_done_;
  if (failed) ++calls_failed_;
  --in_flight_;
}

void ScanProgress::buffered(int64_t delta) {
  if (delta >= 0)
    raise_to(peak_buffered_, buffered_ += static_cast<uint64_t>(delta));
  else
    buffered_ -= static_cast<uint64_t>(-delta);
}

void ScanProgress::finding(CheckStatus status) {
  ++by_status_[static_cast<size_t>(status)];
  ++evaluated_;
}

ProgressSnapshot ScanProgress::snapshot() const {
  ProgressSnapshot s;
  s.phase = phase_.load();
  s.calls_done = calls_done_.load();
  s.calls_failed = calls_failed_.load();
  s.calls_in_flight = in_flight_.load();
  s.peak_in_flight = peak_in_flight_.load();
  s.collector_runs_total = runs_total_.load();
  s.collector_runs_done = runs_done_.load();
  s.resources = resources_.load();
  s.resources_retained = retained_.load();
  s.resources_buffered = buffered_.load();
  s.peak_buffered = peak_buffered_.load();
  s.checks_evaluated = evaluated_.load();
  s.gaps = gaps_.load();
  for (size_t i = 0; i < s.findings_by_status.size(); ++i) s.findings_by_status[i] = by_status_[i].load();
  return s;
}

}  // namespace cloudpeek::scan
