// What `cloudpeek scan` prints while it runs (issue 9: a bar that jumped to
// 92% and sat there, and "23 failed" calls with no explanation).
#include "cli/scan_progress_view.h"

#include <gtest/gtest.h>

namespace cloudpeek::cli {
namespace {

scan::ProgressSnapshot collecting() {
  scan::ProgressSnapshot s;
  s.phase = scan::ScanPhase::kCollecting;
  s.collector_runs_total = 100;
  s.collector_runs_done = 92;  // most runs end at once (empty regions)
  s.fraction = 0.41;           // work done over work known
  s.calls_done = 1200;
  s.calls_failed = 23;
  s.gaps = 1;
  s.calls_retried = 40;
  s.calls_in_flight = 12;
  s.eta_seconds = 65;
  s.resources = 340;
  s.checks_evaluated = 512;
  scan::AreaProgress ec2;
  ec2.name = "ec2";
  ec2.tasks_outstanding = 410;
  ec2.runs_total = 17;
  ec2.runs_done = 14;
  scan::AreaProgress iam;
  iam.name = "iam";
  iam.runs_total = iam.runs_done = 1;
  s.by_service = {ec2, iam};
  return s;
}

TEST(ScanProgressView, BarFollowsWorkDoneNotCollectorRuns) {
  std::string line = progress_bar_line(collecting(), 20, false);
  EXPECT_EQ(line,
            "[########------------]  41% collecting · ~1m 05s left · 1200 calls (1 lost, 22 not configured, "
            "40 retried, 12 in flight) · ec2: 410 left · 340 resources · 512 findings");
}

TEST(ScanProgressView, PlainLineNamesTheBusiestServiceAndExplainsFailures) {
  EXPECT_EQ(progress_plain_line(collecting()),
            "progress: collecting 41%, ~1m 05s left, 1200 calls (1 lost, 22 not configured, 40 retried), "
            "busiest ec2 (410 calls left in 3 regions), 340 resources, 512 findings");
}

TEST(ScanProgressView, QuietWhenNothingFailedAndFullOnlyWhenDone) {
  scan::ProgressSnapshot s;
  s.phase = scan::ScanPhase::kFinishing;
  s.fraction = 0.95;
  s.calls_done = 10;
  EXPECT_EQ(progress_plain_line(s), "progress: finishing 95%, 10 calls, 0 resources, 0 findings");
  s.fraction = 1.0;  // never 100% before the scan is done
  EXPECT_NE(progress_bar_line(s, 10, false).find(" 99% finishing"), std::string::npos);
  s.phase = scan::ScanPhase::kDone;
  EXPECT_EQ(progress_bar_line(s, 10, false).substr(0, 17), "[##########] 100%");
}

}  // namespace
}  // namespace cloudpeek::cli
