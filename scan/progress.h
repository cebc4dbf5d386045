// ScanProgress: what a running scan has done so far, as counters the engine
// updates from its workers and anyone (the CLI's progress bar, later the web
// server) reads with snapshot() at any time, from any thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "model/finding.h"

namespace cloudpeek::scan {

enum class ScanPhase { kStarting, kRegions, kCollecting, kFinishing, kDone, kCancelled };
std::string_view to_string(ScanPhase phase);  // "starting", "regions", "collecting", ...

struct ProgressSnapshot {
  ScanPhase phase = ScanPhase::kStarting;
  uint64_t calls_done = 0;    // answered, successfully or not (includes failed)
  uint64_t calls_failed = 0;  // answered with an error (AWS's "not configured" answers too)
  uint64_t calls_in_flight = 0;
  uint64_t peak_in_flight = 0;
  uint64_t collector_runs_total = 0;  // collectors × regions
  uint64_t collector_runs_done = 0;
  uint64_t resources = 0;
  uint64_t resources_retained = 0;  // kept as check context (the rest streams through)
  uint64_t resources_buffered = 0;  // waiting for a check's context types to complete
  uint64_t peak_buffered = 0;
  uint64_t checks_evaluated = 0;    // findings produced
  uint64_t gaps = 0;                // failed calls that lost data (coverage gaps)
  uint64_t tasks_outstanding = 0;   // collector work known and not done (each makes one or a few calls)
  // Work done over work known (calls answered over calls answered plus
  // tasks outstanding): tasks appear as listings find resources, so the
  // known work grows early and the share never moves backwards. Collector
  // runs alone were a poor measure: most end at once (empty regions), and a
  // scan sat at 92% for most of its time. 1 once done; a cancelled scan keeps
  // the share it had reached.
  double fraction = 0;
  // Seconds left at the rate calls have been answered since collecting began;
  // -1 while unknown (too early to say).
  double eta_seconds = -1;
  std::array<uint64_t, 4> findings_by_status{};  // indexed by CheckStatus

  uint64_t findings(CheckStatus s) const { return findings_by_status[static_cast<size_t>(s)]; }
};

class ScanProgress {
 public:
  ProgressSnapshot snapshot() const;

  // Updates, for the engine.
  void set_phase(ScanPhase phase);
  void call_started();
  void call_finished(bool failed);
  void set_runs_total(uint64_t n) { runs_total_ = n; }
  void run_done() { ++runs_done_; }
  void resource() { ++resources_; }
  void retained() { ++retained_; }
  void buffered(int64_t delta);
  void finding(CheckStatus status);
  void gap() { ++gaps_; }
  void task_added() { ++tasks_; }
  void task_done() { --tasks_; }

 private:
  std::atomic<ScanPhase> phase_{ScanPhase::kStarting};
  std::atomic<uint64_t> calls_done_{0}, calls_failed_{0}, in_flight_{0}, peak_in_flight_{0};
  std::atomic<uint64_t> runs_total_{0}, runs_done_{0};
  std::atomic<uint64_t> resources_{0}, retained_{0}, buffered_{0}, peak_buffered_{0};
  std::atomic<uint64_t> evaluated_{0}, gaps_{0};
  std::atomic<int64_t> tasks_{0};
  std::atomic<int64_t> collecting_since_ms_{0};  // steady clock, when the phase became collecting
  mutable std::atomic<double> max_fraction_{0};
  std::array<std::atomic<uint64_t>, 4> by_status_{};
};

}  // namespace cloudpeek::scan
