// The in-flight gate of the scan (issue 13): a freed slot goes to the waiter
// with the highest priority, first come first served among equals; never more
// holders than slots; a cancelled waiter leaves without a slot. Also the rate
// the engine ranks a collector's work by (RateLimitConfig::slowest_rate).
#include "scan/priority_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "scan/rate_limits.h"

namespace cloudpeek::scan {
namespace {

using namespace std::chrono_literals;

// Waits (up to 5 s) until `n` callers are queued at the gate.
void wait_for_waiters(const PriorityGate& gate, std::size_t n) {
  auto until = std::chrono::steady_clock::now() + 5s;
  while (gate.waiting() < n && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(1ms);
  ASSERT_EQ(gate.waiting(), n);
}

TEST(PriorityGate, FreedSlotsGoToTheHighestPriorityThenInArrivalOrder) {
  PriorityGate gate(1);
  CancelToken cancel;
  ASSERT_TRUE(gate.acquire(0, cancel));  // the one slot is held
  std::mutex mu;
  std::vector<int> order;
  std::vector<std::thread> threads;
  // Queued one by one, so arrival order is known: priorities 1, 5, 1, 9, 5.
  const int prio[] = {1, 5, 1, 9, 5};
  for (int i = 0; i < 5; ++i) {
    threads.emplace_back([&, i] {
      ASSERT_TRUE(gate.acquire(prio[i], cancel));
      {
        std::lock_guard lock(mu);
        order.push_back(i);
      }
      gate.release();  // hands the slot on
    });
    wait_for_waiters(gate, static_cast<std::size_t>(i + 1));
  }
  gate.release();
  for (auto& t : threads) t.join();
  // 9 first, then the two 5s in arrival order (1 before 4), then the 1s (0 before 2).
  EXPECT_EQ(order, (std::vector<int>{3, 1, 4, 0, 2}));
  EXPECT_EQ(gate.waiting(), 0u);
}

TEST(PriorityGate, NeverMoreHoldersThanSlots) {
  PriorityGate gate(3);
  CancelToken cancel;
  std::atomic<int> holding{0}, peak{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 50; ++k) {
        ASSERT_TRUE(gate.acquire(i % 4, cancel));
        int now = ++holding;
        for (int seen = peak.load(); now > seen && !peak.compare_exchange_weak(seen, now);) {}
        std::this_thread::sleep_for(50us);
        --holding;
        gate.release();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(peak.load(), 3);  // reached, never passed
  // All three slots are free again.
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(gate.acquire(0, cancel));
  EXPECT_EQ(gate.waiting(), 0u);
}

TEST(PriorityGate, ACancelledWaiterLeavesWithoutASlot) {
  PriorityGate gate(1);
  CancelToken cancel;
  ASSERT_TRUE(gate.acquire(0, cancel));
  std::atomic<int> result{-1};
  std::thread waiter([&] { result = gate.acquire(7, cancel) ? 1 : 0; });
  wait_for_waiters(gate, 1);
  auto start = std::chrono::steady_clock::now();
  cancel.cancel();
  waiter.join();
  EXPECT_EQ(result.load(), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_EQ(gate.waiting(), 0u);
  // Its place was not kept: the held slot, once released, is free for a new caller.
  gate.release();
  CancelToken fresh;
  EXPECT_TRUE(gate.acquire(0, fresh));
}

TEST(RateLimitConfig, SlowestRateOfAServiceIsItsSlowestApi) {
  RateLimitConfig c = RateLimitConfig::aws_defaults();
  EXPECT_DOUBLE_EQ(c.slowest_rate("lambda"), 15);
  EXPECT_DOUBLE_EQ(c.slowest_rate("route53"), 5);     // five per second per account
  EXPECT_DOUBLE_EQ(c.slowest_rate("logs"), 5);        // DescribeMetricFilters, below the fallback's 20
  EXPECT_DOUBLE_EQ(c.slowest_rate("cloudwatch"), 9);  // DescribeAlarms
  EXPECT_DOUBLE_EQ(c.slowest_rate("s3"), 500);
  EXPECT_DOUBLE_EQ(c.slowest_rate("kms"), 20);        // its unlisted APIs are at the fallback
  EXPECT_DOUBLE_EQ(c.slowest_rate("scantest_none"), 20);
  // "sns:..." entries are not "s3:..." ones, nor is "kinesisanalytics" kinesis.
  c.per_action["s3x:Get"] = {1, 1};
  EXPECT_DOUBLE_EQ(c.slowest_rate("s3"), 500);
}

}  // namespace
}  // namespace cloudpeek::scan
