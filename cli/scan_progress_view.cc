#include "cli/scan_progress_view.h"

#include <algorithm>

#include <fmt/format.h>

namespace cloudpeek::cli {

namespace {
// The engine's share of work done (calls answered over calls known), not
// collector runs: most runs end at once on empty regions, and a bar counting
// them sat at 92% for most of a scan (issue 9).
int percent(const scan::ProgressSnapshot& s) {
  if (s.phase == scan::ScanPhase::kDone) return 100;
  return std::clamp(static_cast<int>(s.fraction * 100), 0, 99);
}

std::string eta(const scan::ProgressSnapshot& s) {
  if (s.eta_seconds <= 0) return "";
  auto secs = static_cast<long>(s.eta_seconds + 0.5);
  return secs >= 60 ? fmt::format("~{}m {:02}s left", secs / 60, secs % 60) : fmt::format("~{}s left", secs);
}

// Failed calls told apart: lost data (coverage gaps) or AWS's "not
// configured" answers (no bucket policy...), which lose nothing; retries are
// not failures (most are answered later).
std::string call_outcomes(const scan::ProgressSnapshot& s) {
  std::string out;
  auto add = [&](uint64_t n, const char* what) {
    if (!n) return;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", n, what);
  };
  uint64_t lost = std::min(s.gaps, s.calls_failed);
  add(lost, "lost");
  add(s.calls_failed - lost, "not configured");
  add(s.calls_retried, "retried");
  return out;
}

// The service with the most work outstanding, if any.
const scan::AreaProgress* busiest(const scan::ProgressSnapshot& s) {
  if (s.by_service.empty() || s.by_service.front().tasks_outstanding == 0) return nullptr;
  return &s.by_service.front();
}
}  // namespace

std::string progress_bar_line(const scan::ProgressSnapshot& s, int width, bool color) {
  int pct = percent(s);
  int filled = width * pct / 100;
  std::string bar = std::string(filled, '#') + std::string(width - filled, '-');
  std::string outcomes = call_outcomes(s);
  if (!outcomes.empty()) outcomes += ", ";
  if (color && s.gaps) outcomes = "\x1b[33m" + outcomes + "\x1b[0m";
  std::string left = eta(s);
  std::string where;
  if (const auto* b = busiest(s)) where = fmt::format(" · {}: {} left", b->name, b->tasks_outstanding);
  return fmt::format("[{}] {:3}% {}{} · {} calls ({}{} in flight){} · {} resources · {} findings", bar, pct,
                     scan::to_string(s.phase), left.empty() ? "" : " · " + left, s.calls_done, outcomes,
                     s.calls_in_flight, where, s.resources, s.checks_evaluated);
}

std::string progress_plain_line(const scan::ProgressSnapshot& s) {
  std::string left = eta(s);
  std::string outcomes = call_outcomes(s);
  std::string where;
  if (const auto* b = busiest(s)) {
    uint64_t regions = b->runs_total - std::min(b->runs_done, b->runs_total);
    where = fmt::format(", busiest {} ({} calls left in {} region{})", b->name, b->tasks_outstanding, regions,
                        regions == 1 ? "" : "s");
  }
  return fmt::format("progress: {} {}%{}, {} calls{}{}, {} resources, {} findings", scan::to_string(s.phase),
                     percent(s), left.empty() ? "" : ", " + left, s.calls_done,
                     outcomes.empty() ? "" : " (" + outcomes + ")", where, s.resources, s.checks_evaluated);
}

}  // namespace cloudpeek::cli
