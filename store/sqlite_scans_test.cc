// Publishing scans: first/last seen, resolution only within a complete scan's
// scope, interrupted scans never resolving what they did not see, missing data
// never clearing a FAIL, mutes and their expiry, scan life cycle.
#include <sqlite3.h>

#include <gtest/gtest.h>

#include "store/sqlite_test_fixture.h"

namespace cloudpeek::store {
namespace {

using testing::day;
using testing::make_finding;
using testing::make_resource;
using testing::StoreTest;

constexpr auto kFail = CheckStatus::kFail;
constexpr auto kPass = CheckStatus::kPass;
constexpr auto kNA = CheckStatus::kNotAssessed;

const std::string kB1 = "arn:aws:s3:::bucket-one";
const std::string kB2 = "arn:aws:s3:::bucket-two";

std::vector<HistoryEntry> history(Store& s, const std::string& id) { return s.get_finding(id)->history; }

TEST_F(StoreTest, FirstSeenKeptLastSeenUpdated) {
  std::string p = add_provider();
  run_scan(p, {make_finding("s3_versioning", kB1, kFail)}, {make_resource(kB1)}, day(0));
  Scan s2 = run_scan(p, {make_finding("s3_versioning", kB1, kFail)}, {make_resource(kB1)}, day(1));
  FindingRow f = only("s3_versioning", kB1);
  EXPECT_EQ(f.first_seen, day(0));
  EXPECT_EQ(f.last_seen, day(1));
  EXPECT_EQ(f.status, FindingStatus::kOpen);
  EXPECT_EQ(f.result, kFail);
  EXPECT_EQ(f.last_scan_id, s2.id);
  EXPECT_EQ(history(*store, f.id).size(), 1u);  // unchanged status: no new history row
  EXPECT_EQ(store->list_findings({}, {}).total, 1);
}

TEST_F(StoreTest, FailThenPassResolvesAndPassFromTheStartIsPassed) {
  std::string p = add_provider();
  run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB2, kPass)}, {}, day(0));
  EXPECT_EQ(only("c", kB2).status, FindingStatus::kPassed);
  Scan s2 = run_scan(p, {make_finding("c", kB1, kPass), make_finding("c", kB2, kPass)}, {}, day(1));
  FindingRow f = only("c", kB1);
  EXPECT_EQ(f.status, FindingStatus::kResolved);
  EXPECT_EQ(f.result, kPass);
  auto h = history(*store, f.id);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].status, FindingStatus::kOpen);
  EXPECT_EQ(h[1].status, FindingStatus::kResolved);
  EXPECT_EQ(h[1].scan_id, s2.id);
  EXPECT_EQ(h[1].at, day(1));
  // Failing again reopens it.
  run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB2, kPass)}, {}, day(2));
  EXPECT_EQ(only("c", kB1).status, FindingStatus::kOpen);
  EXPECT_EQ(only("c", kB1).first_seen, day(0));
  EXPECT_EQ(history(*store, f.id).size(), 3u);
}

TEST_F(StoreTest, CompleteScanResolvesUnseenFailsAndDropsGoneResources) {
  std::string p = add_provider();
  run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB2, kFail)},
           {make_resource(kB1), make_resource(kB2)}, day(0));
  // bucket-two is gone.
  Scan s2 = run_scan(p, {make_finding("c", kB1, kFail)}, {make_resource(kB1)}, day(1));
  FindingRow gone = only("c", kB2);
  EXPECT_EQ(gone.status, FindingStatus::kResolved);
  EXPECT_EQ(gone.last_seen, day(0));  // last *seen* stays when it was not seen
  auto h = history(*store, gone.id);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[1].status, FindingStatus::kResolved);
  EXPECT_NE(h[1].detail.find("not found by scan " + s2.id), std::string::npos) << h[1].detail;
  EXPECT_EQ(only("c", kB1).status, FindingStatus::kOpen);
  auto res = store->list_resources({}, {});
  ASSERT_EQ(res.total, 1);
  EXPECT_EQ(res.items[0].arn, kB1);
  // Resolved FAILs of gone resources do not count in the compliance summary.
  auto sums = store->check_summaries(std::nullopt);
  ASSERT_EQ(sums.size(), 1u);
  EXPECT_EQ(sums[0].counts.fail, 1);
}

// check_summaries reads counts kept at publish (check_results): they follow
// every publish's results, per provider, and leave with a deleted provider.
TEST_F(StoreTest, CheckSummariesFollowEachPublishAndProviderDeletion) {
  std::string p = add_provider(), q = add_provider("staging");
  auto sums_of = [&](const std::optional<std::string>& pid) {
    std::map<std::string, CheckSummary> by;
    for (auto& s : store->check_summaries(pid)) by[s.check_id] = s;
    return by;
  };
  run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB2, kPass), make_finding("d", kB1, kNA),
               make_finding("d", kB2, kNA), make_finding("m", kB1, CheckStatus::kManual)},
           {make_resource(kB1), make_resource(kB2)}, day(0));
  run_scan(q, {make_finding("c", kB1, kFail)}, {make_resource(kB1)}, day(0));
  auto all = sums_of(std::nullopt);
  EXPECT_EQ(all["c"].counts.fail, 2);
  EXPECT_EQ(all["c"].counts.pass, 1);
  EXPECT_EQ(all["d"].counts.not_assessed, 2);
  EXPECT_EQ(all["d"].first_not_assessed_detail, "NOT_ASSESSED for bucket-one");
  EXPECT_EQ(all["m"].counts.manual, 1);
  EXPECT_EQ(sums_of(q).size(), 1u);
  EXPECT_EQ(sums_of(q)["c"].counts.fail, 1);

  // The next scan of p: c now passes on bucket-one, d is assessed; q is untouched.
  run_scan(p, {make_finding("c", kB1, kPass), make_finding("c", kB2, kPass), make_finding("d", kB1, kFail),
               make_finding("d", kB2, kPass), make_finding("m", kB1, CheckStatus::kManual)},
           {make_resource(kB1), make_resource(kB2)}, day(1));
  auto mine = sums_of(p);
  EXPECT_EQ(mine["c"].counts.fail, 0);
  EXPECT_EQ(mine["c"].counts.pass, 2);
  EXPECT_EQ(mine["d"].counts.not_assessed, 0);
  EXPECT_EQ(mine["d"].first_not_assessed_detail, "");
  EXPECT_EQ(mine["d"].counts.fail, 1);
  EXPECT_EQ(sums_of(std::nullopt)["c"].counts.fail, 1);  // q's

  store->delete_provider(q, "alice");
  EXPECT_EQ(sums_of(std::nullopt)["c"].counts.fail, 0);
  EXPECT_EQ(sums_of(std::nullopt)["c"].counts.pass, 2);
}

TEST_F(StoreTest, UnseenFailsOutsideTheScansScopeStayOpen) {
  std::string p = add_provider();
  const std::string kEu = "arn:aws:s3:::eu-bucket";
  const std::string kGap = "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1";
  const std::string kOwnGap = "arn:aws:s3:::own-gap";
  run_scan(p,
           {make_finding("c", kB1, kFail), make_finding("other_check", kB2, kFail),
            make_finding("c", kEu, kFail, Severity::kHigh, "eu-west-1"),
            make_finding("sg_open", kGap, kFail, Severity::kHigh, "us-east-1", "ec2", "AWS::EC2::SecurityGroup"),
            make_finding("c", kOwnGap, kFail)},
           {make_resource(kB1), make_resource(kEu, "AWS::S3::Bucket", "eu-west-1"),
            make_resource(kGap, "AWS::EC2::SecurityGroup")},
           day(0));
  // Second scan: runs only "c" and "sg_open", only us-east-1, and the security
  // group listing failed there; the policy of own-gap could not be read.
  CoverageGap listing{"ec2", "us-east-1", "ec2:DescribeSecurityGroups", "access_denied", "AccessDenied",
                      "denied", "", {"AWS::EC2::SecurityGroup"}};
  CoverageGap one{"s3", "us-east-1", "s3:GetBucketPolicy", "access_denied", "AccessDenied", "denied", kOwnGap, {}};
  run_scan(p, {make_finding("c", kB1, kPass)}, {make_resource(kB1)}, day(1), ScanStatus::kSucceeded,
           std::vector<std::string>{"c", "sg_open"}, {listing, one});
  EXPECT_EQ(only("c", kB1).status, FindingStatus::kResolved);
  EXPECT_EQ(only("other_check", kB2).status, FindingStatus::kOpen) << "its check did not run";
  EXPECT_EQ(only("c", kEu).status, FindingStatus::kOpen) << "its region was not scanned";
  EXPECT_EQ(only("sg_open", kGap).status, FindingStatus::kOpen) << "its listing had a gap";
  EXPECT_EQ(only("c", kOwnGap).status, FindingStatus::kOpen) << "its own property was missing";
  // Resources hidden by the gap or in unscanned regions stay in the inventory.
  EXPECT_EQ(store->list_resources({}, {}).total, 3);
}

TEST_F(StoreTest, ServiceLimitedScanKeepsOtherResources) {
  std::string p = add_provider();
  const std::string kSg = "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1";
  run_scan(p, {}, {make_resource(kB1), make_resource(kSg, "AWS::EC2::SecurityGroup")}, day(0));
  run_scan(p, {}, {make_resource(kB1)}, day(1), ScanStatus::kSucceeded, std::nullopt, {}, {"s3"});
  EXPECT_EQ(store->list_resources({}, {}).total, 2);
}

TEST_F(StoreTest, InterruptedScanNeverResolvesWhatItDidNotSee) {
  std::string p = add_provider();
  Scan s1 = run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB2, kFail)},
                     {make_resource(kB1), make_resource(kB2)}, day(0));
  Scan s2 = run_scan(p, {make_finding("c", kB2, kFail)}, {make_resource(kB2)}, day(1), ScanStatus::kInterrupted,
                     std::vector<std::string>{"c"});
  EXPECT_EQ(s2.status, ScanStatus::kInterrupted);
  EXPECT_EQ(s2.reason, "interrupted: credentials expired");
  EXPECT_TRUE(s2.published);
  FindingRow a = only("c", kB1);
  EXPECT_EQ(a.status, FindingStatus::kOpen);
  EXPECT_EQ(a.last_scan_id, s1.id);
  EXPECT_EQ(a.last_seen, day(0));
  // What it did see is labelled with it.
  FindingRow b = only("c", kB2);
  EXPECT_EQ(b.last_scan_id, s2.id);
  EXPECT_EQ(b.last_seen, day(1));
  EXPECT_EQ(store->list_resources({}, {}).total, 2);
  EXPECT_EQ(store->get_scan(s2.id)->counts.fail, 1);
  // A failed scan behaves the same.
  run_scan(p, {}, {}, day(2), ScanStatus::kFailed, std::vector<std::string>{"c"});
  EXPECT_EQ(only("c", kB1).status, FindingStatus::kOpen);
  EXPECT_EQ(only("c", kB2).status, FindingStatus::kOpen);
}

TEST_F(StoreTest, NotAssessedNeverClearsAFail) {
  std::string p = add_provider();
  run_scan(p, {make_finding("c", kB1, kFail)}, {}, day(0));
  Finding na = make_finding("c", kB1, kNA);
  na.detail = "s3:GetBucketVersioning denied (AccessDenied)";
  Scan s2 = run_scan(p, {na}, {}, day(1));
  FindingRow f = only("c", kB1);
  EXPECT_EQ(f.result, kFail);
  EXPECT_EQ(f.status, FindingStatus::kOpen);
  EXPECT_EQ(f.last_seen, day(0));
  auto h = history(*store, f.id);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[1].result, kNA);
  EXPECT_EQ(h[1].scan_id, s2.id);
  EXPECT_NE(h[1].detail.find("GetBucketVersioning denied"), std::string::npos);
  // A finding that was never FAIL just records NOT_ASSESSED.
  run_scan(p, {make_finding("c", kB1, kNA), make_finding("c", kB2, kNA)}, {}, day(2));
  EXPECT_EQ(only("c", kB2).status, FindingStatus::kNotAssessed);
}

TEST_F(StoreTest, MuteSurvivesScansAndEndsWhenItExpires) {
  std::string p = add_provider();
  run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB2, kFail)}, {}, day(0));
  FindingRow a = only("c", kB1);
  FindingRow m = store->mute_finding(a.id, "accepted risk: public website", day(3), "alice", day(0, 10));
  EXPECT_EQ(m.status, FindingStatus::kMuted);
  ASSERT_TRUE(m.mute);
  EXPECT_EQ(m.mute->reason, "accepted risk: public website");
  EXPECT_EQ(m.mute->by, "alice");
  EXPECT_EQ(m.mute->until, day(3));
  // A forever mute on the other.
  FindingRow b = store->mute_finding(only("c", kB2).id, "known", std::nullopt, "bob", day(0, 10));
  run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB2, kFail)}, {}, day(1));
  EXPECT_EQ(only("c", kB1).status, FindingStatus::kMuted);
  EXPECT_EQ(only("c", kB2).status, FindingStatus::kMuted);
  // Muted findings are not open: the dashboard does not count them.
  EXPECT_EQ(store->dashboard(std::nullopt, day(1)).open_by_severity[Severity::kHigh], 0);
  // Past its end, the next publish ends the mute.
  run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB2, kFail)}, {}, day(4));
  FindingRow after = only("c", kB1);
  EXPECT_EQ(after.status, FindingStatus::kOpen);
  EXPECT_FALSE(after.mute);
  auto h = history(*store, after.id);
  ASSERT_GE(h.size(), 3u);
  EXPECT_EQ(h[1].status, FindingStatus::kMuted);
  EXPECT_NE(h[1].detail.find("muted by alice"), std::string::npos);
  EXPECT_NE(h[2].detail.find("mute expired"), std::string::npos) << h[2].detail;
  EXPECT_EQ(only("c", kB2).status, FindingStatus::kMuted);
  // A muted FAIL that passes is resolved, and its mute stays on record.
  run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB2, kPass)}, {}, day(5));
  EXPECT_EQ(only("c", kB2).status, FindingStatus::kResolved);
  EXPECT_TRUE(only("c", kB2).mute);
  (void)b;
}

TEST_F(StoreTest, ExpireMutesWithoutAScanAndUnmute) {
  std::string p = add_provider();
  run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB2, kFail)}, {}, day(0));
  store->mute_finding(only("c", kB1).id, "temporary", day(0, 3600), "alice", day(0, 60));
  store->mute_finding(only("c", kB2).id, "manual", std::nullopt, "alice", day(0, 60));
  EXPECT_EQ(store->expire_mutes(day(0, 3599)), 0);
  EXPECT_EQ(store->expire_mutes(day(0, 3600)), 1);
  EXPECT_EQ(only("c", kB1).status, FindingStatus::kOpen);
  FindingRow u = store->unmute_finding(only("c", kB2).id, "bob", day(0, 4000));
  EXPECT_EQ(u.status, FindingStatus::kOpen);
  EXPECT_FALSE(u.mute);
  auto h = history(*store, u.id);
  EXPECT_NE(h.back().detail.find("unmuted by bob"), std::string::npos);
  // Unmuting an unmuted finding changes nothing.
  EXPECT_EQ(store->unmute_finding(u.id, "bob", day(0, 4001)).status, FindingStatus::kOpen);
  EXPECT_EQ(history(*store, u.id).size(), h.size());
}

TEST_F(StoreTest, MuteValidation) {
  std::string p = add_provider();
  run_scan(p, {make_finding("c", kB1, kFail)}, {}, day(0));
  std::string id = only("c", kB1).id;
  auto kind = [&](auto f) {
    try {
      f();
    } catch (const StoreError& e) {
      return e.kind();
    }
    return StoreError::Kind::kDatabase;
  };
  EXPECT_EQ(kind([&] { store->mute_finding(id, "  ", std::nullopt, "a", day(1)); }), StoreError::Kind::kInvalid);
  EXPECT_EQ(kind([&] { store->mute_finding(id, "r", day(0), "a", day(1)); }), StoreError::Kind::kInvalid);
  EXPECT_EQ(kind([&] { store->mute_finding("9999", "r", std::nullopt, "a", day(1)); }), StoreError::Kind::kNotFound);
  EXPECT_EQ(kind([&] { store->unmute_finding("x", "a", day(1)); }), StoreError::Kind::kNotFound);
  EXPECT_EQ(only("c", kB1).status, FindingStatus::kOpen);
}

TEST_F(StoreTest, ScanLifecycleAndFinishedScansTakeNoMoreRows) {
  std::string p = add_provider();
  Scan s = store->create_scan(p, {"us-east-1"}, {"s3"}, day(0));
  EXPECT_EQ(s.status, ScanStatus::kQueued);
  EXPECT_EQ(s.regions, std::vector<std::string>{"us-east-1"});
  EXPECT_EQ(store->active_scan(p)->id, s.id);
  store->mark_scan_running(s.id, day(0, 5), Json{{"account", "111122223333"}});
  Scan running = *store->get_scan(s.id);
  EXPECT_EQ(running.status, ScanStatus::kRunning);
  EXPECT_EQ(running.started_at, day(0, 5));
  EXPECT_EQ(running.identity["account"], "111122223333");
  store->add_scan_findings(s.id, {make_finding("c", kB1, kFail), make_finding("c", kB2, kPass)});
  store->add_scan_resources(s.id, {make_resource(kB1)});
  Scan mid = *store->get_scan(s.id);
  EXPECT_EQ(mid.counts.fail, 1);
  EXPECT_EQ(mid.counts.pass, 1);
  EXPECT_EQ(mid.resources, 1);
  EXPECT_EQ(store->list_findings({}, {}).total, 0) << "staged rows are not visible before publishing";
  ScanFinish f;
  f.finished_at = day(0, 65);
  f.checks_run = {"c"};
  f.regions_scanned = {"us-east-1"};
  f.gaps = {CoverageGap{"s3", "us-east-1", "s3:GetBucketPolicy", "access_denied", "AccessDenied", "m", "", {}}};
  Scan done = store->finish_scan(s.id, f);
  EXPECT_EQ(done.status, ScanStatus::kSucceeded);
  EXPECT_EQ(done.finished_at, day(0, 65));
  ASSERT_EQ(done.gaps.size(), 1u);
  EXPECT_EQ(done.gaps[0].action, "s3:GetBucketPolicy");
  EXPECT_FALSE(store->active_scan(p));
  EXPECT_EQ(store->list_findings({}, {}).total, 2);
  auto kind = [&](auto fn) {
    try {
      fn();
    } catch (const StoreError& e) {
      return e.kind();
    }
    return StoreError::Kind::kDatabase;
  };
  EXPECT_EQ(kind([&] { store->add_scan_findings(s.id, {make_finding("c", kB1, kPass)}); }), StoreError::Kind::kInvalid);
  EXPECT_EQ(kind([&] { store->finish_scan(s.id, f); }), StoreError::Kind::kInvalid);
  EXPECT_EQ(kind([&] { store->create_scan("404", {}, {}, day(0)); }), StoreError::Kind::kNotFound);
  ScanFinish bad = f;
  bad.status = ScanStatus::kRunning;
  Scan s2 = store->create_scan(p, {}, {}, day(1));
  EXPECT_EQ(kind([&] { store->finish_scan(s2.id, bad); }), StoreError::Kind::kInvalid);
}

TEST_F(StoreTest, UnfinishedScansAreInterruptedAtStartupWithoutResolving) {
  std::string p = add_provider();
  run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB2, kFail)}, {}, day(0));
  Scan s = store->create_scan(p, {}, {}, day(1));
  store->mark_scan_running(s.id, day(1), nullptr);
  store->add_scan_findings(s.id, {make_finding("c", kB2, kPass)});
  Scan queued = store->create_scan(add_provider("other"), {}, {}, day(1));
  EXPECT_EQ(store->interrupt_unfinished_scans("interrupted: server stopped", day(1, 30)), 2);
  Scan after = *store->get_scan(s.id);
  EXPECT_EQ(after.status, ScanStatus::kInterrupted);
  EXPECT_EQ(after.reason, "interrupted: server stopped");
  EXPECT_EQ(after.finished_at, day(1, 30));
  EXPECT_EQ(only("c", kB1).status, FindingStatus::kOpen);       // not seen: untouched
  EXPECT_EQ(only("c", kB2).status, FindingStatus::kResolved);   // seen passing: its partial result counts
  EXPECT_EQ(store->get_scan(queued.id)->status, ScanStatus::kInterrupted);
  EXPECT_EQ(store->interrupt_unfinished_scans("again", day(2)), 0);
}

TEST_F(StoreTest, ScansListNewestFirstWithPaging) {
  std::string p = add_provider();
  std::string q = add_provider("other");
  for (int i = 0; i < 5; ++i) run_scan(p, {}, {}, day(i));
  run_scan(q, {}, {}, day(9));
  auto page = store->list_scans(p, PageRequest{2, 2});
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].finished_at, day(2));
  EXPECT_EQ(page.items[1].finished_at, day(1));
  EXPECT_EQ(store->list_scans(std::nullopt, {}).total, 6);
  EXPECT_EQ(store->list_scans(std::string("nope"), {}).total, 0);
}

TEST_F(StoreTest, StagedRowsOfOlderScansArePruned) {
  std::string p = add_provider();
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i)
    ids.push_back(run_scan(p, {make_finding("c", kB1, kFail)}, {make_resource(kB1)}, day(i)).id);
  store.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT DISTINCT scan_id FROM scan_findings ORDER BY scan_id", -1, &s, nullptr);
  std::vector<std::string> kept;
  while (sqlite3_step(s) == SQLITE_ROW) kept.push_back(std::to_string(sqlite3_column_int64(s, 0)));
  sqlite3_finalize(s);
  sqlite3_close(db);
  EXPECT_EQ(kept, (std::vector<std::string>{ids[2], ids[3], ids[4]}));
}

TEST_F(StoreTest, DuplicateRowsInOneScanKeepTheLast) {
  std::string p = add_provider();
  Scan s = run_scan(p, {make_finding("c", kB1, kFail), make_finding("c", kB1, kPass)},
                    {make_resource(kB1), make_resource(kB1)}, day(0));
  EXPECT_EQ(only("c", kB1).result, kPass);
  EXPECT_EQ(s.counts.pass, 1);
  EXPECT_EQ(s.counts.fail, 0);
  EXPECT_EQ(s.resources, 1);
  EXPECT_EQ(store->list_resources({}, {}).total, 1);
  // Across batches too.
  Scan s2 = store->create_scan(p, {}, {}, day(1));
  store->add_scan_findings(s2.id, {make_finding("c", kB1, kPass)});
  store->add_scan_findings(s2.id, {make_finding("c", kB1, kFail)});
  ScanFinish f;
  f.finished_at = day(1);
  Scan done = store->finish_scan(s2.id, f);
  EXPECT_EQ(done.counts.fail, 1);
  EXPECT_EQ(done.counts.pass, 0);
  EXPECT_EQ(only("c", kB1).result, kFail);
  EXPECT_EQ(only("c", kB1).status, FindingStatus::kOpen);
}

// Issue 12 §3: a cost hygiene finding's monthly estimate is stored with it,
// follows its latest verdict (a new price, a PASS clearing it), and a scan
// that could not assess it keeps the FAIL's estimate as it keeps the FAIL.
TEST_F(StoreTest, MonthlyCostIsStoredWithTheFindingAndFollowsItsVerdict) {
  std::string p = add_provider();
  const std::string vol = "arn:aws:ec2:us-east-1:111122223333:volume/vol-1";
  auto with_cost = [&](CheckStatus st, std::optional<double> usd) {
    Finding f = make_finding("ec2_ebs_volume_unattached", vol, st);
    f.monthly_cost_usd = usd;
    return f;
  };
  run_scan(p, {with_cost(kFail, 10.0), make_finding("s3_versioning", kB1, kFail)}, {}, day(0));
  ASSERT_TRUE(only("ec2_ebs_volume_unattached", vol).monthly_cost_usd.has_value());
  EXPECT_DOUBLE_EQ(*only("ec2_ebs_volume_unattached", vol).monthly_cost_usd, 10.0);
  EXPECT_FALSE(only("s3_versioning", kB1).monthly_cost_usd.has_value());
  run_scan(p, {with_cost(kFail, 12.5), make_finding("s3_versioning", kB1, kFail)}, {}, day(1));  // a new price
  EXPECT_DOUBLE_EQ(*only("ec2_ebs_volume_unattached", vol).monthly_cost_usd, 12.5);
  run_scan(p, {with_cost(kNA, std::nullopt), make_finding("s3_versioning", kB1, kFail)}, {}, day(2));
  EXPECT_EQ(only("ec2_ebs_volume_unattached", vol).status, FindingStatus::kOpen);
  EXPECT_DOUBLE_EQ(*only("ec2_ebs_volume_unattached", vol).monthly_cost_usd, 12.5);
  run_scan(p, {with_cost(kPass, std::nullopt), make_finding("s3_versioning", kB1, kFail)}, {}, day(3));
  EXPECT_EQ(only("ec2_ebs_volume_unattached", vol).status, FindingStatus::kResolved);
  EXPECT_FALSE(only("ec2_ebs_volume_unattached", vol).monthly_cost_usd.has_value());
  run_scan(p, {with_cost(kFail, 10.0), make_finding("s3_versioning", kB1, kFail)}, {}, day(4));  // reopened
  EXPECT_DOUBLE_EQ(*only("ec2_ebs_volume_unattached", vol).monthly_cost_usd, 10.0);
}

}  // namespace
}  // namespace cloudpeek::store
