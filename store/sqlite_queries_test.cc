// The read side: findings filters, control ids via the check catalog, search,
// sorting and paging; finding detail; dashboard aggregates; inventory.
#include <set>

#include <gtest/gtest.h>

#include "store/sqlite_db.h"
#include "store/sqlite_test_fixture.h"

namespace cloudpeek::store {
namespace {

using testing::day;
using testing::make_finding;
using testing::make_resource;

constexpr auto kFail = CheckStatus::kFail;
constexpr auto kPass = CheckStatus::kPass;

CheckMetadata meta(const std::string& id, const std::string& title, Severity sev, const std::string& service,
                   std::vector<std::string> cis, std::vector<std::string> fsbp) {
  CheckMetadata m;
  m.id = id;
  m.title = title;
  m.severity = sev;
  m.service = service;
  m.cis = std::move(cis);
  m.fsbp = std::move(fsbp);
  return m;
}

// Provider A (account 111122223333): s3_versioning on 10 buckets in us-east-1
// (6 FAIL high, 4 PASS), ec2_ssh on 5 groups in eu-west-1 (FAIL critical),
// iam_root_mfa on the account (FAIL critical, global). Provider B (account
// 444455556666): s3_versioning on 3 buckets in us-west-2 (FAIL high), one
// named "100%_bucket".
class QueryTest : public testing::StoreTest {
 protected:
  std::string a, b;
  void SetUp() override {
    store->sync_check_catalog({meta("s3_versioning", "S3 bucket versioning is enabled", Severity::kHigh, "s3", {"2.1.3"},
                                    {"S3.14"}),
                               meta("ec2_ssh", "Security group allows SSH from the internet", Severity::kCritical,
                                    "ec2", {"5.2"}, {"EC2.13"}),
                               meta("iam_root_mfa", "Root account has MFA", Severity::kCritical, "iam", {"1.5"}, {"IAM.9"})});
    a = add_provider("A");
    b = add_provider("B");
    std::vector<Finding> fa;
    std::vector<Resource> ra;
    for (int i = 0; i < 10; ++i) {
      std::string arn = "arn:aws:s3:::bucket-" + std::to_string(i);
      fa.push_back(make_finding("s3_versioning", arn, i < 6 ? kFail : kPass));
      ra.push_back(make_resource(arn));
    }
    for (int i = 0; i < 5; ++i) {
      std::string arn = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-" + std::to_string(i);
      fa.push_back(make_finding("ec2_ssh", arn, kFail, Severity::kCritical, "eu-west-1", "ec2",
                                "AWS::EC2::SecurityGroup"));
      ra.push_back(make_resource(arn, "AWS::EC2::SecurityGroup", "eu-west-1"));
    }
    fa.push_back(make_finding("iam_root_mfa", "arn:aws:iam::111122223333:root", kFail, Severity::kCritical, "global",
                              "iam", "AWS::::Account"));
    run_scan(a, fa, ra, day(0));
    std::vector<Finding> fb;
    std::vector<Resource> rb;
    for (std::string name : {"100%_bucket", "plain", "other"}) {
      std::string arn = "arn:aws:s3:::" + name;
      Finding f = make_finding("s3_versioning", arn, kFail, Severity::kHigh, "us-west-2");
      f.account = "444455556666";
      fb.push_back(f);
      Resource r = make_resource(arn, "AWS::S3::Bucket", "us-west-2");
      r.account = "444455556666";
      rb.push_back(r);
    }
    run_scan(b, fb, rb, day(1));
  }

  int64_t count(const FindingFilter& f) { return store->list_findings(f, {}).total; }
};

TEST_F(QueryTest, FiltersEachAndCombined) {
  FindingFilter f;
  EXPECT_EQ(count(f), 19);
  f = {};
  f.severities = {Severity::kCritical};
  EXPECT_EQ(count(f), 6);
  f.severities = {Severity::kCritical, Severity::kHigh};
  EXPECT_EQ(count(f), 19);
  f = {};
  f.services = {"ec2"};
  EXPECT_EQ(count(f), 5);
  f = {};
  f.regions = {"eu-west-1", "global"};
  EXPECT_EQ(count(f), 6);
  f = {};
  f.accounts = {"444455556666"};
  EXPECT_EQ(count(f), 3);
  f = {};
  f.checks = {"s3_versioning"};
  EXPECT_EQ(count(f), 13);
  f = {};
  f.statuses = {FindingStatus::kOpen};
  EXPECT_EQ(count(f), 15);
  f.statuses = {FindingStatus::kPassed};
  EXPECT_EQ(count(f), 4);
  f = {};
  f.results = {kPass};
  EXPECT_EQ(count(f), 4);
  f = {};
  f.provider_id = b;
  EXPECT_EQ(count(f), 3);
  f.provider_id = "not-an-id";
  EXPECT_EQ(count(f), 0);
  f = {};
  f.severities = {Severity::kHigh};
  f.regions = {"us-east-1"};
  f.statuses = {FindingStatus::kOpen};
  EXPECT_EQ(count(f), 6);
}

TEST_F(QueryTest, ControlFilterThroughTheCatalog) {
  FindingFilter f;
  f.control = "5.2";
  EXPECT_EQ(count(f), 5);
  f.control = "S3.14";
  EXPECT_EQ(count(f), 13);
  f.control = "1.5";
  EXPECT_EQ(count(f), 1);
  f.control = "9.9";
  EXPECT_EQ(count(f), 0);
  // Titles come from the catalog.
  f = {};
  f.checks = {"iam_root_mfa"};
  EXPECT_EQ(store->list_findings(f, {}).items.at(0).title, "Root account has MFA");
  // Re-syncing replaces it.
  store->sync_check_catalog({meta("iam_root_mfa", "Renamed", Severity::kCritical, "iam", {"1.6"}, {})});
  EXPECT_EQ(store->list_findings(f, {}).items.at(0).title, "Renamed");
  FindingFilter c;
  c.control = "1.5";
  EXPECT_EQ(count(c), 0);
  c.control = "1.6";
  EXPECT_EQ(count(c), 1);
}

TEST_F(QueryTest, SearchMatchesNameArnOrTitleWithWildcardsLiteral) {
  FindingFilter f;
  f.q = "VERSIONING";  // title, case-insensitive
  EXPECT_EQ(count(f), 13);
  f.q = "bucket-1";  // resource name
  EXPECT_EQ(count(f), 1);
  f.q = "security-group/sg-3";  // ARN
  EXPECT_EQ(count(f), 1);
  f.q = "100%";
  EXPECT_EQ(count(f), 1) << "% is literal";
  f.q = "0%_b";
  EXPECT_EQ(count(f), 1);
  f.q = "_";
  EXPECT_EQ(count(f), 1) << "_ is literal: only 100%_bucket has one";
  f.q = "nothing-like-this";
  EXPECT_EQ(count(f), 0);
  f.q = "'; DROP TABLE findings; --";
  EXPECT_EQ(count(f), 0);
  EXPECT_EQ(count(FindingFilter{}), 19);
}

TEST_F(QueryTest, SortOrders) {
  FindingFilter f;
  PageRequest all{1, 500};
  auto items = store->list_findings(f, all).items;
  ASSERT_EQ(items.size(), 19u);
  for (size_t i = 1; i < items.size(); ++i) EXPECT_GE(items[i - 1].severity, items[i].severity);
  EXPECT_EQ(items.front().severity, Severity::kCritical);
  f.sort = "severity";
  items = store->list_findings(f, all).items;
  EXPECT_EQ(items.front().severity, Severity::kHigh);
  f.sort = "-last_seen";
  items = store->list_findings(f, all).items;
  EXPECT_EQ(items.front().last_seen, day(1));
  f.sort = "last_seen";
  EXPECT_EQ(store->list_findings(f, all).items.front().last_seen, day(0));
  f.sort = "check";
  items = store->list_findings(f, all).items;
  for (size_t i = 1; i < items.size(); ++i) EXPECT_LE(items[i - 1].check_id, items[i].check_id);
  f.sort = "resource";
  items = store->list_findings(f, all).items;
  for (size_t i = 1; i < items.size(); ++i) EXPECT_LE(items[i - 1].resource_name, items[i].resource_name);
  f.sort = "name; DROP TABLE findings";
  try {
    store->list_findings(f, all);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kInvalid);
  }
}

TEST_F(QueryTest, PagingCoversEverythingOnceWithTotal) {
  std::set<std::string> seen;
  for (int page = 1; page <= 5; ++page) {
    auto p = store->list_findings({}, PageRequest{page, 4});
    EXPECT_EQ(p.total, 19);
    EXPECT_EQ(p.page, page);
    EXPECT_EQ(p.page_size, 4);
    EXPECT_EQ(p.items.size(), page < 5 ? 4u : 3u);
    for (const auto& i : p.items) EXPECT_TRUE(seen.insert(i.id).second) << "duplicate across pages";
  }
  EXPECT_EQ(seen.size(), 19u);
  auto beyond = store->list_findings({}, PageRequest{9, 4});
  EXPECT_EQ(beyond.total, 19);
  EXPECT_TRUE(beyond.items.empty());
  auto clamped = store->list_findings({}, PageRequest{0, 100000});
  EXPECT_EQ(clamped.page, 1);
  EXPECT_EQ(clamped.page_size, 500);
}

TEST_F(QueryTest, ForEachFindingStreamsTheFilteredSetInOrder) {
  FindingFilter f;
  f.statuses = {FindingStatus::kOpen};
  f.sort = "check";
  std::vector<std::string> streamed;
  store->for_each_finding(f, [&](const FindingRow& r) {
    streamed.push_back(r.id);
    return true;
  });
  std::vector<std::string> paged;
  for (const auto& r : store->list_findings(f, PageRequest{1, 500}).items) paged.push_back(r.id);
  EXPECT_EQ(streamed, paged);
  EXPECT_EQ(streamed.size(), 15u);
  int seen = 0;
  store->for_each_finding(f, [&](const FindingRow&) { return ++seen < 4; });
  EXPECT_EQ(seen, 4);
  // The interface's default (paging) gives the same answer.
  std::vector<std::string> by_default;
  store->Store::for_each_finding(f, [&](const FindingRow& r) {
    by_default.push_back(r.id);
    return true;
  });
  EXPECT_EQ(by_default, paged);
}

TEST_F(QueryTest, FindingDetailHasHistoryAndItsResource) {
  FindingFilter f;
  f.q = "bucket-2";
  auto row = store->list_findings(f, {}).items.at(0);
  auto d = store->get_finding(row.id);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->finding.resource_arn, "arn:aws:s3:::bucket-2");
  EXPECT_EQ(d->finding.title, "S3 bucket versioning is enabled");
  ASSERT_EQ(d->history.size(), 1u);
  EXPECT_EQ(d->history[0].status, FindingStatus::kOpen);
  ASSERT_TRUE(d->resource_id);
  auto r = store->get_resource(*d->resource_id);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->resource.arn, "arn:aws:s3:::bucket-2");
  EXPECT_EQ(r->raw["Name"], "bucket-2");
  EXPECT_EQ(r->props["versioning"], false);
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].id, row.id);
  EXPECT_FALSE(store->get_finding("123456"));
  EXPECT_FALSE(store->get_finding("abc"));
  EXPECT_FALSE(store->get_resource("0"));
}

TEST_F(QueryTest, DashboardAggregates) {
  Dashboard d = store->dashboard(std::nullopt, day(1));
  EXPECT_EQ(d.accounts_monitored, 2);
  EXPECT_EQ(d.services_in_use, 2);  // s3, ec2 (the account has no resource row)
  EXPECT_EQ(d.open_by_severity[Severity::kCritical], 6);
  EXPECT_EQ(d.open_by_severity[Severity::kHigh], 9);
  EXPECT_EQ(d.open_by_severity[Severity::kMedium], 0);
  EXPECT_EQ(d.open_by_severity.size(), 5u);
  // The worst first, then the most (issue 9: by count alone, 9 high s3_versioning
  // FAILs came before the critical ones).
  ASSERT_EQ(d.top_failing_checks.size(), 3u);
  EXPECT_EQ(d.top_failing_checks[0].check_id, "ec2_ssh");
  EXPECT_EQ(d.top_failing_checks[0].severity, Severity::kCritical);
  EXPECT_EQ(d.top_failing_checks[1].check_id, "iam_root_mfa");
  EXPECT_EQ(d.top_failing_checks[1].severity, Severity::kCritical);
  EXPECT_GE(d.top_failing_checks[0].count, d.top_failing_checks[1].count);
  EXPECT_EQ(d.top_failing_checks[2].check_id, "s3_versioning");
  EXPECT_EQ(d.top_failing_checks[2].count, 9);
  EXPECT_EQ(d.top_failing_checks[2].title, "S3 bucket versioning is enabled");
  ASSERT_TRUE(d.last_scan);
  EXPECT_EQ(d.last_scan->provider_id, b);
  EXPECT_EQ(store->dashboard(std::nullopt, day(1), 1).top_failing_checks.size(), 1u);
  // A cancelled (interrupted) or failed scan does not become the dashboard's last scan.
  for (auto st : {ScanStatus::kInterrupted, ScanStatus::kFailed}) {
    run_scan(a, {}, {}, day(1, 60), st);
    EXPECT_EQ(store->dashboard(std::nullopt, day(1, 120)).last_scan->id, d.last_scan->id) << to_string(st);
  }

  Dashboard da = store->dashboard(a, day(1));
  EXPECT_EQ(da.accounts_monitored, 1);
  EXPECT_EQ(da.open_by_severity[Severity::kHigh], 6);
  EXPECT_EQ(da.last_scan->provider_id, a);
  // Muting takes a finding out of the open counts.
  FindingFilter f;
  f.checks = {"iam_root_mfa"};
  store->mute_finding(store->list_findings(f, {}).items.at(0).id, "break-glass", std::nullopt, "alice", day(1));
  EXPECT_EQ(store->dashboard(a, day(1)).open_by_severity[Severity::kCritical], 5);
}

TEST_F(QueryTest, OpenOverTimeCarriesTheLastCountForward) {
  // A: 12 open at day 0; B: 3 open at day 1. Then A fixes 6 buckets on day 3.
  std::vector<Finding> fa;
  for (int i = 0; i < 10; ++i) fa.push_back(make_finding("s3_versioning", "arn:aws:s3:::bucket-" + std::to_string(i), kPass));
  run_scan(a, fa, {}, day(3), ScanStatus::kSucceeded, std::vector<std::string>{"s3_versioning"});
  Dashboard d = store->dashboard(std::nullopt, day(4, 100), 10, 7);
  ASSERT_EQ(d.open_over_time.size(), 7u);
  EXPECT_EQ(d.open_over_time.front().date, "2026-11-28");
  EXPECT_EQ(d.open_over_time.back().date, "2026-12-04");
  std::vector<int64_t> open;
  for (const auto& p : d.open_over_time) open.push_back(p.open);
  EXPECT_EQ(open, (std::vector<int64_t>{0, 0, 12, 15, 15, 9, 9}));
  Dashboard db = store->dashboard(b, day(4), 10, 3);
  std::vector<int64_t> ob;
  for (const auto& p : db.open_over_time) ob.push_back(p.open);
  EXPECT_EQ(ob, (std::vector<int64_t>{3, 3, 3}));
}

TEST_F(QueryTest, InventorySummaryAndResources) {
  auto sum = store->inventory_summary(std::nullopt);
  ASSERT_EQ(sum.size(), 3u);
  EXPECT_EQ(sum[0].service, "ec2");
  EXPECT_EQ(sum[0].type, "AWS::EC2::SecurityGroup");
  EXPECT_EQ(sum[0].region, "eu-west-1");
  EXPECT_EQ(sum[0].count, 5);
  EXPECT_EQ(sum[1].service, "s3");
  EXPECT_EQ(sum[1].region, "us-east-1");
  EXPECT_EQ(sum[1].count, 10);
  EXPECT_EQ(sum[2].region, "us-west-2");
  EXPECT_EQ(store->inventory_summary(b).size(), 1u);

  EXPECT_EQ(store->list_resources({}, {}).total, 18);
  ResourceFilter rf;
  rf.service = "s3";
  EXPECT_EQ(store->list_resources(rf, {}).total, 13);
  rf.region = "us-west-2";
  EXPECT_EQ(store->list_resources(rf, {}).total, 3);
  rf = {};
  rf.type = "AWS::EC2::SecurityGroup";
  EXPECT_EQ(store->list_resources(rf, {}).total, 5);
  rf = {};
  rf.q = "100%";
  auto found = store->list_resources(rf, {});
  ASSERT_EQ(found.total, 1);
  EXPECT_EQ(found.items[0].name, "100%_bucket");
  EXPECT_EQ(found.items[0].tags.at("env"), "prod");
  EXPECT_EQ(found.items[0].account, "444455556666");
  rf = {};
  rf.provider_id = a;
  auto page = store->list_resources(rf, PageRequest{2, 10});
  EXPECT_EQ(page.total, 15);
  EXPECT_EQ(page.items.size(), 5u);
}

// An OU's accounts: findings, resources, the inventory summary and the scan
// history of a set of providers, each in one query whose total and pages are
// those of the whole set (issue 11 §3). A third provider C, outside the set,
// proves the narrowing.
TEST_F(QueryTest, ASetOfProvidersNarrowsFindingsResourcesInventoryAndScans) {
  std::string c = add_provider("C");
  Finding fc = make_finding("s3_versioning", "arn:aws:s3:::c-bucket", kFail, Severity::kHigh, "us-west-2");
  fc.account = "777788889999";
  run_scan(c, {fc}, {make_resource("arn:aws:s3:::c-bucket", "AWS::S3::Bucket", "us-west-2")}, day(2));
  ASSERT_EQ(count(FindingFilter{}), 20);

  FindingFilter f;
  f.provider_ids = std::vector<std::string>{a, b};
  EXPECT_EQ(count(f), 19);
  f.provider_ids = std::vector<std::string>{b, c};
  EXPECT_EQ(count(f), 4);
  f.provider_ids = std::vector<std::string>{b, "not-an-id", "999"};  // ids that name nothing add nothing
  EXPECT_EQ(count(f), 3);
  f.provider_ids = std::vector<std::string>{};  // an OU without accounts: nothing, never everything
  EXPECT_EQ(count(f), 0);
  f.provider_ids = std::vector<std::string>{"not-an-id"};
  EXPECT_EQ(count(f), 0);
  f.provider_ids = std::vector<std::string>{a, c};
  f.provider_id = c;  // both hold
  EXPECT_EQ(count(f), 1);
  f.provider_id = b;
  EXPECT_EQ(count(f), 0);

  // Totals from finding_stats (severity, status) and from the rows (region) agree with a recount.
  f = {};
  f.provider_ids = std::vector<std::string>{a, c};
  f.severities = {Severity::kHigh};
  f.statuses = {FindingStatus::kOpen};
  EXPECT_EQ(count(f), 7);  // A's 6 open high buckets and C's one
  f = {};
  f.provider_ids = std::vector<std::string>{b, c};
  f.regions = {"us-west-2"};
  EXPECT_EQ(count(f), 4);

  // Paging over the set: every finding of A and C once, none of B; the export streams the same.
  f = {};
  f.provider_ids = std::vector<std::string>{c, a};
  std::set<std::string> seen;
  for (int page = 1; page <= 5; ++page) {
    auto p = store->list_findings(f, PageRequest{page, 4});
    EXPECT_EQ(p.total, 17);
    EXPECT_EQ(p.items.size(), page < 5 ? 4u : 1u);
    for (const auto& i : p.items) {
      EXPECT_TRUE(seen.insert(i.id).second) << "duplicate across pages";
      EXPECT_NE(i.provider_id, b);
    }
  }
  EXPECT_EQ(seen.size(), 17u);
  std::set<std::string> streamed;
  store->for_each_finding(f, [&](const FindingRow& r) {
    streamed.insert(r.id);
    return true;
  });
  EXPECT_EQ(streamed, seen);

  // Resources and the inventory summary.
  ResourceFilter rf;
  rf.provider_ids = std::vector<std::string>{b, c};
  auto res = store->list_resources(rf, PageRequest{1, 3});
  EXPECT_EQ(res.total, 4);
  EXPECT_EQ(res.items.size(), 3u);
  for (const auto& r : res.items) EXPECT_NE(r.provider_id, a);
  rf.service = "ec2";
  EXPECT_EQ(store->list_resources(rf, {}).total, 0);
  rf = {};
  rf.provider_ids = std::vector<std::string>{};
  EXPECT_EQ(store->list_resources(rf, {}).total, 0);
  auto sum = store->inventory_summary(std::vector<std::string>{b, c});
  ASSERT_EQ(sum.size(), 1u);
  EXPECT_EQ(sum[0].region, "us-west-2");
  EXPECT_EQ(sum[0].count, 4);
  EXPECT_EQ(store->inventory_summary(std::vector<std::string>{a, b, c}).size(), 3u);
  EXPECT_TRUE(store->inventory_summary(std::vector<std::string>{}).empty());

  // The scan history: newest first, paged over the set.
  store->create_scan(a, {}, {}, day(3));  // queued, A's second
  auto scans = store->list_scans(std::vector<std::string>{a, c}, PageRequest{1, 2});
  EXPECT_EQ(scans.total, 3);
  ASSERT_EQ(scans.items.size(), 2u);
  EXPECT_EQ(scans.items[0].provider_id, a);
  EXPECT_EQ(scans.items[1].provider_id, c);
  auto second = store->list_scans(std::vector<std::string>{a, c}, PageRequest{2, 2});
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].provider_id, a);
  EXPECT_EQ(store->list_scans(std::vector<std::string>{b}, {}).total, 1);
  EXPECT_EQ(store->list_scans(std::vector<std::string>{}, {}).total, 0);
  EXPECT_EQ(store->list_scans(std::vector<std::string>{"nope"}, {}).total, 0);
}

TEST_F(QueryTest, CheckSummariesForTheComplianceRollup) {
  auto sums = store->check_summaries(a);
  ASSERT_EQ(sums.size(), 3u);
  std::map<std::string, ScanCounts> by;
  for (const auto& s : sums) by[s.check_id] = s.counts;
  EXPECT_EQ(by["s3_versioning"].fail, 6);
  EXPECT_EQ(by["s3_versioning"].pass, 4);
  EXPECT_EQ(by["ec2_ssh"].fail, 5);
  EXPECT_EQ(by["iam_root_mfa"].fail, 1);
  EXPECT_EQ(store->check_summaries(std::nullopt).size(), 3u);
}

}  // namespace
}  // namespace cloudpeek::store

namespace cloudpeek::store {
namespace {

// finding_stats (what the dashboard reads) must always equal a recount of the findings.
TEST_F(QueryTest, FindingStatsStayEqualToARecount) {
  auto check = [&](const char* when) {
    sqlite::Db db(db_path(), 5000);
    auto s = db.prepare_uncached(
        "SELECT COUNT(*) FROM (SELECT provider_id, check_id, severity, status, COUNT(*) AS n FROM findings "
        "GROUP BY 1, 2, 3, 4) f FULL OUTER JOIN (SELECT * FROM finding_stats WHERE n <> 0) s "
        "ON s.provider_id = f.provider_id AND s.check_id = f.check_id AND s.severity = f.severity "
        "AND s.status = f.status WHERE f.n IS NOT s.n");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.i64(0), 0) << when;
  };
  check("after the scans");
  FindingFilter f;
  f.checks = {"ec2_ssh"};
  auto items = store->list_findings(f, {}).items;
  store->mute_finding(items.at(0).id, "r", day(5), "alice", day(1));
  store->mute_finding(items.at(1).id, "r", std::nullopt, "alice", day(1));
  check("after mutes");
  store->unmute_finding(items.at(1).id, "alice", day(2));
  store->expire_mutes(day(6));
  check("after unmute and expiry");
  run_scan(a, {make_finding("ec2_ssh", items.at(2).resource_arn, kPass, Severity::kCritical, "eu-west-1", "ec2",
                            "AWS::EC2::SecurityGroup")},
           {}, day(7), ScanStatus::kSucceeded, std::vector<std::string>{"ec2_ssh"});
  check("after a publish that resolves");
  store->delete_provider(b, "alice");
  check("after deleting a provider");
}

}  // namespace
}  // namespace cloudpeek::store

namespace cloudpeek::store {
namespace {

// Hostile text is data: quotes, SQL, markup, NUL bytes, invalid UTF-8 and
// wildcards come back byte for byte and search as literals.
TEST_F(QueryTest, HostileStringsRoundTripAsData) {
  const std::string nul("name\0with-nul", 13);
  const std::string bad_utf8 = "bad-\xff\xfe-utf8";
  std::vector<std::string> names = {"'; DROP TABLE findings; --", "<script>alert(1)</script>", nul, bad_utf8,
                                    "emoji-\xf0\x9f\x94\x92", "back\\slash%_"};
  std::vector<Finding> fs;
  std::vector<Resource> rs;
  for (size_t i = 0; i < names.size(); ++i) {
    std::string arn = "arn:aws:s3:::hostile-" + std::to_string(i);
    Finding f = make_finding("s3_versioning", arn, kFail);
    f.resource_name = names[i];
    f.detail = "detail " + names[i];
    fs.push_back(f);
    Resource r = make_resource(arn);
    r.name = names[i];
    r.tags = {{"k'\"", names[i]}};
    r.raw = {{"Name", bad_utf8}};
    rs.push_back(r);
  }
  std::string c = add_provider("C");
  run_scan(c, fs, rs, day(2));
  FindingFilter f;
  f.provider_id = c;
  f.sort = "check";
  std::set<std::string> got;
  for (const auto& row : store->list_findings(f, {}).items) {
    got.insert(row.resource_name);
    EXPECT_EQ(row.detail, "detail " + row.resource_name);
  }
  EXPECT_EQ(got, std::set<std::string>(names.begin(), names.end()));
  for (const auto& name : names) {
    FindingFilter q;
    q.provider_id = c;
    q.q = name;
    EXPECT_EQ(store->list_findings(q, {}).total, 1) << "search for a hostile name";
  }
  ResourceFilter rf;
  rf.provider_id = c;
  rf.q = "'; DROP";
  auto res = store->list_resources(rf, {});
  ASSERT_EQ(res.total, 1);
  EXPECT_EQ(res.items[0].tags.at("k'\""), names[0]);
  auto detail = store->get_resource(res.items[0].id);
  ASSERT_TRUE(detail);
  EXPECT_TRUE(detail->raw.contains("Name"));  // invalid UTF-8 replaced, not a failure
  // The tables are all still there.
  EXPECT_EQ(store->list_findings({}, {}).total, 19 + static_cast<int64_t>(names.size()));
}

}  // namespace
}  // namespace cloudpeek::store
