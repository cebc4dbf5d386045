// Retries against a throttling AWS: a scan of many calls under 30% throttling
// still gets its answers, in the standard and the adaptive retry modes, and
// fakeaws' log accounts for every attempt.
#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "aws/services/sts_model.h"
#include "tests/integration/call_batch.h"
#include "tests/integration/integration_support.h"

namespace cloudpeek::testing {
namespace {

struct Attempts {
  size_t total = 0, throttled = 0, ok = 0;
};

Attempts attempts(FakeAws& fake) {
  Attempts a;
  for (const auto& r : logged_requests(fake)) {
    if (r.action != "GetCallerIdentity") continue;
    ++a.total;
    if (r.error == "Throttling") ++a.throttled;
    if (r.status == "200") ++a.ok;
  }
  return a;
}

class Retries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fake_ = new FakeAws(); }
  static void TearDownTestSuite() {
    delete fake_;
    fake_ = nullptr;
  }
  void SetUp() override {
    fake_->reset();
    fake_->set_faults(R"({"seed": 7, "service": "sts", "action": "GetCallerIdentity", "throttle_rate": 0.3})");
  }
  FakeAws& fake() { return *fake_; }

  BatchResult scan(RetryConfig retry, int calls) {
    AwsClient client(fake_config(fake(), retry), static_credentials(kAlice), transport);
    return call_batch(client, sts_model(), "GetCallerIdentity", calls);
  }

  CleanEnv env;
  std::shared_ptr<Transport> transport = std::make_shared<Transport>();
  static FakeAws* fake_;
};

FakeAws* Retries::fake_ = nullptr;

// With the SDKs' defaults (standard mode, 3 attempts) a call fails only when all
// three of its attempts are throttled: 0.3^3 = 2.7% of calls. Everything else
// must come back, and what does not must say it was throttled and what to do.
TEST_F(Retries, StandardModeDefaultAttemptsRecoverThrottledCalls) {
  const int kCalls = 200;
  BatchResult r = scan(RetryConfig{}, kCalls);
  ASSERT_FALSE(r.timed_out);
  for (const json& v : r.values) EXPECT_EQ(v.value("Arn", ""), kAliceArn);
  for (const Error& e : r.errors) {
    EXPECT_EQ(e.kind, ErrorKind::kThrottled) << e.describe();
    EXPECT_EQ(e.code, "Throttling");
    EXPECT_NE(e.advice.find("AWS_MAX_ATTEMPTS"), std::string::npos) << e.describe();
  }
  Attempts a = attempts(fake());
  EXPECT_GT(a.throttled, 0u);
  EXPECT_EQ(a.ok, r.values.size()) << "one 200 per successful call, none wasted";
  EXPECT_EQ(a.total, a.ok + a.throttled) << "every attempt was either answered or throttled";
  EXPECT_EQ(a.throttled, a.total - r.values.size());
  // Each failed call used all its attempts: 3 throttles apiece.
  EXPECT_LE(3 * r.errors.size(), a.throttled);
  // Expected ~5.4 failures of 200 (binomial, p = 0.027); 15 is beyond 4 standard deviations.
  EXPECT_LE(r.errors.size(), 15u) << "retries did not recover the throttled calls";
  EXPECT_GE(a.total, static_cast<size_t>(kCalls) + 30) << "30% throttling must have cost retries";
  EXPECT_LT(r.elapsed, std::chrono::seconds(20));
}

// With AWS_MAX_ATTEMPTS raised, as the throttling advice says, every call of the
// scan comes back. (A call now fails only if 15 attempts in a row are
// throttled: 0.3^15 per call. Backoff is capped at 1 s so that the rare call
// throttled many times in a row does not wait out the SDKs' 20 s ceiling.)
TEST_F(Retries, StandardModeWithMoreAttemptsRecoversEveryCall) {
  env.set("AWS_MAX_ATTEMPTS", "15");
  RetryConfig retry = RetryConfig::from_environment();
  ASSERT_EQ(retry.max_attempts, 15);
  ASSERT_EQ(retry.mode, RetryMode::kStandard);
  retry.max_backoff = std::chrono::seconds(1);
  const int kCalls = 200;
  BatchResult r = scan(retry, kCalls);
  ASSERT_FALSE(r.timed_out);
  ASSERT_TRUE(r.errors.empty()) << r.errors.size() << " failed, first: " << r.errors[0].describe();
  ASSERT_EQ(r.values.size(), static_cast<size_t>(kCalls));
  for (const json& v : r.values) EXPECT_EQ(v.value("Arn", ""), kAliceArn);
  Attempts a = attempts(fake());
  EXPECT_EQ(a.ok, static_cast<size_t>(kCalls));
  EXPECT_GE(a.total, static_cast<size_t>(kCalls) + 30) << "fakeaws saw retried requests";
  EXPECT_EQ(a.total, a.ok + a.throttled);
  EXPECT_LT(r.elapsed, std::chrono::seconds(20));
}

// Adaptive mode adds a client-side rate limit that a throttle cuts and time
// restores. AWS throttles for a second, then recovers: every call must come
// back, and the client must not stay at the floor rate it fell to (calls queued
// behind a 0.5/s limit would take minutes).
TEST_F(Retries, AdaptiveModeCompletesAndRecoversAfterAThrottlingBurst) {
  fake().set_faults(R"({"seed": 7, "service": "sts", "action": "GetCallerIdentity", "throttle_rate": 0.5})");
  env.set("AWS_RETRY_MODE", "adaptive");
  env.set("AWS_MAX_ATTEMPTS", "15");
  RetryConfig retry = RetryConfig::from_environment();
  ASSERT_EQ(retry.mode, RetryMode::kAdaptive);
  retry.max_backoff = std::chrono::seconds(1);
  std::thread recovery([this] {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    fake().set_faults("{}");
  });
  const int kCalls = 100;
  BatchResult r = scan(retry, kCalls);
  recovery.join();
  ASSERT_FALSE(r.timed_out);
  ASSERT_TRUE(r.errors.empty()) << r.errors.size() << " failed, first: " << r.errors[0].describe();
  ASSERT_EQ(r.values.size(), static_cast<size_t>(kCalls));
  Attempts a = attempts(fake());
  EXPECT_EQ(a.ok, static_cast<size_t>(kCalls));
  EXPECT_GT(a.throttled, 0u);
  EXPECT_EQ(a.total, a.ok + a.throttled);
  EXPECT_LT(r.elapsed, std::chrono::seconds(20));
  std::cout << "[          ] adaptive: " << kCalls << " calls, " << a.throttled << " throttled, in "
            << r.elapsed.count() << " ms\n";
}

// A client destroyed with calls still in flight (a cancelled scan abandons
// them) waits for them: each gets exactly one answer, those waiting to retry
// end cancelled, and no answer reaches a destroyed client.
TEST_F(Retries, DestroyingTheClientWaitsForItsCallsInFlight) {
  fake().set_faults(R"({"seed": 3, "service": "sts", "action": "GetCallerIdentity", "latency_ms": 300,
                        "throttle_rate": 0.5})");
  std::atomic<int> answers{0}, successes{0}, cancelled{0};
  const int kCalls = 20;
  {
    AwsClient client(fake_config(fake(), RetryConfig{}), static_credentials(kAlice), transport);
    for (int i = 0; i < kCalls; ++i)
      client.call_async(sts_model(), "GetCallerIdentity", json::object(), "", [&](Result<json> r) {
        ++answers;
        if (r.ok()) ++successes;
        else if (r.error().kind == ErrorKind::kCancelled) ++cancelled;
      });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }  // destroyed here, while the first attempts are still on the wire
  EXPECT_EQ(answers.load(), kCalls);
  EXPECT_GT(successes.load(), 0);
  EXPECT_GT(cancelled.load(), 0) << "some throttled calls were waiting to retry";
  // Nothing arrives after the destructor returned.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(answers.load(), kCalls);
}

}  // namespace
}  // namespace cloudpeek::testing
