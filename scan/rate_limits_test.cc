#include "scan/rate_limits.h"

#include <gtest/gtest.h>

#include <thread>

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

}  // namespace
}  // namespace cloudpeek::scan
