#include "scan/progress.h"

#include <algorithm>
#include <chrono>

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

namespace {
int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

void ScanProgress::set_phase(ScanPhase phase) {
  if (phase == ScanPhase::kCollecting) collecting_since_ms_ = steady_ms();
  phase_.store(phase);
}

void ScanProgress::call_started() { raise_to(peak_in_flight_, ++in_flight_); }

ScanProgress::Unit* ScanProgress::unit(const std::string& service, const std::string& region) {
  std::lock_guard lock(units_mu_);
  for (auto& u : units_)
    if (u.service == service && u.region == region) return &u;
  Unit& u = units_.emplace_back();
  u.service = service;
  u.region = region;
  return &u;
}

void ScanProgress::call_finished(bool failed, Unit* unit) {
  // Done before in-flight drops, so done + in_flight never undercounts.
  if (unit) {
    ++unit->calls_done;
    if (failed) ++unit->calls_failed;
  }
  ++calls_done_;
  if (failed) ++calls_failed_;
  --in_flight_;
}

void ScanProgress::client_retries(uint64_t total) { raise_to(client_retried_, total); }

void ScanProgress::run_done(Unit* unit) {
  if (unit) ++unit->runs_done;
  ++runs_done_;
}

void ScanProgress::gap(Unit* unit) {
  if (unit) ++unit->gaps;
  ++gaps_;
}

void ScanProgress::task_added(Unit* unit) {
  if (unit) ++unit->tasks;
  ++tasks_;
}

void ScanProgress::task_done(Unit* unit) {
  if (unit) --unit->tasks;
  --tasks_;
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

namespace {
void add_to(std::vector<AreaProgress>& areas, const std::string& name, const ScanProgress::Unit& u) {
  auto it = std::find_if(areas.begin(), areas.end(), [&](const AreaProgress& a) { return a.name == name; });
  if (it == areas.end()) {
    areas.push_back({});
    it = areas.end() - 1;
    it->name = name;
  }
  it->calls_done += u.calls_done.load();
  it->calls_failed += u.calls_failed.load();
  it->calls_lost += u.gaps.load();
  int64_t tasks = u.tasks.load();
  it->tasks_outstanding += tasks > 0 ? static_cast<uint64_t>(tasks) : 0;
  it->runs_total += u.runs_total.load();
  it->runs_done += u.runs_done.load();
}

void order(std::vector<AreaProgress>& areas) {
  std::sort(areas.begin(), areas.end(), [](const AreaProgress& a, const AreaProgress& b) {
    if (a.tasks_outstanding != b.tasks_outstanding) return a.tasks_outstanding > b.tasks_outstanding;
    return a.name < b.name;
  });
}
}  // namespace

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
  s.calls_retried = retried_.load() + client_retried_.load();
  {
    std::lock_guard lock(units_mu_);
    for (const auto& u : units_) {
      add_to(s.by_service, u.service, u);
      add_to(s.by_region, u.region, u);
    }
  }
  order(s.by_service);
  order(s.by_region);
  int64_t tasks = tasks_.load();
  s.tasks_outstanding = tasks > 0 ? static_cast<uint64_t>(tasks) : 0;
  // Starting and listing regions: 0-5%; collecting: 5-95% by work done over
  // work known; finishing (the last checks and the publish): 95%.
  double f = 0;
  switch (s.phase) {
    case ScanPhase::kStarting: f = 0; break;
    case ScanPhase::kRegions: f = 0.02; break;
    case ScanPhase::kCollecting: {
      double done = static_cast<double>(s.calls_done);
      double known = done + static_cast<double>(s.tasks_outstanding);
      f = 0.05 + 0.9 * (known > 0 ? done / known : 0);
      int64_t since = collecting_since_ms_.load();
      double elapsed = since ? static_cast<double>(steady_ms() - since) / 1000.0 : 0;
      if (elapsed >= 2 && s.calls_done >= 10 && s.tasks_outstanding > 0)
        s.eta_seconds = static_cast<double>(s.tasks_outstanding) * elapsed / done;
      else if (s.tasks_outstanding == 0)
        s.eta_seconds = 0;
      break;
    }
    case ScanPhase::kFinishing: f = 0.95; s.eta_seconds = 0; break;
    case ScanPhase::kDone: f = 1; s.eta_seconds = 0; break;
    case ScanPhase::kCancelled: f = 0; s.eta_seconds = 0; break;
  }
  // Never backwards (known work grows as resources are found).
  double seen = max_fraction_.load();
  while (f > seen && !max_fraction_.compare_exchange_weak(seen, f)) {
  }
  s.fraction = std::max(f, seen);
  return s;
}

}  // namespace cloudpeek::scan
