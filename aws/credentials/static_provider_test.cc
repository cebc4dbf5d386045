// Static credentials keep and surface their expiry; the refreshing wrapper
// fetches once when many threads ask at the same time.
#include "aws/credentials/static_provider.h"

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "aws/credentials/refreshing_provider.h"

namespace cloudpeek {
namespace {

TEST(StaticProvider, KeepsExpiryAndChecksInput) {
  Clock::time_point exp = Clock::now() + std::chrono::minutes(30);
  auto p = StaticProvider::make("ASIAFAKE0000TEST", Secret("fakeSecret"), Secret("fakeToken"), exp, "pasted");
  ASSERT_TRUE(p.ok());
  auto c = (*p)->get();
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->temporary());
  EXPECT_TRUE(c->secret_access_key.reveal() == "fakeSecret");
  EXPECT_EQ(c->expiration, exp);
  EXPECT_EQ((*p)->name(), "pasted");
  auto left = time_left(*c, exp - std::chrono::minutes(10));
  ASSERT_TRUE(left.has_value());
  EXPECT_EQ(*left, std::chrono::minutes(10));
  EXPECT_FALSE(StaticProvider::make("AKIAFAKE0000TEST", Secret()).ok());
  EXPECT_FALSE(StaticProvider::make("", Secret("fakeSecret")).ok());
}

TEST(Refreshing, ConcurrentCallersShareOneFetch) {
  std::atomic<int> fetches{0};
  RefreshingProvider p("test", [&]() -> Result<Credentials> {
    ++fetches;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    Credentials c;
    c.access_key_id = "ASIAX";
    c.expiration = Clock::now() + std::chrono::hours(1);
    return c;
  });
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      if (p.get().ok()) ++ok;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 8);
  EXPECT_EQ(fetches, 1);
}

}  // namespace
}  // namespace cloudpeek
