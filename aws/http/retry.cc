// Constants follow the AWS SDKs' `standard` mode as botocore and the SDKs and
// Tools reference guide describe it (before the opt-in AWS_NEW_RETRIES_2026
// behaviour, which shortens the transient base delay to 50 ms and raises the
// transient cost to 14 tokens):
//   backoff   = random[0,1) * min(20 s, 1 s * 2^(attempt-1))     ("full jitter")
//   quota     = 500 tokens; a retry costs 5, a retry after a timeout 10;
//               success on the first try returns 1, success after a retry
//               returns what the retry cost (we charge 5: see on_success)
// `adaptive` adds the SDKs' client-side rate limiter: a token bucket whose fill
// rate follows CUBIC (beta 0.7, scale 0.4) on throttling responses, with the
// sending rate measured in half-second buckets and smoothed by 0.8.
#include "aws/http/retry.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <random>
#include <string_view>

#include <spdlog/spdlog.h>

namespace cloudpeek {
namespace {

constexpr int kInitialQuota = 500;
constexpr int kRetryCost = 5;
constexpr int kTimeoutRetryCost = 10;
constexpr int kNoRetryIncrement = 1;
constexpr double kBackoffBaseSeconds = 1.0;

constexpr double kMinFillRate = 0.5;  // requests per second
constexpr double kMinCapacity = 1.0;
constexpr double kSmoothing = 0.8;
constexpr double kBeta = 0.7;
constexpr double kScale = 0.4;
constexpr double kRateBucketSeconds = 0.5;

constexpr std::array<std::string_view, 14> kThrottlingCodes = {
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException",
    "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
    "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
    "EC2ThrottledException"};

constexpr std::array<std::string_view, 4> kTransientCodes = {
    "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalError"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

bool is_timeout(const AttemptOutcome& o) { return o.network_error && o.error_code == "Timeout"; }

double default_random() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
}

double default_clock() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::string trimmed_lower(const char* s) {
  std::string v(s);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
  v.erase(0, std::min(v.size(), v.find_first_not_of(" \t")));
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v;
}

}  // namespace

RetryConfig RetryConfig::from_environment() {
  RetryConfig c;
  if (const char* mode = std::getenv("AWS_RETRY_MODE"); mode && *mode) {
    std::string m = trimmed_lower(mode);
    if (m == "standard") c.mode = RetryMode::kStandard;
    else if (m == "adaptive") c.mode = RetryMode::kAdaptive;
    else if (m == "legacy") c.mode = RetryMode::kLegacy;
    else
      spdlog::warn("AWS_RETRY_MODE=\"{}\" is not one of standard, adaptive, legacy: using standard", mode);
  }
  if (const char* attempts = std::getenv("AWS_MAX_ATTEMPTS"); attempts && *attempts) {
    char* end = nullptr;
    errno = 0;
    long n = std::strtol(attempts, &end, 10);
    while (end && std::isspace(static_cast<unsigned char>(*end))) ++end;
    if (errno != 0 || end == attempts || *end != '\0' || n < 1 || n > 100)
      spdlog::warn("AWS_MAX_ATTEMPTS=\"{}\" is not a whole number from 1 to 100: using {}", attempts,
                   c.max_attempts);
    else
      c.max_attempts = static_cast<int>(n);
  }
  return c;
}

bool is_throttling_error(const AttemptOutcome& o) {
  // 429 without a recognised code is throttling too (API Gateway-fronted services answer so).
  return contains(kThrottlingCodes, o.error_code) || o.http_status == 429;
}

bool is_transient_error(const AttemptOutcome& o) {
  if (o.network_error) return true;
  if (contains(kTransientCodes, o.error_code)) return true;
  return o.http_status == 500 || o.http_status == 502 || o.http_status == 503 || o.http_status == 504;
}

bool is_retryable(const AttemptOutcome& o) {
  // A certificate that failed verification will fail again a second later.
  if (o.network_error && o.error_code == "TlsFailure") return false;
  return is_throttling_error(o) || is_transient_error(o);
}

RetryStrategy::RetryStrategy(RetryConfig config)
    : RetryStrategy(std::move(config), default_random, default_clock) {}

RetryStrategy::RetryStrategy(RetryConfig config, RandomFn random, ClockFn clock)
    : config_(std::move(config)), random_(std::move(random)), clock_(std::move(clock)) {
  config_.max_attempts = std::max(1, config_.max_attempts);
  quota_ = kInitialQuota;
  double now = clock_();
  last_timestamp_ = now;
  last_throttle_time_ = now;
  last_tx_rate_bucket_ = std::floor(now);
}

std::chrono::milliseconds RetryStrategy::acquire_send_delay(SendToken* token) {
  if (config_.mode != RetryMode::kAdaptive) return std::chrono::milliseconds(0);
  std::lock_guard lock(mu_);
  // Until the first throttle the bucket is off: the client sends as fast as it likes.
  if (!enabled_) return std::chrono::milliseconds(0);
  double now = clock_();
  refill(now);
  // The token is taken now even if it is not there yet: capacity below zero is the
  // queue of callers already promised a future token, so each waits its turn.
  current_capacity_ -= 1.0;
  if (current_capacity_ >= 0) return std::chrono::milliseconds(0);
  if (token) token->due = generated_ - current_capacity_;
  double wait = -current_capacity_ / fill_rate_;
  return std::chrono::milliseconds(static_cast<long long>(std::ceil(wait * 1000.0)));
}

// The wait promised by acquire_send_delay was at the rate of that moment. Asked
// again, it is at today's: after a throttling burst the rate grows back within
// seconds, and callers queued at the floor rate must not keep its pace.
std::chrono::milliseconds RetryStrategy::send_token_wait(const SendToken& token) {
  if (config_.mode != RetryMode::kAdaptive) return std::chrono::milliseconds(0);
  std::lock_guard lock(mu_);
  refill(clock_());
  double left = token.due - generated_;
  if (left <= 0 || fill_rate_ <= 0) return std::chrono::milliseconds(0);
  return std::chrono::milliseconds(static_cast<long long>(std::ceil(left / fill_rate_ * 1000.0)));
}

std::optional<std::chrono::milliseconds> RetryStrategy::on_failure(const AttemptOutcome& o, int attempt) {
  std::lock_guard lock(mu_);
  if (config_.mode == RetryMode::kAdaptive) update_rate(clock_(), is_throttling_error(o));
  if (!is_retryable(o) || attempt >= config_.max_attempts) return std::nullopt;
  // The quota stops a client from multiplying load on a failing service; legacy mode has none.
  if (config_.mode != RetryMode::kLegacy) {
    int cost = is_timeout(o) ? kTimeoutRetryCost : kRetryCost;
    if (quota_ < cost) return std::nullopt;
    quota_ -= cost;
  }
  double ceiling = std::min(kBackoffBaseSeconds * std::pow(2.0, std::max(0, attempt - 1)),
                            std::chrono::duration<double>(config_.max_backoff).count());
  double delay = random_() * ceiling;
  return std::chrono::milliseconds(static_cast<long long>(delay * 1000.0));
}

void RetryStrategy::on_success(bool was_retry) {
  std::lock_guard lock(mu_);
  // The SDKs refund exactly what the last retry cost; the caller does not tell us
  // whether that was a timeout, so a retried success returns the ordinary cost.
  quota_ = std::min(kInitialQuota, quota_ + (was_retry ? kRetryCost : kNoRetryIncrement));
  if (config_.mode == RetryMode::kAdaptive) update_rate(clock_(), false);
}

int RetryStrategy::available_quota() const {
  std::lock_guard lock(mu_);
  return quota_;
}

double RetryStrategy::send_rate() const {
  std::lock_guard lock(mu_);
  return enabled_ ? fill_rate_ : 0.0;
}

void RetryStrategy::refill(double now) {
  double gained = (now - last_timestamp_) * fill_rate_;
  generated_ += gained;
  current_capacity_ = std::min(max_capacity_, current_capacity_ + gained);
  last_timestamp_ = now;
}

// The rate we actually send at, averaged over half-second buckets: after a throttle
// the new limit is derived from it, not from a limit we were not using.
void RetryStrategy::update_measured_rate(double now) {
  double bucket = std::floor(now / kRateBucketSeconds) * kRateBucketSeconds;
  request_count_ += 1;
  if (bucket > last_tx_rate_bucket_) {
    double current = request_count_ / (bucket - last_tx_rate_bucket_);
    measured_tx_rate_ = current * kSmoothing + measured_tx_rate_ * (1 - kSmoothing);
    request_count_ = 0;
    last_tx_rate_bucket_ = bucket;
  }
}

void RetryStrategy::update_rate(double now, bool throttled) {
  update_measured_rate(now);
  double calculated;
  if (throttled) {
    double rate = enabled_ ? std::min(measured_tx_rate_, fill_rate_) : measured_tx_rate_;
    last_max_rate_ = rate;
    time_window_ = std::cbrt(last_max_rate_ * (1 - kBeta) / kScale);
    last_throttle_time_ = now;
    calculated = rate * kBeta;  // multiplicative decrease
    enabled_ = true;
  } else {
    // CUBIC growth: flat near the rate that was throttled, faster further from it.
    time_window_ = std::cbrt(last_max_rate_ * (1 - kBeta) / kScale);
    calculated = kScale * std::pow(now - last_throttle_time_ - time_window_, 3) + last_max_rate_;
  }
  // Never allow more than twice what we are really sending.
  update_bucket_rate(now, std::min(calculated, 2 * measured_tx_rate_));
}

void RetryStrategy::update_bucket_rate(double now, double new_rate) {
  refill(now);
  fill_rate_ = std::max(new_rate, kMinFillRate);
  max_capacity_ = std::max(new_rate, kMinCapacity);
  current_capacity_ = std::min(current_capacity_, max_capacity_);
}

}  // namespace cloudpeek
