#include "server/rate_limiter.h"

#include <gtest/gtest.h>

namespace cloudpeek::server {
namespace {

TEST(LoginRateLimiter, FiveFailuresIn15MinutesBlockUntilTheOldestAgesOut) {
  LoginRateLimiter l(5, std::chrono::minutes(15));
  auto t0 = LoginRateLimiter::Clock::now();
  for (int i = 0; i < 4; ++i) l.record_failure("user:a", t0 + std::chrono::seconds(i));
  EXPECT_EQ(l.retry_after("user:a", t0 + std::chrono::seconds(5)), 0);
  l.record_failure("user:a", t0 + std::chrono::seconds(10));
  auto wait = l.retry_after("user:a", t0 + std::chrono::seconds(10));
  EXPECT_EQ(wait, 15 * 60 - 10);
  EXPECT_EQ(l.retry_after("user:b", t0), 0);  // keys are separate
  EXPECT_EQ(l.retry_after("user:a", t0 + std::chrono::minutes(15) + std::chrono::seconds(1)), 0);
  l.record_failure("user:b", t0);
  l.clear("user:b");
  EXPECT_EQ(l.retry_after("user:b", t0), 0);
}

}  // namespace
}  // namespace cloudpeek::server
