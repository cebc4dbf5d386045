#include "server/rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace cloudpeek::server {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

TEST(LoginRateLimiter, FiveFailuresIn15MinutesBlockUntilTheOldestAgesOut) {
  LoginRateLimiter l;
  auto limits = LoginRateLimiter::login_limits("a", "10.0.0.1");
  auto t0 = LoginRateLimiter::Clock::now();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(l.begin(limits, t0 + seconds(i * 2)), 0) << i;
  EXPECT_EQ(l.begin(limits, t0 + seconds(10)), 15 * 60 - 10);
  EXPECT_EQ(l.begin(LoginRateLimiter::login_limits("b", "10.0.0.1"), t0 + seconds(10)), 0);  // another name
  EXPECT_EQ(l.begin(limits, t0 + minutes(15) + seconds(1)), 0);  // the oldest aged out
}

TEST(LoginRateLimiter, SuccessTakesTheAttemptBackAndClearsTheName) {
  LoginRateLimiter l;
  auto limits = LoginRateLimiter::login_limits("admin", "10.0.0.1");
  auto t0 = LoginRateLimiter::Clock::now();
  for (int i = 0; i < 4; ++i) l.begin(limits, t0 + seconds(i));
  ASSERT_EQ(l.begin(limits, t0 + seconds(5)), 0);
  l.succeeded(limits, t0 + seconds(5));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(l.begin(limits, t0 + seconds(10 + i)), 0) << i;
}

// Issue 8: a stranger could lock the admin out for 15 minutes by username alone.
TEST(LoginRateLimiter, AStrangerCannotLockTheAdminOut) {
  LoginRateLimiter l;
  auto t0 = LoginRateLimiter::Clock::now();
  auto stranger = LoginRateLimiter::login_limits("admin", "203.0.113.9");
  for (int i = 0; i < 5; ++i) l.begin(stranger, t0 + seconds(i));
  EXPECT_GT(l.begin(stranger, t0 + seconds(6)), 0);  // the stranger is stopped
  EXPECT_EQ(l.begin(LoginRateLimiter::login_limits("admin", "10.0.0.1"), t0 + seconds(7)), 0);  // the admin is not
  // One address trying many names is stopped at 20.
  auto t1 = t0 + minutes(30);
  int allowed = 0;
  for (int i = 0; i < 30; ++i) allowed += l.begin(LoginRateLimiter::login_limits("u" + std::to_string(i), "198.51.100.7"), t1) == 0;
  EXPECT_EQ(allowed, 20);
  // A guess spread over many addresses locks the name once 50 attempts are in the hour.
  auto t2 = t0 + minutes(120);
  int spread = 0;
  for (int i = 0; i < 60; ++i)
    spread += l.begin(LoginRateLimiter::login_limits("root", "192.0.2." + std::to_string(i)), t2) == 0;
  EXPECT_EQ(spread, 50);
}

// Issue 8: 40 parallel wrong-password sign-ins ran 12 password checks against a limit of 5.
TEST(LoginRateLimiter, ExactUnderConcurrency) {
  LoginRateLimiter l;
  auto limits = LoginRateLimiter::login_limits("admin", "10.0.0.1");
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 40; ++i)
    threads.emplace_back([&] { allowed += l.begin(limits) == 0; });
  for (auto& t : threads) t.join();
  EXPECT_EQ(allowed, 5);
}

}  // namespace
}  // namespace cloudpeek::server
