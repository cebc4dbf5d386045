// A real child process writing a scan is killed with SIGKILL mid-transaction
// (while staging rows, and while publishing); the database must reopen with
// integrity_check "ok", the previous scan's published results unchanged, and
// the killed scan recoverable as interrupted.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "store/sqlite_db.h"
#include "store/sqlite_test_fixture.h"

namespace cloudpeek::store {
namespace {

using namespace std::chrono_literals;
using testing::day;
using testing::make_finding;
using testing::make_resource;

constexpr int kPrevious = 2000;  // findings of the published scan
constexpr int kBig = 100000;     // rows the killed child writes

std::vector<Finding> big_batch(int n, CheckStatus status) {
  std::vector<Finding> out;
  out.reserve(n);
  for (int i = 0; i < n; ++i)
    out.push_back(make_finding("c" + std::to_string(i % 50), "arn:aws:s3:::big-" + std::to_string(i), status));
  return out;
}

// What a reader sees of the published state.
std::vector<std::string> snapshot(Store& s) {
  std::vector<std::string> out;
  FindingFilter f;
  f.sort = "check";
  for (int page = 1;; ++page) {
    auto p = s.list_findings(f, PageRequest{page, 500});
    for (const auto& r : p.items)
      out.push_back(r.id + "|" + r.check_id + "|" + r.resource_arn + "|" + to_string(r.status) + "|" +
                    std::to_string(r.last_seen.time_since_epoch().count()) + "|" + r.last_scan_id);
    if (p.items.size() < 500) break;
  }
  auto res = s.list_resources({}, PageRequest{1, 500});
  out.push_back("resources=" + std::to_string(res.total));
  return out;
}

// Reads one line from the child (or "" on EOF/timeout).
std::string read_line(int fd, std::chrono::milliseconds timeout) {
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    deadline - std::chrono::steady_clock::now())
                                    .count());
    if (::poll(&p, 1, left < 0 ? 0 : left) <= 0) break;
    char c;
    if (::read(fd, &c, 1) != 1) break;
    if (c == '\n') return line;
    line += c;
  }
  return line;
}

class CrashTest : public testing::StoreTest {
 protected:
  std::string provider;
  std::vector<std::string> before;

  void SetUp() override {
    provider = add_provider();
    std::vector<Finding> prev;
    std::vector<Resource> res;
    for (int i = 0; i < kPrevious; ++i) {
      std::string arn = "arn:aws:s3:::prev-" + std::to_string(i);
      prev.push_back(make_finding("c" + std::to_string(i % 50), arn, i % 3 ? CheckStatus::kFail : CheckStatus::kPass));
      if (i < 300) res.push_back(make_resource(arn));
    }
    run_scan(provider, prev, res, day(0));
    before = snapshot(*store);
    store.reset();  // the child opens its own connection; nothing crosses fork()
  }

  // Forks a child that opens the store and runs `work(store, pipe)`; kills it
  // `delay` after it says "go". Returns what the child said last ("done" if it
  // finished before the kill).
  std::string run_and_kill(const std::function<void(Store&, int)>& work, std::chrono::milliseconds delay) {
    int fds[2];
    EXPECT_EQ(::pipe(fds), 0);
    pid_t pid = ::fork();
    if (pid == 0) {
      ::close(fds[0]);
      try {
        auto s = open_sqlite_store(db_path(), key);
        work(*s, fds[1]);
        (void)!::write(fds[1], "done\n", 5);
      } catch (...) {
        (void)!::write(fds[1], "error\n", 6);
      }
      ::_exit(0);
    }
    ::close(fds[1]);
    std::string said = read_line(fds[0], 60s);
    EXPECT_EQ(said, "go");
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::string last = read_line(fds[0], 100ms);
    ::close(fds[0]);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the child was not killed";
    return last;
  }

  void expect_integrity() {
    sqlite::Db db(db_path(), 5000);
    auto s = db.prepare_uncached("PRAGMA integrity_check");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "ok");
    auto fk = db.prepare_uncached("PRAGMA foreign_key_check");
    EXPECT_FALSE(fk.step()) << "foreign key violations after the crash";
  }

  void expect_intact() {
    expect_integrity();
    store = open_sqlite_store(db_path(), key);
    EXPECT_EQ(snapshot(*store), before) << "the previous scan's results changed";
  }
};

TEST_F(CrashTest, KilledWhileStagingRows) {
  for (auto delay : {5ms, 60ms, 250ms}) {
    std::string last = run_and_kill(
        [](Store& s, int fd) {
          Scan scan = s.create_scan("1", {}, {}, day(1));
          s.mark_scan_running(scan.id, day(1), nullptr);
          s.add_scan_findings(scan.id, big_batch(500, CheckStatus::kPass));  // a committed batch first
          (void)!::write(fd, "go\n", 3);
          for (;;) s.add_scan_findings(scan.id, big_batch(kBig / 4, CheckStatus::kPass));
        },
        delay);
    EXPECT_NE(last, "done");
    EXPECT_NE(last, "error");
    expect_intact();
    // The killed scan is still "running"; start-up recovery ends it as
    // interrupted, publishing only what was committed, resolving nothing unseen.
    EXPECT_EQ(store->interrupt_unfinished_scans("interrupted: server stopped", day(2)), 1);
    auto scans = store->list_scans(provider, {});
    EXPECT_EQ(scans.items.at(0).status, ScanStatus::kInterrupted);
    FindingFilter resolved;
    resolved.statuses = {FindingStatus::kResolved};
    EXPECT_EQ(store->list_findings(resolved, {}).total, 0);
    before = snapshot(*store);
    store.reset();
  }
}

TEST_F(CrashTest, KilledWhilePublishing) {
  int killed_mid_publish = 0;
  for (auto delay : {5ms, 40ms, 120ms, 300ms}) {
    std::string last = run_and_kill(
        [](Store& s, int fd) {
          Scan scan = s.create_scan("1", {}, {}, day(1));
          s.mark_scan_running(scan.id, day(1), nullptr);
          // A complete scan that sees none of the previous findings: publishing
          // it would resolve every one of them.
          for (int i = 0; i < 4; ++i) s.add_scan_findings(scan.id, big_batch(kBig / 4, CheckStatus::kFail));
          ScanFinish f;
          f.finished_at = day(1, 60);
          for (int i = 0; i < 50; ++i) f.checks_run.push_back("c" + std::to_string(i));
          f.regions_scanned = {"us-east-1"};
          (void)!::write(fd, "go\n", 3);
          s.finish_scan(scan.id, f);
        },
        delay);
    EXPECT_NE(last, "error");
    expect_integrity();
    store = open_sqlite_store(db_path(), key);
    Scan newest = store->list_scans(provider, {}).items.at(0);
    if (!newest.published) {
      // Killed inside the publishing transaction: nothing of it is visible.
      ++killed_mid_publish;
      EXPECT_EQ(snapshot(*store), before) << "a partial publish is visible (delay " << delay.count() << " ms)";
      EXPECT_EQ(store->interrupt_unfinished_scans("interrupted: server stopped", day(2)), 1);
    } else {
      // The commit beat the kill: then all of it is there.
      FindingFilter open;
      open.statuses = {FindingStatus::kOpen};
      EXPECT_EQ(store->list_findings(open, {}).total, kBig) << "delay " << delay.count() << " ms";
    }
    before = snapshot(*store);
    store.reset();
  }
  EXPECT_GE(killed_mid_publish, 1) << "no kill landed inside a publish; make the scan bigger";
}

}  // namespace
}  // namespace cloudpeek::store
