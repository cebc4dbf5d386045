// Retries as the AWS SDKs do them: `standard` (exponential backoff with
// jitter, a retry quota) and `adaptive` (plus a client-side token bucket that
// slows down when throttled). AWS_MAX_ATTEMPTS and AWS_RETRY_MODE configure it.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "aws/core/error.h"

namespace cloudpeek {

enum class RetryMode { kStandard, kAdaptive, kLegacy };

struct RetryConfig {
  RetryMode mode = RetryMode::kStandard;
  int max_attempts = 3;  // including the first
  std::chrono::milliseconds max_backoff{20000};
  static RetryConfig from_environment();  // AWS_MAX_ATTEMPTS, AWS_RETRY_MODE; bad values → defaults + warning
};

// What one attempt ended with, as the retry logic sees it.
struct AttemptOutcome {
  int http_status = 0;         // 0: no HTTP response (network error)
  std::string error_code;      // AWS error code if any; for network errors the transport's
                               // code ("Timeout" costs more quota, "TlsFailure" is not retried)
  bool network_error = false;  // connect reset, timeout, DNS...
};

bool is_throttling_error(const AttemptOutcome& o);
bool is_transient_error(const AttemptOutcome& o);  // 5xx, network, RequestTimeout...
bool is_retryable(const AttemptOutcome& o);

// A send token taken on credit in adaptive mode (see acquire_send_delay).
struct SendToken {
  double due = 0;  // the token is there once the bucket has generated this many in all
};

// Shared by all requests of a client: the retry quota and the adaptive rate limiter.
class RetryStrategy {
 public:
  using RandomFn = std::function<double()>;  // uniform in [0, 1)
  using ClockFn = std::function<double()>;   // monotonic seconds

  explicit RetryStrategy(RetryConfig config);
  // For tests: deterministic jitter and a clock that only moves when told to.
  RetryStrategy(RetryConfig config, RandomFn random, ClockFn clock);
  const RetryConfig& config() const { return config_; }

  // Before each attempt (adaptive mode): takes a send token and says how long until it is
  // due at the current rate; zero: send now (always, in standard mode). A token not there
  // yet is taken on credit, so callers queue in order. The wait is an estimate: the rate may
  // recover meanwhile, so a caller should wait a little at a time, asking send_token_wait.
  std::chrono::milliseconds acquire_send_delay(SendToken* token = nullptr);
  // How long until `token` (from acquire_send_delay) is due at the current rate; zero once it is.
  std::chrono::milliseconds send_token_wait(const SendToken& token);
  // After an attempt fails: the delay before the next one, or nullopt if no retry
  // (not retryable, attempts exhausted, or the retry quota is empty).
  // attempt: how many attempts have been made so far, the failed one included (1, 2, ...).
  std::optional<std::chrono::milliseconds> on_failure(const AttemptOutcome& o, int attempt);
  // After an attempt succeeds (refunds quota, feeds the adaptive rate).
  void on_success(bool was_retry);

  int available_quota() const;  // retry tokens left (500 when full)
  double send_rate() const;     // adaptive: requests per second allowed; 0 until the first throttle

 private:
  RetryConfig config_;
  RandomFn random_;
  ClockFn clock_;
  mutable std::mutex mu_;
  int quota_ = 500;
  // adaptive token bucket (CUBIC-like, as in the SDKs); times in seconds of clock_
  double fill_rate_ = 0, max_capacity_ = 0, current_capacity_ = 0;
  double generated_ = 0;  // tokens the bucket has generated in all: SendToken::due counts in these
  double last_timestamp_ = 0, measured_tx_rate_ = 0, last_tx_rate_bucket_ = 0;
  double last_max_rate_ = 0, last_throttle_time_ = 0, time_window_ = 0;
  double request_count_ = 0;
  bool enabled_ = false;
  void update_measured_rate(double now);
  void update_rate(double now, bool throttled);
  void update_bucket_rate(double now, double new_rate);
  void refill(double now);
};

}  // namespace cloudpeek
