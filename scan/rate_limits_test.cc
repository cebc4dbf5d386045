#include "scan/rate_limits.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "collect/collector.h"
#include "scan/engine.h"
#include "scan/rate_limits_shared.h"
#include "tests/integration/integration_support.h"

namespace cloudpeek::scan {
namespace {

using namespace std::chrono_literals;
using Clock = TokenBucket::Clock;

double at(Clock::time_point t, Clock::time_point t0) { return std::chrono::duration<double>(t - t0).count(); }

TEST(TokenBucket, BurstAtOnceThenOnePerInterval) {
  auto t0 = Clock::now();
  TokenBucket b({10, 5}, t0);  // 10/s, burst 5
  for (int k = 0; k < 5; ++k) EXPECT_DOUBLE_EQ(at(b.reserve(t0), t0), 0.0) << k;
  // Requests all made at t0: the 6th may go at 0.1 s, the 7th at 0.2 s, ...
  for (int k = 1; k <= 20; ++k) EXPECT_NEAR(at(b.reserve(t0), t0), 0.1 * k, 1e-6) << k;
}

TEST(TokenBucket, RefillsWhileIdleButNeverBeyondTheBurst) {
  auto t0 = Clock::now();
  TokenBucket b({10, 3}, t0);
  for (int k = 0; k < 3; ++k) b.reserve(t0);
  // One interval later exactly one token is back.
  auto t1 = t0 + 100ms;
  EXPECT_NEAR(at(b.reserve(t1), t0), 0.1, 1e-6);
  EXPECT_NEAR(at(b.reserve(t1), t0), 0.2, 1e-6);
  // After a long quiet spell: the burst (3), not 100 tokens.
  auto t2 = t0 + 10s;
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(at(b.reserve(t2), t0), 10.0, 1e-6) << k;
  EXPECT_NEAR(at(b.reserve(t2), t0), 10.1, 1e-6);
}

TEST(TokenBucket, AcquireWaitsForItsSlotAndStopsWhenCancelled) {
  TokenBucket b({20, 1});
  CancelToken cancel;
  auto start = Clock::now();
  EXPECT_TRUE(b.acquire(cancel));
  EXPECT_TRUE(b.acquire(cancel));  // 50 ms later
  EXPECT_GE(at(Clock::now(), start), 0.045);

  TokenBucket slow({0.1, 1});  // one token per 10 s
  EXPECT_TRUE(slow.acquire(cancel));
  cancel.cancel();
  auto t = Clock::now();
  EXPECT_FALSE(slow.acquire(cancel));
  EXPECT_LT(at(Clock::now(), t), 1.0);
}

// A thread waiting for a token sleeps once until its slot (issue 13: waits in
// 50 ms slices woke a hundred parked threads 20 times a second), and still
// stops at once when the scan is cancelled while it sleeps.
TEST(TokenBucket, ASleepingWaitEndsAtTheCancellation) {
  TokenBucket slow({0.1, 1});  // one token per 10 s
  CancelToken cancel;
  EXPECT_TRUE(slow.acquire(cancel));
  std::thread canceller([cancel] {
    std::this_thread::sleep_for(100ms);
    cancel.cancel();
  });
  auto t = Clock::now();
  EXPECT_FALSE(slow.acquire(cancel));
  double waited = at(Clock::now(), t);
  canceller.join();
  EXPECT_GE(waited, 0.09);
  EXPECT_LT(waited, 1.0);
}

TEST(TokenBucket, ThrottlingHalvesTheRateOncePerSecondAndSpendsTheBurst) {
  auto t0 = Clock::now();
  TokenBucket b({10, 5}, t0);
  b.throttled(t0);
  EXPECT_DOUBLE_EQ(b.rate(), 5);
  b.throttled(t0 + 500ms);  // the same burst of throttles
  EXPECT_DOUBLE_EQ(b.rate(), 5);
  // No burst right after a throttle: the next call waits a full schedule.
  EXPECT_GT(at(b.reserve(t0 + 500ms), t0), 0.0);
  b.throttled(t0 + 1500ms);
  EXPECT_DOUBLE_EQ(b.rate(), 2.5);
  for (int k = 0; k < 20; ++k) b.throttled(t0 + std::chrono::seconds(3 + k));
  EXPECT_DOUBLE_EQ(b.rate(), 0.1);  // floor: one call per 10 s
  // Calls that go through bring it back, never above the table's rate.
  for (int k = 0; k < 200; ++k) b.succeeded();
  EXPECT_DOUBLE_EQ(b.rate(), 10);
  TokenBucket fresh({10, 5}, t0);
  fresh.throttled(t0);
  fresh.succeeded();
  EXPECT_NEAR(fresh.rate(), 5 * 1.05, 1e-6);
}

TEST(RateLimitConfig, ActionLimitWinsOverServiceLimitOverFallback) {
  RateLimitConfig c = RateLimitConfig::aws_defaults();
  EXPECT_EQ(c.lookup("logs", "DescribeMetricFilters").per_second, 5);
  EXPECT_EQ(c.lookup("logs", "DescribeLogGroups").per_second, 10);
  EXPECT_EQ(c.lookup("ec2", "DescribeSnapshotAttribute").per_second, 20);
  EXPECT_EQ(c.lookup("ec2", "DescribeSnapshotAttribute").burst, 80);  // four fifths of AWS's 100
  EXPECT_EQ(c.lookup("lambda", "GetPolicy").per_second, 15);
  EXPECT_EQ(c.lookup("efs", "DescribeFileSystems").per_second, c.fallback.per_second);
  EXPECT_EQ(c.lookup("iam", "ListUsers").scope, RateScope::kService);
}

TEST(RateLimiters, OneBucketPerApiAndRegionUnlessTheServiceSharesOne) {
  RateLimiters l(RateLimitConfig::aws_defaults());
  // EC2 meters each API and each region apart.
  TokenBucket& snap = l.bucket("ec2", "DescribeSnapshotAttribute", "us-east-1");
  EXPECT_EQ(&snap, &l.bucket("ec2", "DescribeSnapshotAttribute", "us-east-1"));
  EXPECT_NE(&snap, &l.bucket("ec2", "DescribeInstances", "us-east-1"));
  EXPECT_NE(&snap, &l.bucket("ec2", "DescribeSnapshotAttribute", "eu-west-1"));
  // IAM's reads share one account-wide budget.
  EXPECT_EQ(&l.bucket("iam", "ListUsers", "us-east-1"), &l.bucket("iam", "ListRoles", "us-east-1"));
}

// --- Buckets shared by the scans of one account (issue 11 §3) ----------------

TEST(SharedRateLimiters, OneAccountsScansShareItsBucketsOtherAccountsNever) {
  RateLimitConfig c = RateLimitConfig::aws_defaults();
  auto a = shared_rate_limiters("111122223333", c);
  auto b = shared_rate_limiters("111122223333", c);
  auto other = shared_rate_limiters("444455556666", c);
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(&a->bucket("ec2", "DescribeInstances", "us-east-1"), &b->bucket("ec2", "DescribeInstances", "us-east-1"));
  EXPECT_NE(&a->bucket("ec2", "DescribeInstances", "us-east-1"),
            &other->bucket("ec2", "DescribeInstances", "us-east-1"));
  // Another limit table (a test's) is not given this one's pace; an unknown account shares with nobody.
  RateLimitConfig slower = c;
  slower.per_service["ec2"] = {5, 5};
  EXPECT_NE(shared_rate_limiters("111122223333", slower).get(), a.get());
  EXPECT_NE(shared_rate_limiters("", c).get(), shared_rate_limiters("", c).get());
}

TEST(SharedRateLimiters, TwoHoldersDrawOnOneBudgetAndANewScanAfterThemStartsFull) {
  RateLimitConfig c;
  c.fallback = {10, 4};
  auto t0 = Clock::now();
  {
    auto a = shared_rate_limiters("111122223333", c);
    auto b = shared_rate_limiters("111122223333", c);
    auto other = shared_rate_limiters("444455556666", c);
    // The first holder spends the burst; the second waits for the refill, one token per 100 ms.
    for (int k = 0; k < 4; ++k) a->bucket("sqs", "ListQueues", "us-east-1").reserve(t0);
    // (The bucket was made a few microseconds after t0, when first asked for.)
    EXPECT_NEAR(at(b->bucket("sqs", "ListQueues", "us-east-1").reserve(t0), t0), 0.1, 1e-3);
    EXPECT_NEAR(at(a->bucket("sqs", "ListQueues", "us-east-1").reserve(t0), t0), 0.2, 1e-3);
    // Another account's burst is untouched.
    EXPECT_DOUBLE_EQ(at(other->bucket("sqs", "ListQueues", "us-east-1").reserve(t0), t0), 0.0);
  }
  // No scan holds them any more: the next scan of the account starts with a full burst.
  auto fresh = shared_rate_limiters("111122223333", c);
  EXPECT_DOUBLE_EQ(at(fresh->bucket("sqs", "ListQueues", "us-east-1").reserve(t0), t0), 0.0);
}

// Two real engines at once against fakeaws, each making kRoleCalls ListRoles
// calls; when each call was answered, as the client saw it.
constexpr int kRoleCalls = 10;
std::mutex role_answers_mu;
std::vector<Clock::time_point> role_answers;
const collect::RegisterCollector role_calls_collector({
    .service = "ratetest_roles",
    .global = true,
    .produces = {"Test::IAM::RateTestRole"},
    .collect =
        [](collect::CollectContext& ctx, const std::string& region) {
          for (int i = 0; i < kRoleCalls; ++i)
            ctx.spawn([&ctx, region] {
              auto r = ctx.call("iam", "ListRoles", json::object(), region);
              std::lock_guard lock(role_answers_mu);
              role_answers.push_back(Clock::now());
              if (!r) collect::record_failure(ctx, r.error(), "iam", "ListRoles", region, {"Test::IAM::RateTestRole"});
            });
        },
});

class SharedBucketsScan : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fake_ = new testing::FakeAws(); }
  static void TearDownTestSuite() {
    delete fake_;
    fake_ = nullptr;
  }
  void SetUp() override {
    fake_->reset();
    role_answers.clear();
  }
  // Two scans at once, of `first` and `second` (account ids), IAM at 5 calls
  // per second with a burst of 1; the answers' times from the start, sorted.
  std::vector<double> scan_two(const std::string& first, const std::string& second) {
    ScanOptions o;
    o.services = {"ratetest_roles"};
    o.regions = {"us-east-1"};
    o.rate_limits.per_service["iam"] = {5, 1, RateScope::kService};
    auto transport = std::make_shared<Transport>();
    AwsClient c1{testing::fake_config(*fake_), testing::static_credentials(testing::kAlice), transport};
    AwsClient c2{testing::fake_config(*fake_), testing::static_credentials(testing::kAlice), transport};
    ScanEngine e1(c1, ScanIdentity{first, testing::kAliceArn}, o);
    ScanEngine e2(c2, ScanIdentity{second, testing::kAliceArn}, o);
    struct Null : FindingSink {
      void on_finding(const Finding&) override {}
    } sink1, sink2;
    start_ = Clock::now();
    ScanResult r2;
    std::thread t([&] { r2 = e2.run(sink2); });
    ScanResult r1 = e1.run(sink1);
    t.join();
    EXPECT_TRUE(r1.gaps.empty() && r2.gaps.empty());
    std::vector<double> times;
    for (auto t : role_answers) times.push_back(at(t, start_));
    std::sort(times.begin(), times.end());
    return times;
  }

  testing::CleanEnv env;
  static testing::FakeAws* fake_;
  Clock::time_point start_;
};

testing::FakeAws* SharedBucketsScan::fake_ = nullptr;

TEST_F(SharedBucketsScan, TwoScansOfOneAccountTogetherKeepToItsRate) {
  auto times = scan_two(testing::kAccount, testing::kAccount);
  ASSERT_EQ(times.size(), 2u * kRoleCalls);
  // One bucket for both: the k-th answer overall cannot come before the k-th
  // token (burst 1 at once, then one every 200 ms). With a bucket each they
  // would go at twice the rate and the last would come at ~1.8 s.
  for (size_t k = 0; k < times.size(); ++k)
    EXPECT_GE(times[k], (static_cast<double>(k) + 1 - 1) / 5.0 - 0.02) << "answer " << k;
}

TEST_F(SharedBucketsScan, ScansOfTwoAccountsEachHaveTheirOwnRate) {
  auto times = scan_two(testing::kAccount, "444455556666");
  ASSERT_EQ(times.size(), 2u * kRoleCalls);
  // Each account at 5/s: both done in ~1.8 s. Sharing a bucket would take
  // (20 - 1) / 5 = 3.8 s at least.
  EXPECT_LT(times.back(), 3.2) << "the two accounts' scans took turns in one bucket";
  // Still each within its own rate: the (2k)-th answer not before the k-th token.
  for (size_t k = 0; k < times.size(); k += 2)
    EXPECT_GE(times[k], (static_cast<double>(k / 2) + 1 - 1) / 5.0 - 0.02) << "answer " << k;
}

}  // namespace
}  // namespace cloudpeek::scan
