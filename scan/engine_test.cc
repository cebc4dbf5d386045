// The scan engine against fakeaws (scenarios/basic.json), with small test
// collectors and checks registered here and selected by their service names
// ("scantest_*"), so the project's real collectors and checks stay out.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "aws/core/time_format.h"
#include "checks/check.h"
#include "collect/collector.h"
#include "scan/check_selection.h"
#include "scan/engine.h"
#include "tests/integration/integration_support.h"

namespace cloudpeek::scan {
namespace {

using namespace std::chrono_literals;
using collect::CollectContext;
using testing::FakeAws;

constexpr const char* kUser = "Test::IAM::User";
constexpr const char* kKeys = "Test::IAM::UserKeys";
constexpr const char* kInstance = "Test::EC2::Instance";
constexpr const char* kRole = "Test::IAM::Role";
constexpr const char* kKey = "Test::KMS::Key";

Resource make(const CollectContext& ctx, std::string type, std::string id, std::string region) {
  Resource r;
  r.type = std::move(type);
  r.id = r.name = id;
  r.account = ctx.account();
  r.region = std::move(region);
  r.arn = "arn:" + ctx.partition() + ":test:" + (r.region == "global" ? "" : r.region) + ":" + ctx.account() + ":" +
          r.type + "/" + id;
  return r;
}

// Users, then one dependent ListAccessKeys per user, spawned as each user arrives.
const collect::RegisterCollector users_collector({
    .service = "scantest_users",
    .global = true,
    .produces = {kUser, kKeys},
    .collect =
        [](CollectContext& ctx, const std::string& region) {
          auto users = collect::call_all_pages(ctx, "iam", "ListUsers", json::object(), region);
          if (!users) return collect::record_failure(ctx, users.error(), "iam", "ListUsers", region, {kUser, kKeys});
          for (const auto& u : (*users)["Users"]) {
            std::string name = u.value("UserName", "");
            Resource user = make(ctx, kUser, name, "global");
            user.raw = u;  // what AWS answered, as real collectors keep it
            ctx.emit(std::move(user));
            ctx.spawn([&ctx, name, region] {
              Resource keys = make(ctx, kKeys, name, "global");
              auto r = ctx.call("iam", "ListAccessKeys", json{{"UserName", name}}, region);
              if (!r) collect::record_missing(ctx, keys, "keys", r.error(), "iam", "ListAccessKeys");
              ctx.emit(std::move(keys));
            });
          }
        },
});

const collect::RegisterCollector instances_collector({
    .service = "scantest_instances",
    .produces = {kInstance},
    .collect =
        [](CollectContext& ctx, const std::string& region) {
          auto out = collect::call_all_pages(ctx, "ec2", "DescribeInstances", json::object(), region);
          if (!out) return collect::record_failure(ctx, out.error(), "ec2", "DescribeInstances", region, {kInstance});
          for (const auto& res : (*out)["Reservations"])
            for (const auto& i : res["Instances"]) ctx.emit(make(ctx, kInstance, i.value("InstanceId", ""), region));
        },
});

// N calls at once (spawned), for the caps; when each was answered, as the client saw it.
std::atomic<int> burst_calls{40};
std::mutex answered_mu;
std::vector<std::chrono::steady_clock::time_point> answered;
const collect::RegisterCollector burst_collector({
    .service = "scantest_burst",
    .global = true,
    .produces = {kRole},
    .collect =
        [](CollectContext& ctx, const std::string& region) {
          for (int i = 0; i < burst_calls; ++i)
            ctx.spawn([&ctx, region] {
              auto r = ctx.call("iam", "ListRoles", json::object(), region);
              {
                std::lock_guard lock(answered_mu);
                answered.push_back(std::chrono::steady_clock::now());
              }
              if (!r) collect::record_failure(ctx, r.error(), "iam", "ListRoles", region, {kRole});
            });
        },
});

// One slow listing (fakeaws adds latency to kms:ListKeys in the test).
const collect::RegisterCollector slow_collector({
    .service = "scantest_slow",
    .produces = {kKey},
    .collect =
        [](CollectContext& ctx, const std::string& region) {
          auto r = ctx.call("kms", "ListKeys", json::object(), region);
          if (!r) collect::record_failure(ctx, r.error(), "kms", "ListKeys", region, {kKey});
        },
});

// A collector whose API is throttled hard (the test sets iam:ListRoles to
// 4/s), fanning out over 40 calls, and a quick one that fans out over 20 calls
// of another API once the throttled one holds the pool.
std::atomic<int> throttled_answered{0}, quick_answered{0};
std::atomic<int64_t> quick_spawned_ns{0}, quick_done_ns{0};
int64_t now_ns() { return std::chrono::steady_clock::now().time_since_epoch().count(); }
const collect::RegisterCollector throttled_collector({
    .service = "scantest_throttled",
    .global = true,
    .produces = {"Test::IAM::Throttled"},
    .collect =
        [](CollectContext& ctx, const std::string& region) {
          for (int i = 0; i < 40; ++i)
            ctx.spawn([&ctx, region] {
              if (ctx.call("iam", "ListRoles", json::object(), region)) ++throttled_answered;
            });
        },
});
const collect::RegisterCollector quick_collector({
    .service = "scantest_quick",
    .global = true,
    .produces = {"Test::EC2::Quick"},
    .collect =
        [](CollectContext& ctx, const std::string& region) {
          auto until = std::chrono::steady_clock::now() + 5s;
          while (throttled_answered < 2 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(5ms);
          quick_spawned_ns = now_ns();
          for (int i = 0; i < 20; ++i)
            ctx.spawn([&ctx, region] {
              if (ctx.call("ec2", "DescribeInstances", json::object(), region) && ++quick_answered == 20)
                quick_done_ns = now_ns();
            });
        },
});

CheckMetadata meta(std::string id, std::string service, std::string type, Severity sev = Severity::kHigh) {
  CheckMetadata m;
  m.id = std::move(id);
  m.title = m.id;
  m.service = std::move(service);
  m.resource_type = std::move(type);
  m.severity = sev;
  return m;
}

// No context: evaluated as each user streams in.
const checks::RegisterCheck user_check({
    .meta = meta("scantest_user_named", "scantest_users", kUser),
    .context_types = {},
    .evaluate = [](const Resource& r, const Inventory&) {
      return r.name.empty() ? checks::fail("no name") : checks::pass("named " + r.name);
    },
});

// Reads the users as context: instances wait until every user is collected.
const checks::RegisterCheck instance_check({
    .meta = meta("scantest_instance_has_users", "scantest_instances", kInstance, Severity::kMedium),
    .context_types = {kUser},
    .evaluate = [](const Resource& r, const Inventory& inv) {
      if (auto why = inv.gap_any_region(kUser)) return checks::not_assessed(*why);
      return inv.of_type(kUser).size() >= 5 ? checks::fail("account has users") : checks::pass("few users");
    },
});

// Reads the users as context too, their props only (Check::context_raw empty):
// its detail says how many users the engine held with their raw answer.
const checks::RegisterCheck users_raw_check({
    .meta = meta("scantest_instance_users_raw", "scantest_raw", kInstance, Severity::kLow),
    .context_types = {kUser},
    .context_raw = std::vector<std::string>{},
    .evaluate = [](const Resource& r, const Inventory& inv) {
      size_t with_raw = 0;
      for (const auto& u : inv.of_type(kUser)) with_raw += !u.raw.empty();
      return checks::pass(std::to_string(inv.of_type(kUser).size()) + " users, " + std::to_string(with_raw) +
                          " with raw");
    },
});

// An analysis of the inventory shared by a check's evaluations, memoised per
// inventory and freed through checks::release_shared_analyses, as
// checks/iam_analysis.cc does with the IAM principal graph.
struct SharedCount {
  std::mutex mu;
  std::map<const Inventory*, std::shared_ptr<const size_t>> memo;
  size_t builds = 0;
} shared_count;

const checks::RegisterSharedAnalysis shared_count_release([](const Inventory& inv) {
  std::lock_guard lock(shared_count.mu);
  shared_count.memo.erase(&inv);
});

const checks::RegisterCheck users_shared_check({
    .meta = meta("scantest_user_shared", "scantest_shared", kUser, Severity::kLow),
    .context_types = {kUser},
    .evaluate = [](const Resource&, const Inventory& inv) {
      std::lock_guard lock(shared_count.mu);
      auto& a = shared_count.memo[&inv];
      if (!a) {
        a = std::make_shared<const size_t>(inv.of_type(kUser).size());
        ++shared_count.builds;
      }
      return checks::pass(std::to_string(*a) + " users");
    },
});

// Issue 13: a check that waits for its context (kGate), on a type that is
// itself kept as context (the gate check reads the items): the items it has
// to wait for are judged from the context inventory, not copied into a
// buffer. The stream emits half its items, lets the gate complete, and emits
// the rest from four tasks at once, so items arrive before, while and after
// the item check becomes ready.
constexpr const char* kItem = "Test::Stream::Item";
constexpr const char* kGate = "Test::Stream::Gate";
constexpr int kItems = 400;
std::atomic<bool> first_half_emitted{false};
std::mutex judged_mu;
std::map<std::string, int> judged;  // item id → times the item check judged it

Resource item(const CollectContext& ctx, int n) {
  Resource r = make(ctx, kItem, "item-" + std::to_string(n), "global");
  r.props["n"] = n;
  r.props["unread"] = std::string(256, 'x');  // no selected check reads it
  return r;
}

const collect::RegisterCollector stream_collector({
    .service = "scantest_stream",
    .global = true,
    .produces = {kItem},
    .collect =
        [](CollectContext& ctx, const std::string&) {
          for (int n = 0; n < kItems / 2; ++n) ctx.emit(item(ctx, n));
          first_half_emitted = true;
          for (int t = 0; t < 4; ++t)
            ctx.spawn([&ctx, t] {
              for (int n = kItems / 2 + t; n < kItems; n += 4) {
                ctx.emit(item(ctx, n));
                std::this_thread::sleep_for(100us);
              }
            });
        },
});

const collect::RegisterCollector gate_collector({
    .service = "scantest_gate",
    .global = true,
    .produces = {kGate},
    .collect =
        [](CollectContext& ctx, const std::string&) {
          auto until = std::chrono::steady_clock::now() + 5s;
          while (!first_half_emitted && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(1ms);
          ctx.emit(make(ctx, kGate, "gate", "global"));
        },
});

const checks::RegisterCheck item_check({
    .meta = meta("scantest_stream_item", "scantest_stream", kItem, Severity::kLow),
    .context_types = {kGate},
    .reads = {"n"},
    .evaluate = [](const Resource& r, const Inventory& inv) {
      {
        std::lock_guard lock(judged_mu);
        ++judged[r.id];
      }
      if (!r.prop("n")) return checks::not_assessed("no n");
      return inv.of_type(kGate).empty() ? checks::fail("no gate") : checks::pass("gate seen");
    },
});

const checks::RegisterCheck gate_check({
    .meta = meta("scantest_stream_gate", "scantest_gate", kGate, Severity::kLow),
    .context_types = {kItem},
    .reads = {"Test::Stream::Item.n"},
    .evaluate = [](const Resource&, const Inventory& inv) {
      return checks::pass(std::to_string(inv.of_type(kItem).size()) + " items");
    },
});

class StatusLog : public FindingSink {
 public:
  explicit StatusLog(const ScanEngine* engine = nullptr) : engine_(engine) {}
  void on_finding(const Finding& f) override {
    std::lock_guard lock(mu);
    findings.push_back(f);
    if (engine_) phases.push_back(engine_->progress().snapshot().phase);
  }
  std::vector<Finding> of(std::string_view check) const {
    std::vector<Finding> out;
    for (const auto& f : findings)
      if (f.check_id == check) out.push_back(f);
    return out;
  }
  std::mutex mu;
  std::vector<Finding> findings;
  std::vector<ScanPhase> phases;

 private:
  const ScanEngine* engine_;
};

class ScanEngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fake_ = new FakeAws(); }
  static void TearDownTestSuite() {
    delete fake_;
    fake_ = nullptr;
  }
  void SetUp() override { fake_->reset(); }

  ScanOptions options(std::vector<std::string> services, std::vector<std::string> regions = {"us-east-1", "eu-west-1"}) {
    ScanOptions o;
    o.services = std::move(services);
    o.regions = std::move(regions);
    return o;
  }
  std::unique_ptr<ScanEngine> engine(ScanOptions o) {
    return std::make_unique<ScanEngine>(client, ScanIdentity{testing::kAccount, testing::kAliceArn}, std::move(o));
  }

  testing::CleanEnv env;
  static FakeAws* fake_;
  std::shared_ptr<Transport> transport = std::make_shared<Transport>();
  AwsClient client{testing::fake_config(*fake_), testing::static_credentials(testing::kAlice), transport};
};

FakeAws* ScanEngineTest::fake_ = nullptr;

double seconds_of(const std::string& iso) {
  // "2026-11-25T10:00:01.123456Z" → seconds within the day (tests run for seconds).
  int h = std::stoi(iso.substr(11, 2)), m = std::stoi(iso.substr(14, 2));
  return h * 3600 + m * 60 + std::stod(iso.substr(17, iso.size() - 18));
}

TEST_F(ScanEngineTest, StreamsResourcesIntoChecksAndRetainsOnlyContext) {
  auto e = engine(options({"scantest_users", "scantest_instances"}));
  StatusLog sink(e.get());
  ScanResult result = e->run(sink);

  EXPECT_FALSE(result.cancelled);
  EXPECT_TRUE(result.gaps.empty()) << result.gaps[0].reason();
  EXPECT_EQ(result.regions_scanned, (std::vector<std::string>{"us-east-1", "eu-west-1"}));
  EXPECT_EQ(result.checks_run, (std::vector<std::string>{"scantest_instance_has_users", "scantest_user_named"}));

  size_t users = result.resources_by_type[kUser];
  size_t instances = result.resources_by_type[kInstance];
  ASSERT_GE(users, 5u);
  ASSERT_GE(instances, 2u);
  EXPECT_EQ(result.resources_by_type[kKeys], users);  // one dependent call per user
  EXPECT_EQ(sink.of("scantest_user_named").size(), users);
  auto inst = sink.of("scantest_instance_has_users");
  ASSERT_EQ(inst.size(), instances);
  for (const auto& f : inst) EXPECT_EQ(f.status, CheckStatus::kFail) << f.detail;

  // Checks without context run while collection is still going on.
  size_t during = 0;
  for (size_t i = 0; i < sink.findings.size(); ++i)
    if (sink.findings[i].check_id == "scantest_user_named" && sink.phases[i] == ScanPhase::kCollecting) ++during;
  EXPECT_EQ(during, users);

  // Memory: only the context type (users) is kept; instances and key lists streamed through.
  ProgressSnapshot p = e->progress().snapshot();
  EXPECT_EQ(p.resources_retained, users);
  EXPECT_EQ(p.resources_buffered, 0u);
  EXPECT_LE(p.peak_buffered, instances);

  // Progress agrees with the result and the sink.
  EXPECT_EQ(p.phase, ScanPhase::kDone);
  EXPECT_EQ(p.calls_done, result.api_calls);
  EXPECT_EQ(p.calls_in_flight, 0u);
  EXPECT_EQ(p.calls_failed, 0u);
  EXPECT_EQ(p.resources, result.resources());
  EXPECT_EQ(p.checks_evaluated, sink.findings.size());
  EXPECT_EQ(p.checks_evaluated, result.findings.total());
  EXPECT_EQ(p.findings(CheckStatus::kFail), result.findings[CheckStatus::kFail]);
  EXPECT_EQ(p.collector_runs_total, 3u);  // users once, instances in two regions
  EXPECT_EQ(p.collector_runs_done, 3u);
  EXPECT_EQ(result.findings_by_severity[Severity::kMedium][CheckStatus::kFail], instances);
  EXPECT_EQ(result.findings_by_service["scantest_users"][CheckStatus::kPass], users);
  // fakeaws saw exactly the calls the engine counted.
  EXPECT_EQ(testing::logged_requests(*fake_).size(), result.api_calls);
}

// Applies to the users whose name has an even length only (as an ALB check
// applies to application load balancers only): the others get no finding.
const checks::RegisterCheck user_even_check({
    .meta = meta("scantest_user_even_named", "scantest_users_even", kUser),
    .context_types = {},
    .evaluate = [](const Resource& r, const Inventory&) {
      if (r.name.size() % 2) return checks::not_applicable("user " + r.name + " has an odd name");
      return checks::pass("even " + r.name);
    },
});

TEST_F(ScanEngineTest, AResourceACheckDoesNotApplyToGetsNoFindingAndIsNotCounted) {
  auto e = engine(options({"scantest_users", "scantest_users_even"}));
  StatusLog sink(e.get());
  ScanResult result = e->run(sink);

  size_t users = result.resources_by_type[kUser], even = 0;
  ASSERT_EQ(sink.of("scantest_user_named").size(), users);
  for (const auto& f : sink.of("scantest_user_named")) even += f.resource_name.size() % 2 == 0;
  ASSERT_GT(even, 0u);
  ASSERT_LT(even, users) << "the scenario needs users of both kinds";
  auto got = sink.of("scantest_user_even_named");
  EXPECT_EQ(got.size(), even);
  for (const auto& f : got) EXPECT_EQ(f.resource_name.size() % 2, 0u) << f.resource_name;
  EXPECT_EQ(result.findings_by_service["scantest_users_even"][CheckStatus::kPass], even);
  EXPECT_EQ(result.findings_by_service["scantest_users_even"][CheckStatus::kNotAssessed], 0u);
  EXPECT_EQ(e->progress().snapshot().checks_evaluated, users + even);
  EXPECT_EQ(result.findings.total(), users + even);
}

// A collector whose service files no check under its own name (as sesv2's
// identities are judged by the ses checks): naming it selects the checks of the
// types it collects; a service that files checks selects only its own.
constexpr const char* kUserV2 = "Test::IAMv2::User";
const collect::RegisterCollector users_v2_collector({
    .service = "scantest_users_v2",
    .global = true,
    .produces = {kUserV2},
    .collect = [](CollectContext&, const std::string&) {},
});
const checks::RegisterCheck user_v2_check({
    .meta = meta("scantest_user_v2_named", "scantest_v2_checks", kUserV2),
    .context_types = {},
    .evaluate = [](const Resource& r, const Inventory&) { return checks::pass("named " + r.name); },
});

TEST(CheckSelection, ACollectorOnlyServiceSelectsTheChecksOfItsTypes) {
  auto ids = [](const std::vector<std::string>& services) {
    std::vector<std::string> out;
    CheckFilter filter;
    filter.services = services;
    for (const auto* c : select_checks(filter)) out.push_back(c->meta.id);
    return out;
  };
  EXPECT_EQ(ids({"scantest_users_v2"}), std::vector<std::string>{"scantest_user_v2_named"});
  EXPECT_EQ(ids({"scantest_v2_checks"}), std::vector<std::string>{"scantest_user_v2_named"});
  EXPECT_EQ(ids({"scantest_users"}), std::vector<std::string>{"scantest_user_named"});
  EXPECT_EQ(ids({"scantest_users", "scantest_instances"}),
            (std::vector<std::string>{"scantest_instance_has_users", "scantest_user_named"}));
}

// Two regional collectors with one listing call each: "wide" lists many
// resource types (as EC2 does, whose per-snapshot reads then wait behind
// EC2's rate), "narrow" one. With calls scarcer than runs, wide's listings go first.
const collect::RegisterCollector wide_collector({
    .service = "scantest_wide",
    .produces = {"Test::Wide::A", "Test::Wide::B", "Test::Wide::C", "Test::Wide::D", "Test::Wide::E",
                 "Test::Wide::F"},
    .collect = [](CollectContext& ctx, const std::string& region) {
      ctx.call("ec2", "DescribeInstances", json::object(), region);
    },
});
const collect::RegisterCollector narrow_collector({
    .service = "scantest_narrow",
    .produces = {"Test::Narrow::A"},
    .collect = [](CollectContext& ctx, const std::string& region) {
      ctx.call("kms", "ListKeys", json::object(), region);
    },
});

// basic.json's DescribeRegions also lists cn-north-1 and us-gov-west-1, as
// some endpoints do: only the credentials' partition (aws) is scanned (issue 9).
TEST_F(ScanEngineTest, DefaultRegionsAreTheEnabledOnes) {
  auto e = engine(options({"scantest_instances"}, {}));
  StatusLog sink;
  ScanResult result = e->run(sink);
  auto scanned = result.regions_scanned;
  std::sort(scanned.begin(), scanned.end());
  EXPECT_EQ(scanned, (std::vector<std::string>{"af-south-1", "eu-central-1", "eu-west-1", "us-east-1", "us-east-2",
                                               "us-west-2"}));
  std::vector<std::string> skipped;
  for (const auto& s : result.regions_skipped) skipped.push_back(s.name);
  std::sort(skipped.begin(), skipped.end());
  EXPECT_EQ(skipped, (std::vector<std::string>{"ap-east-1", "me-south-1"}));
  std::set<std::string> called;
  for (const auto& r : testing::logged_requests(*fake_))
    if (r.action == "DescribeInstances") called.insert(r.region);
  EXPECT_EQ(std::vector<std::string>(called.begin(), called.end()), scanned);
  // Named explicitly, a region of another partition is skipped with the reason, and never called.
  auto named = engine(options({"scantest_instances"}, {"us-east-1", "cn-north-1"}));
  StatusLog named_sink;
  ScanResult r2 = named->run(named_sink);
  EXPECT_EQ(r2.regions_scanned, std::vector<std::string>{"us-east-1"});
  ASSERT_EQ(r2.regions_skipped.size(), 1u);
  EXPECT_EQ(r2.regions_skipped[0].name, "cn-north-1");
  EXPECT_NE(r2.regions_skipped[0].reason.find("not in the credentials' partition (aws)"), std::string::npos);
  for (const auto& r : testing::logged_requests(*fake_)) EXPECT_NE(r.region, "cn-north-1");
}

TEST_F(ScanEngineTest, ExplicitDisabledRegionBecomesRegionNotEnabledGaps) {
  auto e = engine(options({"scantest_instances"}, {"us-east-1", "ap-east-1"}));
  StatusLog sink;
  ScanResult result = e->run(sink);
  EXPECT_EQ(result.regions_scanned, std::vector<std::string>{"us-east-1"});
  ASSERT_EQ(result.gaps.size(), 1u);
  EXPECT_EQ(result.gaps[0].error_kind, "region_not_enabled");
  EXPECT_EQ(result.gaps[0].region, "ap-east-1");
  EXPECT_EQ(result.gaps[0].resource_types, std::vector<std::string>{kInstance});
  EXPECT_EQ(result.gaps[0].reason(), "region ap-east-1 not enabled");
  // No call went to the disabled region.
  for (const auto& r : testing::logged_requests(*fake_)) EXPECT_NE(r.region, "ap-east-1");

  bool found = false;
  for (const auto& f : sink.of("scantest_instance_has_users")) {
    if (f.region != "ap-east-1") continue;
    found = true;
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed);
    EXPECT_EQ(f.detail, "region ap-east-1 not enabled");
  }
  EXPECT_TRUE(found);
}

TEST_F(ScanEngineTest, FailedListingGivesNotAssessedNamingTheAction) {
  fake_->set_faults(R"({"deny": ["ec2:DescribeInstances"]})");
  auto e = engine(options({"scantest_instances"}));
  StatusLog sink;
  ScanResult result = e->run(sink);
  ASSERT_EQ(result.gaps.size(), 2u);
  auto findings = sink.of("scantest_instance_has_users");
  ASSERT_EQ(findings.size(), 2u);  // one per region, no resource at all
  for (const auto& f : findings) {
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed);
    EXPECT_EQ(f.detail, "ec2:DescribeInstances denied in " + f.region + " (UnauthorizedOperation)");
  }
  EXPECT_TRUE(result.incomplete());
  ProgressSnapshot p = e->progress().snapshot();
  EXPECT_EQ(p.calls_failed, 2u);
  EXPECT_EQ(p.calls_retried, 0u) << "AccessDenied is final: nothing to retry";
  // Issue 9: failed calls are placed (which service, which region) and told
  // apart: these two lost data, one in each region.
  auto area = [](const std::vector<AreaProgress>& areas, const std::string& name) {
    for (const auto& a : areas)
      if (a.name == name) return a;
    ADD_FAILURE() << "no progress for " << name;
    return AreaProgress{};
  };
  AreaProgress svc = area(p.by_service, "scantest_instances");
  EXPECT_EQ(svc.calls_done, 2u);
  EXPECT_EQ(svc.calls_failed, 2u);
  EXPECT_EQ(svc.calls_lost, 2u);
  EXPECT_EQ(svc.runs_total, 2u);
  EXPECT_EQ(svc.runs_done, 2u);
  EXPECT_EQ(svc.tasks_outstanding, 0u);
  for (const char* region : {"us-east-1", "eu-west-1"}) {
    AreaProgress r = area(p.by_region, region);
    EXPECT_EQ(r.calls_failed, 1u) << region;
    EXPECT_EQ(r.calls_lost, 1u) << region;
  }
  // The users the instance check reads come from a global collector: its calls are "global".
  AreaProgress global = area(p.by_region, "global");
  EXPECT_GT(global.calls_done, 0u);
  EXPECT_EQ(global.calls_failed, 0u);
}

TEST_F(ScanEngineTest, ContextGapMakesDependentCheckNotAssessed) {
  fake_->set_faults(R"({"deny": ["iam:ListUsers"]})");
  auto e = engine(options({"scantest_instances"}, {"us-east-1"}));
  StatusLog sink;
  ScanResult result = e->run(sink);
  auto findings = sink.of("scantest_instance_has_users");
  ASSERT_FALSE(findings.empty());
  for (const auto& f : findings) {
    EXPECT_EQ(f.status, CheckStatus::kNotAssessed);
    EXPECT_EQ(f.detail, "iam:ListUsers denied (AccessDenied)");
  }
}

TEST_F(ScanEngineTest, RunsListingMoreTypesListFirst) {
  fake_->set_faults(R"({"rules": [{"service": "ec2", "latency_ms": 150}, {"service": "kms", "latency_ms": 150}]})");
  const std::vector<std::string> regions = {"us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1",
                                            "af-south-1"};
  ScanOptions o = options({"scantest_narrow", "scantest_wide"}, regions);
  o.max_in_flight = 1;
  auto e = engine(o);
  StatusLog sink;
  ScanResult result = e->run(sink);
  EXPECT_TRUE(result.gaps.empty());
  std::vector<std::string> order;  // the listings in the order fakeaws served them
  for (const auto& r : testing::logged_requests(*fake_))
    if (r.action == "DescribeInstances" || r.action == "ListKeys") order.push_back(r.action);
  ASSERT_EQ(order.size(), 2 * regions.size()) << result.api_calls << " calls";
  // A narrow listing may take the one slot before the wide runs have asked
  // for it; after that, every wide listing goes before the narrow ones.
  size_t narrow_before_last_wide = 0;
  size_t last_wide = 0;
  for (size_t i = 0; i < order.size(); ++i)
    if (order[i] == "DescribeInstances") last_wide = i;
  for (size_t i = 0; i < last_wide; ++i) narrow_before_last_wide += order[i] == "ListKeys";
  EXPECT_LE(narrow_before_last_wide, 1u) << ::testing::PrintToString(order);
}

TEST_F(ScanEngineTest, InFlightCallsStayWithinTheGlobalCap) {
  fake_->set_faults(R"({"service": "iam", "action": "ListRoles", "latency_ms": 150})");
  burst_calls = 24;
  ScanOptions o = options({"scantest_burst"}, {"us-east-1"});
  o.max_in_flight = 4;
  o.rate_limits.per_service["iam"] = {1000, 1000};
  auto e = engine(o);
  StatusLog sink;
  auto start = std::chrono::steady_clock::now();
  ScanResult result = e->run(sink);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(result.gaps.empty());
  ProgressSnapshot p = e->progress().snapshot();
  EXPECT_EQ(p.peak_in_flight, 4u);  // reached, never passed
  EXPECT_GE(took, 24 / 4 * 0.15 * 0.9);

  // fakeaws' view: no more than 4 ListRoles requests overlapped.
  std::vector<std::pair<double, int>> edges;
  json log = json::parse(fake_->requests())["requests"];
  for (const auto& r : log) {
    if (r.value("action", "") != "ListRoles") continue;
    double t = seconds_of(r["time"].get<std::string>());
    edges.push_back({t, +1});
    edges.push_back({t + r.value("duration_ms", 0.0) / 1000.0 - 0.005, -1});  // response written a little before
  }
  std::sort(edges.begin(), edges.end());
  int cur = 0, peak = 0;
  for (const auto& [_, d] : edges) peak = std::max(peak, cur += d);
  EXPECT_LE(peak, 4);
}

TEST_F(ScanEngineTest, RateLimitIsHonoured) {
  burst_calls = 30;
  answered.clear();
  ScanOptions o = options({"scantest_burst"}, {"us-east-1"});
  o.rate_limits.per_service["iam"] = {10, 5};  // 10 per second, burst of 5
  auto e = engine(o);
  StatusLog sink;
  auto start = std::chrono::steady_clock::now();
  ScanResult result = e->run(sink);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(result.gaps.empty());
  EXPECT_GE(took, (30 - 5) / 10.0 * 0.95);

  EXPECT_EQ(testing::count_requests(testing::logged_requests(*fake_), "ListRoles"), 30u);
  // The k-th answer cannot come before the k-th token: burst 5 at once, then
  // one every 100 ms from the start. (Answers, as the client saw them, only lag
  // the sends, so this bound holds however busy the machine is.)
  std::vector<double> times;
  for (auto t : answered) times.push_back(std::chrono::duration<double>(t - start).count());
  ASSERT_EQ(times.size(), 30u);
  std::sort(times.begin(), times.end());
  for (size_t k = 0; k < times.size(); ++k)
    EXPECT_GE(times[k], (static_cast<double>(k) + 1 - 5) / 10.0 - 0.02) << "answer " << k;
}

TEST_F(ScanEngineTest, AThrottledApiDoesNotStarveOtherCollectors) {
  throttled_answered = quick_answered = 0;
  quick_spawned_ns = quick_done_ns = 0;
  ScanOptions o = options({"scantest_throttled", "scantest_quick"}, {"us-east-1"});
  o.workers = 2;  // fewer workers than throttled tasks: they all wait for tokens
  o.rate_limits.per_action["iam:ListRoles"] = {4, 1};  // 40 calls: 10 s
  auto e = engine(o);
  StatusLog sink;
  std::thread watcher([&] {
    auto until = std::chrono::steady_clock::now() + 15s;
    while (quick_answered < 20 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(10ms);
    e->cancel();  // the throttled rest is not what this test waits for
  });
  ScanResult result = e->run(sink);
  watcher.join();
  ASSERT_EQ(quick_answered, 20);
  double quick = (quick_done_ns - quick_spawned_ns) / 1e9;
  // Unthrottled, 20 calls on 2 workers take well under a second; queued behind
  // the throttled calls they would take most of its 10 s.
  EXPECT_LT(quick, 3.0) << "the quick collector's calls waited behind the throttled API";
  EXPECT_LT(throttled_answered, 40) << "the throttled collector should still have been waiting";
}

TEST_F(ScanEngineTest, AnApiThrottledBelowTheTablesLimitSlowsDownInsteadOfLosingData) {
  // AWS allows 4 ListRoles per second, burst 2; the engine believes 100.
  fake_->set_faults(R"({"service": "iam", "action": "ListRoles", "rate_limit_rps": 4, "burst": 2})");
  burst_calls = 30;
  ScanOptions o = options({"scantest_burst"}, {"us-east-1"});
  o.rate_limits.per_action["iam:ListRoles"] = {100, 100};
  auto e = engine(o);
  StatusLog sink;
  ScanResult result = e->run(sink);
  EXPECT_TRUE(result.gaps.empty()) << result.gaps[0].reason();
  auto log = testing::logged_requests(*fake_);
  size_t throttled = 0;
  for (const auto& r : log) throttled += r.action == "ListRoles" && r.status != "200";
  EXPECT_GT(throttled, 0u) << "the test's limit should have throttled some calls";
  // Issue 9: every throttled answer was sent again (by the client or, once it
  // gave up, by the engine) and nothing was lost: retried, not failed.
  ProgressSnapshot p = e->progress().snapshot();
  EXPECT_EQ(p.calls_retried, throttled);
  EXPECT_EQ(p.calls_failed, 0u);
  EXPECT_EQ(p.gaps, 0u);
}

TEST_F(ScanEngineTest, DependentCallsStartBeforeOtherCollectorsFinish) {
  fake_->set_faults(R"({"service": "kms", "action": "ListKeys", "latency_ms": 1500})");
  auto e = engine(options({"scantest_users", "scantest_slow"}, {"us-east-1"}));
  StatusLog sink;
  ScanResult result = e->run(sink);
  EXPECT_TRUE(result.gaps.empty()) << result.gaps[0].reason();
  auto log = testing::logged_requests(*fake_);
  double slow_end = 0, last_dependent = 0;
  size_t dependent = 0;
  for (const auto& r : log) {
    if (r.action == "ListKeys") slow_end = std::max(slow_end, seconds_of(r.time) + 1.5);
    if (r.action == "ListAccessKeys") {
      ++dependent;
      last_dependent = std::max(last_dependent, seconds_of(r.time));
    }
  }
  EXPECT_EQ(dependent, result.resources_by_type[kUser]);
  EXPECT_LT(last_dependent, slow_end - 0.5) << testing::describe_log(log);
}

// Issue 9: progress says what the scan is still doing, per service and per
// region: here the users are read while kms:ListKeys takes 1.5 s.
TEST_F(ScanEngineTest, ProgressNamesTheServicesAndRegionsStillWorking) {
  fake_->set_faults(R"({"service": "kms", "action": "ListKeys", "latency_ms": 1500})");
  auto e = engine(options({"scantest_users", "scantest_slow"}, {"us-east-1", "eu-west-1"}));
  StatusLog sink;
  std::optional<ProgressSnapshot> seen;
  std::thread watcher([&] {
    auto until = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < until) {
      ProgressSnapshot p = e->progress().snapshot();
      bool users_done = false;
      for (const auto& a : p.by_service)
        users_done |= a.name == "scantest_users" && a.runs_total > 0 && a.runs_done == a.runs_total;
      if (users_done && p.phase == ScanPhase::kCollecting) {
        seen = p;
        return;
      }
      std::this_thread::sleep_for(10ms);
    }
  });
  ScanResult result = e->run(sink);
  watcher.join();
  ASSERT_TRUE(seen) << "the users were never seen done while kms was still listing";
  // The slow service comes first: it has the work outstanding, one listing per region.
  ASSERT_GE(seen->by_service.size(), 2u);
  EXPECT_EQ(seen->by_service[0].name, "scantest_slow");
  EXPECT_EQ(seen->by_service[0].tasks_outstanding, 2u);
  EXPECT_EQ(seen->by_service[0].runs_total, 2u);
  EXPECT_EQ(seen->by_service[0].runs_done, 0u);
  EXPECT_EQ(seen->by_service[1].name, "scantest_users");
  EXPECT_EQ(seen->by_service[1].tasks_outstanding, 0u);
  std::set<std::string> regions;
  for (const auto& a : seen->by_region) regions.insert(a.name);
  EXPECT_EQ(regions, (std::set<std::string>{"eu-west-1", "global", "us-east-1"}));
  // At the end every area is done and the sums agree with the totals.
  ProgressSnapshot end = e->progress().snapshot();
  uint64_t calls = 0, runs = 0;
  for (const auto& a : end.by_service) {
    EXPECT_EQ(a.tasks_outstanding, 0u) << a.name;
    EXPECT_EQ(a.runs_done, a.runs_total) << a.name;
    calls += a.calls_done;
    runs += a.runs_total;
  }
  EXPECT_EQ(calls, end.calls_done - 1) << "all but ec2:DescribeRegions, which no collector makes";
  EXPECT_EQ(runs, end.collector_runs_total);
}

// Issue 9: the bar reached 92% within 5 s and sat there for most of the scan
// (it counted collector runs, most of which end at once). It now follows
// work done over work known, never moves back, and gives an ETA.
TEST(ScanProgressTest, FollowsWorkDoneNeverMovesBackAndEstimatesTheRest) {
  ScanProgress p;
  p.set_phase(ScanPhase::kRegions);
  EXPECT_LT(p.snapshot().fraction, 0.05);
  p.set_phase(ScanPhase::kCollecting);
  for (int i = 0; i < 100; ++i) p.task_added();
  auto answer = [&](int n) {
    for (int i = 0; i < n; ++i) {
      p.call_started();
      p.call_finished(false);
      p.task_done();
    }
  };
  answer(10);
  ProgressSnapshot s = p.snapshot();
  EXPECT_NEAR(s.fraction, 0.05 + 0.9 * 10 / 100.0, 0.001);
  EXPECT_EQ(s.tasks_outstanding, 90u);
  EXPECT_EQ(s.eta_seconds, -1) << "too early to say";
  for (int i = 0; i < 400; ++i) p.task_added();  // a listing found many resources: more work known
  EXPECT_NEAR(p.snapshot().fraction, s.fraction, 0.001) << "never backwards";
  std::this_thread::sleep_for(2100ms);
  s = p.snapshot();
  EXPECT_EQ(s.tasks_outstanding, 490u);
  EXPECT_GT(s.eta_seconds, 2.0 * 490 / 10 * 0.9);  // 490 tasks left at 10 per 2.1 s: ~100 s
  answer(490);
  s = p.snapshot();
  EXPECT_NEAR(s.fraction, 0.95, 0.001);
  EXPECT_EQ(s.eta_seconds, 0);
  p.set_phase(ScanPhase::kDone);
  EXPECT_EQ(p.snapshot().fraction, 1.0);

  ScanProgress cancelled;
  cancelled.set_phase(ScanPhase::kCollecting);
  for (int i = 0; i < 10; ++i) cancelled.task_added();
  cancelled.call_started();
  cancelled.call_finished(false);
  cancelled.task_done();
  double reached = cancelled.snapshot().fraction;
  cancelled.set_phase(ScanPhase::kCancelled);
  EXPECT_EQ(cancelled.snapshot().fraction, reached) << "a cancelled scan is not a full bar";
}

TEST_F(ScanEngineTest, CancellationEndsTheScanPromptly) {
  fake_->set_faults(R"({"latency_ms": 1500})");
  auto e = engine(options({"scantest_users", "scantest_instances"}));
  StatusLog sink;
  std::thread canceller([&] {
    std::this_thread::sleep_for(300ms);
    e->cancel();
  });
  auto start = std::chrono::steady_clock::now();
  ScanResult result = e->run(sink);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  canceller.join();
  EXPECT_LT(took, 1.0);
  EXPECT_TRUE(result.cancelled);
  EXPECT_TRUE(result.incomplete());
  // Issue 8: calls cut short by the cancellation are not coverage gaps of the
  // account, and what could not be read because of it is not a finding
  // (each cancelled scan added NOT_ASSESSED rows reading "...: Cancelled").
  for (const auto& g : result.gaps) EXPECT_NE(g.error_kind, "cancelled") << g.reason();
  ProgressSnapshot p = e->progress().snapshot();
  EXPECT_EQ(p.phase, ScanPhase::kCancelled);
  EXPECT_EQ(p.calls_in_flight, 0u);
  // Nothing was answered before the cancellation: no verdict, and no NOT_ASSESSED noise.
  for (const auto& f : sink.findings) ADD_FAILURE() << f.check_id << " " << to_string(f.status) << ": " << f.detail;
  // The abandoned requests finish before the client that sent them goes away.
  std::this_thread::sleep_for(1500ms);
}

// Issue 13: context resources are held for the whole collection; AWS's raw
// answer is most of their size, so it is dropped when no selected check
// reads it (the IAM graph checks held 2,500 instances with theirs: +45 MB).
TEST_F(ScanEngineTest, ContextResourcesAreHeldWithoutRawWhenNoCheckReadsIt) {
  auto detail = [&](std::vector<std::string> checks) {
    ScanOptions o = options({}, {"us-east-1"});
    o.checks = std::move(checks);
    auto e = engine(o);
    StatusLog sink;
    e->run(sink);
    auto f = sink.of("scantest_instance_users_raw");
    return f.empty() ? std::string("no finding") : f[0].detail;
  };
  std::string alone = detail({"scantest_instance_users_raw"});
  EXPECT_NE(alone.find(" users, 0 with raw"), std::string::npos) << alone;
  EXPECT_NE(alone.rfind("0 users", 0), 0u) << "the scenario has users: " << alone;
  // With a check that does not say what it reads of them, they keep it.
  std::string both = detail({"scantest_instance_users_raw", "scantest_instance_has_users"});
  EXPECT_EQ(both.find(" 0 with raw"), std::string::npos) << both;
}

// Issue 13: checks share one analysis of the inventory (the IAM principal
// graph: hundreds of MB for 5,000 principals); it was kept for the rest of the
// scan and after it. Built once for all the users, freed when they are judged.
TEST_F(ScanEngineTest, SharedAnalysesAreBuiltOnceAndFreedWhenTheirChecksHaveRun) {
  ScanOptions o = options({}, {"us-east-1"});
  o.checks = {"scantest_user_shared"};
  auto e = engine(o);
  StatusLog sink;
  e->run(sink);
  EXPECT_GT(sink.of("scantest_user_shared").size(), 1u);
  std::lock_guard lock(shared_count.mu);
  EXPECT_EQ(shared_count.builds, 1u);
  EXPECT_TRUE(shared_count.memo.empty()) << "the scan's analysis is still held";
}

// Issue 13: 1,100 IAM principals, 2,500 EC2 instances and 500 S3 buckets
// were each held twice while their checks waited for context: copied into the
// checks' buffer and kept as context. Each item is judged exactly once,
// whenever it arrived, and none is copied (peak_buffered was kItems / 2 and more).
TEST_F(ScanEngineTest, ACheckWaitingOnATypeKeptAsContextJudgesItFromTheInventoryOnce) {
  first_half_emitted = false;
  {
    std::lock_guard lock(judged_mu);
    judged.clear();
  }
  ScanOptions o = options({}, {"us-east-1"});
  o.checks = {"scantest_stream_item", "scantest_stream_gate"};
  auto e = engine(o);
  StatusLog sink;
  ScanResult result = e->run(sink);
  EXPECT_TRUE(result.gaps.empty()) << result.gaps[0].reason();
  auto items = sink.of("scantest_stream_item");
  ASSERT_EQ(items.size(), static_cast<size_t>(kItems));
  for (const auto& f : items) EXPECT_EQ(f.status, CheckStatus::kPass) << f.resource_arn << ": " << f.detail;
  {
    std::lock_guard lock(judged_mu);
    EXPECT_EQ(judged.size(), static_cast<size_t>(kItems));
    for (const auto& [id, times] : judged) EXPECT_EQ(times, 1) << id;
  }
  auto gate = sink.of("scantest_stream_gate");
  ASSERT_EQ(gate.size(), 1u);
  EXPECT_EQ(gate[0].detail, std::to_string(kItems) + " items");
  ProgressSnapshot p = e->progress().snapshot();
  EXPECT_EQ(p.peak_buffered, 0u) << "items waiting for the gate were copied into the check's buffer";
  EXPECT_EQ(p.resources_retained, static_cast<uint64_t>(kItems) + 1);
}

int process_threads() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
  return -1;
}

// Issue 13: a task waiting for a rate-limit token pauses its thread and the
// pool starts another, so a fan-out over one slow API parked a thread per
// queued task (32 per collector run; the benchmark's ~230 threads, each with
// its stack and malloc cache). Once a run's calls wait for tokens, at most 8
// of its tasks run at once and the rest stay queued without a thread; the
// calls still go at the API's rate.
TEST_F(ScanEngineTest, TasksWaitingForTokensHoldFewThreads) {
  throttled_answered = 0;
  ScanOptions o = options({"scantest_throttled"}, {"us-east-1"});
  o.workers = 2;
  o.rate_limits.per_action["iam:ListRoles"] = {40, 1};  // 40 calls: 1 s
  auto e = engine(o);
  StatusLog sink;
  std::atomic<bool> done{false};
  std::atomic<int> peak{0};
  std::thread sampler([&] {
    while (!done) {
      peak = std::max(peak.load(), process_threads());
      std::this_thread::sleep_for(2ms);
    }
  });
  int before = process_threads();
  auto start = std::chrono::steady_clock::now();
  ScanResult result = e->run(sink);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  done = true;
  sampler.join();
  EXPECT_TRUE(result.gaps.empty()) << result.gaps[0].reason();
  EXPECT_EQ(throttled_answered, 40);
  ASSERT_GT(before, 0);
  // 2 workers, at most 8 of the run's tasks paused, and a thread or two being replaced.
  EXPECT_LE(peak - before, 2 + 8 + 3) << "threads parked waiting for tokens";
  // 1 s at the rate; the bound leaves room for a loaded 2-core machine (a
  // run whose held tasks were left behind would stall far longer).
  EXPECT_LT(took, 4.0) << "the fan-out no longer keeps its API's rate";
}

}  // namespace
}  // namespace cloudpeek::scan
