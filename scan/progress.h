// ScanProgress: what a running scan has done so far, as counters the engine
// updates from its workers and anyone (the CLI's progress bar, later the web
// server) reads with snapshot() at any time, from any thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.h"

namespace cloudpeek::scan {

enum class ScanPhase { kStarting, kRegions, kCollecting, kFinishing, kDone, kCancelled };
std::string_view to_string(ScanPhase phase);  // "starting", "regions", "collecting", ...

// The work of one service (over its regions) or one region (over its
// services): what a user watching a scan asks ("what is it still doing?").
struct AreaProgress {
  std::string name;              // "ec2" or "eu-west-1" ("global" for IAM, S3 account level, ...)
  uint64_t calls_done = 0;       // answered
  uint64_t calls_failed = 0;     // answered with an error (lost or "not configured")
  uint64_t calls_lost = 0;       // failed calls that lost data (coverage gaps)
  uint64_t tasks_outstanding = 0;
  uint64_t runs_total = 0;       // collectors × regions in this area
  uint64_t runs_done = 0;
};

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
  // Attempts sent again after a throttle, a 5xx, a timeout or a dropped
  // connection: most are answered later, so a retry alone loses nothing.
  uint64_t calls_retried = 0;
  // Per service and per region, the areas with work outstanding first (most
  // first), then the finished ones by name.
  std::vector<AreaProgress> by_service;
  std::vector<AreaProgress> by_region;

  uint64_t findings(CheckStatus s) const { return findings_by_status[static_cast<size_t>(s)]; }
};

class ScanProgress {
 public:
  // One collector's service in one region: the engine registers one per
  // collector run (before the run starts) and passes it with the updates
  // made on that run's behalf; null for work of no run (listing regions).
  struct Unit {
    std::string service, region;
    std::atomic<uint64_t> calls_done{0}, calls_failed{0}, gaps{0}, runs_total{0}, runs_done{0};
    std::atomic<int64_t> tasks{0};
  };

  ProgressSnapshot snapshot() const;

  // Updates, for the engine.
  Unit* unit(const std::string& service, const std::string& region);  // the same Unit for the same pair
  void set_phase(ScanPhase phase);
  void call_started();
  void call_finished(bool failed, Unit* unit = nullptr);
  void set_runs_total(uint64_t n) { runs_total_ = n; }
  void run_done(Unit* unit = nullptr);
  void resource() { ++resources_; }
  void retained() { ++retained_; }
  void buffered(int64_t delta);
  void finding(CheckStatus status);
  void gap(Unit* unit = nullptr);
  void task_added(Unit* unit = nullptr);
  void task_done(Unit* unit = nullptr);
  void retried() { ++retried_; }
  // The client's own retries so far in this scan (it counts them; the engine reports them).
  void client_retries(uint64_t total);

 private:
  mutable std::mutex units_mu_;
  std::deque<Unit> units_;  // stable addresses
  std::atomic<ScanPhase> phase_{ScanPhase::kStarting};
  std::atomic<uint64_t> calls_done_{0}, calls_failed_{0}, in_flight_{0}, peak_in_flight_{0};
  std::atomic<uint64_t> runs_total_{0}, runs_done_{0};
  std::atomic<uint64_t> resources_{0}, retained_{0}, buffered_{0}, peak_buffered_{0};
  std::atomic<uint64_t> evaluated_{0}, gaps_{0}, retried_{0}, client_retried_{0};
  std::atomic<int64_t> tasks_{0};
  std::atomic<int64_t> collecting_since_ms_{0};  // steady clock, when the phase became collecting
  mutable std::atomic<double> max_fraction_{0};
  std::array<std::atomic<uint64_t>, 4> by_status_{};
};

}  // namespace cloudpeek::scan
