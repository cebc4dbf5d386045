#include "cli/scan_progress_view.h"

#include <fmt/format.h>

namespace cloudpeek::cli {

namespace {
int percent(const scan::ProgressSnapshot& s) {
  if (s.phase == scan::ScanPhase::kDone) return 100;
  if (s.collector_runs_total == 0) return 0;
  return static_cast<int>(s.collector_runs_done * 100 / s.collector_runs_total);
}
}  // namespace

std::string progress_bar_line(const scan::ProgressSnapshot& s, int width, bool color) {
  int pct = percent(s);
  int filled = width * pct / 100;
  std::string bar = std::string(filled, '#') + std::string(width - filled, '-');
  std::string failed = s.calls_failed ? fmt::format("{} failed, ", s.calls_failed) : "";
  if (color && s.calls_failed) failed = "\x1b[33m" + failed + "\x1b[0m";
  return fmt::format("[{}] {:3}% {} · {} calls ({}{} in flight) · {} resources · {} findings", bar, pct,
                     scan::to_string(s.phase), s.calls_done, failed, s.calls_in_flight, s.resources,
                     s.checks_evaluated);
}

std::string progress_plain_line(const scan::ProgressSnapshot& s) {
  return fmt::format("progress: {} {}/{} collector runs, {} calls ({} failed), {} resources, {} findings",
                     scan::to_string(s.phase), s.collector_runs_done, s.collector_runs_total, s.calls_done,
                     s.calls_failed, s.resources, s.checks_evaluated);
}

}  // namespace cloudpeek::cli
