#include "aws/http/retry.h"

#include <cstdlib>
#include <vector>

#include <gtest/gtest.h>

namespace cloudpeek {
namespace {

AttemptOutcome code(std::string c, int status = 400) {
  AttemptOutcome o;
  o.error_code = std::move(c);
  o.http_status = status;
  return o;
}
AttemptOutcome status(int s) { return code("", s); }
AttemptOutcome network(std::string c) {
  AttemptOutcome o;
  o.network_error = true;
  o.error_code = std::move(c);
  return o;
}

// A clock the test moves by hand.
struct FakeClock {
  double now = 1000.0;
  RetryStrategy::ClockFn fn() {
    return [this] { return now; };
  }
};

TEST(RetryClassify, ThrottlingCodes) {
  for (const char* c : {"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
                        "TooManyRequestsException", "ProvisionedThroughputExceededException",
                        "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
                        "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
                        "EC2ThrottledException"}) {
    EXPECT_TRUE(is_throttling_error(code(c))) << c;
    EXPECT_TRUE(is_retryable(code(c))) << c;
  }
  EXPECT_TRUE(is_throttling_error(status(429)));
}

TEST(RetryClassify, TransientErrors) {
  for (const char* c : {"RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalError"})
    EXPECT_TRUE(is_transient_error(code(c))) << c;
  for (int s : {500, 502, 503, 504}) EXPECT_TRUE(is_transient_error(status(s))) << s;
  for (const char* c : {"Timeout", "ConnectionReset", "ConnectFailure", "DnsFailure", "NetworkError"}) {
    EXPECT_TRUE(is_transient_error(network(c))) << c;
    EXPECT_TRUE(is_retryable(network(c))) << c;
  }
}

TEST(RetryClassify, NotRetried) {
  for (const char* c : {"AccessDenied", "ExpiredToken", "InvalidClientTokenId", "SignatureDoesNotMatch",
                        "ValidationError", "NoSuchBucket"})
    EXPECT_FALSE(is_retryable(code(c, 403))) << c;
  for (int s : {400, 401, 403, 404, 501}) EXPECT_FALSE(is_retryable(status(s))) << s;
  EXPECT_FALSE(is_retryable(network("TlsFailure")));  // verification does not heal itself
}

TEST(RetryBackoff, FullJitterWithinExponentialCeiling) {
  RetryConfig cfg;
  cfg.max_attempts = 10;
  FakeClock clock;
  double r = 0.999;
  RetryStrategy s(cfg, [&] { return r; }, clock.fn());
  // Ceilings 1 s, 2 s, 4 s ... capped at 20 s.
  const long long ceilings[] = {1000, 2000, 4000, 8000, 16000, 20000, 20000};
  for (int attempt = 1; attempt <= 7; ++attempt) {
    auto d = s.on_failure(code("Throttling"), attempt);
    ASSERT_TRUE(d.has_value()) << attempt;
    EXPECT_LE(d->count(), ceilings[attempt - 1]) << attempt;
    EXPECT_GE(d->count(), ceilings[attempt - 1] * 99 / 100) << attempt;
  }
  r = 0.0;
  EXPECT_EQ(s.on_failure(code("Throttling"), 3)->count(), 0);
  r = 0.5;
  EXPECT_EQ(s.on_failure(code("Throttling"), 3)->count(), 2000);
}

TEST(RetryBackoff, RealRandomStaysInBounds) {
  RetryConfig cfg;
  cfg.max_attempts = 5;
  RetryStrategy s(cfg);
  for (int i = 0; i < 50; ++i) {
    auto d = s.on_failure(status(503), 2);
    ASSERT_TRUE(d.has_value());
    EXPECT_GE(d->count(), 0);
    EXPECT_LT(d->count(), 2000);
    s.on_success(true);  // keep the quota topped up
  }
}

TEST(RetryAttempts, StopsAtMaxAttemptsAndOnNonRetryable) {
  RetryConfig cfg;  // 3 attempts
  RetryStrategy s(cfg);
  EXPECT_TRUE(s.on_failure(status(500), 1).has_value());
  EXPECT_TRUE(s.on_failure(status(500), 2).has_value());
  EXPECT_FALSE(s.on_failure(status(500), 3).has_value());
  EXPECT_FALSE(s.on_failure(code("AccessDenied", 403), 1).has_value());
}

TEST(RetryQuota, CostsRefundsAndExhaustion) {
  RetryConfig cfg;
  cfg.max_attempts = 1000;
  FakeClock clock;
  RetryStrategy s(cfg, [] { return 0.0; }, clock.fn());
  EXPECT_EQ(s.available_quota(), 500);
  ASSERT_TRUE(s.on_failure(status(503), 1));
  EXPECT_EQ(s.available_quota(), 495);
  ASSERT_TRUE(s.on_failure(network("Timeout"), 1));
  EXPECT_EQ(s.available_quota(), 485);  // timeouts cost 10
  s.on_success(true);
  EXPECT_EQ(s.available_quota(), 490);  // a retried success returns the retry cost
  s.on_success(false);
  EXPECT_EQ(s.available_quota(), 491);  // a first-try success returns 1
  for (int i = 0; i < 100; ++i) s.on_success(false);
  EXPECT_EQ(s.available_quota(), 500);  // never above the initial 500

  int retries = 0;
  while (s.on_failure(status(503), 1)) ++retries;
  EXPECT_EQ(retries, 100);  // 500 / 5
  EXPECT_EQ(s.available_quota(), 0);
  EXPECT_FALSE(s.on_failure(code("Throttling"), 1).has_value());
  s.on_success(true);  // a success lets retries resume
  EXPECT_TRUE(s.on_failure(code("Throttling"), 1).has_value());
}

TEST(RetryQuota, LegacyModeHasNoQuota) {
  RetryConfig cfg;
  cfg.mode = RetryMode::kLegacy;
  cfg.max_attempts = 5;
  RetryStrategy s(cfg);
  for (int i = 0; i < 200; ++i) ASSERT_TRUE(s.on_failure(status(503), 1).has_value());
}

TEST(RetryAdaptive, StandardModeNeverDelaysSends) {
  RetryStrategy s(RetryConfig{});
  s.on_failure(code("Throttling"), 1);
  EXPECT_EQ(s.acquire_send_delay().count(), 0);
  EXPECT_EQ(s.send_rate(), 0.0);
}

TEST(RetryAdaptive, RateDropsOnThrottleAndRecovers) {
  RetryConfig cfg;
  cfg.mode = RetryMode::kAdaptive;
  FakeClock clock;
  RetryStrategy s(cfg, [] { return 0.0; }, clock.fn());

  // 20 requests a second for 5 seconds: no limit yet.
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(s.acquire_send_delay().count(), 0);
    s.on_success(false);
    clock.now += 0.05;
  }
  EXPECT_EQ(s.send_rate(), 0.0);

  s.on_failure(code("ThrottlingException"), 1);
  double throttled_rate = s.send_rate();
  EXPECT_GT(throttled_rate, 0.5);
  EXPECT_LT(throttled_rate, 20.0 * 0.75);  // about 0.7 x the measured ~20/s

  // A burst now has to wait for tokens: the later callers wait longer.
  long long last = -1;
  bool waited = false;
  for (int i = 0; i < 30; ++i) {
    long long d = s.acquire_send_delay().count();
    EXPECT_GE(d, last);
    last = d;
    waited = waited || d > 0;
  }
  EXPECT_TRUE(waited);
  EXPECT_GT(last, 1000);  // 30 requests at ~14/s take more than a second

  // Successes at the allowed pace: the rate grows back past where it was throttled.
  for (int i = 0; i < 400; ++i) {
    clock.now += 1.0 / std::max(s.send_rate(), 1.0);
    s.on_success(false);
  }
  EXPECT_GT(s.send_rate(), throttled_rate / 0.7);
}

// A scan's first burst of calls is throttled before any rate was measured: the
// limit drops to its floor (0.5/s) and the retries queue behind it. As they go
// out and succeed the rate grows back; queued senders must follow it, not keep
// the pace they were promised when they queued (20 retries would take 40 s).
TEST(RetryAdaptive, QueuedSendersFollowTheRecoveredRate) {
  RetryConfig cfg;
  cfg.mode = RetryMode::kAdaptive;
  FakeClock clock;
  RetryStrategy s(cfg, [] { return 0.0; }, clock.fn());
  s.on_failure(code("Throttling"), 1);
  EXPECT_DOUBLE_EQ(s.send_rate(), 0.5);

  std::vector<SendToken> queue(20);
  std::vector<long long> promised;
  for (auto& t : queue) promised.push_back(s.acquire_send_delay(&t).count());
  EXPECT_NEAR(promised.back(), 40000, 10);
  // Asked again at once, nothing has changed.
  EXPECT_NEAR(s.send_token_wait(queue.back()).count(), promised.back(), 1);

  // Each sender re-checks its token every 100 ms and sends when it is due; each send succeeds.
  const double start = clock.now;
  size_t sent = 0;
  while (sent < queue.size() && clock.now - start < 60) {
    clock.now += 0.1;
    while (sent < queue.size() && s.send_token_wait(queue[sent]).count() == 0) {
      s.on_success(true);
      ++sent;
    }
  }
  ASSERT_EQ(sent, queue.size());
  EXPECT_LT(clock.now - start, 15.0);
  EXPECT_GT(s.send_rate(), 2.0);
  // Later tokens are never due before earlier ones: the queue keeps its order.
  for (size_t i = 1; i < queue.size(); ++i) EXPECT_GT(queue[i].due, queue[i - 1].due);
}

TEST(RetryAdaptive, StandardModeTokensAreAlwaysDue) {
  RetryStrategy s(RetryConfig{});
  SendToken t;
  EXPECT_EQ(s.acquire_send_delay(&t).count(), 0);
  EXPECT_EQ(s.send_token_wait(t).count(), 0);
}

TEST(RetryAdaptive, RepeatedThrottlesKeepLowering) {
  RetryConfig cfg;
  cfg.mode = RetryMode::kAdaptive;
  cfg.max_attempts = 100;
  FakeClock clock;
  RetryStrategy s(cfg, [] { return 0.0; }, clock.fn());
  for (int i = 0; i < 40; ++i) {
    s.on_success(false);
    clock.now += 0.1;
  }
  s.on_failure(code("Throttling"), 1);
  double r1 = s.send_rate();
  clock.now += 0.6;
  s.on_failure(code("Throttling"), 1);
  double r2 = s.send_rate();
  EXPECT_LT(r2, r1);
  for (int i = 0; i < 50; ++i) {
    clock.now += 0.6;
    s.on_failure(code("Throttling"), 1);
  }
  EXPECT_GE(s.send_rate(), 0.5);  // the floor
}

class RetryEnv : public ::testing::Test {
 protected:
  void TearDown() override {
    unsetenv("AWS_MAX_ATTEMPTS");
    unsetenv("AWS_RETRY_MODE");
  }
};

TEST_F(RetryEnv, ReadsValidValues) {
  setenv("AWS_MAX_ATTEMPTS", "7", 1);
  setenv("AWS_RETRY_MODE", "adaptive", 1);
  auto c = RetryConfig::from_environment();
  EXPECT_EQ(c.max_attempts, 7);
  EXPECT_EQ(c.mode, RetryMode::kAdaptive);
  setenv("AWS_RETRY_MODE", "Legacy", 1);
  EXPECT_EQ(RetryConfig::from_environment().mode, RetryMode::kLegacy);
}

TEST_F(RetryEnv, RejectsInvalidValuesAndKeepsDefaults) {
  for (const char* bad : {"0", "-2", "three", "3x", "", "1e3", "999999999999"}) {
    setenv("AWS_MAX_ATTEMPTS", bad, 1);
    EXPECT_EQ(RetryConfig::from_environment().max_attempts, 3) << bad;
  }
  setenv("AWS_RETRY_MODE", "aggressive", 1);
  EXPECT_EQ(RetryConfig::from_environment().mode, RetryMode::kStandard);
}

}  // namespace
}  // namespace cloudpeek
