#include "scan/work_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <vector>

namespace cloudpeek::scan {
namespace {

using namespace std::chrono_literals;

TEST(WorkPool, RunsEverySubmittedTaskIncludingOnesSpawnedByTasks) {
  std::atomic<int> ran{0};
  {
    WorkPool pool(3);
    for (int i = 0; i < 50; ++i)
      pool.submit([&] {
        ++ran;
        pool.submit([&] { ++ran; });
      });
    pool.wait_idle();
    EXPECT_EQ(ran, 100);
  }
}

TEST(WorkPool, APausedTaskLetsAQueuedOneRunOnAnotherThread) {
  WorkPool pool(1, 4);
  std::promise<void> second_ran;
  auto done = second_ran.get_future();
  std::atomic<bool> first_saw_it{false};
  pool.submit([&] {
    WorkPool::Pause pause(pool);  // as if waiting for a rate-limit token
    first_saw_it = done.wait_for(5s) == std::future_status::ready;
  });
  pool.submit([&] { second_ran.set_value(); });
  pool.wait_idle();
  // With one thread and no pause the second task could only run after the
  // first gave up waiting for it.
  EXPECT_TRUE(first_saw_it);
  EXPECT_EQ(pool.thread_count(), 2u);
}

TEST(WorkPool, NeverGrowsBeyondMaxThreads) {
  WorkPool pool(1, 3);
  std::atomic<int> waiting{0};
  std::promise<void> release;
  std::shared_future<void> go = release.get_future().share();
  for (int i = 0; i < 10; ++i)
    pool.submit([&, go] {
      WorkPool::Pause pause(pool);
      ++waiting;
      go.wait();
    });
  auto until = std::chrono::steady_clock::now() + 5s;
  while (waiting < 3 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(5ms);
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(waiting, 3);
  EXPECT_EQ(pool.thread_count(), 3u);
  release.set_value();
  pool.wait_idle();
  EXPECT_EQ(waiting, 10);
}

TEST(WorkPool, QueuedTasksRunHighestPriorityFirstInOrderAmongEquals) {
  WorkPool pool(1);
  std::promise<void> release;
  std::shared_future<void> go = release.get_future().share();
  std::vector<int> order;
  pool.submit([go] { go.wait(); });  // holds the only thread while the rest queue up
  pool.submit([&] { order.push_back(1); }, 0);
  pool.submit([&] { order.push_back(2); }, 5);
  pool.submit([&] { order.push_back(3); }, 0);
  pool.submit([&] { order.push_back(4); }, 5);
  pool.submit([&] { order.push_back(5); }, 9);
  release.set_value();
  pool.wait_idle();
  EXPECT_EQ(order, (std::vector<int>{5, 2, 4, 1, 3}));
}

TEST(WorkPool, PauseOutsideThePoolChangesNothing) {
  WorkPool pool(1, 4);
  { WorkPool::Pause pause(pool); }
  EXPECT_EQ(pool.thread_count(), 1u);
}

}  // namespace
}  // namespace cloudpeek::scan
